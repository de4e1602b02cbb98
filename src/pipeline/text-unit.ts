/**
 * A stretch of plan text read as one unit — a paragraph (its page-break
 * fragments joined) or a table cell — normalised with a map back to the
 * original, so quotes are cut from the plan exactly as published.
 */
import { normalizeWithMap, type NormalizedText } from './normalize.ts';
import type { Fragment } from './structure.ts';
import { lowerBound } from './clauses.ts';

export interface TextUnit {
  norm: NormalizedText;
  /** Normalised offsets where fragments start (a quote never crosses one). */
  breaks: number[];
  anchor: string;
  section: string;
  /** Merge unit of the text; in a form, row k (line k) is unit unitId + k. */
  unitId: number;
  /** Responsible units given by a table row rather than by parentheses. */
  rowLead?: string[] | undefined;
  /** A form that lost its layout: each fragment is a row, cells are separated by | (see form.ts). */
  form: boolean;
}

/**
 * Normalises fragments into one text. Prose fragments are joined directly (a
 * page break cut the sentence); form rows are joined with a line break, which
 * the clause reader treats as a boundary.
 */
export function joinFragments(
  body: string,
  fragments: Fragment[],
  asRows: boolean,
): { norm: NormalizedText; breaks: number[] } {
  if (fragments.length === 1) {
    const f = fragments[0]!;
    const n = normalizeWithMap(body.slice(f.start, f.end));
    for (let i = 0; i < n.toOriginal.length; i++) n.toOriginal[i]! += f.start;
    return { norm: n, breaks: [0] };
  }
  const parts = fragments.map((f) => ({ f, n: normalizeWithMap(body.slice(f.start, f.end)) }));
  const sep = asRows ? 1 : 0;
  const total = parts.reduce((s, p) => s + p.n.text.length, 0) + sep * (parts.length - 1);
  const map = new Int32Array(total + 1);
  const breaks: number[] = [];
  let at = 0;
  parts.forEach(({ f, n }, k) => {
    if (k > 0 && sep) map[at++] = parts[k - 1]!.f.end;
    breaks.push(at);
    for (let i = 0; i < n.text.length; i++) map[at + i] = n.toOriginal[i]! + f.start;
    at += n.text.length;
  });
  map[total] = fragments[fragments.length - 1]!.end;
  const text = parts.map((p) => p.n.text).join(asRows ? '\n' : '');
  return { norm: { text, toOriginal: map }, breaks };
}

/** Maps a normalised range to the original body, clipped to the fragment holding `anchorPos`. */
export function toBody(
  u: TextUnit,
  s: number,
  e: number,
  anchorPos: number,
): { start: number; end: number } {
  // The fragment holding anchorPos is [breaks[k], breaks[k + 1]).
  const k = lowerBound(u.breaks, anchorPos + 1) - 1;
  const fragStart = k >= 0 ? u.breaks[k]! : 0;
  const fragEnd = k + 1 < u.breaks.length ? u.breaks[k + 1]! : u.norm.text.length;
  let lo = Math.max(s, fragStart);
  let hi = Math.min(e, fragEnd);
  const text = u.norm.text;
  while (lo < hi && /[\s|]/.test(text[lo]!)) lo++;
  while (hi > lo && /[\s|]/.test(text[hi - 1]!)) hi--;
  const start = u.norm.toOriginal[lo]!;
  const end = hi > lo ? u.norm.toOriginal[hi - 1]! + 1 : start;
  // The original index of the last character is its first code unit; extend over a surrogate pair.
  const next = u.norm.toOriginal[hi];
  return { start, end: next !== undefined && next > end ? Math.min(next, end + 1) : end };
}
