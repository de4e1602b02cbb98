/**
 * The query engine. Loads the manifest, then for each query only the files
 * its terms need (a glossary wording's group file, or the bigram files that
 * cover the term; store.ts caches them), verifies phrases by positions
 * (postings.ts), ranks (rank.ts), counts facets (facets.ts), finds the
 * metrics, counties and targets the query names (quick.ts), and fetches the
 * text files of the results it shows.
 *
 * Ranking tiers (a lower tier always ranks above a higher one):
 *   0  the query as typed occurs contiguously (for one term: the term itself)
 *   1  every term occurs, in any order, directly or as a taxonomy synonym
 *      (a term naming the plan's county, prefecture or year counts as present)
 *   2  fuzzy: some but not all terms occur
 * Within a tier: more terms matched, then more occurrences, then newer plan.
 */
import { siteUrls } from '../site/urls.ts';
import { foldForSearch } from './fold.ts';
import { parseQuery, type ParsedQuery, type QueryTerm } from './tokenize.ts';
import { buildSynonyms, type SynonymTable } from './synonyms.ts';
import { paths } from './layout.ts';
import { snippet } from './highlight.ts';
import { Ranker, type Matches, type Ranking } from './rank.ts';
import { unpackManifest, type ManifestFile } from './manifest.ts';
import { countOccurrences, intersectAt, type Postings } from './postings.ts';
import { IndexStore, type Loader } from './store.ts';
import { CorpusTables } from './corpus.ts';
import { collationRanks, FacetCounts, passageFilter } from './facets.ts';
import { QuickLookup, suggestTerms } from './quick.ts';
import type {
  PassageResult,
  SearchOptions,
  SearchResponse,
  SiteUrls,
  TargetHit,
} from './results.ts';
import type { Manifest } from './types.ts';

export type { Loader } from './store.ts';

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

/** The ranker's bit masks hold 31 alternatives; later ones still match but are not highlighted. */
const MAX_MASKED_ALTS = 31;

/** Searches one index: passages, quick results, facets. */
export class SearchEngine {
  readonly manifest: Manifest;
  readonly synonyms: SynonymTable;
  private readonly store: IndexStore;
  private readonly corpus: CorpusTables;
  private readonly quickLookup: QuickLookup;
  private readonly urls: SiteUrls;
  private rankerCache?: Ranker;
  private collation?: (value: string) => number;

  constructor(manifest: Manifest, load: Loader, urls: SiteUrls = siteUrls) {
    this.manifest = manifest;
    this.urls = urls;
    this.synonyms = buildSynonyms(manifest.metrics);
    this.store = new IndexStore(manifest, load);
    this.corpus = new CorpusTables(manifest);
    this.quickLookup = new QuickLookup(this.store, this.synonyms, this.corpus, urls);
  }

  /** An engine over the index the loader serves (it reads the manifest first). */
  static async open(load: Loader, urls?: SiteUrls): Promise<SearchEngine> {
    const file = JSON.parse(await load(paths.manifest)) as ManifestFile;
    return new SearchEngine(unpackManifest(file), load, urls);
  }

  /** Paragraphs containing the folded string (sorted ids) with occurrence counts. */
  async match(norm: string): Promise<Matches | null> {
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
    this.rankerCache ??= new Ranker(
      this.corpus.docOfParagraph(),
      this.manifest.docs.map((d) => d.year),
    );
    return this.rankerCache;
  }

  /** Passages ranked by tier (see the header), a page of them, quick results and facets. */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
    const limit = opts.limit ?? 20;
    const offset = opts.offset ?? 0;
    const parsed = parseQuery(query, this.synonyms);
    const tooShort = (t: QueryTerm): boolean => t.alts.every((a) => a.length < 2);
    const skipped = parsed.terms.filter(tooShort).map((t) => t.text);
    const live = parsed.terms.filter((t) => !tooShort(t));

