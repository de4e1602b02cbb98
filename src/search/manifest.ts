/**
 * The per-plan and per-place files as the engine uses them. They are stored by
 * column with ascending numbers delta-encoded (build.ts): row objects repeat
 * every key thousands of times and absolute numbers compress badly.
 */
import type { DocBlock, PlaceTable } from './types.ts';

/** A place (county-level unit) and the plans about it. */
export interface Place {
  county: string;
  prefecture: string;
  province: string;
  slug: string;
  /** The county's name without its suffix (平江). */
  short: string;
  pinyin: string;
  /** Plan indexes, ascending. */
  docs: number[];
}

/** The running sums of a delta-encoded list. */
export function undelta(xs: readonly number[]): number[] {
  let at = 0;
  return xs.map((x) => (at += x));
}

/** places.json as rows. */
export function unpackPlaces(t: PlaceTable): Place[] {
  return t.county.map((county, i) => ({
    county,
    prefecture: t.prefecture[i]!,
    province: t.province[i]!,
    slug: t.slug[i]!,
    short: t.short[i]!,
    pinyin: t.pinyin[i]!,
    docs: undelta(t.docs[i]!),
  }));
}

/** One plan of a block: where its paragraphs start, its place, its id, the metrics its paragraphs quote. */
export interface BlockDoc {
  p0: number;
  n: number;
  place: number;
  /** The plan id, or '' for `<slug>-<year>`. */
  doc: string;
  /** Flat pairs [paragraph id, metric index, …], paragraph ids absolute. */
  tm: number[];
}

/** A block's plans, given the block's first paragraph id. */
export function unpackBlock(b: DocBlock, firstPid: number): BlockDoc[] {
  const places = undelta(b.place);
  let p0 = firstPid;
  return b.n.map((n, i) => {
    const tm: number[] = [];
    const packed = b.tm[i]!;
    for (let k = 0, local = 0; k < packed.length; k += 2) {
      local += packed[k]!;
      tm.push(p0 + local, packed[k + 1]!);
    }
    const row: BlockDoc = { p0, n, place: places[i]!, doc: b.doc[i]!, tm };
    p0 += n;
    return row;
  });
}
