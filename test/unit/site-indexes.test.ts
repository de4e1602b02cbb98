/** The build's indexes (indexes.ts), the region and index pages (regionView.ts) and paging. */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/site/indexes.ts';
import { pageGroups } from '../../src/site/paging.ts';
import {
  indexGroups,
  planIndexPages,
  prefectureView,
  provinceView,
} from '../../src/site/regionView.ts';
import { METRICS, plan, target } from '../support/site-fixture.ts';

const plans = [
  'pingjiang-2026',
  'gongyi-2025',
  'linxiang-2024',
  'pingjiang-2024',
  'dengfeng-2025',
  'wugang-2023',
  'longhui-2023',
  'lingbao-2024',
].map((d) => plan(d));
const targets = [
  target('pingjiang-2026', 'rd_spending', 'growth', 8.5),
  target('pingjiang-2024', 'rd_spending', 'growth', 30),
  // Mentioned after the plan's R&D target: targets are ordered by first mention.
  target('pingjiang-2026', 'hightech_firms', 'level', 100, {
    spans: [{ quote: 'hightech_firms 100家', anchor: 'p-2', start: 40, end: 58 }],
  }),
  target('dengfeng-2025', 'rd_spending', 'growth', 20),
];
const index = buildSiteIndex(plans, [...targets].reverse());

describe('buildSiteIndex', () => {
  it('groups targets by plan and by metric, in target order', () => {
    expect(index.targetsByDoc.get('pingjiang-2026')!.map((t) => t.metric)).toEqual([
      'rd_spending',
      'hightech_firms',
    ]);
    expect(index.targetsByMetric.get('rd_spending')!.map((t) => t.doc)).toEqual([
      'dengfeng-2025',
      'pingjiang-2024',
      'pingjiang-2026',
    ]);
    expect(index.targetsByDoc.get('wugang-2023')).toBeUndefined();
  });

  it('puts each county once, with its plans oldest first and its newest as latest', () => {
    const pj = index.countyBySlug.get('pingjiang')!;
    expect(pj.plans.map((p) => p.doc)).toEqual(['pingjiang-2024', 'pingjiang-2026']);
    expect([pj.latest.doc, pj.name, pj.code]).toEqual(['pingjiang-2026', '平江县', '430626']);
    expect(pj.prefecture).toEqual({ code: '430600', name: '岳阳市' });
    expect(index.counties).toHaveLength(7);
  });

  it('orders provinces, prefectures and counties by GB/T 2260 code', () => {
    expect(index.provinces.map((p) => [p.code, p.name, p.counties.length, p.plans])).toEqual([
      ['410000', '河南省', 3, 3],
      ['430000', '湖南省', 4, 5],
    ]);
    const hunan = index.provinceByCode.get('430000')!;
    expect(hunan.prefectures.map((p) => [p.code, p.name])).toEqual([
      ['430500', '邵阳市'],
      ['430600', '岳阳市'],
    ]);
    // 隆回县 430524 before 武冈市 430581; 岳阳市: 平江县 430626 before 临湘市 430682.
    expect(hunan.counties.map((c) => c.slug)).toEqual([
      'longhui',
      'wugang',
      'pingjiang',
      'linxiang',
    ]);
    expect(index.regionOfDoc('gongyi-2025')).toEqual({ province: '410000', prefecture: '410100' });
    expect(index.regionOfDoc('nowhere-2024')).toEqual({ province: '', prefecture: '' });
  });
});

describe('province and prefecture pages', () => {
  it('list every county and plan of the region, and one matrix row per county', () => {
    const v = provinceView('430000', index, METRICS);
    expect([v.name, v.level, v.parent, v.counties, v.plans, v.targets]).toEqual([
      '湖南省',
      'province',
      null,
      4,
      5,
      3,
    ]);
    expect(v.lists.map((l) => [l.name, l.counties.map((c) => c.slug), l.plans])).toEqual([
      ['邵阳市', ['longhui', 'wugang'], 2],
      ['岳阳市', ['pingjiang', 'linxiang'], 3],
    ]);
    expect(v.matrix.map((r) => r.plan.doc)).toEqual([
      'longhui-2023',
      'wugang-2023',
      'pingjiang-2026',
      'linxiang-2024',
    ]);
    expect(v.heads.map((m) => m.key)).toEqual(['rd_spending', 'hightech_firms']);
    expect(v.municipality).toBe(false);
  });

  it('name a prefecture’s province', () => {
    const v = prefectureView('410100', index, METRICS);
    expect([v.name, v.parent, v.counties]).toEqual([
      '郑州市',
      { code: '410000', name: '河南省' },
      2,
    ]);
    expect(() => prefectureView('999900', index, METRICS)).toThrow(/no prefecture 999900/);
    expect(() => provinceView('990000', index, METRICS)).toThrow(/no province 990000/);
  });

  it('give the indexes every county grouped by province', () => {
    expect(indexGroups(index).map((g) => [g.name, g.counties.length, g.plans])).toEqual([
      ['河南省', 3, 3],
      ['湖南省', 4, 5],
    ]);
  });
});

describe('paging', () => {
  const groups = [
    { name: 'a', n: 3 },
    { name: 'b', n: 4 },
    { name: 'c', n: 9 },
    { name: 'd', n: 1 },
  ];
  const names = (max: number) =>
    pageGroups(groups, (g) => g.n, max).map((p) => [
      p.number,
      p.groups.map((g) => g.name),
      p.items,
    ]);

  it('fills pages with whole groups, a group too large for any page on its own', () => {
    expect(names(8)).toEqual([
      [1, ['a', 'b'], 7],
      [2, ['c'], 9],
      [3, ['d'], 1],
    ]);
    expect(names(100)).toEqual([[1, ['a', 'b', 'c', 'd'], 17]]);
    expect(names(1)).toEqual([
      [1, ['a'], 3],
      [2, ['b'], 4],
      [3, ['c'], 9],
      [4, ['d'], 1],
    ]);
  });

  it('always has a first page, and refuses a page size below one', () => {
    expect(pageGroups([], () => 1, 10)).toEqual([{ number: 1, groups: [], items: 0 }]);
    expect(() => pageGroups(groups, (g) => g.n, 0)).toThrow(/at least 1/);
  });

  it('splits the plans index by province only when it outgrows a page', () => {
    expect(planIndexPages(index).map((p) => p.items)).toEqual([8]);
    expect(planIndexPages(index, 4).map((p) => p.groups.map((g) => g.name))).toEqual([
      ['河南省'],
      ['湖南省'],
    ]);
  });
});
