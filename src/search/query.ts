/**
 * The query engine. Loads the manifest, then for each query only the files
 * its terms need (a glossary wording's group file, or the bigram files that
 * cover the term; cached), verifies phrases by positions, ranks (rank.ts), and
 * fetches the text files of the results it shows.
 *
 * Ranking tiers (a lower tier always ranks above a higher one):
 *   0  the query as typed occurs contiguously (for one term: the term itself)
 *   1  every term occurs, in any order, directly or as a taxonomy synonym
 *      (a term naming the plan's county, prefecture or year counts as present)
 *   2  fuzzy: some but not all terms occur
 * Within a tier: more terms matched, then more occurrences, then newer plan.
 */
import Fuse from 'fuse.js';
import { foldForSearch, stripMarkers } from './fold.ts';
import { cover, parseQuery, type ParsedQuery } from './tokenize.ts';
import { buildSynonyms, type SynonymTable } from './synonyms.ts';
import { MAX_TARGETS, paths, shardOf } from './layout.ts';
import { snippet, type Segment } from './highlight.ts';
import { Ranker, type Matches } from './rank.ts';
import { NearLookup } from './near.ts';
import { unpackManifest, type ManifestFile } from './manifest.ts';
import { partitionPoint, sortedIndexOf } from '../pipeline/bisect.ts';
import type { ChunkRow, Manifest, SearchMetric, TargetRow } from './types.ts';

/** Fetches an index file's text (the engine parses it). */
export type Loader = (path: string) => Promise<string>;

/** Decoded postings in typed arrays: one allocation each, nothing for the GC to walk. */
interface Postings {
  pids: Int32Array;
  /** positions of pids[i] are pos[starts[i] .. starts[i+1]) */
  starts: Int32Array;
  pos: Int32Array;
}

/** Index of pid in the postings' paragraph list, or -1. */
const find = (p: Postings, pid: number): number => sortedIndexOf(p.pids, pid);

/** Whether the idx-th paragraph of the postings has an entry at position x. */
const hasPos = (p: Postings, idx: number, x: number): boolean =>
  sortedIndexOf(p.pos, x, p.starts[idx], p.starts[idx + 1]) >= 0;

function decode(flat: number[]): Postings {
  // First pass: sizes, so the arrays are allocated once.
  let groups = 0;
  for (let i = 0; i < flat.length; i += 2 + flat[i + 1]!) groups++;
  const pids = new Int32Array(groups);
  const starts = new Int32Array(groups + 1);
  const pos = new Int32Array(flat.length - 2 * groups);
  let pid = 0;
  let at = 0;
  for (let i = 0, g = 0; i < flat.length; g++) {
    pid += flat[i++]!;
    const n = flat[i++]!;
    pids[g] = pid;
    starts[g] = at;
    let p = 0;
    for (let k = 0; k < n; k++) {
      p += flat[i++]!;
      pos[at++] = p;
    }
  }
  starts[groups] = at;
  return { pids, starts, pos };
}

const EMPTY: Postings = {
  pids: new Int32Array(0),
  starts: new Int32Array(1),
  pos: new Int32Array(0),
};

/** The promise cached under key, made once; forgotten if it fails, so a retry can succeed. */
function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = make();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Occurrence counts per paragraph. */
function counted(o: Postings): Matches {
  const counts = new Int32Array(o.pids.length);
  for (let i = 0; i < o.pids.length; i++) counts[i] = o.starts[i + 1]! - o.starts[i]!;
  return { pids: o.pids, counts };
}

/**
 * Start positions p, per paragraph, where every list has an entry at
 * p + offsets[j]: the lists are the bigrams covering a string (or the words of
 * a phrase) and the offsets where each sits in it. Walks the shortest list and
 * binary-searches the others.
 */
