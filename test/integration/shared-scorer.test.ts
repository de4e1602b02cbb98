/**
 * The shared scorer is the referee: when ../shared sits beside the project (CI,
 * developer machines), run `npm run extract` on its seed corpus and on
 * corpus-real and score both with the acceptance thresholds of issue 9.
 * Without ../shared the test is skipped, and the golden fixture tests
 * (extraction.test.ts, corpus-real.test.ts) still hold the line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, '../shared');
const scorer = join(shared, 'tools/score-extraction.mjs');

/** Extracts every plan of `corpus` and scores it against `gold`; returns the scorer's exit status and output. */
function score(corpus: string, gold: string, thresholds: Record<string, string>) {
  const out = mkdtempSync(join(tmpdir(), 'extract-'));
  try {
    const files = readdirSync(corpus)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(corpus, f));
    execFileSync(process.execPath, [join(root, 'scripts/extract.ts'), '--out', out, ...files], {
      cwd: root,
      stdio: 'pipe',
    });
    const args = [scorer, '--gold', gold, '--corpus', corpus, '--pred', out, '--verbose'];
    for (const [k, v] of Object.entries(thresholds)) args.push(`--${k}`, v);
    try {
      return { status: 0, output: execFileSync(process.execPath, args, { encoding: 'utf8' }) };
    } catch (e) {
      return {
        status: (e as { status: number }).status,
        output: String((e as { stdout: string }).stdout),
      };
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(scorer))('shared extraction scorer', () => {
  it('seeds: typed_f1 >= 0.98, headline_recall = 1.0, full_f1 >= 0.95, recall >= 0.97', () => {
    const { status, output } = score(join(shared, 'corpus'), join(shared, 'gold'), {
      'min-typed-f1': '0.98',
      'min-headline-recall': '1.0',
      'min-full-f1': '0.95',
      'min-recall': '0.97',
    });
    expect(status, output).toBe(0);
    expect(output).toMatch(/meta \(county, year\) correct: 10\/10/);
  });

  it('corpus-real: typed_f1 >= 0.95, headline >= 0.95, full_f1 >= 0.90, recall >= 0.97, precision >= 0.95, confident precision >= 0.97 covering >= 0.80', () => {
    const real = join(shared, 'corpus-real');
    const { status, output } = score(join(real, 'plans'), join(real, 'gold'), {
      'min-typed-f1': '0.95',
      'min-headline-recall': '0.95',
      'min-full-f1': '0.90',
      'min-recall': '0.97',
      'min-precision': '0.95',
      'min-confident-precision': '0.97',
      'min-confident-coverage': '0.80',
    });
    expect(status, output).toBe(0);
  });
});
