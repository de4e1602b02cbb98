/**
 * The distribution of one comparable group, one box per province: the box
 * spans the quartiles, the thick tick is the median, the whiskers reach the
 * farthest values within 1.5 × the box's width, and values beyond them are
 * dots (one per distinct value, so a thousand equal targets are one dot). The
 * national box comes first. However many counties, the chart has one row per
 * province: never 3,000 bars.
 */
import * as Plot from '@observablehq/plot';
import { quantileSorted } from 'd3';
import { chartDocument, finishSvg } from './svg.ts';

/** One box: a province's (or the nation's) values. */
export interface BoxRow {
  /** Row label, e.g. `湖南省`. */
  label: string;
  /** The values, in any order. */
  values: number[];
}

export interface DistributionOptions {
  id: string;
  title: string;
  description: string;
  /** Axis label, e.g. `增速 %`. */
  axisLabel: string;
  width?: number;
}

interface BoxStats {
  label: string;
  n: number;
  q1: number;
  median: number;
  q3: number;
  lo: number;
  hi: number;
  outliers: number[];
}

/** Quantile by linear interpolation, as the site's tables compute it (site/stats.ts). */
const quantile = (sorted: number[], p: number): number => quantileSorted(sorted, p)!;

function boxStats(row: BoxRow): BoxStats {
  const s = [...row.values].sort((a, b) => a - b);
  const q1 = quantile(s, 0.25);
  const q3 = quantile(s, 0.75);
  const reach = 1.5 * (q3 - q1);
  const inside = s.filter((v) => v >= q1 - reach && v <= q3 + reach);
  return {
    label: `${row.label}（${s.length}）`,
    n: s.length,
    q1,
    median: quantile(s, 0.5),
    q3,
    lo: inside[0] ?? q1,
    hi: inside.at(-1) ?? q3,
    outliers: [...new Set(s.filter((v) => v < q1 - reach || v > q3 + reach))],
  };
}

/**
 * Default width and font, as the ranked bars (rankedBars.ts): charts are shown
 * 1:1, so on a 390 px phone (358 px column) 14-unit text keeps 14 × 358 / 440
 * ≈ 11.4 px, and a desktop shows it at its drawn size.
 */
export const DISTRIBUTION_WIDTH = 440;
const FONT = 14;

/** Rendered width of a label: CJK glyphs about one em, others about half. */
function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

/**
 * Box plot of the national row and the provinces' rows, provinces by median
 * (highest first, then by label); rows without values are left out.
 */
export function provinceDistribution(
  national: BoxRow,
  provinces: BoxRow[],
  o: DistributionOptions,
): string {
  const rows = [
    boxStats(national),
    ...provinces
      .filter((p) => p.values.length)
      .map(boxStats)
      .sort((a, b) => b.median - a.median || a.label.localeCompare(b.label, 'zh-CN')),
  ];
  const outliers = rows.flatMap((r) => r.outliers.map((value) => ({ label: r.label, value })));
  const fontSize = FONT;
  const all = rows.flatMap((r) => [r.lo, r.hi, ...r.outliers]);
  const svg = Plot.plot({
    document: chartDocument(),
    width: o.width ?? DISTRIBUTION_WIDTH,
    height: 48 + rows.length * 26,
    marginLeft: Math.ceil(Math.max(60, ...rows.map((r) => textWidth(r.label, fontSize))) + 12),
    marginRight: 16,
    marginTop: 8,
    marginBottom: 36,
    style: { fontSize: `${fontSize}px` },
    x: {
      grid: true,
      label: o.axisLabel,
      // Few ticks: at 440 units and 14 px, more would collide.
      ticks: 5,
      domain: [Math.min(0, ...all), Math.max(...all) || 1],
      nice: true,
    },
    y: { label: null, domain: rows.map((r) => r.label), padding: 0.3 },
    marks: [
      Plot.ruleY(rows, { y: 'label', x1: 'lo', x2: 'hi', stroke: 'currentColor' }),
      Plot.barX(rows, {
        y: 'label',
        x1: 'q1',
        x2: 'q3',
        fill: (_: BoxStats, i: number) => (i === 0 ? '#c9d9ea' : '#dce6f0'),
        stroke: '#2f6ea5',
        title: (r: BoxStats) =>
          `${r.label}：中位数 ${round(r.median)}，四分位 ${round(r.q1)}–${round(r.q3)}`,
      }),
      Plot.tickX(rows, { y: 'label', x: 'median', stroke: '#1f4e79', strokeWidth: 3 }),
      Plot.dot(outliers, { y: 'label', x: 'value', r: 2.5, stroke: '#2f6ea5', fill: 'none' }),
    ],
  });
  return finishSvg((svg as unknown as Element).outerHTML, o);
}

const round = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * A one-row box for a table cell (the home page's headline distributions):
 * decorative, since the same numbers stand in the cells beside it.
 */
export function miniBox(values: number[], width = 160): string {
  const r = boxStats({ label: '', values });
  const lo = Math.min(r.lo, ...r.outliers);
  const hi = Math.max(r.hi, ...r.outliers);
  const svg = Plot.plot({
    document: chartDocument(),
    width,
    height: 26,
    margin: 6,
    x: { domain: [lo, hi === lo ? lo + 1 : hi], axis: null },
    y: { axis: null, domain: [r.label] },
    marks: [
      Plot.ruleY([r], { y: 'label', x1: 'lo', x2: 'hi', stroke: 'currentColor' }),
      Plot.barX([r], { y: 'label', x1: 'q1', x2: 'q3', fill: '#dce6f0', stroke: '#2f6ea5' }),
      Plot.tickX([r], { y: 'label', x: 'median', stroke: '#1f4e79', strokeWidth: 3 }),
      Plot.dot(
        r.outliers.map((value) => ({ value })),
        { x: 'value', y: () => r.label, r: 2, stroke: '#2f6ea5', fill: 'none' },
      ),
    ],
  });
  return (svg as unknown as Element).outerHTML
    .replace(/-?\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100))
    .replace(/ aria-(label|description)="[^"]*"/g, '')
    .replace('<svg', '<svg aria-hidden="true" focusable="false"');
}