function intersect(lists: Postings[], offsets: number[]): Postings {
  let d = 0;
  for (let i = 1; i < lists.length; i++) if (lists[i]!.pids.length < lists[d]!.pids.length) d = i;
  const driver = lists[d]!;
  const dOff = offsets[d]!;
  const pids: number[] = [];
  const starts: number[] = [0];
  const pos: number[] = [];
  const idxs = new Array<number>(lists.length);
  for (let i = 0; i < driver.pids.length; i++) {
    const pid = driver.pids[i]!;
    let ok = true;
    for (let j = 0; j < lists.length; j++) {
      const k = j === d ? i : find(lists[j]!, pid);
      if (k < 0) {
        ok = false;
        break;
      }
      idxs[j] = k;
    }
    if (!ok) continue;
    const before = pos.length;
    for (let k = driver.starts[i]!; k < driver.starts[i + 1]!; k++) {
      const start = driver.pos[k]! - dOff;
      if (start < 0) continue;
      let all = true;
      for (let j = 0; j < lists.length && all; j++)
        if (j !== d && !hasPos(lists[j]!, idxs[j]!, start + offsets[j]!)) all = false;
      if (all) pos.push(start);
    }
    if (pos.length > before) {
      pids.push(pid);
      starts.push(pos.length);
    }
  }
  return {
    pids: Int32Array.from(pids),
    starts: Int32Array.from(starts),
    pos: Int32Array.from(pos),
  };
}

export interface Filters {
  county?: string;
  prefecture?: string;
  year?: number;
  metric?: string;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  filters?: Filters;
}

export interface TargetHit {
  id: string;
  label: string;
  metric: string;
  href: string;
}

export interface PassageResult {
  kind: 'passage';
  doc: string;
  county: string;
  prefecture: string;
  year: number;
  title: string;
  anchor: string;
  heading: string;
  href: string;
  tier: 0 | 1 | 2;
  snippet: Segment[];
  targets: TargetHit[];
}

export interface QuickResult {
  kind: 'metric' | 'county' | 'target';
  title: string;
  detail: string;
  href: string;
  /** Only for targets: the quote with hits marked. */
  snippet?: Segment[];
}

export type Facet = [value: string, count: number][];

export interface SearchResponse {
  query: string;
  parsed: ParsedQuery;
  /** Passages matching (after filters). */
  total: number;
  /** Passages per tier (before filters). */
  tiers: [number, number, number];
  /** Plans with a passage that has every term (tiers 0 and 1, after filters). */
  docs: string[];
  passages: PassageResult[];
  quick: QuickResult[];
  /** Targets of the metrics the query names (only the first MAX_TARGETS are in `quick`). */
  targetTotal: number;
  facets: { county: Facet; prefecture: Facet; year: Facet; metric: Facet };
  /** Glossary terms near the query, when no passage has every term. */
  suggestions: string[];
  /** Terms too short to look up in the full text (one character). */
  skipped: string[];
}

export interface SiteUrls {
  plan: (doc: string, anchor: string) => string;
  metric: (key: string) => string;
  county: (slug: string) => string;
}

export const defaultUrls: SiteUrls = {
  plan: (doc, anchor) => `/plans/${encodeURIComponent(doc)}/#${encodeURIComponent(anchor)}`,
  metric: (key) => `/metrics/${encodeURIComponent(key)}/`,
  county: (slug) => `/counties/${encodeURIComponent(slug)}/`,
};

/** A ranked paragraph on the page being shown. */
interface Hit {
  pid: number;
  doc: number;
  tier: 0 | 1 | 2;
  /** Bit k set: the k-th alternative (numbered across terms) occurs. */
  alts: number;
  /** The whole query occurs contiguously. */
  phrase: boolean;
}

const NO_METRICS: readonly number[] = [];

let coll: Intl.Collator | undefined;
const collator = (): Intl.Collator => (coll ??= new Intl.Collator('zh'));

export class SearchEngine {
  readonly manifest: Manifest;
  readonly synonyms: SynonymTable;
  private readonly load: Loader;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly rows = new Map<string, Promise<string[]>>();
  private readonly postings = new Map<string, Promise<Postings>>();
  private readonly heavy: Set<string>;
  private readonly urls: SiteUrls;
  private metricNear?: NearLookup<{ key: string; text: string }>;
  private countyNear?: NearLookup<{ i: number; county: string }>;

  constructor(manifest: Manifest, load: Loader, urls: SiteUrls = defaultUrls) {
    this.manifest = manifest;
    this.load = load;
    this.urls = urls;
    this.heavy = new Set(manifest.heavy);
    this.synonyms = buildSynonyms(manifest.metrics);
  }

