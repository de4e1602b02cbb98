import { describe, expect, it } from 'vitest';
import { BAR_FONT, BAR_WIDTH, rankedBars, type BarRow } from '../../src/charts/rankedBars.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';

const row = (key: string, label: string, value: number, extra: Partial<BarRow> = {}): BarRow => ({
  key,
  label,
  value,
  value_max: null,
  text: `${value}%以上`,
  kind: 'growth',
  unit: '%',
  href: `/plans/${key.split('/')[0]}/#${key.split('/')[1]}`,
  ...extra,
});

const rows = [
  row('pingjiang-2026/t-1', '平江县 2026', 8.5),
  row('pingjiang-2024/t-1', '平江县 2024', 30),
  row('linxiang-2024/t-1', '临湘市 2024', 18.1, { text: '18.1%', highlight: true }),
];
const opts = {
  id: 'chart-rd',
  title: '全社会研发经费投入 · 增速',
  description: '三个方案的研发经费增速目标',
  axisLabel: '增速 %',
};

describe('rankedBars', () => {
  it('draws one linked bar per plan, highest first', () => {
    const svg = rankedBars(rows, opts);
    const bars = [...svg.matchAll(/<a href="([^"]+)"[^>]*>\s*<rect[^>]*width="([\d.]+)"/g)];
    expect(bars.map((m) => m[1])).toEqual([
      '/plans/pingjiang-2024/#t-1',
      '/plans/linxiang-2024/#t-1',
      '/plans/pingjiang-2026/#t-1',
    ]);
    const widths = bars.map((m) => Number(m[2]));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
  });

  it('is accessible: role, title and description referenced by id', () => {
    const svg = rankedBars(rows, opts);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="group" id="chart-rd" aria-labelledby="chart-rd-title" aria-describedby="chart-rd-desc"/,
    );
    expect(svg).toContain('<title id="chart-rd-title">全社会研发经费投入 · 增速</title>');
    expect(svg).toContain('<desc id="chart-rd-desc">三个方案的研发经费增速目标</desc>');
  });

  it('escapes text and keeps labels as worded', () => {
    const svg = rankedBars([row('x-2024/t-1', '<img src=x onerror=alert(1)>', 5)], {
      ...opts,
      title: 'a<b',
    });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('5%以上');
  });

  it('draws a range as a lighter extension to its upper bound', () => {
    const svg = rankedBars(
      [
        row('a-2024/t-1', '甲县 2024', 1, {
          value_max: 2,
          text: '1–2家',
          kind: 'increase',
          unit: '家',
        }),
      ],
      { ...opts, axisLabel: '新增 家' },
    );
    expect(svg).toContain('fill="#9ab8d8"');
    expect(svg).toContain('1–2家');
  });

  it('refuses to put different kinds on one axis', () => {
    expect(() =>
      rankedBars(
        [rows[0]!, row('b-2024/t-2', '乙县 2024', 95, { kind: 'level', unit: '家' })],
        opts,
      ),
    ).toThrow(/mix kinds/);
  });

  it('is drawn at a phone width: its text keeps at least 11 px in a 358 px column', () => {
    const svg = rankedBars(rows, opts);
    expect(svg).toContain(`viewBox="0 0 ${BAR_WIDTH} `);
    expect(svg).toContain(`font-size:${BAR_FONT}px`);
    expect((BAR_FONT * 358) / BAR_WIDTH).toBeGreaterThanOrEqual(11);
    // labels above the bars, not in a left margin
    expect(svg).toMatch(/<text[^>]*>平江县 2024<\/text>/);
  });

  it('is deterministic and rounds floats', () => {
    const a = rankedBars(rows, opts);
    expect(rankedBars([...rows].reverse(), opts)).toBe(a);
    expect(a).not.toMatch(/\d\.\d{3,}/);
  });
});

// Pictures to look at (test/output/*.svg): a change shows up as <name>-changed.svg.
describe('rankedBars snapshots', () => {
  it('growth rates of three plans, one highlighted', async () => {
    await expectSvgSnapshot('ranked-bars-growth', rankedBars(rows, opts));
  });

  it('counts with a range target drawn to its upper bound', async () => {
    const counts = [
      row('a-2024/t-1', '甲县 2024', 1, {
        value_max: 2,
        text: '1–2家',
        kind: 'increase',
        unit: '家',
      }),
      row('b-2024/t-1', '乙县 2024', 5, { text: '5家', kind: 'increase', unit: '家' }),
      row('c-2025/t-3', '丙县 2025', 3, { text: '3家以上', kind: 'increase', unit: '家' }),
    ];
    await expectSvgSnapshot(
      'ranked-bars-range',
      rankedBars(counts, {
        ...opts,
        id: 'chart-range',
        title: '新增高新技术企业',
        axisLabel: '新增 家',
      }),
    );
  });

  it('long county names sit above their bars; a negative value draws left of zero', async () => {
    const mixed = [
      row('x-2024/t-1', '阿鲁科尔沁旗 2024', 12.5),
      row('y-2024/t-1', '莫力达瓦达斡尔族自治旗 2024', -2),
      row('z-2026/t-1', '平江县 2026', 8.5),
    ];
    await expectSvgSnapshot(
      'ranked-bars-long-labels',
      rankedBars(mixed, { ...opts, id: 'chart-long' }),
    );
  });
});
