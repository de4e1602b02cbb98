/**
 * Quick results: the metrics, counties and targets a query names, shown above
 * the passages. Short records, where fuzzy matching pays (a typo in a county
 * name still finds it); glossary suggestions when nothing matched.
 */
import Fuse from 'fuse.js';
import { foldForSearch, stripMarkers } from './fold.ts';
import { MAX_TARGETS } from './layout.ts';
import { snippet } from './highlight.ts';
import { NearLookup } from './near.ts';
import type { DocTable } from './corpus.ts';
import type { IndexStore } from './store.ts';
import type { SynonymTable } from './synonyms.ts';
import type { ParsedQuery } from './tokenize.ts';
import type { QuickResult, SiteUrls } from './results.ts';
import type { Manifest, SearchMetric, TargetRow } from './types.ts';

/** Counties listed for a word in pinyin that only begins a name (pingj). */
const MAX_PINYIN_PREFIX = 6;
/** Letters a pinyin prefix needs before it lists counties. */
const MIN_PINYIN_PREFIX = 4;
const LATIN_WORD = /^[a-z]+$/;

/** Metrics, counties and targets of one index. */
export class QuickLookup {
  private readonly store: IndexStore;
  private readonly manifest: Manifest;
  private readonly synonyms: SynonymTable;
  private readonly corpus: DocTable;
  private readonly urls: SiteUrls;
  private metricNear?: NearLookup<{ key: string; text: string }>;
  private countyNear?: NearLookup<{ i: number; county: string }>;

  constructor(store: IndexStore, synonyms: SynonymTable, corpus: DocTable, urls: SiteUrls) {
    this.store = store;
    this.manifest = store.manifest;
    this.synonyms = synonyms;
    this.corpus = corpus;
    this.urls = urls;
  }

  /** Metrics, then counties, then targets of the metrics the query names exactly. */
  async find(parsed: ParsedQuery): Promise<{ quick: QuickResult[]; targetTotal: number }> {
    const q = stripMarkers(parsed.phrase);
    if (q.length === 0) return { quick: [], targetTotal: 0 };
    const exactMetrics = new Set<string>();
    for (const t of parsed.terms)
      for (const a of t.alts) for (const k of this.synonyms.metricsFor(a)) exactMetrics.add(k);
    const byKey = new Map<string, SearchMetric>(this.manifest.metrics.map((x) => [x.key, x]));
    const targets = await this.targets(parsed, exactMetrics, byKey);
    return {
      quick: [...this.metrics(q, exactMetrics, byKey), ...this.counties(parsed), ...targets.quick],
      targetTotal: targets.total,
    };
  }

  private metrics(q: string, exact: Set<string>, byKey: Map<string, SearchMetric>): QuickResult[] {
    this.metricNear ??= new NearLookup(
      this.manifest.metrics.flatMap((x) =>
        [x.zh, ...x.wordings].map((text) => ({ key: x.key, text })),
      ),
      (r) => r.text,
    );
    const fuzzy = new Set<string>();
    if ([...q].length >= 2) for (const r of this.metricNear.search(q, 5)) fuzzy.add(r.key);
    const out: QuickResult[] = [];
    for (const key of new Set([...exact, ...fuzzy])) {
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
    return out;
  }

  /**
   * Counties: exact containment first (or, for a word in pinyin, the counties
   * it spells or begins), fuzzy for near misses.
   */
  private counties(parsed: ParsedQuery): QuickResult[] {
    const places = this.corpus.places;
    const folded = this.corpus.folded();
    const found = new Set<number>();
    for (const t of parsed.terms) {
      const a = stripMarkers(t.alts[0]!);
      if (LATIN_WORD.test(a)) {
        places.forEach((p, i) => {
          if (p.pinyin === a) found.add(i);
        });
        if (a.length >= MIN_PINYIN_PREFIX)
          for (const i of this.corpus.placesByPinyinPrefix(a, MAX_PINYIN_PREFIX)) found.add(i);
        continue;
      }
      if ([...a].length < 2) continue;
      folded.forEach((f, i) => {
        if (f.county.includes(a)) found.add(i);
      });
      if (found.size === 0) {
        this.countyNear ??= new NearLookup(
          places.map((p, i) => ({ i, county: p.county })),
          (r) => r.county,
        );
        for (const r of this.countyNear.search(a, 3)) found.add(r.i);
      }
    }
    const out: QuickResult[] = [];
    const seen = new Set<string>();
    for (const i of found) {
      const p = places[i]!;
      if (seen.has(p.slug)) continue;
      seen.add(p.slug);
      const years = [...new Set(p.docs.map((d) => this.corpus.year(d)))].sort();
      out.push({
        kind: 'county',
        title: p.county,
        detail: `${p.province}${p.prefecture} · ${years.join('、')} 年方案`,
        href: this.urls.county(p.slug),
      });
    }
    return out;
  }

  /** Targets of metrics the query names exactly, each plan's own wording. */
  private async targets(
    parsed: ParsedQuery,
    exactMetrics: Set<string>,
    byKey: Map<string, SearchMetric>,
  ): Promise<{ quick: QuickResult[]; total: number }> {
    const m = this.manifest;
    const otherTerms = parsed.terms.filter(
      (t) => !t.alts.some((a) => this.synonyms.metricsFor(a).length > 0),
    );
    const needles = parsed.terms.flatMap((t) => t.alts);
    const places = this.corpus.places;
    const folded = this.corpus.folded();
    const out: QuickResult[] = [];
    let total = 0;
    for (const key of exactMetrics) {
      if (!m.targetFiles[key]) continue;
      // Rows are stored newest plan first; only the first few are shown (the
      // metric page lists all). A one-word query needs just the head file.
      let keep: TargetRow[];
      if (otherTerms.length === 0) {
        keep = await this.store.targets(key, { head: true });
        total += m.targetFiles[key];
      } else {
        const rows = await this.store.targets(key, { head: false });
        keep = rows.filter(([di, , pi, , , quote]) => {
          const f = folded[pi]!;
          const hay = `${f.county}${f.prefecture}${foldForSearch(String(this.corpus.year(di)))}${foldForSearch(quote)}`;
          return otherTerms.every((t) => t.alts.some((a) => hay.includes(a)));
        });
        total += keep.length;
      }
      for (const [di, doc, pi, id, label, quote, value, vmax, unit] of keep.slice(0, MAX_TARGETS)) {
        out.push({
          kind: 'target',
          title: `${places[pi]!.county} ${this.corpus.year(di)}：${label} ${vmax != null ? `${value}–${vmax}` : value}${unit}`,
          detail: byKey.get(key)?.zh ?? key,
          href: this.urls.plan(doc, id),
          snippet: snippet(quote, needles, { length: 80 }),
        });
      }
    }
    return { quick: out, total };
  }
}

/** Glossary terms (metric names and wordings) nearest the query. */
export function suggestTerms(metrics: SearchMetric[], query: string, n = 5): string[] {
  const words = [...new Set(metrics.flatMap((x) => [x.zh, ...x.wordings]))];
  const fuse = new Fuse(words, { includeScore: true, ignoreLocation: true, threshold: 0.8 });
  const q = query.normalize('NFKC').replace(/\s+/gu, '');
  if (!q) return [];
  return fuse.search(q, { limit: n }).map((r) => r.item);
}