  static async open(load: Loader, urls?: SiteUrls): Promise<SearchEngine> {
    const file = JSON.parse(await load(paths.manifest)) as ManifestFile;
    return new SearchEngine(unpackManifest(file), load, urls);
  }

  private file<T>(path: string): Promise<T> {
    return memo(this.files, path, () =>
      this.load(path).then((text) => JSON.parse(text) as unknown),
    ) as Promise<T>;
  }

  /** A text file's rows, unparsed (one JSON row per line). */
  private lines(path: string): Promise<string[]> {
    return memo(this.rows, path, () => this.load(path).then((text) => text.split('\n')));
  }

  private bigram(bg: string): Promise<Postings> {
    return memo(this.postings, bg, () =>
      this.heavy.has(bg)
        ? this.file<number[]>(paths.heavy(bg)).then(decode)
        : this.file<Record<string, number[]>>(paths.shard(shardOf(bg, this.manifest.shards))).then(
            (o) => (Object.hasOwn(o, bg) ? decode(o[bg]!) : EMPTY),
          ),
    );
  }

  private readonly found = new Map<string, Promise<Postings | null>>();

  /**
   * Where the normalized string occurs: paragraph ids (ascending) and each
   * occurrence's start position; null when it is too short to look up. Cached
   * per string.
   */
  private occurrences(norm: string): Promise<Postings | null> {
    if (this.found.size > 256 && !this.found.has(norm)) this.found.clear();
    return memo(this.found, norm, () => this.lookUp(norm));
  }

  /** Paragraphs containing the normalized string (sorted ids) with occurrence counts. */
  async match(norm: string): Promise<Matches | null> {
    const o = await this.occurrences(norm);
    return o && counted(o);
  }

  /**
   * Paragraphs where the words occur one right after another (the typed query
   * as one phrase), from the words' own occurrences: no bigram files for the
   * joins between words (高价值|发明专利 would need 值发, 明专 and 专利).
   */
  async matchSequence(words: string[]): Promise<Matches | null> {
    const lists = await Promise.all(words.map((w) => this.occurrences(w)));
    if (lists.some((l) => !l)) return null;
    const offsets: number[] = [];
    let at = 0;
    for (const w of words) {
      offsets.push(at);
      at += w.length;
    }
    return counted(intersect(lists as Postings[], offsets));
  }

  private collationRanks?: Map<string, number>;
  /**
   * Position of a facet value in Chinese collation order. Ranked once: with
   * thousands of counties, comparing through Intl.Collator on every query costs
   * more than the rest of the facet work.
   */
  private collation(value: string): number {
    if (!this.collationRanks) {
      const values = new Set<string>(this.manifest.metrics.map((x) => x.key));
      for (const d of this.manifest.docs) {
        values.add(d.county);
        values.add(d.prefecture);
        values.add(String(d.year));
      }
      const sorted = [...values].sort(collator().compare);
      this.collationRanks = new Map(sorted.map((v, i) => [v, i]));
    }
    return this.collationRanks.get(value) ?? this.collationRanks.size;
  }

  private wordingGroups?: Map<string, number>;
  /** Group file holding a glossary wording's matches (the first group listing it). */
  private groupOf(norm: string): number | undefined {
    if (!this.wordingGroups) {
      const m = new Map<string, number>();
      this.manifest.synonyms.forEach((g, gi) => {
        for (const w of g) if (w.length >= 2 && !m.has(w)) m.set(w, gi);
      });
      this.wordingGroups = m;
    }
    return this.wordingGroups.get(norm);
  }

  private async lookUp(norm: string): Promise<Postings | null> {
    const group = this.groupOf(norm);
    if (group !== undefined) {
      const lists = await this.file<Record<string, number[]>>(paths.group(group));
      return decode(lists[norm] ?? []);
    }
    const parts = cover(norm);
    if (parts.length === 0) return null;
    const lists = await Promise.all(parts.map((c) => this.bigram(c.bigram)));
    // One bigram: its positions are the string's.
    if (lists.length === 1) return lists[0]!;
    return intersect(
      lists,
      parts.map((c) => c.offset),
    );
  }

