/**
 * The query engine. Loads the manifest and the places, then for each query
 * only the files its terms need (a glossary wording's group file, the bigram
 * files that cover the term, or a character's file; store.ts caches them),
 * verifies phrases by positions (postings.ts), ranks (rank.ts), fetches the
 * blocks of the plans its hits fall in and counts facets (corpus.ts,
 * facets.ts), finds the metrics, counties and targets the query names
 * (quick.ts), and fetches the text files of the results it shows.
 *
 * Ranking tiers (a lower tier always ranks above a higher one):
 *   0  the query as typed occurs contiguously (for one term: the term itself)
 *   1  every term occurs, in any order, directly or as a taxonomy synonym
 *      (a term naming the plan's county, prefecture or year counts as present)
 *   2  fuzzy: some but not all terms occur
 * Within a tier: more terms matched, then more occurrences, then newer plan.
 */
import { highlightUrl, siteUrls } from '../site/urls.ts';
import { foldForSearch } from './fold.ts';
import {
  isSingleHan,
  parseQuery,
  searchable,
  type ParsedQuery,
  type QueryTerm,
} from './tokenize.ts';
import { buildSynonyms, type SynonymTable } from './synonyms.ts';
import { paths } from './layout.ts';
import { findRanges, snippet } from './highlight.ts';
import { Ranker, type Matches, type Ranking } from './rank.ts';
import { countOccurrences, intersectAt, type Postings } from './postings.ts';
import { IndexStore, type Loader } from './store.ts';
import { DocTable } from './corpus.ts';
import { collationRanks, FacetCounts, filtering, passageFilter } from './facets.ts';
import { QuickLookup, suggestTerms } from './quick.ts';
import type {
  PassageResult,
  SearchOptions,
  SearchResponse,
  SiteUrls,
  TargetHit,
} from './results.ts';
import type { Manifest, PlaceTable } from './types.ts';

export type { Loader } from './store.ts';

/** A ranked paragraph on the page being shown. */
interface Hit {
  pid: number;
  tier: 0 | 1 | 2;
  /** Bit k set: the k-th alternative (numbered across terms) occurs. */
  alts: number;
  /** The whole query occurs contiguously. */
  phrase: boolean;
}

/** The ranker's bit masks hold 31 alternatives; later ones still match but are not highlighted. */
const MAX_MASKED_ALTS = 31;

/** Searches one index: passages, quick results, facets. */
/** The words of `text` a result matched, as the plan writes them, once each, in text order. */
function hitWords(text: string, needles: string[]): string[] {
  const words = findRanges(text, needles).map(([a, b]) => text.slice(a, b).trim());
  return [...new Set(words)].filter(Boolean).slice(0, 8);
}

export class SearchEngine {
  readonly manifest: Manifest;
  readonly synonyms: SynonymTable;
  /** Plans and places (per-plan data fetched block by block). */
  readonly docs: DocTable;
  private readonly store: IndexStore;
  private readonly quickLookup: QuickLookup;
  private readonly urls: SiteUrls;
  private rankerCache?: Ranker;
  private collation?: (value: string) => number;

  constructor(manifest: Manifest, places: PlaceTable, load: Loader, urls: SiteUrls = siteUrls) {
    this.manifest = manifest;
    this.urls = urls;
    this.synonyms = buildSynonyms(manifest.metrics);
    this.store = new IndexStore(manifest, load);
    this.docs = new DocTable(manifest, places, (k) => this.store.block(k));
    this.quickLookup = new QuickLookup(this.store, this.synonyms, this.docs, urls);
  }

  /** An engine over the index the loader serves (it reads the manifest and the places, in parallel). */
  static async open(load: Loader, urls?: SiteUrls): Promise<SearchEngine> {
    const [manifest, places] = await Promise.all(
      [paths.manifest, paths.places].map(async (p) => JSON.parse(await load(p)) as unknown),
    );
    const m = manifest as Manifest;
    if (m.v !== 3) throw new Error(`search index: manifest version ${String(m.v)}, expected 3`);
    return new SearchEngine(m, places as PlaceTable, load, urls);
  }

  /** Paragraphs containing the folded string (sorted ids) with occurrence counts. */
  async match(norm: string): Promise<Matches | null> {
    if (isSingleHan(norm)) return this.store.char(norm);
    const o = await this.store.occurrences(norm);
    return o && countOccurrences(o);
  }

  /**
   * Paragraphs where the words occur one right after another (the typed query
   * as one phrase), from the words' own occurrences: no bigram files for the
   * joins between words (高价值|发明专利 would need 值发, 明专 and 专利).
   */
  async matchSequence(words: string[]): Promise<Matches | null> {
    const lists = await Promise.all(words.map((w) => this.store.occurrences(w)));
    if (lists.some((l) => !l)) return null;
    const offsets: number[] = [];
    let at = 0;
    for (const w of words) {
      offsets.push(at);
      at += w.length;
    }
    return countOccurrences(intersectAt(lists as Postings[], offsets));
  }

  private ranker(): Ranker {
    this.rankerCache ??= new Ranker(this.manifest.paragraphs, (pid) => this.docs.docOf(pid));
    return this.rankerCache;
  }

