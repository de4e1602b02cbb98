/** The county map (src/charts/countyMap.ts) on real outlines from content/boundaries. */
import { geoArea } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  countyMap,
  MAP_FONT,
  MAP_WIDTH,
  mapLegend,
  rewindForD3,
  type MapDatum,
} from '../../src/charts/countyMap.ts';
import { prefectureOutlines } from '../../src/site/boundaries.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';

const YUEYANG = prefectureOutlines('430600');
const datum = (code: string, value: number | null, extra: Partial<MapDatum> = {}): MapDatum => ({
  code,
  value,
  text: value == null ? '无此类目标' : `${value}%以上`,
  label: `${code}：${value ?? '无此类目标'}`,
  href: `/counties/${code}/`,
  ...(value == null ? {} : { kind: 'growth', unit: '%' }),
  ...extra,
});
const DATA = [
  datum('430626', 8.5, { highlight: true, label: '平江县（2026年方案）：8.5%以上' }),
  datum('430682', 18.1, { label: '临湘市（2024年方案）：18.1%' }),
  datum('430681', null, { label: '汨罗市（2025年方案）：无此类目标' }),
];
const OPTS = {
  id: 'map-t',
  title: '岳阳市各县研发经费增速',
  description: '示例',
  legendLabel: '增速 %',
};

describe('countyMap', () => {
  const svg = countyMap(YUEYANG, DATA, OPTS);

  it('draws one path per county, a link with its value for each county with a plan', () => {
    expect(YUEYANG).toHaveLength(9);
    const shapes = svg.match(/<path (class="map-none" )?d=/g) ?? [];
    // nine counties plus the outline drawn over the highlighted one
    expect(shapes).toHaveLength(10);
    const links = [...svg.matchAll(/<a class="map-county" href="([^"]+)" aria-label="([^"]+)">/g)];
    expect(links.map((m) => m[1])).toEqual([
      '/counties/430626/',
      '/counties/430681/',
      '/counties/430682/',
    ]);
    expect(links.map((m) => m[2])).toContain('平江县（2026年方案）：8.5%以上');
  });

  it('hatches the counties without a plan and names them', () => {
    expect(svg.match(/class="map-none"/g)).toHaveLength(6);
    expect(svg).toContain('<title>岳阳县：未收录方案</title>');
    expect(svg).toContain('fill="url(#map-t-hatch)"');
  });

  it('colours the higher target darker and a plan without the target grey', () => {
    const fill = (code: string) =>
      new RegExp(`href="/counties/${code}/"[^>]*><path d="[^"]+" fill="([^"]+)"`).exec(svg)?.[1];
    const lum = (c: string) => {
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(c)!;
      return Number(m[1]) + Number(m[2]) + Number(m[3]);
    };
    expect(lum(fill('430682')!)).toBeLessThan(lum(fill('430626')!));
    expect(fill('430681')).toBe('#dfe4e8');
  });

  it('keeps its text at least 11 px on a 390 px phone (358 px column)', () => {
    expect((MAP_FONT * 358) / MAP_WIDTH).toBeGreaterThanOrEqual(11);
    expect(svg).toContain(`viewBox="0 0 ${MAP_WIDTH} `);
    expect(svg).toMatch(/<text [^>]*>平江县<\/text>/);
  });

  it('is accessible, escaped and deterministic', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="county-map" role="group" id="map-t"/,
    );
    expect(svg).toContain('<title id="map-t-title">岳阳市各县研发经费增速</title>');
    const evil = countyMap(YUEYANG, [datum('430626', 1, { label: '<script>x</script>' })], OPTS);
    expect(evil).not.toContain('<script>');
    expect(countyMap([...YUEYANG].reverse(), [...DATA].reverse(), OPTS)).toBe(svg);
  });

  it('refuses to colour two kinds on one map', () => {
    expect(() =>
      countyMap(YUEYANG, [...DATA, datum('430621', 100, { kind: 'level', unit: '家' })], OPTS),
    ).toThrow(/mix kinds/);
  });

  it('has a legend for the ramp and each state it shows, drawn at its own pixel size', () => {
    const legend = mapLegend(DATA, OPTS);
    expect(legend).toMatch(/^<svg [^>]*width="300"/);
    for (const s of ['增速 %', '低 8.5%以上', '高 18.1%', '未收录方案', '无可比目标', '本县'])
      expect(legend).toContain(s);
    expect(mapLegend([datum('430626', 3)], OPTS)).not.toContain('本县');
  });

  it('a locator map, colouring no metric, says its grey counties have a plan, not that they lack a target', () => {
    const legend = mapLegend([datum('430626', null), datum('430682', null)], OPTS);
    expect(legend).toContain('已收录方案');
    expect(legend).not.toContain('无可比目标');
  });
});

describe('rewindForD3', () => {
  it('turns an exterior ring wound the other way so it covers the county, not the globe', () => {
    const ccw = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [113, 29],
          [114, 29],
          [114, 30],
          [113, 30],
          [113, 29],
        ],
      ],
    };
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(rewindForD3(ccw))).toBeLessThan(0.001);
    expect(rewindForD3(rewindForD3(ccw))).toEqual(rewindForD3(ccw));
  });
});

describe('countyMap snapshot', () => {
  it('岳阳市: two counties coloured, one highlighted, one without the target', async () => {
    await expectSvgSnapshot('county-map-yueyang', countyMap(YUEYANG, DATA, OPTS));
    await expectSvgSnapshot('county-map-legend', mapLegend(DATA, OPTS));
  });
});
