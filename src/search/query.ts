/**
 * The query engine. Loads the manifest, then for each query only the bigram
 * files its terms need (cached), verifies phrases by positions, ranks, and
 * fetches the text chunks of the results it shows.
 *
 * Ranking tiers (a lower tier always ranks above a higher one):
 *   0  the query as typed occurs contiguously (for one term: the term itself)
 *   1  every term occurs, in any order, directly or as a taxonomy synonym
 *      (a term naming the plan's county, prefecture or year counts as present)
 *   2  fuzzy: some but not all terms occur
 * Within a tier: more terms matched, then more occurrences, then newer plan.
 */
import Fuse from 'fuse.js';
import { normalize, stripMarkers } from './normalize.ts';
import { cover, parseQuery, type ParsedQuery } from './tokenize.ts';
import { buildSynonyms, type SynonymTable } from './synonyms.ts';
import { paths, shardOf } from './layout.ts';
import { snippet, type Segment } from './highlight.ts';
import type { ChunkRow, DocRow, Manifest, SearchMetric, TargetRow } from './types.ts';

export type Loader = (path: string) => Promise<unknown>;

interface Postings {
  pids: number[];
  /** positions of pids[i] are pos[starts[i] .. starts[i+1]) */
  starts: number[];
  pos: number[];
  index?: Map<number, number>;
}

function decode(flat: number[]): Postings {
  const pids: number[] = [];
  const starts: number[] = [];
  const pos: number[] = [];
  let pid = 0;
  let i = 0;
  while (i < flat.length) {
    pid += flat[i++]!;
    const n = flat[i++]!;
    pids.push(pid);
    starts.push(pos.length);
    let p = 0;
    for (let k = 0; k < n; k++) {
      p = k === 0 ? flat[i++]! : p + flat[i++]!;
      pos.push(p);
    }
  }
  starts.push(pos.length);
  return { pids, starts, pos };
}

const EMPTY: Postings = { pids: [], starts: [0], pos: [] };

