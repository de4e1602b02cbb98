/**
 * npm run data's extraction cache: a rebuild reads only the plans that changed,
 * and what it publishes is byte for byte what a build without the cache
 * publishes; a changed taxonomy, a changed plan or a damaged entry is never
 * served from the cache.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'data-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cacheDir = join(tmp, 'cache');
const plans = join(tmp, 'plans');
mkdirSync(plans);

function buildData(data: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/build-data.ts')], {
    cwd: root,
    env: { ...process.env, PLANS_DIR: plans, DATA_DIR: data, DATA_CACHE_DIR: cacheDir, ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const m = /\((\d+) read, (\d+) from the cache\)/.exec(run.stdout);
  return { read: Number(m?.[1]), cached: Number(m?.[2]), stdout: run.stdout };
}

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

const add = (name: string) => copyFileSync(join(root, 'content/plans', name), join(plans, name));

/** The same plans built with no cache at all: what every cached build must equal. */
const uncached = (name: string) => {
  const dir = join(tmp, name);
  buildData(dir, { DATA_CACHE: 'off' });
  return hashes(dir);
};

describe('the extraction cache', () => {
  const data = join(tmp, 'data');

  it('reads every plan the first time, none the second, and publishes the same bytes', () => {
    for (const p of ['yuanjiang-2024.txt', 'longhui-2023.txt', 'linxiang-2024.txt']) add(p);
    expect(buildData(data)).toMatchObject({ read: 3, cached: 0 });
    const first = hashes(data);
    expect(buildData(data)).toMatchObject({ read: 0, cached: 3 });
    expect(hashes(data)).toEqual(first);
    expect(first).toEqual(uncached('ref-3'));
  });

  it('after one plan is added, reads that plan only', () => {
    add('pingjiang-2024.txt');
    expect(buildData(data)).toMatchObject({ read: 1, cached: 3 });
    expect(hashes(data)).toEqual(uncached('ref-4'));
  });

  it('reads a plan again when its bytes change, and never serves the old reading', () => {
    const file = join(plans, 'linxiang-2024.txt');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n到2030年，新增高新技术企业99家。\n`);
    expect(buildData(data)).toMatchObject({ read: 1, cached: 3 });
    expect(hashes(data)).toEqual(uncached('ref-edited'));
    expect(readFileSync(join(data, 'targets.json'), 'utf8')).toContain('新增高新技术企业99家');
  });

  it('reads every plan again when the taxonomy changes', () => {
    const metrics = join(tmp, 'metrics.yaml');
    // Another wording for a metric: the same plans may now read differently.
    const yaml = readFileSync(join(root, 'content/metrics.yaml'), 'utf8');
    writeFileSync(metrics, yaml.replace('全社会研发经费投入,', '全社会研发经费投入, 科研经费,'));
    expect(buildData(data, { METRICS_FILE: metrics })).toMatchObject({ read: 4, cached: 0 });
    expect(buildData(data, { METRICS_FILE: metrics })).toMatchObject({ read: 0, cached: 4 });
    // Back to the bundled taxonomy: its entries are still there.
    expect(buildData(data)).toMatchObject({ read: 0, cached: 4 });
  });

  it('makes slugs unique after the cache, in the documents too', () => {
    const body = readFileSync(join(root, 'content/plans/yuanjiang-2024.txt'), 'utf8').replace(
      /^---[\s\S]*?---\n/,
      '',
    );
    // Two districts named 通州区: one slug until the build tells them apart by their codes.
    for (const [stem, prefecture, province] of [
      ['tongzhou-2024', '北京市', '北京市'],
      ['tongzhou-js-2024', '南通市', '江苏省'],
    ])
      writeFileSync(
        join(plans, `${stem}.txt`),
        `---\ncounty: 通州区\nprefecture: ${prefecture}\nprovince: ${province}\nyear: 2024\n---\n${body}`,
      );
    for (const expected of [
      { read: 2, cached: 4 },
      { read: 0, cached: 6 },
    ]) {
      expect(buildData(data)).toMatchObject(expected);
      const slugs = ['tongzhou-2024', 'tongzhou-js-2024'].map((doc) => {
        const d = JSON.parse(readFileSync(join(data, `docs/${doc}.json`), 'utf8')) as {
          meta: { slug: string };
        };
        return d.meta.slug;
      });
      expect(slugs).toEqual(['tongzhou-qu-110112', 'tongzhou-qu-320612']);
      const records = JSON.parse(readFileSync(join(data, 'plans.json'), 'utf8')) as {
        doc: string;
        meta: { slug: string };
      }[];
      expect(records.filter((p) => p.doc.startsWith('tongzhou')).map((p) => p.meta.slug)).toEqual(
        slugs,
      );
    }
    expect(hashes(data)).toEqual(uncached('ref-slugs'));
  });

  it('treats a damaged entry as missing', () => {
    const docs = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.name.endsWith('.doc.json'),
    );
    expect(docs.length).toBeGreaterThanOrEqual(6);
    for (const d of docs) {
      const file = join(d.parentPath, d.name);
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    }
    expect(buildData(data)).toMatchObject({ read: 6, cached: 0 });
    expect(hashes(data)).toEqual(uncached('ref-damaged'));
  });
});
