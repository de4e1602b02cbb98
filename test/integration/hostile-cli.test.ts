/**
 * The command-line scripts with awkward arguments and unwritable outputs: a
 * glob over a plans folder hands `extract` the `<stem>.yaml` sidecars too, and
 * an output folder that cannot be written (--out, DATA_DIR, the site's dist)
 * ends the script with one line naming the path and the reason, no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatError, PlanInputError } from '../../src/pipeline/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'plans-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = `---\ncounty: 平江县\nyear: 2024\n---\n一、工作目标\n新增高新技术企业10家，全社会研发经费投入增长15%。\n`;
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><div id="zoom"><p>临湘市科技创新行动方案</p><p>${'为推动临湘市科技创新高质量发展，制定本方案。'.repeat(3)}</p><p>一、工作目标</p><p>新增高新技术企业10家，全社会研发经费投入增长15%。</p></div></body></html>`;

function node(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

function npm(args: string[], env: Record<string, string>) {
  return spawnSync('npm', args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

/** Exactly one line of stderr names `target`, it gives a reason, and nothing looks like a stack trace. */
function expectOneLine(stderr: string, target: string) {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Stack trace/);
  const lines = stderr.split('\n').filter((l) => l.includes(target));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/: \S.*\(E[A-Z]+\)$/);
}

describe('extract over a folder glob', () => {
  const plans = path.join(dir, 'plans');
  mkdirSync(plans);
  writeFileSync(path.join(plans, 'pingjiang-2024.txt'), TEXT);
  writeFileSync(path.join(plans, 'linxiang-2024.html'), PAGE);
  writeFileSync(path.join(plans, 'linxiang-2024.yaml'), 'county: 临湘市\nyear: 2024\n');

  it('reads the sidecars with their plans instead of failing on them', () => {
    const out = path.join(dir, 'out');
    const files = readdirSync(plans).map((f) => path.join(plans, f));
    const r = node('scripts/extract.ts', ['--out', out, '--no-overrides', ...files]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['linxiang-2024.json', 'pingjiang-2024.json']);
    const linxiang = JSON.parse(readFileSync(path.join(out, 'linxiang-2024.json'), 'utf8')) as {
      meta: { county: string; inferred: string[] };
    };
    expect(linxiang.meta.county).toBe('临湘市');
    expect(linxiang.meta.inferred).not.toContain('county');
  });

  it('a .yaml with no plan beside it, or beside a text plan, is still an error', () => {
    const orphan = path.join(dir, 'orphan-2024.yaml');
    writeFileSync(orphan, 'county: 平江县\n');
    const besideText = path.join(plans, 'pingjiang-2024.yaml');
    writeFileSync(besideText, 'county: 平江县\n');
    const r = node('scripts/extract.ts', [
      '--out',
      path.join(dir, 'out-orphan'),
      '--no-overrides',
      orphan,
      path.join(plans, 'pingjiang-2024.txt'),
      besideText,
    ]);
    rmSync(besideText);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${orphan}:1: `);
    expect(r.stderr).toMatch(/pingjiang-2024\.yaml:1: .*front matter/);
  });
});

describe('outputs that cannot be written', () => {
  const blocker = path.join(dir, 'a-file');
  writeFileSync(blocker, 'not a folder\n');
  const plans = path.join(dir, 'plans-one');
  mkdirSync(plans);
  writeFileSync(path.join(plans, 'pingjiang-2024.txt'), TEXT);

  it('extract --out under a file: one line naming the folder', () => {
    const out = path.join(blocker, 'out');
    const r = node('scripts/extract.ts', ['--out', out, path.join(plans, 'pingjiang-2024.txt')]);
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, out);
  });

  it('npm run data with DATA_DIR under a file: one line naming the folder', () => {
    const data = path.join(blocker, 'data');
    const r = node('scripts/build-data.ts', [], { PLANS_DIR: plans, DATA_DIR: data });
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, data);
  });

  it('npm run build with the site folder under a file: one line naming it, before Astro starts', () => {
    const site = path.join(blocker, 'dist');
    const r = npm(['run', '-s', 'build'], {
      PLANS_DIR: plans,
      DATA_DIR: path.join(dir, 'data-for-build'),
      SITE_OUT_DIR: site,
    });
    expect(r.status).not.toBe(0);
    expectOneLine(r.stderr, site);
  }, 120_000);
});

describe('formatError: one line for whatever a CLI stops on', () => {
  it('bad input as file:line: reason', () => {
    expect(formatError(new PlanInputError('a.txt', 3, 'why'))).toBe('a.txt:3: why');
  });

  it('a file-system failure names the path and the reason in words', () => {
    const e = Object.assign(new Error("ENOSPC: no space left on device, write '/d/x.json'"), {
      code: 'ENOSPC',
      syscall: 'write',
      path: '/d/x.json',
    });
    expect(formatError(e)).toBe('cannot write /d/x.json: the disk is full (ENOSPC)');
  });

  it('a Zod error names the first field instead of printing JSON', () => {
    const r = z.object({ year: z.number() }).safeParse({ year: 'x' });
    expect(formatError(r.error)).toMatch(/^invalid data at year: /);
    expect(formatError(r.error)).not.toContain('\n');
  });

  it('anything else: the first line of its message', () => {
    expect(formatError(new Error('first\nsecond'))).toBe('first');
  });
});
