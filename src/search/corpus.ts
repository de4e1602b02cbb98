/**
 * Tables over the manifest's documents that queries look things up in, each
 * computed on first use: the document of every paragraph, the metrics quoted
 * in a paragraph, and each document's folded county, prefecture and year (a
 * query term naming one of those counts as present in the whole plan).
 */
import { foldForSearch, NUM, stripMarkers } from './fold.ts';
import type { Manifest } from './types.ts';

const NO_METRICS: readonly number[] = [];

/** Per-document and per-paragraph lookups for one manifest. */
export class CorpusTables {
  private readonly manifest: Manifest;
  private pidDocCache?: Int32Array;
  private fieldsCache?: string[][];
  private metaText?: string;
  private pidMetrics?: { has: Uint8Array; lists: Map<number, number[]> };

  constructor(manifest: Manifest) {
    this.manifest = manifest;
  }

  /** Document index of every paragraph id. */
  docOfParagraph(): Int32Array {
    if (!this.pidDocCache) {
      const docs = this.manifest.docs;
      const last = docs[docs.length - 1];
      const out = new Int32Array(last ? last.p0 + last.n : 0);
      docs.forEach((d, i) => out.fill(i, d.p0, d.p0 + d.n));
      this.pidDocCache = out;
    }
    return this.pidDocCache;
  }

  /** Folded county, prefecture and year of every document. */
  fields(): string[][] {
    this.fieldsCache ??= this.manifest.docs.map((d) => [
      foldForSearch(d.county),
      foldForSearch(d.prefecture),
      foldForSearch(String(d.year)),
    ]);
    return this.fieldsCache;
  }

  /** Documents whose county, prefecture or year one of the alternatives names. */
  docsNaming(alts: string[]): Set<number> {
    const out = new Set<number>();
    const all = this.fields();
    // Every distinct field value in one string: most terms name none, and are done in one search.
    this.metaText ??= [...new Set(all.flat())].join('\n');
    const names = alts.filter(
      (a) => stripMarkers(a).length >= 2 && this.metaText!.includes(stripMarkers(a)),
    );
    if (names.length === 0) return out;
    all.forEach((fields, i) => {
      if (names.some((a) => fields.some((f) => f === a || (!a.includes(NUM) && f.includes(a)))))
        out.add(i);
    });
    return out;
  }

  /** Metric indexes of the targets quoted in a paragraph (shared empty list for most). */
  paragraphMetrics(pid: number): readonly number[] {
    if (!this.pidMetrics) {
      const has = new Uint8Array(this.docOfParagraph().length);
      const lists = new Map<number, number[]>();
      for (const d of this.manifest.docs) {
        for (let i = 0; i < d.tm.length; i += 2) {
          const at = d.p0 + d.tm[i]!;
          has[at] = 1;
          const list = lists.get(at);
          if (list) list.push(d.tm[i + 1]!);
          else lists.set(at, [d.tm[i + 1]!]);
        }
      }
      this.pidMetrics = { has, lists };
    }
    return this.pidMetrics.has[pid] ? this.pidMetrics.lists.get(pid)! : NO_METRICS;
  }
}
