/**
 * npm run data replaces the dataset only when the whole build succeeds: a
 * broken plan, a broken taxonomy or an interrupt names what went wrong and
 * leaves the previous dataset byte for byte.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'build-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const script = join(root, 'scripts/build-data.ts');
const buildData = (env: Record<string, string>): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

/** sha256 of every file under dir, by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/** A plans folder with the given bundled plans. */
function plansWith(name: string, plans: string[]): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const p of plans) copyFileSync(join(root, 'content/plans', p), join(dir, p));
  return dir;
}

/** Everything beside the dataset folder whose name starts like it: staging leftovers. */
const besides = (data: string): string[] =>
  readdirSync(join(data, '..')).filter((n) => n.startsWith('data.'));

describe('npm run data keeps the last good dataset', () => {
  const data = join(tmp, 'out', 'data');
  let good: Record<string, string>;
  beforeAll(() => {
    const plans = plansWith('good', ['yuanjiang-2024.txt']);
    const run = buildData({ PLANS_DIR: plans, DATA_DIR: data });
    expect(run.status, run.stderr).toBe(0);
    good = hashes(data);
  });

  it('writes a dataset a reader can use', () => {
    expect(Object.keys(good)).toEqual(
      expect.arrayContaining([
        'plans.json',
        'targets.json',
        'metrics.json',
        'report.json',
        'docs/yuanjiang-2024.json',
        'originals/yuanjiang-2024.txt',
      ]),
    );
    expect(besides(data)).toEqual([]);
  });

  it('a broken plan: exits non-zero, names file, line and reason, changes nothing', () => {
    const plans = plansWith('broken', ['yuanjiang-2024.txt', 'pingjiang-2024.txt']);
    writeFileSync(join(plans, 'broken-2024.txt'), '---\ncounty: 平江县\nyear: [2024\n---\n正文');
    const run = buildData({ PLANS_DIR: plans, DATA_DIR: data });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken-2024\.txt:\d+: broken front matter/);
    expect(run.stderr).toContain('1 of 3 plan(s) failed');
    expect(run.stderr).toContain(`${data} left as it was`);
    expect(hashes(data)).toEqual(good);
    expect(besides(data)).toEqual([]);
  });

  it('a broken content/metrics.yaml: one line with file and line, no stack, changes nothing', () => {
    const metrics = join(tmp, 'metrics.yaml');
    writeFileSync(metrics, 'rd_spending:\n  zh: [研发\n');
    const run = buildData({
      PLANS_DIR: plansWith('for-metrics', ['yuanjiang-2024.txt']),
      DATA_DIR: data,
      METRICS_FILE: metrics,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/metrics\.yaml:\d+: taxonomy is not valid YAML/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(hashes(data)).toEqual(good);
  });

  it('an interrupt while the dataset is being written: exits 130, changes nothing', async () => {
    // Many plans, so the write takes long enough to be caught in the middle.
    const plans = join(tmp, 'many');
    mkdirSync(plans);
    const text = readFileSync(join(root, 'content/plans/longhui-2023.txt'), 'utf8');
    for (let i = 0; i < 60; i++) writeFileSync(join(plans, `longhui-${2100 + i}.txt`), text);
    const parent = join(data, '..');
    const child = spawn(process.execPath, [script], {
      cwd: root,
      env: { ...process.env, PLANS_DIR: plans, DATA_DIR: data },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let caught = false;
    // The staging folder appearing beside the dataset is the write starting.
    const watcher = watch(parent, (_, name) => {
      if (!caught && name?.startsWith('data.partial-')) {
        caught = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    watcher.close();
    expect(caught, 'the write finished before it could be interrupted').toBe(true);
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(hashes(data)).toEqual(good);
    expect(besides(data)).toEqual([]);
  });

  it('a good build replaces the dataset as a whole', () => {
    const run = buildData({
      PLANS_DIR: plansWith('next', ['pingjiang-2024.txt']),
      DATA_DIR: data,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(data, 'docs'))).toEqual(['pingjiang-2024.json']);
    expect(existsSync(join(data, 'originals/yuanjiang-2024.txt'))).toBe(false);
  });
});
