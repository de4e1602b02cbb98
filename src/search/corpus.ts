/**
 * What queries look up about plans and places. Places (places.json) and the
 * year of every plan (the manifest's year runs) are known from the start;
 * everything else about a plan (the paragraphs it spans, its place, its id,
 * the metrics its paragraphs quote) comes from its block file, fetched when a
 * query's hits first fall in it (`ensure`).
 */
import { partitionPoint } from '../pipeline/bisect.ts';
import { foldForSearch, NUM, stripMarkers } from './fold.ts';
import { unpackBlock, unpackPlaces, type Place } from './manifest.ts';
import type { Ints } from './rank.ts';
import type { DocBlock, Manifest, PlaceTable } from './types.ts';

const NO_METRICS: readonly number[] = [];

/** Plans and places of one index; per-plan data loaded block by block. */
export class DocTable {
  readonly manifest: Manifest;
  readonly places: Place[];
  private readonly loadBlock: (k: number) => Promise<DocBlock>;
  private readonly yearOf: Int32Array;
  private readonly pidDoc: Int32Array;
  private readonly placeOf: Int32Array;
  private readonly ids: string[];
  private readonly metricsOf = new Map<number, number[]>();
  private readonly blocks = new Map<number, Promise<void>>();
  private foldedPlaces?: { county: string; prefecture: string }[];
  private placeText?: string;
  private byPinyin?: Map<string, number[]>;

  constructor(manifest: Manifest, places: PlaceTable, loadBlock: (k: number) => Promise<DocBlock>) {
    this.manifest = manifest;
    this.places = unpackPlaces(places);
    this.loadBlock = loadBlock;
    this.yearOf = new Int32Array(manifest.docs);
    manifest.years.forEach(([year, from], i) =>
      this.yearOf.fill(year, from, manifest.years[i + 1]?.[1] ?? manifest.docs),
    );
    this.pidDoc = new Int32Array(manifest.paragraphs).fill(-1);
    this.placeOf = new Int32Array(manifest.docs).fill(-1);
    this.ids = new Array<string>(manifest.docs).fill('');
  }

  /** The block a paragraph id falls in. */
  blockOf(pid: number): number {
    const b = this.manifest.blocks;
    return Math.max(0, partitionPoint(0, b.length, (i) => b[i]! <= pid) - 1);
  }

  /** Fetches the blocks of these paragraphs (each once); after it, docOf and friends answer for them. */
  ensure(pids: Ints): Promise<void> {
    const need = new Set<number>();
    const b = this.manifest.blocks;
    // Hits come in runs: test the last block's range before searching.
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < pids.length; i++) {
      const pid = pids[i]!;
      if (pid >= lo && pid < hi) continue;
      const k = this.blockOf(pid);
      lo = b[k]!;
      hi = b[k + 1] ?? this.manifest.paragraphs;
      need.add(k);
    }
    return this.ensureBlocks(need);
  }

  /** Fetches the blocks holding these plans. */
  ensureDocs(docs: Iterable<number>): Promise<void> {
    const need = new Set<number>();
    for (const d of docs) need.add(Math.floor(d / this.manifest.blockDocs));
    return this.ensureBlocks(need);
  }

  private ensureBlocks(need: Set<number>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const k of need) {
      let p = this.blocks.get(k);
      if (!p) {
        p = this.loadBlock(k).then((block) => this.fill(k, block));
        this.blocks.set(k, p);
        // Forgotten if it fails, so a later query can try again.
        p.catch(() => this.blocks.delete(k));
      }
      waits.push(p);
    }
    return Promise.all(waits).then(() => undefined);
  }

  private fill(k: number, block: DocBlock): void {
    const first = k * this.manifest.blockDocs;
    unpackBlock(block, this.manifest.blocks[k]!).forEach((d, i) => {
      const di = first + i;
      this.pidDoc.fill(di, d.p0, d.p0 + d.n);
      this.placeOf[di] = d.place;
      const place = this.places[d.place]!;
      this.ids[di] = d.doc || `${place.slug}-${this.yearOf[di]!}`;
      for (let j = 0; j < d.tm.length; j += 2) {
        const list = this.metricsOf.get(d.tm[j]!);
        if (list) list.push(d.tm[j + 1]!);
        else this.metricsOf.set(d.tm[j]!, [d.tm[j + 1]!]);
      }
    });
  }

  /** Plan index of a paragraph (its block fetched), else -1. */
  docOf(pid: number): number {
    return this.pidDoc[pid]!;
  }

  /** Year of a plan (always known). */
  year(doc: number): number {
    return this.yearOf[doc]!;
  }

  /** Place of a plan (its block fetched). */
  place(doc: number): Place {
    return this.places[this.placeOf[doc]!]!;
  }

  /** Id of a plan (its block fetched). */
  docId(doc: number): string {
    return this.ids[doc]!;
  }

  /** Metric indexes of the targets quoted in a paragraph (its block fetched; shared empty list for most). */
  paragraphMetrics(pid: number): readonly number[] {
    return this.metricsOf.get(pid) ?? NO_METRICS;
  }

  /** Folded county and prefecture of every place. */
  folded(): { county: string; prefecture: string }[] {
    this.foldedPlaces ??= this.places.map((p) => ({
      county: foldForSearch(p.county),
      prefecture: foldForSearch(p.prefecture),
    }));
    return this.foldedPlaces;
  }

  /** Plans whose county, prefecture or year one of the alternatives names (no block needed). */
  docsNaming(alts: string[]): Set<number> {
    const out = new Set<number>();
    const folded = this.folded();
    // Every distinct name in one string: most terms name none, and are done in one search.
    this.placeText ??= [...new Set(folded.flatMap((p) => [p.county, p.prefecture]))].join('\n');
    const names = alts.filter(
      (a) => stripMarkers(a).length >= 2 && !a.includes(NUM) && this.placeText!.includes(a),
    );
    if (names.length > 0)
      folded.forEach((p, i) => {
        if (names.some((a) => p.county.includes(a) || p.prefecture.includes(a)))
          for (const d of this.places[i]!.docs) out.add(d);
      });
    // A year names its plans only as a whole number (2026, not 202).
    const years = this.manifest.years;
    years.forEach(([year, from], i) => {
      if (!alts.includes(foldForSearch(String(year)))) return;
      for (let d = from; d < (years[i + 1]?.[1] ?? this.manifest.docs); d++) out.add(d);
    });
    return out;
  }

  /** Short names (平江) of the places a word spells in pinyin (pingjiang), folded. */
  fromPinyin(word: string): string[] {
    if (!this.byPinyin) {
      const m = new Map<string, number[]>();
      this.places.forEach((p, i) => {
        if (p.pinyin) m.set(p.pinyin, [...(m.get(p.pinyin) ?? []), i]);
      });
      this.byPinyin = m;
    }
    const out: string[] = [];
    for (const i of this.byPinyin.get(word) ?? []) {
      const name = foldForSearch(this.places[i]!.short);
      if (!out.includes(name)) out.push(name);
    }
    return out;
  }

  /** Places whose pinyin starts with the word (pingj → 平江县), in slug order. */
  placesByPinyinPrefix(word: string, limit: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.places.length && out.length < limit; i++)
      if (this.places[i]!.pinyin.startsWith(word)) out.push(i);
    return out;
  }
}