  /** Passages ranked by tier (see the header), a page of them, quick results and facets. */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
    const limit = opts.limit ?? 20;
    const offset = opts.offset ?? 0;
    const filters = opts.filters ?? {};
    const parsed = parseQuery(query, this.synonyms, (w) => this.docs.fromPinyin(w));
    const tooShort = (t: QueryTerm): boolean => !t.alts.some(searchable);
    const skipped = parsed.terms.filter(tooShort).map((t) => t.text);
    const live = parsed.terms.filter((t) => !tooShort(t));

    const quickP = this.quickLookup.find(parsed);
    const ranking = await this.rank(parsed, live, skipped.length > 0);
    // Facets, filters and the plans listed need every hit's block; the page does not.
    const blocksP = this.docs.ensure(ranking.hits);
    let filtered = ranking.hits;
    let keep: ((pid: number) => boolean) | null = null;
    if (filtering(filters)) {
      await blocksP;
      keep = passageFilter(this.docs, filters);
      filtered = ranking.hits.filter(keep);
    }
    const page: Hit[] = ranking
      .top(filtered, offset + limit)
      .slice(offset)
      .map((pid) => ({
        pid,
        tier: ranking.tier(pid),
        alts: ranking.alts(pid),
        phrase: ranking.phrase(pid),
      }));
    const tierOf = Uint8Array.from(ranking.hits, (pid) => ranking.tier(pid));
    ranking.release();

    // Alternatives are numbered across terms (as in the ranker's bit masks).
    const altStrings = live.flatMap((t) => t.alts);
    const passagesP = Promise.all(
      page.map((h) =>
        this.passage(
          h,
          h.phrase
            ? [parsed.phrase]
            : altStrings.filter((_, k) => k < MAX_MASKED_ALTS && h.alts & (1 << k)),
        ),
      ),
    );
    await blocksP;
    const { tiers, exactDocs, counts } = this.count(ranking.hits, tierOf, keep);
    const [passages, { quick, targetTotal }] = await Promise.all([passagesP, quickP]);
    this.collation ??= collationRanks(this.docs);
    return {
      query,
      parsed,
      total: filtered.length,
      tiers,
      docs: [...exactDocs].sort((a, b) => a - b).map((i) => this.docs.docId(i)),
      passages,
      quick,
      targetTotal,
      facets: counts.facets(this.docs, this.collation),
      suggestions: tiers[0] + tiers[1] === 0 ? this.suggest(query) : [],
      skipped,
    };
  }

  /**
   * Looks up every alternative of every term, and the whole phrase, in
   * parallel, and ranks. The phrase comes from the words' own occurrences when
   * the words spell it out; otherwise (a dropped word, a one-character word,
   * punctuation) it is looked up whole. A term naming plans' places needs the
   * blocks of the paragraphs found before ranking.
   */
  private async rank(parsed: ParsedQuery, live: QueryTerm[], dropped: boolean): Promise<Ranking> {
    const multi = live.length > 1;
    const words = live.map((t) => t.alts[0]!);
    const phraseP = !multi
      ? Promise.resolve(null)
      : !dropped && words.every((w) => w.length >= 2) && words.join('') === parsed.phrase
        ? this.matchSequence(words)
        : parsed.phrase.length >= 2
          ? this.match(parsed.phrase)
          : Promise.resolve(null);
    const altsP = live.map((t) => Promise.all(t.alts.map((a) => this.match(a))));
    const [phrase, altMatches] = await Promise.all([phraseP, Promise.all(altsP)]);
    const meta = multi ? live.map((t) => this.docs.docsNaming(t.alts)) : [];
    if (meta.some((m) => m.size > 0))
      await Promise.all(altMatches.flat().flatMap((m) => (m ? [this.docs.ensure(m.pids)] : [])));
    return this.ranker().rank({ terms: altMatches, meta, phrase: multi ? phrase : null });
  }

  /** Tier counts and facet counts (before filters), and the plans with an exact hit (after). */
  private count(hits: number[], tierOf: Uint8Array, keep: ((pid: number) => boolean) | null) {
    const counts = new FacetCounts(this.manifest.docs, this.manifest.metrics.length);
    const tiers: [number, number, number] = [0, 0, 0];
    const exactDocs = new Set<number>();
    hits.forEach((pid, i) => {
      const tier = tierOf[i] as 0 | 1 | 2;
      const doc = this.docs.docOf(pid);
      tiers[tier]++;
      counts.add(doc, this.docs.paragraphMetrics(pid));
      if (tier < 2 && (!keep || keep(pid))) exactDocs.add(doc);
    });
    return { tiers, exactDocs, counts };
  }

  private async passage(h: Hit, needles: string[]): Promise<PassageResult> {
    const {
      row: [anchor, heading, text, targets],
      doc: [di, , doc, pi],
    } = await this.store.paragraph(h.pid);
    const place = this.docs.places[pi]!;
    const tHits: TargetHit[] = targets
      .filter(([, , , quote]) => {
        const q = foldForSearch(quote);
        return needles.some((n) => q.includes(n));
      })
      .map(([id, metric, label]) => ({ id, metric, label, href: this.urls.plan(doc, id) }));
    return {
      kind: 'passage',
      doc,
      county: place.county,
      prefecture: place.prefecture,
      year: this.docs.year(di),
      anchor,
      heading,
      href: highlightUrl(this.urls.plan(doc, anchor), hitWords(text, needles)),
      tier: h.tier,
      snippet: snippet(text, needles),
      targets: tHits,
    };
  }

  /** Glossary terms (metric names and wordings) nearest the query. */
  suggest(query: string, n = 5): string[] {
    return suggestTerms(this.manifest.metrics, query, n);
  }
}
