/** Per-prefecture compare pages (site/prefectureCompare.ts): what the plain, script-free form links to. */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/site/indexes.ts';
import { comparablePrefectures, prefectureComparison } from '../../src/site/prefectureCompare.ts';
import { METRICS, plan, target } from '../support/site-fixture.ts';

const plans = [
  plan('pingjiang-2024'),
  plan('pingjiang-2026'),
  plan('linxiang-2024'),
  plan('longhui-2023'),
];
const targets = [
  target('pingjiang-2024', 'hightech_firms', 'level', 80),
  target('pingjiang-2026', 'hightech_firms', 'level', 100),
  target('linxiang-2024', 'hightech_firms', 'level', 95),
  target('longhui-2023', 'hightech_firms', 'level', 60),
];
const index = buildSiteIndex(plans, targets);

describe('a prefecture compared county by county', () => {
  it('exists only where two or more counties have a plan', () => {
    const codes = comparablePrefectures(index).map((g) => g.code);
    const yueyang = plans.find((p) => p.meta.prefecture === '岳阳市')!.prefecture_code;
    const shaoyang = plans.find((p) => p.meta.prefecture === '邵阳市')!.prefecture_code;
    expect(codes).toContain(yueyang);
    expect(codes).not.toContain(shaoyang);
    expect(prefectureComparison(shaoyang, index, METRICS)).toBeNull();
  });

  it('sets each county’s newest plan beside the others, one column per county', () => {
    const code = plans.find((p) => p.meta.prefecture === '岳阳市')!.prefecture_code;
    const view = prefectureComparison(code, index, METRICS)!;
    expect(view.plans.map((p) => p.doc).sort()).toEqual(['linxiang-2024', 'pingjiang-2026']);
    expect(view.html).toContain('100家');
    expect(view.html).toContain('95家');
    // The older plan of the same county is no column of its own.
    expect(view.html).not.toContain('80家');
    expect(view.html).not.toContain('60家');
  });
});
