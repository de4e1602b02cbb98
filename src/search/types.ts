/** Records the search index is built from (no DOM, no file system). */

export interface SearchTargetRef {
  /** Target anchor in the reader, `t-N`. */
  id: string;
  metric: string;
  label: string;
  /** The quote as it stands in the paragraph. */
  quote: string;
}

export interface SearchParagraph {
  /** Anchor in the reader: `p-12`, `h-3` or a table row `tbl-1-r4`. */
  anchor: string;
  /** Heading of the section the paragraph sits in (the paragraph's own text for a heading). */
  heading: string;
  text: string;
  /** Targets quoted in this paragraph. */
  targets: SearchTargetRef[];
}

export interface SearchDoc {
  doc: string;
  county: string;
  prefecture: string;
  province: string;
  year: number;
  slug: string;
  title: string;
  paragraphs: SearchParagraph[];
}

export interface SearchMetric {
  key: string;
  zh: string;
  en: string;
  wordings: string[];
}

export interface SearchTarget {
  doc: string;
  id: string;
  metric: string;
  label: string;
  value: number;
  value_max: number | null;
  unit: string;
  kind: string;
  quote: string;
  anchor: string;
}

export interface SearchInput {
  docs: SearchDoc[];
  metrics: SearchMetric[];
  targets: SearchTarget[];
}

/**
 * The manifest: what every query reads first, the same size whatever the
 * number of plans (no per-plan data; plans are in block files, places in
 * places.json, text in text files). Layout in build.ts.
 */
export interface Manifest {
  v: 3;
  /** Paragraph ids run 0 … paragraphs-1, plans newest year first. */
  paragraphs: number;
  /** Plans in all. */
  docs: number;
  /** Number of hashed bigram shards (`b/<i>.json`). */
  shards: number;
  /** Bigrams stored in their own file (`g/<hex>.json`) because their postings are large. */
  heavy: string[];
  /** Number of hashed single-character shards (`u/<i>.json`). */
  charShards: number;
  /** Characters stored in their own file (`c/<hex>.json`). */
  heavyChars: string[];
  /** Paragraphs per text file: paragraph p is in `t/<floor(p / chunkParagraphs)>.txt`. */
  chunkParagraphs: number;
  /** Plans per block file: plan d is in `d/<floor(d / blockDocs)>.json`. */
  blockDocs: number;
  /** First paragraph id of each block. */
  blocks: number[];
  /** Runs of plans by year, newest first: [year, first plan index]. */
  years: [number, number][];
  metrics: SearchMetric[];
  /** Synonym groups (normalized wordings). */
  synonyms: string[][];
  /** Metric key of each synonym group. */
  synonymKeys: string[];
  /** Metrics with a target file (`m/<key>.json`) and their target counts. */
  targetFiles: Record<string, number>;
}

/**
 * A block of consecutive plans (`d/<k>.json`), by column: what ranking,
 * facets and filters need of every plan a query's hits fall in.
 */
export interface DocBlock {
  /** Paragraphs per plan (first paragraph ids follow by summing from the block's first). */
  n: number[];
  /** Place index (places.json) per plan, delta-encoded. */
  place: number[];
  /** Plan id where it is not `<slug>-<year>`, else ''. */
  doc: string[];
  /** Per plan: [localParagraphDelta, metricIndex, …] for paragraphs that quote targets. */
  tm: number[][];
}

/**
 * The places plans are about (places.json), by column, sorted by slug: bounded
 * by the country's county-level units (about 2,850), not by the number of plans.
 */
export interface PlaceTable {
  county: string[];
  prefecture: string[];
  province: string[];
  slug: string[];
  /** The county's name without its suffix (平江县 → 平江), as pipeline/meta.ts shortens it. */
  short: string[];
  /** Pinyin of the short name (pingjiang). */
  pinyin: string[];
  /** Plan indexes of each place, delta-encoded. */
  docs: number[][];
}

/** A plan a text file holds rows of: [plan index, first paragraph id, plan id, place index]. */
export type ChunkDoc = [number, number, string, number];

/** Paragraph as stored in a text chunk: [anchor, heading, text, targets]. */
export type ChunkRow = [string, string, string, [string, string, string, string][]];

/**
 * Target as stored in `m/<key>.json` (newest plan first):
 * [planIndex, planId, placeIndex, id, label, quote, value, value_max, unit, kind, anchor].
 */
export type TargetRow = [
  number,
  string,
  number,
  string,
  string,
  string,
  number,
  number | null,
  string,
  string,
  string,
];
