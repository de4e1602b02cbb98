/**
 * One comparable target of one county across its plans' years: dots joined
 * by a line, each labelled with the value as worded. Small multiples: each
 * chart is drawn at the width it is shown at on a phone, so its text keeps
 * its size there. Like rankedBars, it refuses points of different kinds.
 */
import * as Plot from '@observablehq/plot';
import { chartDocument, finishSvg } from './svg.ts';

export interface TimePoint {
  year: number;
  value: number;
  /** Upper bound of a range target, drawn as a rule up to it. */
  value_max: number | null;
  /** Value as worded, `8.5%以上`. */
  text: string;
  /** The target's sentence in the plan reader. */
  href?: string;
  kind: string;
  unit: string;
}

export interface TimeOptions {
  id: string;
  title: string;
  description: string;
  /** Every plan year of the county, so all small multiples share one x axis. */
  years: number[];
  width?: number;
}

/** Width of one small multiple: under a 358 px phone column, so it is drawn 1:1 there. */
export const TIME_WIDTH = 320;
/** Font size of its text, in px at that width. */
export const TIME_FONT = 12;

/** A dot-and-line chart of one target over the plan years. */
export function timeLine(points: TimePoint[], o: TimeOptions): string {
  if (new Set(points.map((p) => `${p.kind}|${p.unit.split('/')[0]}`)).size > 1)
    throw new Error(`timeLine ${o.id}: points mix kinds or units`);
  const data = [...points].sort((a, b) => a.year - b.year);
  const top = Math.max(0, ...data.map((p) => p.value_max ?? p.value));
  const bottom = Math.min(0, ...data.map((p) => p.value));
  const svg = Plot.plot({
    document: chartDocument(),
    width: o.width ?? TIME_WIDTH,
    height: 150,
    marginTop: 24,
    marginLeft: 40,
    marginRight: 28,
    marginBottom: 26,
    style: { fontSize: `${TIME_FONT}px` },
    x: {
      type: 'point',
      domain: [...o.years].sort((a, b) => a - b),
      label: null,
      padding: 0.4,
      tickFormat: (y: number) => `${y}年`,
    },
    y: {
      domain: [bottom, top === bottom ? 1 : top * 1.05],
      nice: true,
      ticks: 3,
      label: null,
      grid: true,
    },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 'year', y: 'value', stroke: '#2f6ea5', strokeWidth: 2 }),
      Plot.ruleX(
        data.filter((p) => p.value_max != null && p.value_max > p.value),
        { x: 'year', y1: 'value', y2: 'value_max', stroke: '#9ab8d8', strokeWidth: 6 },
      ),
      Plot.dot(data, {
        x: 'year',
        y: 'value',
        r: 5,
        fill: '#2f6ea5',
        stroke: '#fff',
        href: 'href',
        title: (p: TimePoint) => `${p.year}年方案：${p.text}`,
      }),
      Plot.text(data, {
        x: 'year',
        y: (p: TimePoint) => p.value_max ?? p.value,
        text: 'text',
        dy: -12,
        fill: 'currentColor',
        stroke: '#fff',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  });
  return finishSvg((svg as unknown as Element).outerHTML, o);
}
