/**
 * Clause and segment boundaries inside one normalised paragraph. A clause
 * ends at ，；。：; a segment also ends at 、 (enumerations). Parenthesised
 * groups are opaque: 认定(组建) or 浮标(钓具) stay inside their clause.
 */

const CLAUSE_DELIM = new Set(['，', ',', '；', ';', '。', '！', '？', '!', '?', '：', ':', '\n']);
const SENTENCE_DELIM = new Set(['。', '！', '？', '!', '?', '\n']);

/** Index just after the clause boundary before `pos` (parenthesised groups skipped). */
export function clauseStart(text: string, pos: number, floor = 0): number {
  let depth = 0;
  for (let i = pos - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && CLAUSE_DELIM.has(c)) return i + 1;
  }
  return floor;
}

/** Index of the clause boundary at or after `pos`; an opening parenthesis also ends it. */
export function clauseEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text[i]!;
    if (CLAUSE_DELIM.has(c) || c === '(') return i;
  }
  return text.length;
}

/** Index just after the sentence boundary before `pos`. */
export function sentenceStart(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (SENTENCE_DELIM.has(text[i]!)) return i + 1;
  return 0;
}

/** Start of the enumeration item holding `pos`: after the last 、 in the clause, or after 和/及 right before a number. */
export function segmentStart(text: string, pos: number, floor: number): number {
  const glued = /(?:和|及|以及|与)\s*$/.exec(text.slice(floor, pos));
  if (glued) return floor + glued.index + glued[0].length;
  let depth = 0;
  for (let i = pos - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c === ')') depth++;
    else if (c === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === '、') return i + 1;
  }
  return floor;
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

/** Spans inside 《》, “”, 〔〕 and 【】: names and citations, whose digits are never targets. */
export function nameZones(text: string): [number, number][] {
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
  return out;
}

export function inside(zones: [number, number][], pos: number): boolean {
  return zones.some(([a, b]) => pos >= a && pos < b);
}
