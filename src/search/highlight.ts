/**
 * Highlighting: find normalized needles in the original text, map them back
 * to original offsets, and cut a snippet at word boundaries (Intl.Segmenter).
 * Output is a list of segments; `segmentsToHtml` escapes every piece.
 */
import { escapeHtml } from '../site/html.ts';
import { foldForSearchWithSpans } from './fold.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Original-text ranges [start, end) where any needle occurs, merged and sorted. */
export function findRanges(text: string, needles: string[]): [number, number][] {
  const n = foldForSearchWithSpans(text);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (needle.length === 0) continue;
    let i = n.text.indexOf(needle);
    while (i >= 0) {
      ranges.push([n.start[i]!, n.end[i + needle.length - 1]!]);
      i = n.text.indexOf(needle, i + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

let wordSeg: Intl.Segmenter | undefined;
const SNAP = 8;

/**
 * The word boundary (Intl.Segmenter) nearest `x` on the given side, looking
 * only at a few characters around it so long paragraphs cost nothing extra.
 */
function snap(text: string, x: number, dir: 'down' | 'up'): number {
  if (x <= 0 || x >= text.length) return Math.max(0, Math.min(text.length, x));
  wordSeg ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const from = Math.max(0, x - SNAP);
  const to = Math.min(text.length, x + SNAP);
  const bs: number[] = [];
  for (const s of wordSeg.segment(text.slice(from, to))) bs.push(from + s.index);
  bs.push(to);
  if (dir === 'down') {
    let best = from;
    for (const b of bs) if (b <= x) best = b;
    return best;
  }
  for (const b of bs) if (b >= x) return b;
  return to;
}

export interface SnippetOptions {
  /** Characters of context before the first hit (default 30). */
  before?: number;
  /** Total snippet length aimed at (default 110). */
  length?: number;
}

/**
 * A snippet of `text` around the densest cluster of hits, with hits marked.
 * Whole text when it is short; ellipses where cut.
 */
export function snippet(text: string, needles: string[], opts: SnippetOptions = {}): Segment[] {
  const before = opts.before ?? 30;
  const length = opts.length ?? 110;
  const ranges = findRanges(text, needles);
  let from = 0;
  let to = text.length;
  if (text.length > length) {
    // Window start: the hit whose window covers the most hits.
    let bestStart = 0;
    let bestCount = -1;
    for (const r of ranges) {
      const s = Math.max(0, r[0] - before);
      const count = ranges.filter((q) => q[0] >= s && q[1] <= s + length).length;
      if (count > bestCount) {
        bestCount = count;
        bestStart = s;
      }
    }
    from = snap(text, bestStart, 'down');
    to = snap(text, Math.min(text.length, from + length), 'up');
    // Prefer starting right after a sentence or clause mark when one is close.
    const head = text.slice(from, Math.max(from, bestStart + before - 2));
    const mark = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf(';'));
    if (mark >= 0 && ranges.some((r) => r[0] >= from + mark + 1)) from = from + mark + 1;
  }
  const out: Segment[] = [];
  const push = (t: string, hit: boolean): void => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += t;
    else out.push({ text: t, hit });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const cs = Math.max(s, from);
    const ce = Math.min(e, to);
    push(text.slice(at, cs), false);
    push(text.slice(cs, ce), true);
    at = ce;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return out;
}

/** Segments as HTML: every piece escaped, hits in <mark>. */
export function segmentsToHtml(segs: Segment[]): string {
  return segs
    .map((s) => (s.hit ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}
