/**
 * Scores and orders the paragraphs a query's lookups found (tiers in
 * query.ts). Per-paragraph state lives in typed arrays indexed by paragraph id
 * and reused across queries, so a query for a common word (tens of thousands
 * of paragraphs) allocates no object per paragraph; only the page that is
 * shown is sorted (a bounded insertion keeps the best k).
 */
import { partitionPoint } from '../pipeline/bisect.ts';

/** A list of integers: plain, or typed when decoded from postings. */
export type Ints = readonly number[] | Int32Array;

/** Paragraph ids (ascending) containing a string, and how often. */
export interface Matches {
  pids: Ints;
  counts: Ints;
}

export interface RankInput {
  /** Per query term, per alternative (the term itself first, then synonyms). */
  terms: (Matches | null)[][];
  /** Per term, for multi-term queries: documents whose county, prefecture or year the term names. */
  meta: Set<number>[];
  /** Where the whole multi-term query occurs contiguously. */
  phrase: Matches | null;
}

export interface Ranking {
  /** Paragraphs that rank (every term, or fuzzy when no paragraph has every term); unordered. */
  hits: number[];
  tier: (pid: number) => 0 | 1 | 2;
  terms: (pid: number) => number;
  score: (pid: number) => number;
  /** Bit k set: the k-th alternative (numbered across terms, first 31) occurs. */
  alts: (pid: number) => number;
  phrase: (pid: number) => boolean;
  /** Rank order: tier, more terms, higher score, then paragraph order (newer plans first, see build.ts). */
  compare: (a: number, b: number) => number;
  /** The first k of `pids` in rank order. */
  top: (pids: number[], k: number) => number[];
  /** Clears the per-paragraph state for the next query. */
  release: () => void;
}

/** Ranks one index's paragraphs; its arrays are sized once and reused by every query. */
export class Ranker {
  private readonly seen: Uint8Array;
  private readonly tierOf: Uint8Array;
  private readonly termsOf: Uint8Array;
  private readonly phraseOf: Uint8Array;
  private readonly altBits: Int32Array;
  private readonly scoreOf: Float64Array;
  private readonly only: Uint8Array;
  private readonly paragraphs: number;
  private readonly docOf: (pid: number) => number;
  private busy = false;

  /**
   * @param paragraphs number of paragraph ids
   * @param docOf document index of a paragraph id (asked only when a term names plans: `meta`)
   */
  constructor(paragraphs: number, docOf: (pid: number) => number) {
    this.paragraphs = paragraphs;
    this.docOf = docOf;
    const n = paragraphs;
    this.seen = new Uint8Array(n);
    this.tierOf = new Uint8Array(n);
    this.termsOf = new Uint8Array(n);
    this.phraseOf = new Uint8Array(n);
    this.altBits = new Int32Array(n);
    this.scoreOf = new Float64Array(n);
    this.only = new Uint8Array(n);
  }

  rank(input: RankInput): Ranking {
    // Queries overlap while typing; the second one gets its own arrays.
    if (this.busy) return new Ranker(this.paragraphs, this.docOf).rank(input);
    this.busy = true;
    // A paragraph ranks above the fuzzy tier only if every term is present. A
    // term that names no plan's county, prefecture or year is present only
    // through its own text, so its paragraphs hold every such hit: score just
    // those (for 云母 产业, the few hundred with 云母 rather than every one
    // with 产业), and all paragraphs only when none of them has every term.
    const driver = this.driver(input);
    if (driver >= 0) {
      const { only } = this;
      const marked: number[] = [];
      for (const m of input.terms[driver]!)
        if (m)
          for (const pid of m.pids)
            if (!only[pid]) {
              only[pid] = 1;
              marked.push(pid);
            }
      const first = this.score(input, only);
      for (const pid of marked) only[pid] = 0;
      if (first.anyExact) return first.ranking;
      first.clear();
    }
    return this.score(input, null).ranking;
  }

  /** The term with the fewest paragraphs among those no plan's metadata matches; -1 if none. */
  private driver(input: RankInput): number {
    if (input.terms.length < 2) return -1;
    let best = -1;
    let bestSize = Infinity;
    input.terms.forEach((alts, ti) => {
      if (input.meta[ti]!.size > 0) return;
      const size = alts.reduce((a, m) => a + (m ? m.pids.length : 0), 0);
      if (size < bestSize) {
        best = ti;
        bestSize = size;
      }
    });
    return best;
  }

