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
  const fontSize = 12;
  const width = o.width ?? 640;
  const marginLeft = Math.ceil(
    Math.max(60, ...data.map((r) => labelWidth(r.label, fontSize))) + 12,
  );
  const maxText = Math.max(0, ...data.map((r) => labelWidth(r.text, fontSize)));
  const rowH = 26;
  const top = Math.max(0, ...data.map((r) => r.value_max ?? r.value));
  const svg = Plot.plot({
    document: chartDocument(),
    width,
    height: 40 + data.length * rowH,
    marginLeft,
    marginRight: Math.ceil(maxText + 10),
    marginTop: 8,
    marginBottom: 32,
    style: { fontSize: `${fontSize}px` },
    x: {
      grid: true,
      label: o.axisLabel,
      domain: [Math.min(0, ...data.map((r) => r.value)), top || 1],
      nice: true,
    },
    y: {
      label: null,
      domain: data.map((r) => r.key),
      tickFormat: (k: string) => data.find((r) => r.key === k)?.label ?? k,
    },
    marks: [
      Plot.barX(
        data.filter((r) => r.value_max != null && r.value_max > r.value),
        {
          className: 'bar-range',
          x1: 'value',
          x2: 'value_max',
          y: 'key',
          fill: '#9ab8d8',
          href: 'href',
          title: (r: BarRow) => `区间上限 ${r.value_max}`,
        },
      ),
      Plot.barX(data, {
        className: 'bar-main',
        x: 'value',
        y: 'key',
        fill: (r: BarRow) => (r.highlight ? '#c0392b' : '#2f6ea5'),
        href: 'href',
        title: (r: BarRow) => `${r.label}：${r.text}`,
      }),
      Plot.text(data, {
        x: (r: BarRow) => r.value_max ?? r.value,
        y: 'key',
        text: 'text',
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
  return finishSvg((svg as unknown as Element).outerHTML, o);
}
