/**
 * NFKC normalisation that remembers where every character came from.
 * Matching runs on the normalised copy (full-width digits, （）, ％ become
 * ASCII); quotes are cut from the original text through the offset map, so
 * they stay exact substrings of the plan as published.
 */
export interface NormalizedText {
  /** The NFKC form of the input. */
  text: string;
  /** For each UTF-16 index of `text`, the index in the original it came from. */
  toOriginal: Int32Array;
}

export function normalizeWithMap(original: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    // ASCII is already NFKC; skipping normalize() keeps the hot path cheap.
    const norm = cp < 0x80 ? ch : ch.normalize('NFKC');
    for (let k = 0; k < norm.length; k++) map.push(i);
    text += norm;
    i += width;
  }
  map.push(original.length);
  return { text, toOriginal: Int32Array.from(map) };
}

/** Maps a half-open range of the normalised text back to the original. */
export function originalRange(n: NormalizedText, start: number, end: number): [number, number] {
  const s = n.toOriginal[start]!;
  // end is exclusive: take the original index of the last character, then step past it.
  const last = n.toOriginal[Math.max(start, end - 1)]!;
  let e = last + 1;
  if (end > start && end < n.toOriginal.length) {
    const next = n.toOriginal[end]!;
    if (next > last) e = next;
  }
  return [s, e];
}

/** NFKC with white space removed: the form used to compare wordings and labels. */
export function fold(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}