  private pidDocCache?: Int32Array;
  /** Document index of every paragraph id. */
  private pidDoc(): Int32Array {
    if (!this.pidDocCache) {
      const docs = this.manifest.docs;
      const last = docs[docs.length - 1];
      const out = new Int32Array(last ? last.p0 + last.n : 0);
      docs.forEach((d, i) => out.fill(i, d.p0, d.p0 + d.n));
      this.pidDocCache = out;
    }
    return this.pidDocCache;
  }

  private rankerCache?: Ranker;
  private ranker(): Ranker {
    this.rankerCache ??= new Ranker(
      this.pidDoc(),
      this.manifest.docs.map((d) => d.year),
    );
    return this.rankerCache;
  }

  private docFieldsCache?: string[][];
  /** FoldedText county, prefecture and year of every document. */
  private docFields(): string[][] {
    this.docFieldsCache ??= this.manifest.docs.map((d) => [
      foldForSearch(d.county),
      foldForSearch(d.prefecture),
      foldForSearch(String(d.year)),
    ]);
    return this.docFieldsCache;
  }

  private metaText?: string;
  /** Documents whose county, prefecture or year one of the alternatives names. */
  private metaDocs(alts: string[]): Set<number> {
    const out = new Set<number>();
    const all = this.docFields();
    // Every distinct field value in one string: most terms name none, and are done in one search.
    this.metaText ??= [...new Set(all.flat())].join('\n');
    const names = alts.filter(
      (a) => stripMarkers(a).length >= 2 && this.metaText!.includes(stripMarkers(a)),
    );
    if (names.length === 0) return out;
    all.forEach((fields, i) => {
      if (
        names.some((a) => fields.some((f) => f === a || (!a.includes('\uE000') && f.includes(a))))
      )
        out.add(i);
    });
    return out;
  }

