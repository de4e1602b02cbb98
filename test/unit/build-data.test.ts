/**
 * npm run data over a folder with one good and one broken plan: the broken one
 * stops the build with file, line and reason, and the good one is still written.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'build-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run data with a broken plan', () => {
  const plans = join(tmp, 'plans');
  const data = join(tmp, 'data');
  mkdirSync(plans);
  copyFileSync(join(root, 'content/plans/yuanjiang-2024.txt'), join(plans, 'yuanjiang-2024.txt'));
  writeFileSync(join(plans, 'broken-2024.txt'), '---\ncounty: 平江县\nyear: [2024\n---\n正文');
  const run = spawnSync(process.execPath, [join(root, 'scripts/build-data.ts')], {
    cwd: root,
    env: { ...process.env, PLANS_DIR: plans, DATA_DIR: data },
    encoding: 'utf8',
  });

  it('exits non-zero and names the file, line and reason', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken-2024\.txt:\d+: broken front matter/);
  });

  it('still writes the good plan and lists the failure in report.json', () => {
    const written = JSON.parse(readFileSync(join(data, 'plans.json'), 'utf8')) as { doc: string }[];
    expect(written.map((p) => p.doc)).toEqual(['yuanjiang-2024']);
    const report = JSON.parse(readFileSync(join(data, 'report.json'), 'utf8')) as {
      errors: { file: string; line: number }[];
    };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.file).toMatch(/broken-2024\.txt$/);
    expect(report.errors[0]!.line).toBeGreaterThan(1);
  });
});
