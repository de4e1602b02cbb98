/**
 * Golden test on real published plans from other counties and provinces
 * (test/fixtures/corpus-real: 11 texts from 浙江, 重庆, 安徽, 陕西, 湖南, 湖北, with
 * hand-checked answers). They are a validation set: no rule is keyed to their
 * sentences. The thresholds are issue 9's acceptance figures.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differences, figures, runCorpus } from './score.ts';

const fixtures = join(import.meta.dirname, '../fixtures/corpus-real');
const results = runCorpus(join(fixtures, 'plans'), join(fixtures, 'gold'));

describe('extraction on real plans from other counties', () => {
  it('reads all eleven texts and their 85 answers', () => {
    expect(results).toHaveLength(11);
    expect(results.reduce((n, r) => n + r.score.gold, 0)).toBe(85);
  });

  it('finds the targets: recall >= 0.97, precision >= 0.95', () => {
    const f = figures(results);
    const report = differences(results).join('\n');
    expect(f.recall, report).toBeGreaterThanOrEqual(0.97);
    expect(f.precision, report).toBeGreaterThanOrEqual(0.95);
  });

  it('types them: typed F1 >= 0.95, headline recall >= 0.95, full F1 >= 0.90', () => {
    const f = figures(results);
    const report = differences(results).join('\n');
    expect(f.typedF1, report).toBeGreaterThanOrEqual(0.95);
    expect(f.headlineRecall, report).toBeGreaterThanOrEqual(0.95);
    expect(f.fullF1, report).toBeGreaterThanOrEqual(0.9);
  });

  it('high-confidence targets are typed right >= 97% of the time and cover >= 80% of the answers', () => {
    const f = figures(results);
    const report = differences(results).join('\n');
    expect(f.confidentPrecision, report).toBeGreaterThanOrEqual(0.97);
    expect(f.confidentCoverage, report).toBeGreaterThanOrEqual(0.8);
  });

  it('every target carries a confidence, and every quote is cut from the plan exactly', () => {
    for (const r of results) {
      for (const t of r.result.extraction.targets) {
        expect(['high', 'low']).toContain(t.confidence);
        for (const s of t.spans) expect(r.result.document.text.slice(s.start, s.end)).toBe(s.quote);
      }
    }
  });
});
