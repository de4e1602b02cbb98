/**
 * Filters and facets over the matched passages: which passages a filter
 * keeps, and the county, prefecture, year and metric counts a reader narrows
 * by (counted before filters, so every choice stays visible).
 */
import type { Facet, Facets, Filters } from './results.ts';
import type { DocRow, Manifest } from './types.ts';

let coll: Intl.Collator | undefined;
const collator = (): Intl.Collator => (coll ??= new Intl.Collator('zh'));

/**
 * Position of each facet value in Chinese collation order. Ranked once: with
 * thousands of counties, comparing through Intl.Collator on every query costs
 * more than the rest of the facet work.
 */
export function collationRanks(manifest: Manifest): (value: string) => number {
  const values = new Set<string>(manifest.metrics.map((x) => x.key));
  for (const d of manifest.docs) {
    values.add(d.county);
    values.add(d.prefecture);
    values.add(String(d.year));
  }
  const ranks = new Map([...values].sort(collator().compare).map((v, i) => [v, i]));
  return (value) => ranks.get(value) ?? ranks.size;
}

/** Passage counts per document and per metric, gathered while filtering. */
export class FacetCounts {
  readonly perDoc: Int32Array;
  readonly perMetric: Int32Array;

  constructor(docs: number, metrics: number) {
    this.perDoc = new Int32Array(docs);
    this.perMetric = new Int32Array(metrics);
  }

  /** Counts one matched passage of document `doc` quoting the given metrics. */
  add(doc: number, metrics: readonly number[]): void {
    this.perDoc[doc]!++;
    for (let k = 0; k < metrics.length; k++) this.perMetric[metrics[k]!]!++;
  }

  /** The facet lists, largest count first, ties in collation order. */
  facets(manifest: Manifest, rank: (value: string) => number): Facets {
    const counts = {
      county: new Map<string, number>(),
      prefecture: new Map<string, number>(),
      year: new Map<string, number>(),
    };
    this.perDoc.forEach((n, i) => {
      if (n === 0) return;
      const d = manifest.docs[i]!;
      counts.county.set(d.county, (counts.county.get(d.county) ?? 0) + n);
      counts.prefecture.set(d.prefecture, (counts.prefecture.get(d.prefecture) ?? 0) + n);
      counts.year.set(String(d.year), (counts.year.get(String(d.year)) ?? 0) + n);
    });
    const facet = (m: Map<string, number>): Facet =>
      [...m].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]));
    return {
      county: facet(counts.county),
      prefecture: facet(counts.prefecture),
      year: facet(counts.year),
      metric: facet(
        new Map(
          manifest.metrics.flatMap((x, k) =>
            this.perMetric[k]! > 0 ? [[x.key, this.perMetric[k]!] as const] : [],
          ),
        ),
      ),
    };
  }
}

/** A filter as a test on a passage: its document and the metric indexes it quotes. */
export function passageFilter(
  manifest: Manifest,
  f: Filters,
): (doc: DocRow, metrics: readonly number[]) => boolean {
  const metric = f.metric ? manifest.metrics.findIndex((x) => x.key === f.metric) : -1;
  return (d, ms) =>
    !(f.county && d.county !== f.county) &&
    !(f.prefecture && d.prefecture !== f.prefecture) &&
    !(f.year && d.year !== f.year) &&
    !(f.metric && !ms.includes(metric));
}
