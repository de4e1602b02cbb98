/**
 * Golden test: the five bundled plans (without their front matter, as counties
 * publish them) against the hand-checked answers copied into test/fixtures/gold.
 * Thresholds are the acceptance figures; the shared scorer is run separately.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processPlanText } from '../../src/pipeline/index.ts';
import { scoreDoc, type GoldTarget, type Scored } from './score.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const docs = readdirSync(join(fixtures, 'gold'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

interface Gold {
  doc: string;
  meta: { county: string; prefecture: string; province: string; year: number };
  targets: GoldTarget[];
}

const results = docs.map((doc) => {
  const text = readFileSync(join(fixtures, 'corpus', `${doc}.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(fixtures, 'gold', `${doc}.json`), 'utf8')) as Gold;
  const result = processPlanText(text, doc);
  return {
    doc,
    text,
    gold,
    result,
    score: scoreDoc(text, gold.targets, result.extraction.targets),
  };
});

function total(
  key: keyof Pick<
    Scored,
    'gold' | 'predicted' | 'found' | 'typed' | 'headlineGold' | 'headlineTyped' | 'leadAgree'
  >,
) {
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

  it('meets recall >= 0.97, typed F1 >= 0.95 and headline recall = 1', () => {
    const recall = total('found') / total('gold');
    const precision = total('typed') / total('predicted');
    const typedRecall = total('typed') / total('gold');
    const typedF1 = (2 * precision * typedRecall) / (precision + typedRecall);
    const report = results.flatMap((r) => [
      ...r.score.missed.map(
        (t) => `${r.doc} missed ${t.metric}/${t.kind} ${t.value}${t.unit} «${t.quotes[0]}»`,
      ),
      ...r.score.mistyped.map(
        (m) =>
          `${r.doc} mistyped ${m.got.metric}/${m.got.kind} for ${m.gold.metric}/${m.gold.kind} «${m.gold.quotes[0]}»`,
      ),
      ...r.score.extra.map(
        (t) => `${r.doc} extra ${t.metric}/${t.kind} ${t.value}${t.unit} «${t.quotes[0]}»`,
      ),
    ]);
    expect.soft(report, report.join('\n')).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(typedF1).toBeGreaterThanOrEqual(0.95);
    expect(total('headlineTyped')).toBe(total('headlineGold'));
  });

  it('names the responsible units of at least 95% of found targets as the answers do', () => {
    expect(total('leadAgree') / total('found')).toBeGreaterThanOrEqual(0.95);
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
