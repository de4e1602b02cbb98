/**
 * NFKC normalisation that remembers where every character came from.
 * Matching runs on the normalised copy (full-width digits, （）, ％ become
 * ASCII); quotes are cut from the original text through the offset map, so
 * they stay exact substrings of the plan as published.
 */
export interface NormalizedText {
  /** The NFKC form of the input. */
  text: string;
  /** For each UTF-16 index of `text`, the index in the original it came from (plus one end entry). */
  toOriginal: Int32Array;
}

/** Characters NFKC leaves alone: ASCII, CJK ideographs, and the CJK punctuation plans use. */
function isStable(c: number): boolean {
  return (
    c < 0x80 ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3001 && c <= 0x3003) ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0x3014 && c <= 0x301b) ||
    (c >= 0x2018 && c <= 0x201f)
  );
}

const cache = new Map<string, string>();

function nfkc(ch: string): string {
  let n = cache.get(ch);
  if (n === undefined) {
    n = ch.normalize('NFKC');
    if (cache.size < 10_000) cache.set(ch, n);
  }
  return n;
}

export function normalizeWithMap(original: string): NormalizedText {
  const map = new Int32Array(original.length * 2 + 1);
  const parts: string[] = [];
  let len = 0;
  let runStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(original.slice(runStart, end));
      for (let k = runStart; k < end; k++) map[len++] = k;
    }
  };
  while (i < original.length) {
    const c = original.charCodeAt(i);
    if (isStable(c)) {
      i++;
      continue;
    }
    flush(i);
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const norm = nfkc(original.slice(i, i + width));
    parts.push(norm);
    if (len + norm.length + 1 > map.length)
      throw new Error('normalisation expanded beyond twice the input');
    for (let k = 0; k < norm.length; k++) map[len++] = i;
    i += width;
    runStart = i;
  }
  flush(original.length);
  map[len] = original.length;
  return { text: parts.join(''), toOriginal: map.subarray(0, len + 1) };
}
