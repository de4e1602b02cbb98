/** File layout of the index, shared by the builder and the query engine. */

/** FNV-1a over UTF-16 code units. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The hashed shard file a bigram's postings live in. */
export function shardOf(bigram: string, shards: number): number {
  return hash(bigram) % shards;
}

/** File name for a heavy bigram or character: its code points in hex. */
export function heavyName(bigram: string): string {
  return [...bigram].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('-');
}

/** Han characters, the ones the single-character layer indexes (茶, 矿). */
export const HAN = /^\p{Script=Han}$/u;

/** Targets per metric listed with a query's results; the metric page has the rest. */
export const MAX_TARGETS = 20;

/** Path of each index file, relative to the index's base URL. */
export const paths = {
  manifest: 'manifest.json',
  places: 'places.json',
  /** Plans [k * blockDocs, (k + 1) * blockDocs): their paragraphs, places, ids, metrics. */
  block: (k: number) => `d/${k}.json`,
  shard: (i: number) => `b/${i}.json`,
  heavy: (bigram: string) => `g/${heavyName(bigram)}.json`,
  /** Paragraphs holding single characters hashed to shard i, with counts. */
  charShard: (i: number) => `u/${i}.json`,
  /** One frequent character's paragraphs. */
  heavyChar: (c: string) => `c/${heavyName(c)}.json`,
  /** A header line (the plans it holds), then one JSON row per paragraph (`.txt`, so static hosts compress it). */
  chunk: (i: number) => `t/${i}.txt`,
  group: (i: number) => `w/${i}.json`,
  targets: (metric: string) => `m/${encodeURIComponent(metric)}.json`,
  /** The first MAX_TARGETS rows of `targets` (rows are stored newest plan first). */
  targetsHead: (metric: string) => `m/${encodeURIComponent(metric)}.head.json`,
};
