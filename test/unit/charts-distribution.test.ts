/** The distribution chart (src/charts/distribution.ts): one box per province, never a bar per county. */
import { describe, expect, it } from 'vitest';
import { miniBox, provinceDistribution } from '../../src/charts/distribution.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';

const opts = {
  id: 'dist-rd',
  title: '全社会研发经费投入 · 增速（%）：各省分布',
  description: '各省县级目标的分布',
  axisLabel: '增速 %',
};
/** Seeded spread of values around a centre. */
const spread = (n: number, centre: number, width: number): number[] =>
  Array.from({ length: n }, (_, i) => Math.round((centre + width * Math.sin(i * 2.39)) * 10) / 10);
const provinces = [
  { label: '湖南省', values: [...spread(40, 12, 4), 45] },
  { label: '河南省', values: spread(30, 15, 3) },
  { label: '新疆维吾尔自治区', values: spread(8, 9, 2) },
  { label: '西藏自治区', values: [] },
];
const national = { label: '全国', values: provinces.flatMap((p) => p.values) };

describe('provinceDistribution', () => {
  it('draws the nation first, then provinces by median, one row each, leaving out empty ones', () => {
    const svg = provinceDistribution(national, provinces, opts);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*（\d+）)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(['全国（79）', '河南省（30）', '湖南省（41）', '新疆维吾尔自治区（8）']);
    // One box per row, whatever the number of values.
    expect(svg.match(/<rect /g)).toHaveLength(4);
  });

  it('marks an outlier once per distinct value, and is accessible', () => {
    const svg = provinceDistribution(national, provinces, opts);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="group" id="dist-rd"/);
    expect(svg).toContain('<title id="dist-rd-title">');
    const many = provinceDistribution(
      { label: '全国', values: [...Array<number>(500).fill(10), 11, 50, 50, 50] },
      [],
      opts,
    );
    // 50 three times is one dot; the box spans 10–10.
    expect(many.match(/<circle /g)).toHaveLength(2);
  });

  it('is deterministic and escapes text', () => {
    const a = provinceDistribution(national, provinces, opts);
    expect(provinceDistribution(national, [...provinces].reverse(), opts)).toBe(a);
    const hostile = provinceDistribution({ label: '<b>x</b>', values: [1, 2] }, [], {
      ...opts,
      title: 'a<b',
    });
    expect(hostile).not.toContain('<b>');
    expect(hostile).toContain('a&lt;b');
  });

  it('snapshot: three provinces and the nation', async () => {
    await expectSvgSnapshot(
      'distribution-provinces',
      provinceDistribution(national, provinces, opts),
    );
  });
});

describe('miniBox', () => {
  it('is decorative: hidden from assistive technology, the numbers are beside it', () => {
    const svg = miniBox(spread(20, 10, 3));
    expect(svg).toMatch(/^<svg aria-hidden="true" focusable="false"/);
    expect(svg).not.toContain('aria-label');
    expect(svg.match(/<rect /g)).toHaveLength(1);
  });
});
