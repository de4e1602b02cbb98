/**
 * The shared scorer is the referee: when ../shared sits beside the project (CI,
 * developer machines), run `npm run extract` on its corpus and score it with the
 * acceptance thresholds. Without ../shared the test is skipped, and the golden
 * fixtures test above still holds the line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared');
const scorer = join(shared, 'tools/score-extraction.mjs');

describe.skipIf(!existsSync(scorer))('shared extraction scorer', () => {
  it('scores typed_f1 >= 0.95, headline_recall = 1.0, recall >= 0.97', () => {
    const out = mkdtempSync(join(tmpdir(), 'extract-'));
    try {
      const corpus = join(shared, 'corpus');
      const files = readdirSync(corpus)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(corpus, f));
      execFileSync(process.execPath, [join(root, 'scripts/extract.ts'), '--out', out, ...files], {
        cwd: root,
        stdio: 'pipe',
      });
      let output = '';
      let status = 0;
      try {
        output = execFileSync(
          process.execPath,
          [
            scorer,
            '--gold',
            join(shared, 'gold'),
            '--corpus',
            corpus,
            '--pred',
            out,
            '--min-typed-f1',
            '0.95',
            '--min-headline-recall',
            '1.0',
            '--min-recall',
            '0.97',
          ],
          { encoding: 'utf8' },
        );
      } catch (e) {
        status = (e as { status: number }).status;
        output = String((e as { stdout: string }).stdout);
      }
      expect(status, output).toBe(0);
      expect(output).toMatch(/meta \(county, year\) correct: 10\/10/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
