/**
 * Tokenization: overlapping character bigrams (and single Han characters, for
 * one-character queries such as 茶) for the index, Intl.Segmenter words for
 * queries.
 *
 * The index stores, for every bigram of a paragraph's normalized text, the
 * positions where it occurs. A query string of length L is looked up through a
 * *cover*: bigrams at offsets 0, 2, 4, … (and L-2), which together span every
 * character; a paragraph contains the string exactly when all cover bigrams
 * occur at `p + offset` for one `p`. So phrase hits are verified without the
 * paragraph text and a bigram index never over-counts.
 */
import { foldAliases, foldForSearch, NUM, stripMarkers } from './fold.ts';
import { HAN } from './layout.ts';
import type { SynonymTable } from './synonyms.ts';

/** Every bigram of a normalized text with its position. */
export function* bigrams(norm: string): Generator<[string, number]> {
  for (let i = 0; i + 1 < norm.length; i++) yield [norm.slice(i, i + 2), i];
}

/** Each distinct Han character of a normalized text with its number of occurrences. */
export function hanCounts(norm: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of norm) if (HAN.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Whether a folded string is looked up in the single-character layer (one Han character). */
export const isSingleHan = (norm: string): boolean => HAN.test(norm);

/** Whether a folded string can be looked up at all: two code units or more, or one Han character. */
export const searchable = (norm: string): boolean => norm.length >= 2 || isSingleHan(norm);

export interface CoverPart {
  bigram: string;
  offset: number;
}

/** Bigrams (with offsets) that together span the whole string; [] if shorter than 2. */
export function cover(norm: string): CoverPart[] {
  if (norm.length < 2) return [];
  const parts: CoverPart[] = [];
  for (let o = 0; o + 1 < norm.length; o += 2)
    parts.push({ bigram: norm.slice(o, o + 2), offset: o });
  const last = norm.length - 2;
  if (parts[parts.length - 1]!.offset !== last)
    parts.push({ bigram: norm.slice(last, last + 2), offset: last });
  return parts;
}

let segmenter: Intl.Segmenter | undefined;
function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Split a run of text without spaces into words with Intl.Segmenter. A single
 * character is joined to the word after it (or before it, at the end): the
 * segmenter splits abbreviations such as 高企 and units such as 30% / 100家,
 * and the pair is the better search. A chunk that is one character stays one
 * (茶), and the single-character layer finds it.
 */
export function segmentWords(chunk: string): string[] {
  const segs = [...getSegmenter().segment(chunk)].map((s) => s.segment).filter((s) => s.length > 0);
  const out: string[] = [];
  let pending = '';
  for (const s of segs) {
    const w = pending + s;
    if ([...w].length < 2) {
      pending = w;
      continue;
    }
    pending = '';
    out.push(w);
  }
  if (pending) {
    if (out.length > 0) out[out.length - 1] += pending;
    else out.push(pending);
  }
  return out.filter((w) => HAS_WORD.test(w));
}

export interface QueryTerm {
  /** The term as typed (NFKC, lower case, for display). */
  text: string;
  /** FoldedText alternatives; the first is the term itself, the rest synonyms. */
  alts: string[];
}

export interface ParsedQuery {
  /** FoldedText whole query without spaces (the contiguous phrase). */
  phrase: string;
  terms: QueryTerm[];
}

/** Place names a word of Latin letters spells in pinyin (pingjiang → 平江); [] if none. */
export type PinyinLookup = (word: string) => string[];

const LATIN_WORD = /^[a-z]+$/;

/**
 * Space-separated chunks, with neighbouring Latin chunks joined where together
 * they spell a place in pinyin (ping jiang → pingjiang).
 */
function chunksOf(clean: string, pinyin?: PinyinLookup): string[] {
  const chunks = clean.split(/\s+/u).filter((c) => c.length > 0);
  if (!pinyin) return chunks;
  const out: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let joined = chunks[i]!;
    if (LATIN_WORD.test(joined))
      for (let j = i + 1; j < chunks.length && LATIN_WORD.test(chunks[j]!); j++) {
        const longer = joined + chunks.slice(i + 1, j + 1).join('');
        if (pinyin(longer).length === 0) continue;
        joined = longer;
        i = j;
      }
    out.push(joined);
  }
  return out;
}

/**
 * Parse a query: fold R&D to 研发, split on spaces, keep taxonomy wordings
 * whole (longest match first), segment the rest with Intl.Segmenter, and expand
 * every term by the synonym table both ways and a word in pinyin to the places
 * it spells.
 */
export function parseQuery(
  query: string,
  synonyms?: SynonymTable,
  pinyin?: PinyinLookup,
): ParsedQuery {
  const clean = foldAliases(query.normalize('NFKC').toLowerCase().replaceAll(NUM, ''));
  const words: string[] = [];
  for (const chunk of chunksOf(clean, pinyin)) {
    if (pinyin && LATIN_WORD.test(chunk)) {
      words.push(chunk);
      continue;
    }
    let rest = chunk;
    const pieces: string[] = [];
    // Greedy longest wording match inside the chunk.
    while (rest.length > 0) {
      const hit = synonyms?.findWording(rest);
      if (!hit) {
        pieces.push(...segmentWords(rest));
        break;
      }
      if (hit.index > 0) pieces.push(...segmentWords(rest.slice(0, hit.index)));
      pieces.push(hit.wording);
      rest = rest.slice(hit.index + hit.wording.length);
    }
    words.push(...pieces);
  }
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const w of words) {
    const n = foldForSearch(w);
    if (n.length === 0 || seen.has(n)) continue;
    seen.add(n);
    const alts = [n];
    if (pinyin && LATIN_WORD.test(n))
      for (const name of pinyin(n)) if (!alts.includes(name)) alts.push(name);
    const syn = synonyms?.expand(n) ?? [];
    // A synonym containing another alternative finds nothing more: drop it (fewer fetches).
    for (const s of syn)
      if (!alts.includes(s) && ![n, ...syn].some((o) => o !== s && o.length >= 2 && s.includes(o)))
        alts.push(s);
    terms.push({ text: stripMarkers(n), alts });
  }
  return { phrase: foldForSearch(clean), terms };
}
