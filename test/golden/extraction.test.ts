/**
 * Golden test: the five bundled plans (without their front matter, as counties
 * publish them) against the hand-checked answers copied into test/fixtures/gold.
 * Thresholds are the acceptance figures; the shared scorer is run separately.
 * Each plan's whole extraction output (ids included) is also kept as a golden
 * file, test/output/extraction/<doc>.json (see test/support/svg-snapshot.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFileSnapshot } from '../support/svg-snapshot.ts';
import {
  differences,
  FIELDS,
  fieldOf,
  figures,
  runCorpus,
  scoreDoc,
  type Scored,
} from './score.ts';

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

describe('every field of the answers', () => {
  it('each found target is typed and agrees in qualifier, deadline, section, scope, lead and allocations', () => {
    for (const r of results) {
      expect(r.score.found, r.doc).toBe(r.score.gold);
      expect(r.score.typed, r.doc).toBe(r.score.gold);
      const report = r.score.partial.map(
        (m) =>
          `${m.fields.join(',')} «${m.gold.quotes[0]}»: ${m.fields.map((f) => `${fieldOf(m.got, f)} for ${fieldOf(m.gold, f)}`).join('; ')}`,
      );
      expect(report, r.doc).toEqual([]);
    }
  });

  // The comparison above can fail: an answer changed in any one field is reported in that field.
  it.each(FIELDS)('a difference in %s alone is reported as that field', (field) => {
    const r = results.find((x) => x.doc === 'linxiang-2024')!;
    const gold = r.gold.targets.map((t) => ({ ...t }));
    const i = gold.findIndex((t) => (t.allocations?.length ?? 0) > 0);
    const t = gold[i]!;
    const changed = {
      qualifier: { qualifier: t.qualifier === 'about' ? 'reach' : 'about' },
      deadline: { deadline: (t.deadline ?? 2000) + 1 },
      section: { section: '二、别的章节' },
      scope: { scope: t.scope ? null : '规模以上' },
      lead: { lead: [...(t.lead ?? []), '县财政局'] },
      allocations: {
        allocations: t.allocations!.map((a, k) => (k === 0 ? { ...a, value: a.value + 1 } : a)),
      },
    }[field];
    gold[i] = { ...t, ...changed };
    const score = scoreDoc(r.text, gold, r.result.extraction.targets);
    expect(score.partial.map((m) => m.fields)).toEqual([[field]]);
  });
});

describe('whole-plan golden output', () => {
  it.each(docs)(
    '%s: the extraction, ids included, is test/output/extraction/<doc>.json',
    async (doc) => {
      const r = results.find((x) => x.doc === doc)!;
      await expectFileSnapshot(
        `extraction/${doc}`,
        'json',
        JSON.stringify(r.result.extraction, null, 1),
      );
    },
  );
});
