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

/** File name for a heavy bigram: its code units in hex. */
export function heavyName(bigram: string): string {
  return [...bigram].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('-');
}

/** Targets per metric listed with a query's results; the metric page has the rest. */
export const MAX_TARGETS = 20;

/** Path of each index file, relative to the index's base URL. */
export const paths = {
  manifest: 'manifest.json',
  shard: (i: number) => `b/${i}.json`,
  heavy: (bigram: string) => `g/${heavyName(bigram)}.json`,
  /** One JSON row per line (`.txt`, so that static hosts compress it). */
  chunk: (i: number) => `t/${i}.txt`,
  group: (i: number) => `w/${i}.json`,
  targets: (metric: string) => `m/${encodeURIComponent(metric)}.json`,
  /** The first MAX_TARGETS rows of `targets` (rows are stored newest plan first). */
  targetsHead: (metric: string) => `m/${encodeURIComponent(metric)}.head.json`,
};
