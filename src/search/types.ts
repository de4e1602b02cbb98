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
  /** Anchor in the reader: `p-12` or `h-3`. */
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

/** One row of the manifest's document table. */
export interface DocRow extends Omit<SearchDoc, 'paragraphs'> {
  /** First global paragraph id of the document. */
  p0: number;
  /** Number of paragraphs. */
  n: number;
  /** Flat pairs [localParagraph, metricIndex, …] for paragraphs that quote targets. */
  tm: number[];
}

export interface Manifest {
  v: 2;
  /** Number of hashed bigram shards (`b/<i>.json`). */
  shards: number;
  /** Bigrams stored in their own file (`g/<hex>.json`) because their postings are large. */
  heavy: string[];
  /** First paragraph id of each text file (`t/<i>.json`), ascending. */
  texts: number[];
  /** Documents in paragraph id order (newest year first). */
  docs: DocRow[];
  metrics: SearchMetric[];
  /** Synonym groups (normalized wordings). */
  synonyms: string[][];
  /** Metric key of each synonym group. */
  synonymKeys: string[];
  /** Metrics with a target file (`m/<key>.json`) and their target counts. */
  targetFiles: Record<string, number>;
}

/** Paragraph as stored in a text chunk: [anchor, heading, text, targets]. */
export type ChunkRow = [string, string, string, [string, string, string, string][]];

/** Target as stored in `m/<key>.json` (newest plan first): [docIndex, id, label, quote, value, value_max, unit, kind, anchor]. */
export type TargetRow = [
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
