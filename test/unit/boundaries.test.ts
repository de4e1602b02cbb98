/** County boundaries: decoding the package's files, joining shapes to codes, the stored TopoJSON. */
import { describe, expect, it } from 'vitest';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  decodeEcharts,
  joinCounties,
  provinceTopology,
  type Division,
  type EchartsCollection,
  type SourceFile,
} from '../../scripts/lib/boundaries.ts';
import { prefectureOutlines, provinceOutlines, regionOutlines } from '../../src/site/boundaries.ts';
import { divisions } from '../../src/pipeline/meta.ts';

/** echarts' compression (the inverse of its decoder): zigzag deltas as characters from 64. */
function encodeRing(ring: [number, number][], scale = 1024): { s: string; offset: number[] } {
  const q = ring.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  let [px, py] = q[0]!;
  const offset = [px, py];
  let s = '';
  for (const [x, y] of q) {
    const zig = (d: number) => (d << 1) ^ (d >> 31);
    s += String.fromCharCode(zig(x - px) + 64, zig(y - py) + 64);
    [px, py] = [x, y];
  }
  return { s, offset };
}

const square = (x: number, y: number, d = 0.5): [number, number][] => [
  [x, y],
  [x, y + d],
  [x + d, y + d],
  [x + d, y],
  [x, y],
];
const plain = (name: string, ring: [number, number][], id?: string) => ({
  ...(id ? { id } : {}),
  properties: { name },
  geometry: { type: 'Polygon' as const, coordinates: [ring] },
});
const file = (name: string, features: EchartsCollection['features']): SourceFile => ({
  file: name,
  json: { type: 'FeatureCollection', features },
});

const D = (code: string, county: string, prefecture = '岳阳市'): Division => ({
  code,
  county,
  prefecture,
  province: '湖南省',
});
const DIVS = [
  D('430601', '市辖区'),
  D('430626', '平江县'),
  D('430682', '临湘市'),
  D('430681', '汨罗市'),
  D('430671', '岳阳经济技术开发区'),
  D('430684', '新设区'),
  D('430182', '宁乡市', '长沙市'),
  D('430181', '浏阳市', '长沙市'),
];

describe('decodeEcharts', () => {
  it('decodes the compressed form to the coordinates it encodes', () => {
    const ring = square(113.25, 29.5);
    const { s, offset } = encodeRing(ring);
    const out = decodeEcharts({
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        {
          id: '430626',
          properties: { name: '平江县' },
          geometry: { type: 'Polygon', coordinates: [s], encodeOffsets: [offset] },
        },
      ],
    });
    expect(out.features[0]!.geometry.coordinates[0]).toEqual(ring);
    expect(out.features[0]!.id).toBe('430626');
  });

  it('passes plain coordinates through and drops features without geometry', () => {
    const out = decodeEcharts({
      type: 'FeatureCollection',
      features: [plain('平江县', square(1, 1)), { properties: { name: 'x' }, geometry: null }],
    });
    expect(out.features).toHaveLength(1);
    expect(out.features[0]!.geometry.coordinates[0]).toEqual(square(1, 1));
  });
});

