/** What the maps and the charts over time show (src/site/mapView.ts, timeSeries.ts). */
import { describe, expect, it } from 'vitest';
import { timeLine } from '../../src/charts/timeLine.ts';
import { TIME_FONT, TIME_WIDTH } from '../../src/charts/timeLine.ts';
import {
  countyCode,
  countyMaps,
  mapData,
  mapTable,
  metricMaps,
  metricPageMaps,
  newestByCounty,
} from '../../src/site/mapView.ts';
import { prefectureOutlines } from '../../src/site/boundaries.ts';
import { timeSeriesView } from '../../src/site/timeSeries.ts';
import { compareKey } from '../../src/site/comparable.ts';
import { METRICS, plan, target } from '../support/site-fixture.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';

const P24 = plan('pingjiang-2024');
const P26 = plan('pingjiang-2026');
const LX = plan('linxiang-2024');
const YJ = plan('yuanjiang-2024');
const PLANS = [LX, P24, P26, YJ];

const rd24 = target('pingjiang-2024', 'rd_spending', 'growth', 30);
const rd26 = target('pingjiang-2026', 'rd_spending', 'growth', 8.5);
const ht24 = target('pingjiang-2024', 'hightech_firms', 'increase', 10);
const ht26 = target('pingjiang-2026', 'hightech_firms', 'level', 100);
const pt24 = target('pingjiang-2024', 'patents', 'increase', 100, { unit: '件' });
const pt26 = target('pingjiang-2026', 'patents', 'increase', 120, { unit: '件' });
const rdLX = target('linxiang-2024', 'rd_spending', 'growth', 18.1);
const htLX = target('linxiang-2024', 'hightech_firms', 'level', 95);
const rdYJ = target('yuanjiang-2024', 'rd_spending', 'growth', 12);
const ALL = [rd24, ht24, pt24, rd26, ht26, pt26, rdLX, htLX, rdYJ];

describe('joining plans to outlines', () => {
  it("uses the plan's GB/T 2260 code, else the division package's for its name", () => {
    expect(countyCode({ county: '平江县', prefecture: '岳阳市', code: '430626' })).toBe('430626');
    expect(countyCode({ county: '平江县', prefecture: '岳阳市' })).toBe('430626');
    expect(countyCode({ county: '不存在县', prefecture: '岳阳市' })).toBeNull();
  });

  it('takes each county by its newest plan', () => {
    const newest = newestByCounty(PLANS);
    expect(newest.get('430626')?.doc).toBe('pingjiang-2026');
    expect([...newest.keys()].sort()).toEqual(['430626', '430682', '430981']);
  });
});

describe('mapData', () => {
  it("colours each county by its newest plan's comparable target, null when it has none", () => {
    const data = mapData(PLANS, ALL, compareKey(rd26), 'pingjiang');
    expect(data.map((d) => [d.code, d.value, d.text, d.highlight ?? false])).toEqual([
      ['430626', 8.5, '8.5%以上', true],
      ['430682', 18.1, '18.1%以上', false],
      ['430981', 12, '12%以上', false],
    ]);
    expect(data[0]!.label).toBe('平江县（2026年方案）：8.5%以上');
    expect(data[0]!.href).toBe('/counties/pingjiang/');
    const levels = mapData(PLANS, ALL, compareKey(ht26));
    expect(levels.map((d) => d.value)).toEqual([100, 95, null]);
    expect(levels[2]!.text).toBe('无此类目标');
  });

  it('lists every county drawn in the table, with or without a plan', () => {
    const outlines = prefectureOutlines('430600');
    const t = mapTable(outlines, mapData(PLANS, ALL, compareKey(rd26)));
    expect(t.rows).toHaveLength(9);
    expect(t.rows.find((r) => r[1] === '430626')).toEqual([
      '平江县',
      '430626',
      '平江县（2026年方案）：8.5%以上',
      '8.5',
    ]);
    expect(t.rows.find((r) => r[1] === '430621')?.[2]).toBe('未收录方案');
  });
});