function hasPos(p: Postings, idx: number, x: number): boolean {
  let lo = p.starts[idx]!;
  let hi = p.starts[idx + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = p.pos[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
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
  passages: PassageResult[];
  quick: QuickResult[];
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

interface Hit {
  pid: number;
  doc: number;
  tier: 0 | 1 | 2;
  terms: number;
  score: number;
  /** Normalized strings that matched, for highlighting. */
  needles: Set<string>;
}

export class SearchEngine {
  readonly manifest: Manifest;
  readonly synonyms: SynonymTable;
  private readonly load: Loader;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly postings = new Map<string, Promise<Postings>>();
  private readonly heavy: Set<string>;
  private readonly urls: SiteUrls;
  private metricFuse?: Fuse<{ key: string; text: string }>;
  private countyFuse?: Fuse<{ i: number; county: string; prefecture: string }>;

  constructor(manifest: Manifest, load: Loader, urls: SiteUrls = defaultUrls) {
    this.manifest = manifest;
    this.load = load;
    this.urls = urls;
    this.heavy = new Set(manifest.heavy);
    this.synonyms = buildSynonyms(manifest.metrics);
  }

  static async open(load: Loader, urls?: SiteUrls): Promise<SearchEngine> {
    return new SearchEngine((await load(paths.manifest)) as Manifest, load, urls);
  }

  private file<T>(path: string): Promise<T> {
    let p = this.files.get(path);
    if (!p) {
      p = this.load(path);
      this.files.set(path, p);
      p.catch(() => this.files.delete(path));
    }
    return p as Promise<T>;
  }

  private bigram(bg: string): Promise<Postings> {
    let p = this.postings.get(bg);
    if (!p) {
      p = this.heavy.has(bg)
        ? this.file<number[]>(paths.heavy(bg)).then(decode)
        : this.file<Record<string, number[]>>(paths.shard(shardOf(bg, this.manifest.shards))).then(
            (o) => (Object.hasOwn(o, bg) ? decode(o[bg]!) : EMPTY),
          );
      this.postings.set(bg, p);
      p.catch(() => this.postings.delete(bg));
    }
    return p;
  }

  /** Paragraphs containing the normalized string, with occurrence counts. null: too short to look up. */
  async match(norm: string): Promise<Map<number, number> | null> {
    const parts = cover(norm);
    if (parts.length === 0) return null;
    const lists = await Promise.all(parts.map((c) => this.bigram(c.bigram)));
    let d = 0;
    for (let i = 1; i < lists.length; i++) if (lists[i]!.pids.length < lists[d]!.pids.length) d = i;
    const driver = lists[d]!;
    const dOff = parts[d]!.offset;
    for (const l of lists) if (!l.index) l.index = new Map(l.pids.map((p, i) => [p, i]));
    const out = new Map<number, number>();
    for (let i = 0; i < driver.pids.length; i++) {
      const pid = driver.pids[i]!;
      const idxs: number[] = [];
      let ok = true;
      for (const l of lists) {
        const k = l.index!.get(pid);
        if (k === undefined) {
          ok = false;
          break;
        }
        idxs.push(k);
      }
      if (!ok) continue;
      let count = 0;
      for (let k = driver.starts[i]!; k < driver.starts[i + 1]!; k++) {
        const start = driver.pos[k]! - dOff;
        if (start < 0) continue;
        if (parts.every((c, j) => j === d || hasPos(lists[j]!, idxs[j]!, start + c.offset)))
          count++;
      }
      if (count > 0) out.set(pid, count);
    }
    return out;
  }

  docOf(pid: number): number {
    const docs = this.manifest.docs;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docs[mid]!.p0 <= pid) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private metaDocs(alts: string[]): Set<number> {
    const out = new Set<number>();
    this.manifest.docs.forEach((d, i) => {
      const fields = [normalize(d.county), normalize(d.prefecture), normalize(String(d.year))];
      if (
        alts.some(
          (a) =>
            stripMarkers(a).length >= 2 &&
            fields.some((f) => f === a || (!a.includes('\uE000') && f.includes(a))),
        )
      )
        out.add(i);
    });
    return out;
  }

  private paragraphMetrics(pid: number, doc: DocRow): number[] {
    const local = pid - doc.p0;
    const out: number[] = [];
    for (let i = 0; i < doc.tm.length; i += 2) if (doc.tm[i] === local) out.push(doc.tm[i + 1]!);
    return out;
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
    const phraseP =
      multi && parsed.phrase.length >= 2 ? this.match(parsed.phrase) : Promise.resolve(null);
    const altsP = live.map((t) => Promise.all(t.alts.map((a) => this.match(a))));
    const quickP = this.quick(parsed);
    const [phrase, altMatches] = await Promise.all([phraseP, Promise.all(altsP)]);

    const hits = new Map<number, Hit>();
    const get = (pid: number): Hit => {
      let h = hits.get(pid);
      if (!h)
        hits.set(
          pid,
          (h = { pid, doc: this.docOf(pid), tier: 2, terms: 0, score: 0, needles: new Set() }),
        );
      return h;
    };
    const meta = live.map((t) => (multi ? this.metaDocs(t.alts) : new Set<number>()));
    live.forEach((t, ti) => {
      const perAlt = altMatches[ti]!;
      const seen = new Set<number>();
      perAlt.forEach((m, ai) => {
        if (!m) return;
        for (const [pid, count] of m) {
          const h = get(pid);
          h.needles.add(t.alts[ai]!);
          h.score += Math.min(count, 5) * (ai === 0 ? 1 : 0.8);
          if (!seen.has(pid)) {
            seen.add(pid);
            h.terms++;
            // One term: the term itself is tier 0, a synonym tier 1.
            if (!multi) h.tier = Math.min(h.tier, ai === 0 ? 0 : 1) as 0 | 1;
          }
        }
      });
    });
    if (multi) {
      for (const h of hits.values()) {
        // A term naming the plan's county, prefecture or year counts as present.
        let present = 0;
        live.forEach((t, ti) => {
          const textHit = t.alts.some((a) => h.needles.has(a));
          if (textHit || meta[ti]!.has(h.doc)) present++;
        });
        h.terms = present;
        if (present === live.length) h.tier = 1;
      }
      if (phrase) {
        for (const [pid, count] of phrase) {
          const h = get(pid);
          h.tier = 0;
          h.terms = live.length;
          h.score += count * 2;
          // Highlight the phrase itself, not its words scattered elsewhere.
          h.needles = new Set([parsed.phrase]);
        }
      }
    }
    const all = [...hits.values()].filter((h) => h.terms > 0);
    // Fuzzy hits (tier 2) only when at most half the terms are missing.
    const ranked = all
      .filter((h) => h.tier < 2 || h.terms * 2 >= live.length)
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          b.terms - a.terms ||
          b.score - a.score ||
          this.manifest.docs[b.doc]!.year - this.manifest.docs[a.doc]!.year ||
          a.pid - b.pid,
      );
    const tiers: [number, number, number] = [0, 0, 0];
    for (const h of ranked) tiers[h.tier]++;

    // Facets over the matched passages (before filters).
    const f = opts.filters ?? {};
    const counts = {
      county: new Map<string, number>(),
      prefecture: new Map<string, number>(),
      year: new Map<string, number>(),
      metric: new Map<string, number>(),
    };
    const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
    const filtered: Hit[] = [];
    for (const h of ranked) {
      const d = this.manifest.docs[h.doc]!;
      const ms = this.paragraphMetrics(h.pid, d).map((mi) => this.manifest.metrics[mi]!.key);
      inc(counts.county, d.county);
      inc(counts.prefecture, d.prefecture);
      inc(counts.year, String(d.year));
      for (const m of ms) inc(counts.metric, m);
      if (f.county && d.county !== f.county) continue;
      if (f.prefecture && d.prefecture !== f.prefecture) continue;
      if (f.year && d.year !== f.year) continue;
      if (f.metric && !ms.includes(f.metric)) continue;
      filtered.push(h);
    }
    const facet = (m: Map<string, number>): Facet =>
      [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));

    const page = filtered.slice(offset, offset + limit);
    const passages = await Promise.all(page.map((h) => this.passage(h)));
    const quick = await quickP;
    const exact = tiers[0] + tiers[1];
    const suggestions = exact === 0 ? this.suggest(query) : [];
    return {
      query,
      parsed,
      total: filtered.length,
      tiers,
      passages,
      quick,
      facets: {
        county: facet(counts.county),
        prefecture: facet(counts.prefecture),
        year: facet(counts.year),
        metric: facet(counts.metric),
      },
      suggestions,
      skipped,
    };
  }

  private async passage(h: Hit): Promise<PassageResult> {
    const d = this.manifest.docs[h.doc]!;
    const chunk = await this.file<ChunkRow[]>(paths.chunk(Math.floor(h.pid / this.manifest.chunk)));
    const [anchor, heading, text, targets] = chunk[h.pid % this.manifest.chunk]!;
    const needles = [...h.needles];
    const tHits: TargetHit[] = targets
      .filter(([, , , quote]) => {
        const q = normalize(quote);
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
  private async quick(parsed: ParsedQuery): Promise<QuickResult[]> {
    const out: QuickResult[] = [];
    const m = this.manifest;
    const exactMetrics = new Set<string>();
    for (const t of parsed.terms)
      for (const a of t.alts) for (const k of this.synonyms.metricsFor(a)) exactMetrics.add(k);
    const q = stripMarkers(parsed.phrase);
    if (q.length === 0) return out;
    this.metricFuse ??= new Fuse(
      m.metrics.flatMap((x) => [x.zh, ...x.wordings].map((text) => ({ key: x.key, text }))),
      { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.3 },
    );
    const fuzzyMetrics = new Set<string>();
    if ([...q].length >= 2)
      for (const r of this.metricFuse.search(q, { limit: 5 }))
        if ((r.score ?? 1) < 0.2) fuzzyMetrics.add(r.item.key);
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
    this.countyFuse ??= new Fuse(
      [
        ...new Map(
          m.docs.map((d, i) => [
            d.county + d.prefecture,
            { i, county: d.county, prefecture: d.prefecture },
          ]),
        ).values(),
      ],
      { keys: ['county'], includeScore: true, ignoreLocation: true, threshold: 0.3 },
    );
    const counties = new Set<number>();
    for (const t of parsed.terms) {
      const a = stripMarkers(t.alts[0]!);
      if ([...a].length < 2) continue;
      m.docs.forEach((d, i) => {
        if (normalize(d.county).includes(a) || normalize(d.county) === a) counties.add(i);
      });
      if (counties.size === 0)
        for (const r of this.countyFuse.search(a, { limit: 3 }))
          if ((r.score ?? 1) < 0.2) counties.add(r.item.i);
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
    for (const key of exactMetrics) {
      if (!m.targetFiles[key]) continue;
      const rows = await this.file<TargetRow[]>(paths.targets(key));
      const needles = [...parsed.terms.flatMap((t) => t.alts)];
      for (const [di, id, label, quote, value, vmax, unit] of rows) {
        const d = m.docs[di]!;
        if (otherTerms.length > 0) {
          const hay = normalize(`${d.county}${d.prefecture}${d.year}${quote}`);
          if (!otherTerms.every((t) => t.alts.some((a) => hay.includes(a)))) continue;
        }
        out.push({
          kind: 'target',
          title: `${d.county} ${d.year}：${label} ${vmax != null ? `${value}–${vmax}` : value}${unit}`,
          detail: byKey.get(key)?.zh ?? key,
          href: this.urls.plan(d.doc, id),
          snippet: snippet(quote, needles, { length: 80 }),
        });
      }
    }
    return out;
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