describe('joinCounties', () => {
  const { shapes, report } = joinCounties(
    [
      file('yueyang.geojson', [
        plain('平江县', square(113.5, 28.5)),
        plain('临湘', square(113.5, 29.5)),
        plain('君山区', square(113, 29.5)),
        plain('汨罗市', square(113, 28.5)),
        plain('汨罗市', square(112.5, 28.5)),
      ]),
      file('changsha.geojson', [
        plain('宁乡县', square(112, 28)),
        plain('浏阳市', square(113, 28)),
      ]),
      file('taipei.geojson', [plain('中正區', square(121, 25))]),
    ],
    DIVS,
  );
  const byCode = new Map(shapes.map((s) => [s.code, s]));

  it('joins by exact name, then by short name within the prefecture', () => {
    expect(byCode.get('430626')?.name).toBe('平江县');
    expect(byCode.get('430682')).toMatchObject({
      name: '临湘市',
      sourceName: '临湘',
      pref: '430600',
    });
    expect(byCode.get('430182')).toMatchObject({
      name: '宁乡市',
      sourceName: '宁乡县',
      pref: '430100',
    });
    expect(report.byShortName.map((s) => `${s.from}→${s.to}`).sort()).toEqual([
      '临湘→临湘市',
      '宁乡县→宁乡市',
    ]);
  });

  it('merges the parts of one county given as several features', () => {
    expect(byCode.get('430681')?.geometry.type).toBe('MultiPolygon');
  });

  it('lists shapes that match nothing, counties without a shape, files it cannot place', () => {
    expect(report.unmatched).toEqual([{ file: 'yueyang.geojson', name: '君山区' }]);
    // 市辖区 and the 7x development-zone codes have no land of their own: not "missing".
    expect(report.missing).toEqual([{ code: '430684', name: '新设区', prefecture: '岳阳市' }]);
    expect(report.skippedFiles.map((s) => s.file)).toEqual(['taipei.geojson']);
  });

  it('prefers a code the file carries over the name', () => {
    const { shapes: coded } = joinCounties(
      [file('c.geojson', [plain('改名了', square(1, 1), '430626')])],
      DIVS,
    );
    expect(coded.map((s) => [s.code, s.name])).toEqual([['430626', '平江县']]);
  });
});

describe('provinceTopology', () => {
  it('shares a border between neighbours even when their copies differ by float noise', () => {
    const a = square(113, 29);
    const b = square(113.5, 29).map(([x, y]): [number, number] => [
      x === 113.5 ? 113.50000000000001 : x,
      y,
    ]);
    const topo = provinceTopology(
      [
        {
          code: '430626',
          name: '平江县',
          pref: '430600',
          geometry: { type: 'Polygon', coordinates: [a] },
        },
        {
          code: '430682',
          name: '临湘市',
          pref: '430600',
          geometry: { type: 'Polygon', coordinates: [b] },
        },
      ],
      { quantization: 1000, minAreaKm2: 1 },
    ) as Topology<{ counties: GeometryCollection<{ name: string; pref: string }> }>;
    const inner = mesh(topo, topo.objects.counties, (x, y) => x !== y);
    expect(inner.coordinates).toHaveLength(1);
    const fs = feature(topo, topo.objects.counties).features;
    expect(fs.map((f) => [f.id, f.properties.name, f.properties.pref])).toEqual([
      ['430626', '平江县', '430600'],
      ['430682', '临湘市', '430600'],
    ]);
    expect(topo.transform).toBeDefined();
  });
});

describe('stored boundaries (content/boundaries)', () => {
  it("outline every county of the bundled plans' prefectures under its GB/T 2260 code", () => {
    const { counties } = divisions();
    for (const [county, n] of [
      ['平江县', 9],
      ['沅江市', 6],
      ['隆回县', 12],
    ] as const) {
      const code = counties.find((c) => c.county === county)!.code;
      const outlines = prefectureOutlines(code);
      expect(outlines.map((o) => o.code)).toContain(code);
      expect(outlines, county).toHaveLength(n);
      expect(new Set(outlines.map((o) => o.pref))).toEqual(new Set([`${code.slice(0, 4)}00`]));
    }
  });

  it('simplifies a province for the width it is drawn at and leaves a prefecture as stored', () => {
    const points = (os: { geometry: { coordinates: unknown } }[]) =>
      os.reduce((n, o) => n + JSON.stringify(o.geometry.coordinates).split('],[').length, 0);
    const full = provinceOutlines('43');
    const drawn = regionOutlines(['43'], 380);
    expect(drawn.map((o) => o.code)).toEqual(full.map((o) => o.code));
    expect(points(drawn)).toBeLessThan(points(full) * 0.7);
    expect(regionOutlines(['430600'], 380)).toEqual(prefectureOutlines('430600'));
    expect(regionOutlines(['430600', '430900'], 380).map((o) => o.pref)).toContain('430900');
  });

  it('hands out nothing for a province it has no file for', () => {
    expect(provinceOutlines('99')).toEqual([]);
  });
});