  /** Scores the paragraphs the lookups found (only those flagged in `only`, when given). */
  private score(
    input: RankInput,
    only: Uint8Array | null,
  ): { ranking: Ranking; anyExact: boolean; clear: () => void } {
    const { seen, tierOf, termsOf, phraseOf, altBits, scoreOf, docOf } = this;
    const multi = input.terms.length > 1;
    const touched: number[] = [];

    const termMask: number[] = [];
    let bitNo = 0;
    input.terms.forEach((alts) => {
      let mask = 0;
      alts.forEach((m, ai) => {
        const bit = bitNo < 31 ? 1 << bitNo : 0;
        bitNo++;
        mask |= bit;
        if (!m) return;
        const weight = ai === 0 ? 1 : 0.8;
        // One term: the term itself is tier 0, a synonym tier 1.
        const tier = multi ? 2 : ai === 0 ? 0 : 1;
        const { pids, counts } = m;
        for (let i = 0; i < pids.length; i++) {
          const pid = pids[i]!;
          if (only && !only[pid]) continue;
          if (!seen[pid]) {
            seen[pid] = 1;
            tierOf[pid] = 2;
            touched.push(pid);
          }
          altBits[pid]! |= bit;
          scoreOf[pid]! += Math.min(counts[i]!, 5) * weight;
          if (tier < tierOf[pid]!) tierOf[pid] = tier;
        }
      });
      termMask.push(mask);
    });
    const nTerms = input.terms.length;
    const anyMeta = multi && input.meta.some((m) => m.size > 0);
    for (const pid of touched) {
      // A term naming the plan's county, prefecture or year counts as present.
      const doc = anyMeta ? docOf(pid) : -1;
      let present = 0;
      for (let ti = 0; ti < nTerms; ti++)
        if (altBits[pid]! & termMask[ti]! || (anyMeta && input.meta[ti]!.has(doc))) present++;
      termsOf[pid] = present;
      if (multi && present === nTerms) tierOf[pid] = 1;
    }
    if (multi && input.phrase) {
      const { pids, counts } = input.phrase;
      for (let i = 0; i < pids.length; i++) {
        const pid = pids[i]!;
        if (only && !only[pid]) continue;
        if (!seen[pid]) {
          seen[pid] = 1;
          touched.push(pid);
        }
        tierOf[pid] = 0;
        termsOf[pid] = nTerms;
        scoreOf[pid]! += counts[i]! * 2;
        phraseOf[pid] = 1;
      }
    }

    let anyExact = false;
    for (const pid of touched) if (tierOf[pid]! < 2 && termsOf[pid]! > 0) anyExact = true;
    // Fuzzy hits (tier 2: some terms missing, at most half) only when no paragraph has every term.
    const hits: number[] = [];
    for (const pid of touched)
      if (termsOf[pid]! > 0 && (tierOf[pid]! < 2 || (!anyExact && termsOf[pid]! * 2 >= nTerms)))
        hits.push(pid);

    // Plans are laid out newest year first, so paragraph order also puts newer plans first.
    const compare = (a: number, b: number): number =>
      tierOf[a]! - tierOf[b]! || termsOf[b]! - termsOf[a]! || scoreOf[b]! - scoreOf[a]! || a - b;

    const top = (pids: number[], k: number): number[] => {
      if (k <= 0) return [];
      if (pids.length <= 4 * k) return [...pids].sort(compare).slice(0, k);
      const best: number[] = [];
      for (const pid of pids) {
        if (best.length === k && compare(pid, best[k - 1]!) >= 0) continue;
        best.splice(
          partitionPoint(0, best.length, (i) => compare(best[i]!, pid) < 0),
          0,
          pid,
        );
        if (best.length > k) best.pop();
      }
      return best;
    };

    const clear = (): void => {
      for (const pid of touched) {
        seen[pid] = 0;
        termsOf[pid] = 0;
        phraseOf[pid] = 0;
        altBits[pid] = 0;
        scoreOf[pid] = 0;
      }
    };
    return {
      anyExact,
      clear,
      ranking: {
        hits,
        tier: (pid) => tierOf[pid] as 0 | 1 | 2,
        terms: (pid) => termsOf[pid]!,
        score: (pid) => scoreOf[pid]!,
        alts: (pid) => altBits[pid]!,
        phrase: (pid) => phraseOf[pid] === 1,
        compare,
        top,
        release: () => {
          clear();
          this.busy = false;
        },
      },
    };
  }
}
