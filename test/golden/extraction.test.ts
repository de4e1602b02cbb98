/**
 * Golden test: the five bundled plans (without their front matter, as counties
 * publish them) against the hand-checked answers copied into test/fixtures/gold.
 * Thresholds are the acceptance figures; the shared scorer is run separately.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differences, figures, runCorpus, type Scored } from './score.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const results = runCorpus(join(fixtures, 'corpus'), join(fixtures, 'gold'));
const docs = results.map((r) => r.doc);

function total(key: keyof Pick<Scored, 'gold' | 'found' | 'headlineGold' | 'headlineTyped'>) {
  return results.reduce((s, r) => s + r.score[key], 0);
}

describe('extraction against the golden answers', () => {
  it('covers all five plans', () => {
    expect(docs).toHaveLength(5);
  });

  it.each(docs)(
    '%s: county, prefecture, province and year inferred from the text and file name',
    (doc) => {
      const r = results.find((x) => x.doc === doc)!;
      const { county, prefecture, province, year } = r.result.extraction.meta;
      expect({ county, prefecture, province, year }).toEqual({
        county: r.gold.meta.county,
        prefecture: r.gold.meta.prefecture,
        province: r.gold.meta.province,
        year: r.gold.meta.year,
      });
      expect(r.result.extraction.meta.inferred).toEqual(expect.arrayContaining(['county', 'year']));
    },
  );

  it('meets the acceptance figures: typed F1 >= 0.98, headline recall = 1, full F1 >= 0.95', () => {
    const f = figures(results);
    const report = differences(results);
    expect.soft(report, report.join('\n')).toEqual([]);
    expect(f.recall).toBeGreaterThanOrEqual(0.97);
    expect(f.typedF1).toBeGreaterThanOrEqual(0.98);
    expect(f.fullF1).toBeGreaterThanOrEqual(0.95);
    expect(total('headlineGold')).toBeGreaterThan(0);
    expect(f.headlineRecall).toBe(1);
  });

  it('gives high confidence only to targets typed right', () => {
    const f = figures(results);
    expect(f.confidentPrecision, differences(results).join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('names the responsible units of at least 95% of found targets as the answers do', () => {
    expect(figures(results).leadAgreement).toBeGreaterThanOrEqual(0.95);
  });

  it('cuts every quote from the plan text exactly, with no line break inside', () => {
    for (const r of results) {
      for (const t of r.result.extraction.targets) {
        for (const q of t.quotes) {
          expect(r.text.includes(q), `${r.doc}: «${q}»`).toBe(true);
          expect(q).not.toMatch(/\n/);
        }
        for (const s of t.spans) expect(r.text.slice(s.start, s.end)).toBe(s.quote);
      }
    }
  });

  it('merges restatements: no two targets of a plan share metric, kind, value and a quote', () => {
    for (const r of results) {
      const seen = new Set<string>();
      for (const t of r.result.extraction.targets) {
        for (const q of t.quotes) {
          const key = `${t.metric}|${t.kind}|${t.value}|${t.unit}|${q}`;
          expect(seen.has(key), `${r.doc}: ${key}`).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('records allocations that sum to the target value (linxiang indicator table)', () => {
    const r = results.find((x) => x.doc === 'linxiang-2024')!;
    const withSplits = r.result.extraction.targets.filter((t) => t.allocations.length);
    expect(withSplits.length).toBeGreaterThanOrEqual(5);
    for (const t of withSplits)
      expect(t.allocations.reduce((s, a) => s + a.value, 0)).toBeCloseTo(t.value);
  });
});