  private pidMetrics?: { has: Uint8Array; lists: Map<number, number[]> };
  /** Metric indexes of the targets quoted in a paragraph (shared empty list for most). */
  private paragraphMetrics(pid: number): readonly number[] {
    if (!this.pidMetrics) {
      const has = new Uint8Array(this.pidDoc().length);
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

  async search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
    const limit = opts.limit ?? 20;
    const offset = opts.offset ?? 0;
    const parsed = parseQuery(query, this.synonyms);
    const { terms } = parsed;
    const skipped = terms.filter((t) => t.alts.every((a) => a.length < 2)).map((t) => t.text);
    const live = terms.filter((t) => !t.alts.every((a) => a.length < 2));
    const multi = live.length > 1;

    // Look everything up in parallel: the phrase and every alternative of every term.
    // The phrase from the words' own occurrences when the words spell it out;
    // otherwise (a dropped one-character word, punctuation) look it up whole.
    const words = live.map((t) => t.alts[0]!);
    const phraseP = !multi
      ? Promise.resolve(null)
      : skipped.length === 0 && words.join('') === parsed.phrase
        ? this.matchSequence(words)
        : parsed.phrase.length >= 2
          ? this.match(parsed.phrase)
          : Promise.resolve(null);
    const altsP = live.map((t) => Promise.all(t.alts.map((a) => this.match(a))));
    const quickP = this.quick(parsed);
    const [phrase, altMatches] = await Promise.all([phraseP, Promise.all(altsP)]);

    // Alternatives are numbered across terms (as in the ranker's bit masks).
    const altStrings = live.flatMap((t) => t.alts);
    const docs = this.manifest.docs;
    const ranking = this.ranker().rank({
      terms: altMatches,
      meta: multi ? live.map((t) => this.metaDocs(t.alts)) : [],
      phrase: multi ? phrase : null,
    });
    const pidDoc = this.pidDoc();
    const tiers: [number, number, number] = [0, 0, 0];
    // Facets over the matched passages (before filters): count per document, then group.
    const f = opts.filters ?? {};
    const perDoc = new Int32Array(docs.length);
    const metrics = this.manifest.metrics;
    const metricFilter = f.metric ? metrics.findIndex((x) => x.key === f.metric) : -1;
    const perMetric = new Int32Array(metrics.length);
    const filtered: number[] = [];
    const exactDocs = new Set<number>();
    for (const pid of ranking.hits) {
      const tier = ranking.tier(pid);
      tiers[tier]++;
      const di = pidDoc[pid]!;
      perDoc[di]!++;
      const ms = this.paragraphMetrics(pid);
      for (let k = 0; k < ms.length; k++) perMetric[ms[k]!]!++;
      const d = docs[di]!;
      if (f.county && d.county !== f.county) continue;
      if (f.prefecture && d.prefecture !== f.prefecture) continue;
      if (f.year && d.year !== f.year) continue;
      if (f.metric && !ms.includes(metricFilter)) continue;
      filtered.push(pid);
      if (tier < 2) exactDocs.add(di);
    }
    const page: Hit[] = ranking
      .top(filtered, offset + limit)
      .slice(offset)
      .map((pid) => ({
        pid,
        doc: pidDoc[pid]!,
        tier: ranking.tier(pid),
        alts: ranking.alts(pid),
        phrase: ranking.phrase(pid),
      }));
    ranking.release();
    const counts = {
      county: new Map<string, number>(),
      prefecture: new Map<string, number>(),
      year: new Map<string, number>(),
    };
    perDoc.forEach((n, i) => {
      if (n === 0) return;
      const d = docs[i]!;
      counts.county.set(d.county, (counts.county.get(d.county) ?? 0) + n);
      counts.prefecture.set(d.prefecture, (counts.prefecture.get(d.prefecture) ?? 0) + n);
      counts.year.set(String(d.year), (counts.year.get(String(d.year)) ?? 0) + n);
    });
    const facet = (m: Map<string, number>): Facet =>
      [...m].sort((a, b) => b[1] - a[1] || this.collation(a[0]) - this.collation(b[0]));

    const passages = await Promise.all(
      page.map((h) =>
        this.passage(
          h,
          h.phrase ? [parsed.phrase] : altStrings.filter((_, k) => k < 31 && h.alts & (1 << k)),
        ),
      ),
    );
    const { quick, targetTotal } = await quickP;
    const exact = tiers[0] + tiers[1];
    const suggestions = exact === 0 ? this.suggest(query) : [];
    const docNames = [...exactDocs].sort((a, b) => a - b).map((i) => docs[i]!.doc);
    return {
      query,
      parsed,
      total: filtered.length,
      tiers,
      docs: docNames,
      passages,
      quick,
      targetTotal,
      facets: {
        county: facet(counts.county),
        prefecture: facet(counts.prefecture),
        year: facet(counts.year),
        metric: facet(
          new Map(
            metrics.flatMap((x, k) => (perMetric[k]! > 0 ? [[x.key, perMetric[k]!] as const] : [])),
          ),
        ),
      },
      suggestions,
      skipped,
    };
  }

  private async passage(h: Hit, needles: string[]): Promise<PassageResult> {
    const d = this.manifest.docs[h.doc]!;
    // The text file holding the paragraph: the last one starting at or before it.
    const starts = this.manifest.texts;
    const file = Math.max(0, partitionPoint(0, starts.length, (i) => starts[i]! <= h.pid) - 1);
    const lines = await this.lines(paths.chunk(file));
    const [anchor, heading, text, targets] = JSON.parse(lines[h.pid - starts[file]!]!) as ChunkRow;
    const tHits: TargetHit[] = targets
      .filter(([, , , quote]) => {
        const q = foldForSearch(quote);
        return needles.some((n) => q.includes(n));
      })
      .map(([id, metric, label]) => ({ id, metric, label, href: this.urls.plan(d.doc, id) }));
    return {
      kind: 'passage',
      doc: d.doc,
      county: d.county,
      prefecture: d.prefecture,
      year: d.year,
      title: d.title,
      anchor,
      heading,
      href: this.urls.plan(d.doc, anchor),
      tier: h.tier,
      snippet: snippet(text, needles),
      targets: tHits,
    };
  }

  /** Metrics, counties and targets: short records where fuzzy matching pays. */
  private async quick(parsed: ParsedQuery): Promise<{ quick: QuickResult[]; targetTotal: number }> {
    const out: QuickResult[] = [];
    let targetTotal = 0;
    const m = this.manifest;
    const exactMetrics = new Set<string>();
    for (const t of parsed.terms)
      for (const a of t.alts) for (const k of this.synonyms.metricsFor(a)) exactMetrics.add(k);
    const q = stripMarkers(parsed.phrase);
    if (q.length === 0) return { quick: out, targetTotal };
    this.metricNear ??= new NearLookup(
      m.metrics.flatMap((x) => [x.zh, ...x.wordings].map((text) => ({ key: x.key, text }))),
      (r) => r.text,
    );
    const fuzzyMetrics = new Set<string>();
    if ([...q].length >= 2) for (const r of this.metricNear.search(q, 5)) fuzzyMetrics.add(r.key);
    const byKey = new Map<string, SearchMetric>(m.metrics.map((x) => [x.key, x]));
    for (const key of new Set([...exactMetrics, ...fuzzyMetrics])) {
      const x = byKey.get(key);
      if (!x) continue;
      out.push({
        kind: 'metric',
        title: x.zh,
        detail: `指标 · ${x.wordings
          .filter((w) => w !== x.zh)
          .slice(0, 4)
          .join('、')}`,
        href: this.urls.metric(key),
      });
    }
    // Counties: exact containment first, fuse for near misses.
    const counties = new Set<number>();
    for (const t of parsed.terms) {
      const a = stripMarkers(t.alts[0]!);
      if ([...a].length < 2) continue;
      this.docFields().forEach((f, i) => {
        if (f[0]!.includes(a)) counties.add(i);
      });
      if (counties.size === 0) {
        this.countyNear ??= new NearLookup(
          [
            ...new Map(
              m.docs.map((d, i) => [d.county + d.prefecture, { i, county: d.county }]),
            ).values(),
          ],
          (r) => r.county,
        );
        for (const r of this.countyNear.search(a, 3)) counties.add(r.i);
      }
    }
    const seenCounty = new Set<string>();
    for (const i of counties) {
      const d = m.docs[i]!;
      if (seenCounty.has(d.slug)) continue;
      seenCounty.add(d.slug);
      const years = m.docs
        .filter((x) => x.slug === d.slug)
        .map((x) => x.year)
        .sort();
      out.push({
        kind: 'county',
        title: d.county,
        detail: `${d.province}${d.prefecture} · ${years.join('、')} 年方案`,
        href: this.urls.county(d.slug),
      });
    }
    // Targets of metrics the query names exactly, each plan's own wording.
    const otherTerms = parsed.terms.filter(
      (t) => !t.alts.some((a) => this.synonyms.metricsFor(a).length > 0),
    );
    const needles = [...parsed.terms.flatMap((t) => t.alts)];
    const fields = this.docFields();
    for (const key of exactMetrics) {
      if (!m.targetFiles[key]) continue;
      // Rows are stored newest plan first; only the first few are shown (the
      // metric page lists all). A one-word query needs just the head file.
      let keep: TargetRow[];
      if (otherTerms.length === 0) {
        keep = await this.file<TargetRow[]>(paths.targetsHead(key));
        targetTotal += m.targetFiles[key];
      } else {
        const rows = await this.file<TargetRow[]>(paths.targets(key));
        keep = rows.filter(([di, , , quote]) => {
          const hay = `${fields[di]!.join('')}${foldForSearch(quote)}`;
          return otherTerms.every((t) => t.alts.some((a) => hay.includes(a)));
        });
        targetTotal += keep.length;
      }
      for (const [di, id, label, quote, value, vmax, unit] of keep.slice(0, MAX_TARGETS)) {
        const d = m.docs[di]!;
        out.push({
          kind: 'target',
          title: `${d.county} ${d.year}：${label} ${vmax != null ? `${value}–${vmax}` : value}${unit}`,
          detail: byKey.get(key)?.zh ?? key,
          href: this.urls.plan(d.doc, id),
          snippet: snippet(quote, needles, { length: 80 }),
        });
      }
    }
    return { quick: out, targetTotal };
  }

  /** Glossary terms (metric names and wordings) nearest the query. */
  suggest(query: string, n = 5): string[] {
    const words = [...new Set(this.manifest.metrics.flatMap((x) => [x.zh, ...x.wordings]))];
    const fuse = new Fuse(words, { includeScore: true, ignoreLocation: true, threshold: 0.8 });
    const q = query.normalize('NFKC').replace(/\s+/gu, '');
    if (!q) return [];
    return fuse.search(q, { limit: n }).map((r) => r.item);
  }
}