describe('metricMaps', () => {
  it('draws the province when its plans span prefectures, the prefecture when they do not', () => {
    const [hunan] = metricMaps(METRICS, [rd24, rd26, rdLX, rdYJ], PLANS, ALL, 'rd-growth');
    expect(hunan!.region).toEqual(['43']);
    expect(hunan!.title).toBe('湖南省各县全社会研发经费投入（增速，%）');
    expect(hunan!.legendLabel).toBe('增速 %');
    expect(hunan!.data.every((d) => d.kind === 'growth')).toBe(true);
    const [yueyang] = metricMaps(METRICS, [ht26, htLX], PLANS, ALL, 'ht-level');
    expect(yueyang!.region).toEqual(['430600']);
    expect(yueyang!.data.map((d) => d.code)).toEqual(['430626', '430682']);
    expect(metricMaps(METRICS, [], PLANS, ALL, 'x')).toEqual([]);
  });
});

describe('metricPageMaps', () => {
  it('keeps a metric page to four maps however many chart groups it has, the first groups first', () => {
    const groups = Array.from({ length: 6 }, (_, i) => ({
      members: [rd24, rd26, rdLX, rdYJ],
      slug: `g${i}`,
    }));
    const maps = metricPageMaps(METRICS, groups, PLANS, ALL);
    expect(maps.map((m) => m.length)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(maps.flat().map((m) => m.id)).toEqual(['map-g0-1', 'map-g1-1', 'map-g2-1', 'map-g3-1']);
  });
});

describe('countyMaps', () => {
  it("maps the targets peers in the prefecture share, in the metrics' order", () => {
    const maps = countyMaps([P24, P26], PLANS, ALL, METRICS);
    // 2026's growth of R&D and level of high-tech firms are both in 临湘's plan; its patents are not.
    expect(maps.map((m) => m.title)).toEqual([
      '岳阳市各县全社会研发经费投入（增速，%）',
      '岳阳市各县高新技术企业（总量，家）',
    ]);
    expect(maps.every((m) => m.region.join() === '430600')).toBe(true);
    expect(maps[0]!.data.map((d) => d.code)).toEqual(['430626', '430682']);
  });

  it('falls back to a locator map when no peer shares a target', () => {
    const maps = countyMaps([YJ], PLANS, ALL, METRICS);
    expect(maps).toHaveLength(1);
    expect(maps[0]!.title).toBe('沅江市在益阳市的位置');
    expect(maps[0]!.data).toEqual([expect.objectContaining({ code: '430981', value: null })]);
  });
});

describe('timeSeriesView', () => {
  it('charts each comparable target two or more plans set, never across kinds', () => {
    const v = timeSeriesView([P26, P24], [rd24, ht24, pt24, rd26, ht26, pt26], METRICS);
    expect(v.years).toEqual([2024, 2026]);
    // high-tech firms: an increase in 2024, a level in 2026 — two measures, no line.
    expect(v.series.map((s) => s.title)).toEqual([
      '全社会研发经费投入（增速，%）',
      '专利（新增，件）',
    ]);
    expect(v.series[0]!.points.map((t) => t.value)).toEqual([30, 8.5]);
    expect(v.table.rows).toHaveLength(4);
    expect(v.series[0]!.svg).toContain('8.5%以上');
  });

  it('is empty for a county with one plan', () => {
    expect(timeSeriesView([LX], [rdLX, htLX], METRICS).series).toEqual([]);
  });
});

describe('timeLine', () => {
  const pts = [
    {
      year: 2024,
      value: 30,
      value_max: null,
      text: '30%',
      href: '/plans/a/#t-1',
      kind: 'growth',
      unit: '%',
    },
    {
      year: 2026,
      value: 8.5,
      value_max: null,
      text: '8.5%以上',
      href: '/plans/b/#t-1',
      kind: 'growth',
      unit: '%',
    },
  ];
  const o = { id: 'time-t', title: '研发经费增速', description: '两年', years: [2024, 2026] };

  it('draws a linked dot and a label per plan year, at its phone width', () => {
    const svg = timeLine(pts, o);
    expect(svg.match(/<a href="\/plans\/[ab]\/#t-1"/g)).toHaveLength(2);
    expect(svg).toContain('30%');
    expect(svg).toContain(`viewBox="0 0 ${TIME_WIDTH} `);
    expect((TIME_FONT * 358) / TIME_WIDTH).toBeGreaterThanOrEqual(11);
  });

  it('refuses to join two kinds', () => {
    expect(() => timeLine([pts[0]!, { ...pts[1]!, kind: 'level', unit: '家' }], o)).toThrow(/mix/);
  });

  it('snapshot: a growth target over two plans', async () => {
    await expectSvgSnapshot('time-line-growth', timeLine(pts, o));
  });
});
