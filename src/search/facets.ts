/**
 * Filters and facets over the matched passages: which passages a filter
 * keeps, and the county, prefecture, year and metric counts a reader narrows
 * by (counted before filters, so every choice stays visible). Both read the
 * blocks of the passages' plans (DocTable.ensure first).
 */
import type { DocTable } from './corpus.ts';
import type { Facet, Facets, Filters } from './results.ts';

let coll: Intl.Collator | undefined;
const collator = (): Intl.Collator => (coll ??= new Intl.Collator('zh'));

/**
 * Position of each facet value in Chinese collation order. Ranked once: with
 * thousands of counties, comparing through Intl.Collator on every query costs
 * more than the rest of the facet work.
 */
export function collationRanks(docs: DocTable): (value: string) => number {
  const values = new Set<string>(docs.manifest.metrics.map((x) => x.key));
  for (const p of docs.places) {
    values.add(p.county);
    values.add(p.prefecture);
  }
  for (const [year] of docs.manifest.years) values.add(String(year));
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
  facets(docs: DocTable, rank: (value: string) => number): Facets {
    const counts = {
      county: new Map<string, number>(),
      prefecture: new Map<string, number>(),
      year: new Map<string, number>(),
    };
    this.perDoc.forEach((n, i) => {
      if (n === 0) return;
      const p = docs.place(i);
      const year = String(docs.year(i));
      counts.county.set(p.county, (counts.county.get(p.county) ?? 0) + n);
      counts.prefecture.set(p.prefecture, (counts.prefecture.get(p.prefecture) ?? 0) + n);
      counts.year.set(year, (counts.year.get(year) ?? 0) + n);
    });
    const facet = (m: Map<string, number>): Facet =>
      [...m].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]));
    const metrics = docs.manifest.metrics;
    return {
      county: facet(counts.county),
      prefecture: facet(counts.prefecture),
      year: facet(counts.year),
      metric: facet(
        new Map(
          metrics.flatMap((x, k) =>
            this.perMetric[k]! > 0 ? [[x.key, this.perMetric[k]!] as const] : [],
          ),
        ),
      ),
    };
  }
}

/** Whether any filter is set. */
export const filtering = (f: Filters): boolean =>
  [f.county, f.prefecture, f.year, f.metric].some(Boolean);

/** A filter as a test on a passage (its plan's block fetched). */
export function passageFilter(docs: DocTable, f: Filters): (pid: number) => boolean {
  const metric = f.metric ? docs.manifest.metrics.findIndex((x) => x.key === f.metric) : -1;
  return (pid) => {
    const d = docs.docOf(pid);
    const p = docs.place(d);
    return (
      !(f.county && p.county !== f.county) &&
      !(f.prefecture && p.prefecture !== f.prefecture) &&
      !(f.year && docs.year(d) !== f.year) &&
      !(f.metric && !docs.paragraphMetrics(pid).includes(metric))
    );
  };
}