    const quickP = this.quickLookup.find(parsed);
    const ranking = await this.rank(parsed, live, skipped.length > 0);
    const { filtered, tiers, exactDocs, counts } = this.filter(ranking, opts);
    const page: Hit[] = ranking
      .top(filtered, offset + limit)
      .slice(offset)
      .map((pid) => ({
        pid,
        doc: this.corpus.docOfParagraph()[pid]!,
        tier: ranking.tier(pid),
        alts: ranking.alts(pid),
        phrase: ranking.phrase(pid),
      }));
    ranking.release();

    // Alternatives are numbered across terms (as in the ranker's bit masks).
    const altStrings = live.flatMap((t) => t.alts);
    const passages = await Promise.all(
      page.map((h) =>
        this.passage(
          h,
          h.phrase
            ? [parsed.phrase]
            : altStrings.filter((_, k) => k < MAX_MASKED_ALTS && h.alts & (1 << k)),
        ),
      ),
    );
    const { quick, targetTotal } = await quickP;
    const docs = this.manifest.docs;
    this.collation ??= collationRanks(this.manifest);
    return {
      query,
      parsed,
      total: filtered.length,
      tiers,
      docs: [...exactDocs].sort((a, b) => a - b).map((i) => docs[i]!.doc),
      passages,
      quick,
      targetTotal,
      facets: counts.facets(this.manifest, this.collation),
      suggestions: tiers[0] + tiers[1] === 0 ? this.suggest(query) : [],
      skipped,
    };
  }

  /**
   * Looks up every alternative of every term, and the whole phrase, in
   * parallel, and ranks. The phrase comes from the words' own occurrences when
   * the words spell it out; otherwise (a dropped one-character word,
   * punctuation) it is looked up whole.
   */
  private async rank(parsed: ParsedQuery, live: QueryTerm[], dropped: boolean): Promise<Ranking> {
    const multi = live.length > 1;
    const words = live.map((t) => t.alts[0]!);
    const phraseP = !multi
      ? Promise.resolve(null)
      : !dropped && words.join('') === parsed.phrase
        ? this.matchSequence(words)
        : parsed.phrase.length >= 2
          ? this.match(parsed.phrase)
          : Promise.resolve(null);
    const altsP = live.map((t) => Promise.all(t.alts.map((a) => this.match(a))));
    const [phrase, altMatches] = await Promise.all([phraseP, Promise.all(altsP)]);
    return this.ranker().rank({
      terms: altMatches,
      meta: multi ? live.map((t) => this.corpus.docsNaming(t.alts)) : [],
      phrase: multi ? phrase : null,
    });
  }

  /** The ranked passages the filters keep, tier counts and facet counts (before filters). */
  private filter(ranking: Ranking, opts: SearchOptions) {
    const docs = this.manifest.docs;
    const pidDoc = this.corpus.docOfParagraph();
    const keep = passageFilter(this.manifest, opts.filters ?? {});
    const counts = new FacetCounts(docs.length, this.manifest.metrics.length);
    const tiers: [number, number, number] = [0, 0, 0];
    const filtered: number[] = [];
    const exactDocs = new Set<number>();
    for (const pid of ranking.hits) {
      const tier = ranking.tier(pid);
      tiers[tier]++;
      const di = pidDoc[pid]!;
      const ms = this.corpus.paragraphMetrics(pid);
      counts.add(di, ms);
      if (!keep(docs[di]!, ms)) continue;
      filtered.push(pid);
      if (tier < 2) exactDocs.add(di);
    }
    return { filtered, tiers, exactDocs, counts };
  }

  private async passage(h: Hit, needles: string[]): Promise<PassageResult> {
    const d = this.manifest.docs[h.doc]!;
    const [anchor, heading, text, targets] = await this.store.paragraph(h.pid);
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

  /** Glossary terms (metric names and wordings) nearest the query. */
  suggest(query: string, n = 5): string[] {
    return suggestTerms(this.manifest.metrics, query, n);
  }
}
