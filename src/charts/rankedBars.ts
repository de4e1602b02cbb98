/**
 * Ranked horizontal bars: one indicator, one kind, one bar per plan.
 * Callers pass rows of a single kind and unit; mixing a growth rate with a
 * level on one axis is exactly what this chart exists to avoid, so it throws.
 */
import * as Plot from '@observablehq/plot';
import { chartDocument, finishSvg } from './svg.ts';

export interface BarRow {
  /** Stable key, e.g. `pingjiang-2026/t-1`. */
  key: string;
  /** Bar label, e.g. `平江县 2026`. */
  label: string;
  value: number;
  /** Upper bound for a range target ("1–2家"), drawn as a lighter extension. */
  value_max: number | null;
  /** Value as worded, e.g. `8.5%以上`. */
  text: string;
  /** Link to the sentence in the plan reader. */
  href?: string;
  /** Emphasise this bar (the county being viewed). */
  highlight?: boolean;
  kind: string;
  unit: string;
}

export interface BarOptions {
  id: string;
  title: string;
  description: string;
  /** Axis label, e.g. `增速 %`. */
  axisLabel: string;
  width?: number;
}

/** Approximate rendered width of a label: CJK glyphs are about one em, Latin about half. */
function labelWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

/** Default width: drawn 1:1 on a desktop, and on a 390 px phone (358 px column) text keeps BAR_FONT × 358 / 440 ≈ 11.4 px. */
export const BAR_WIDTH = 440;
/** Font size of labels and values, in SVG units. */
export const BAR_FONT = 14;

/**
 * Each bar has its label above it (OWID's phone layout, used at every width):
 * labels never compete with bars for the width, so the chart can be drawn at
 * a phone's width and shown 1:1 on a desktop.
 */
export function rankedBars(rows: BarRow[], o: BarOptions): string {
  if (new Set(rows.map((r) => `${r.kind}|${r.unit.split('/')[0]}`)).size > 1) {
    throw new Error(
      `rankedBars: rows mix kinds or units (${[...new Set(rows.map((r) => `${r.kind} ${r.unit}`))].join(', ')})`,
    );
  }
  // Highest first; ties broken by label so the order never depends on input order.
  const data = [...rows].sort(
    (a, b) => b.value - a.value || a.label.localeCompare(b.label, 'zh-CN'),
  );
  const fontSize = BAR_FONT;
  const width = o.width ?? BAR_WIDTH;
  const maxText = Math.max(0, ...data.map((r) => labelWidth(r.text, fontSize)));
  const rowH = 46;
  const top = Math.max(0, ...data.map((r) => r.value_max ?? r.value));
  const label = (r: BarRow) => data.find((d) => d.key === r.key)?.label ?? r.key;
  const svg = Plot.plot({
    document: chartDocument(),
    width,
    height: 44 + data.length * rowH,
    marginLeft: 8,
    marginRight: Math.ceil(maxText + 12),
    marginTop: 6,
    marginBottom: 36,
    style: { fontSize: `${fontSize}px` },
    x: {
      grid: true,
      label: o.axisLabel,
      labelAnchor: 'left',
      labelArrow: 'none',
      domain: [Math.min(0, ...data.map((r) => r.value)), top || 1],
      nice: true,
      ticks: 4,
    },
    y: { axis: null, domain: data.map((r) => r.key), paddingInner: 0, paddingOuter: 0 },
    marks: [
      Plot.barX(
        data.filter((r) => r.value_max != null && r.value_max > r.value),
        {
          className: 'bar-range',
          x1: 'value',
          x2: 'value_max',
          y: 'key',
          insetTop: 22,
          insetBottom: 4,
          fill: '#9ab8d8',
          href: 'href',
          title: (r: BarRow) => `区间上限 ${r.value_max}`,
        },
      ),
      Plot.barX(data, {
        className: 'bar-main',
        x: 'value',
        y: 'key',
        insetTop: 22,
        insetBottom: 4,
        fill: (r: BarRow) => (r.highlight ? '#c0392b' : '#2f6ea5'),
        href: 'href',
        title: (r: BarRow) => `${r.label}：${r.text}`,
      }),
      // The label sits in the top part of the row, the bar in the bottom part.
      Plot.text(data, {
        y: 'key',
        text: label,
        frameAnchor: 'left',
        textAnchor: 'start',
        dx: 3,
        dy: -11,
        fill: 'currentColor',
      }),
      Plot.text(data, {
        // Right of the bar's end, or of zero for a negative value.
        x: (r: BarRow) => Math.max(0, r.value_max ?? r.value),
        y: 'key',
        text: 'text',
        dx: 4,
        dy: 9,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
  return finishSvg((svg as unknown as Element).outerHTML, o);
}
