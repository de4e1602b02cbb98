/**
 * Plan ids and metadata the site could not serve are stopped at the data step,
 * each with its file, line and reason: file names that are not URL-safe ids
 * (`..txt`, `p#q-2024.txt`, `?.txt`, `%2e%2e.txt`) and front matter or sidecar
 * fields of the wrong type or range (`year: -2024`, `title: {a: 1}`, a county
 * whose name gives no slug). The other plans are processed all the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processCorpus, processPlanText } from '../../src/pipeline/index.ts';
import { inputErrorOf } from '../support/input-error.ts';
import { planIdProblem } from '../../src/pipeline/planId.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'plans-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BODY = '一、工作目标\n新增高新技术企业10家，全社会研发经费投入增长15%。\n';
const front = (fields: string) => `---\n${fields}\n---\n${BODY}`;
const GOOD = front('county: 平江县\nyear: 2024');

function write(sub: string, name: string, data: string): string {
  const file = path.join(dir, sub, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}

const metaError = (text: string, file = 'plans/x-2024.txt') =>
  inputErrorOf(() => processPlanText(text, 'x-2024', { file }));

describe('plan ids (file name stems)', () => {
  it('lower-case letters, digits, hyphens and underscores are ids', () => {
    for (const id of ['pingjiang-2024', 'yueyang-xian-2024', 'p_2', '2024'])
      expect(planIdProblem(id)).toBeNull();
  });

  it('names that break a URL or a file path are not, with a suggestion', () => {
    for (const id of ['.', '..', 'p#q-2024', '?', '%2e%2e', 'a b', 'a/b', '-x', 'Pingjiang-2024'])
      expect(planIdProblem(id)).toMatch(/plan id/);
    expect(planIdProblem('Pingjiang-2024')).toMatch(/pingjiang-2024/);
    expect(planIdProblem('平江县方案2024')).toMatch(/pingjiangxianfangan2024/);
  });

  it('a corpus run reports each such file with line 1 and goes on with the good plan', async () => {
    const bad = ['..txt', 'p#q-2024.txt', '?.txt', '%2e%2e.txt'].map((n) => write('ids', n, GOOD));
    const good = write('ids', 'good-2024.txt', GOOD);
    const run = await processCorpus([...bad, good]);
    expect(run.results.map((r) => r.extraction.doc)).toEqual(['good-2024']);
    expect(run.errors.map((e) => e.file)).toEqual(bad);
    for (const e of run.errors) {
      expect(e.line).toBe(1);
      expect(e.reason).toMatch(/plan id/);
    }
  });
});

describe('front matter fields', () => {
  it('year: -2024 is an error on the year line', () => {
    const e = metaError(front('county: 平江县\nyear: -2024'));
    expect([e.file, e.line]).toEqual(['plans/x-2024.txt', 3]);
    expect(e.reason).toMatch(/year/);
  });

  it('year: true and year: 20245 are errors too; year: "2024" is a year', () => {
    expect(metaError(front('county: 平江县\nyear: true')).reason).toMatch(/year/);
    expect(metaError(front('county: 平江县\nyear: 20245')).reason).toMatch(/year/);
    const r = processPlanText(front('county: 平江县\nyear: "2024"'), 'x');
    expect(r.extraction.meta.year).toBe(2024);
  });

  it('title: {a: 1} is an error on the title line, not the text {"a":1}', () => {
    const e = metaError(front('county: 平江县\nyear: 2024\ntitle: {a: 1}'));
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/title/);
  });

  it('county: "!!!" (no slug) is an error on the county line', () => {
    const e = metaError(front('year: 2024\ncounty: "!!!"'));
    expect(e.line).toBe(3);
    expect(e.reason).toMatch(/county/);
  });

  it('a misspelt field is an error naming the field it was meant to be', () => {
    const e = metaError(front('county: 平江县\nyear: 2024\ntitel: 方案'));
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/titel.*title/);
  });

  it('fields of other tools (genre, truncated) are accepted', () => {
    const r = processPlanText(
      front('county: 平江县\nyear: 2024\ngenre: plan\ntruncated: true'),
      'x',
    );
    expect(r.extraction.meta.county).toBe('平江县');
  });

  it('invisible characters in a field are dropped, so the county is still known', () => {
    const r = processPlanText(front('county: 平江\u200b县\nyear: 2024'), 'x');
    expect(r.extraction.meta.code).toBe('430626');
  });
});

describe('sidecar fields of a web-page plan', () => {
  it('a bad year in <stem>.yaml names the sidecar file and its line', async () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><div id="zoom"><p>平江县科技创新行动方案</p><p>${'为推动平江县科技创新高质量发展，制定本方案。'.repeat(3)}</p><p>一、工作目标</p><p>新增高新技术企业10家，全社会研发经费投入增长15%。</p></div></body></html>`;
    const html = write('sidecar', 'pj-2024.html', page);
    const yaml = write('sidecar', 'pj-2024.yaml', 'county: 平江县\nyear: -2024\n');
    const run = await processCorpus([html]);
    expect(run.results).toEqual([]);
    expect(run.errors.map((e) => [e.file, e.line])).toEqual([[yaml, 2]]);
    expect(run.errors[0]!.reason).toMatch(/year/);
  });
});

describe('npm run data over plans with bad ids and fields', () => {
  it('exits 1 with one line per bad plan and no stack trace', () => {
    const plans = path.join(dir, 'data-plans');
    const data = path.join(dir, 'data-out');
    write('data-plans', 'good-2024.txt', GOOD);
    write('data-plans', 'p#q-2024.txt', GOOD);
    write('data-plans', '%2e%2e.txt', GOOD);
    write('data-plans', 'year-2024.txt', front('county: 平江县\nyear: -2024'));
    write('data-plans', 'title-2024.txt', front('county: 平江县\nyear: 2024\ntitle: {a: 1}'));
    write('data-plans', 'county-2024.txt', front('county: "!!!"\nyear: 2024'));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-data.ts')], {
      cwd: ROOT,
      env: { ...process.env, PLANS_DIR: plans, DATA_DIR: data },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    for (const [name, line] of [
      ['p#q-2024.txt', 1],
      ['%2e%2e.txt', 1],
      ['year-2024.txt', 3],
      ['title-2024.txt', 4],
      ['county-2024.txt', 2],
    ] as const)
      expect(run.stderr).toContain(`${path.join(plans, name)}:${line}: `);
    expect(run.stderr).not.toContain('good-2024');
  }, 60_000);
});
