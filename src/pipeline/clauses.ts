/**
 * Clause and segment boundaries inside one normalised paragraph. A clause
 * ends at ，；。：| and at a line break; a segment also ends at 、 (enumerations).
 * Parenthesised groups are opaque: 认定(组建) or 浮标(钓具) stay inside their
 * clause. Boundaries are computed once per paragraph, so asking for them at
 * every number stays linear in the paragraph's length.
 */

/** Character classes, by UTF-16 code: clause delimiters (，；。：| and line breaks), sentence ends, parentheses, 、. */
const CLAUSE = 1;
const SENTENCE = 2;
const OPEN = 4;
const CLOSE = 8;
const ENUM = 16;
const CLASS = new Uint8Array(0x10000);
for (const c of '，,；;：:|') CLASS[c.charCodeAt(0)] = CLAUSE;
for (const c of '。！？!?\n') CLASS[c.charCodeAt(0)] = CLAUSE | SENTENCE;
CLASS['('.charCodeAt(0)] = OPEN;
CLASS[')'.charCodeAt(0)] = CLOSE;
CLASS['、'.charCodeAt(0)] = ENUM;

/** First index in the sorted `xs` whose value is >= `v` (xs.length when none). */
export function lowerBound(xs: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Clause, sentence and segment boundaries of one text, precomputed in one pass. */
export class ClauseIndex {
  readonly text: string;
  /** Clause start for a position (parenthesised groups skipped, an open group starts a clause). */
  private readonly clauseStarts: Int32Array;
  /** Just after the last 、 of the same nesting level before a position, or -1. */
  private readonly enumStarts: Int32Array;
  /** Sorted positions where a clause ends (delimiters and opening parentheses). */
  private readonly stops: number[] = [];
  /** Sorted positions of sentence delimiters. */
  private readonly sentenceEnds: number[] = [];

  constructor(text: string) {
    this.text = text;
    const n = text.length;
    this.clauseStarts = new Int32Array(n + 1);
    this.enumStarts = new Int32Array(n + 1);
    // One frame per open parenthesis; a frame keeps its own clause start and last 、.
    const clause: number[] = [0];
    const enums: number[] = [-1];
    let top = 0;
    for (let i = 0; i < n; i++) {
      this.clauseStarts[i] = clause[top]!;
      this.enumStarts[i] = enums[top]!;
      const k = CLASS[text.charCodeAt(i)]!;
      if (k === 0) continue;
      if (k & OPEN) {
        clause[++top] = i + 1;
        enums[top] = -1;
        this.stops.push(i);
      } else if (k & CLOSE) {
        if (top > 0) top--;
      } else if (k & CLAUSE) {
        clause[top] = i + 1;
        enums[top] = -1;
        this.stops.push(i);
        if (k & SENTENCE) this.sentenceEnds.push(i);
      } else if (k & ENUM) enums[top] = i + 1;
    }
    this.clauseStarts[n] = clause[top]!;
    this.enumStarts[n] = enums[top]!;
  }

  /** Index just after the clause boundary before `pos`. */
  clauseStart(pos: number): number {
    return this.clauseStarts[pos]!;
  }

  /** Index of the clause boundary at or after `pos`; an opening parenthesis also ends it. */
  clauseEnd(pos: number): number {
    const k = lowerBound(this.stops, pos);
    return k < this.stops.length ? this.stops[k]! : this.text.length;
  }

  /** Index just after the sentence boundary before `pos`. */
  sentenceStart(pos: number): number {
    const k = lowerBound(this.sentenceEnds, pos) - 1;
    return k >= 0 ? this.sentenceEnds[k]! + 1 : 0;
  }

  /** Index of the sentence boundary at or after `pos` (text length when none). */
  sentenceEnd(pos: number): number {
    const k = lowerBound(this.sentenceEnds, pos);
    return k < this.sentenceEnds.length ? this.sentenceEnds[k]! : this.text.length;
  }

  /**
   * Start of the enumeration item holding `pos`: after the last 、 in the clause,
   * or after 和/及 right before a number.
   */
  segmentStart(pos: number, floor: number): number {
    const from = Math.max(floor, pos - 8);
    const glued = /(?:和|及|以及|与)\s*$/.exec(this.text.slice(from, pos));
    if (glued) return from + glued.index + glued[0].length;
    const e = this.enumStarts[pos]!;
    return e >= floor ? e : floor;
  }
}

/** Balanced parenthesised groups, as [open, close] index pairs (close inclusive). */
export function parenGroups(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length) {
      const open = stack.pop()!;
      if (stack.length === 0) out.push([open, i]);
    }
  }
  return out;
}

/** Sorted, disjoint [start, end) spans, asked by binary search. */
export class Zones {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(spans: [number, number][]) {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    for (const [a, b] of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && a <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, b);
      else {
        this.starts.push(a);
        this.ends.push(b);
      }
    }
  }

  /** Whether `pos` lies inside one of the spans. */
  has(pos: number): boolean {
    const k = lowerBound(this.starts, pos + 1) - 1;
    return k >= 0 && pos < this.ends[k]!;
  }
}

/** Spans inside 《》, “”, 〔〕 and 【】: names and citations, whose digits are never targets. */
export function nameZones(text: string): Zones {
  const out: [number, number][] = [];
  const pairs: [string, string][] = [
    ['《', '》'],
    ['“', '”'],
    ['〔', '〕'],
    ['【', '】'],
    ['「', '」'],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a === -1) break;
      const b = text.indexOf(close, a + 1);
      if (b === -1) break;
      out.push([a, b + 1]);
      from = b + 1;
    }
  }
  return new Zones(out);
}
