/**
 * The review report (`npm run extract -- --report`): low-confidence targets of
 * every plan come first, each with its line, why it is low and the nearest
 * wording of the taxonomy; then the numbers that became no target.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONT } from '../unit/plan-helper.ts';

const root = resolve(import.meta.dirname, '../..');

describe('the review report', () => {
  it('lists low-confidence targets first, with reason and nearest wording, then unused numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    try {
      const file = join(dir, 'report-2024.txt');
      writeFileSync(
        file,
        `${FRONT}一、工作目标\n新增高新技术企业10家。培育 3 家知识产权优势企业。\n全县共有企业 1200 余户在册。\n`,
      );
      const out = execFileSync(
        process.execPath,
        [join(root, 'scripts/extract.ts'), '--report', '--no-overrides', file],
        { cwd: root, encoding: 'utf8' },
      );
      const low = out.indexOf('## low-confidence targets');
      const numbers = out.indexOf('## numbers that became no target');
      expect(low).toBeGreaterThan(-1);
      expect(numbers).toBeGreaterThan(low);
      const lowPart = out.slice(low, numbers);
      // The guess is listed with its line, why it is low and what to compare it with …
      expect(lowPart).toMatch(
        /report-2024:9 #p-1 t-[0-9a-f]{8} {2}other\/increase 3家 {2}«培育 3 家知识产权优势企业»/,
      );
      expect(lowPart).toContain('no wording matched, but the label shares words with a metric');
      expect(lowPart).toMatch(/nearest wording \S+ \(\w+\)/);
      // … the sure reading is not.
      expect(lowPart).not.toContain('新增高新技术企业10家');
      expect(out.slice(numbers)).toContain('1200');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
