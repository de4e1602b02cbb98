/**
 * Peer groups for rankings and benchmarks. A peer group counts counties, not
 * plans: each county once, with the first target of its newest plan that has
 * one under the comparable key (comparable.ts). Groups are the county's
 * prefecture, its province, and all counties; each is ranked once per build
 * and shared by every page (county pages, metric pages, region pages).
 *
 * Which targets may be ranked at all is one predicate (rankable.ts).
 */
import type { TargetRecord } from '../pipeline/schema.ts';
import { compareKey } from './comparable.ts';
import { rankByValue, type Ranked } from './ranking.ts';
import { isRankable, type Rankable } from './rankable.ts';
import { summarizeSorted, type Summary } from './stats.ts';

/** The three peer groups a county is benchmarked in. */
export type PeerScope = 'prefecture' | 'province' | 'all';

/** A county's entry under one comparable key. */
export interface PeerEntry {
  target: TargetRecord;
  slug: string;
  provinceCode: string;
  prefectureCode: string;
}

/** One ranked peer group: its entries highest first, and their summary. */
export interface RankedGroup {
  key: string;
  entries: Ranked<PeerEntry>[];
  summary: Summary;
  /** The values, lowest first. */
  ascending: number[];
  /** Each county's place in the group. */
  bySlug: Map<string, Ranked<PeerEntry>>;
  /** How many counties share the top value. */
  leaders: number;
}

/** Where one target stands in one peer group. */
export interface Standing {
  key: string;
  scope: PeerScope;
  target: TargetRecord;
  rank: number;
  tied: boolean;
  of: number;
  summary: Summary;
  /** The highest entry (the first of them when several share the top). */
  leader: TargetRecord;
  /** How many counties share the top value. */
  leaders: number;
  /** leader.value − target.value (0 when the target leads). */
  gap: number;
}

/** Newer plan first: year, then id. */
const newer = (a: TargetRecord, b: TargetRecord): boolean =>
  a.year > b.year || (a.year === b.year && a.doc > b.doc);

/** Ties are listed by county slug so a ranking never depends on input order. */
const bySlug = (a: PeerEntry, b: PeerEntry): number => a.slug.localeCompare(b.slug);

/** First index in `ascending` whose value is greater than `v`. */
function upperBound(ascending: readonly number[], v: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `ascending` whose value is not less than `v`. */
function lowerBound(ascending: readonly number[], v: number): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rankGroup(key: string, members: PeerEntry[]): RankedGroup {
  const entries = rankByValue(members, (e) => e.target.value, bySlug);
  const ascending = entries.map((e) => e.item.target.value).reverse();
  return {
    key,
    entries,
    ascending,
    summary: summarizeSorted(ascending)!,
    bySlug: new Map(entries.map((e) => [e.item.slug, e])),
    leaders: ascending.length - lowerBound(ascending, ascending.at(-1)!),
  };
}

/** A key's groups: all counties, and each province's and prefecture's, by code. */
interface KeyGroups {
  all: RankedGroup;
  province: Map<string, RankedGroup>;
  prefecture: Map<string, RankedGroup>;
}

/** Every comparable group, ranked nationally and within each province and prefecture. */
export class PeerIndex {
  /** Comparable key → slug → the county's entry. */
  private readonly entries = new Map<string, Map<string, PeerEntry>>();
  private readonly ranked = new Map<string, KeyGroups>();
  /** The predicate the index was built with: a target it refuses is never ranked or benchmarked. */
  readonly rankable: Rankable;

  /**
   * `targets` in target order (a plan's first target of a key wins);
   * `regionOf` gives a plan's province and prefecture codes; only targets
   * `rankable` accepts are ranked.
   */
  constructor(
    targets: Iterable<TargetRecord>,
    regionOf: (doc: string) => { province: string; prefecture: string },
    rankable: Rankable = isRankable,
  ) {
    this.rankable = rankable;
    for (const t of targets) {
      if (!rankable(t)) continue;
      const key = compareKey(t);
      const ofKey = this.entries.get(key) ?? this.entries.set(key, new Map()).get(key)!;
      const held = ofKey.get(t.slug);
      if (held && !newer(t, held.target)) continue;
      const region = regionOf(t.doc);
      ofKey.set(t.slug, {
        target: t,
        slug: t.slug,
        provinceCode: region.province,
        prefectureCode: region.prefecture,
      });
    }
  }

  /** Comparable keys with at least one entry. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** A metric's comparable keys, the one with the most counties first (then by key). */
  keysOf(metric: string): string[] {
    const sizeOf = (k: string): number => this.entries.get(k)!.size;
    return this.keys()
      .filter((k) => this.entries.get(k)!.values().next().value?.target.metric === metric)
      .sort((a, b) => sizeOf(b) - sizeOf(a) || a.localeCompare(b));
  }

  /** The county's entry under a key: the target it is ranked by. */
  entryOf(key: string, slug: string): PeerEntry | undefined {
    return this.entries.get(key)?.get(slug);
  }

  /** Whether this target is the one its county is ranked by. */
  isEntry(t: TargetRecord): boolean {
    const e = this.entryOf(compareKey(t), t.slug);
    return e?.target.doc === t.doc && e.target.id === t.id;
  }

  /** A key's groups, ranked on first use, all levels in one pass. */
  private groupsOf(key: string): KeyGroups | null {
    const done = this.ranked.get(key);
    if (done) return done;
    const members = [...(this.entries.get(key)?.values() ?? [])];
    if (!members.length) return null;
    const rankEach = (code: (e: PeerEntry) => string) =>
      new Map([...Map.groupBy(members, code)].map(([c, es]) => [c, rankGroup(key, es)]));
    const groups = {
      all: rankGroup(key, members),
      province: rankEach((e) => e.provinceCode),
      prefecture: rankEach((e) => e.prefectureCode),
    };
    this.ranked.set(key, groups);
    return groups;
  }

  /** The group ranked: all counties, or one province's or prefecture's (by code). */
  group(key: string, scope: PeerScope, code = ''): RankedGroup | null {
    const groups = this.groupsOf(key);
    if (!groups) return null;
    return scope === 'all' ? groups.all : (groups[scope].get(code) ?? null);
  }

  /** Provinces (by code) with entries under a key. */
  provincesOf(key: string): Map<string, RankedGroup> {
    return this.groupsOf(key)?.province ?? new Map<string, RankedGroup>();
  }

  /**
   * Where `target` stands in a group among the other counties: its county's
   * own entry is replaced by `target` (an older plan of the county is
   * benchmarked as it stood, never next to the county's newer plan). Null when
   * no other county is in the group.
   */
  standing(target: TargetRecord, scope: PeerScope, code = ''): Standing | null {
    if (!this.rankable(target)) return null;
    const key = compareKey(target);
    const group = this.group(key, scope, code);
    if (!group) return null;
    const mine = group.bySlug.get(target.slug);
    const of = group.entries.length - (mine ? 1 : 0) + 1;
    if (of < 2) return null;
    if (mine && this.isEntry(target)) {
      const leader = group.entries[0]!.item.target;
      return {
        key,
        scope,
        target,
        rank: mine.rank,
        tied: mine.tied,
        of,
        summary: group.summary,
        leader,
        leaders: group.leaders,
        gap: Math.max(0, leader.value - target.value),
      };
    }
    // The others' values with this target's in place of the county's own entry.
    const values = [...group.ascending];
    if (mine) values.splice(upperBound(values, mine.item.target.value) - 1, 1);
    const v = target.value;
    const at = upperBound(values, v);
    values.splice(at, 0, v);
    const othersTop = group.entries.find((e) => e.item.slug !== target.slug)!.item.target;
    const top = Math.max(v, othersTop.value);
    return {
      key,
      scope,
      target,
      // Everything after the inserted value is higher; an equal one sits just before it.
      rank: values.length - at,
      tied: at > 0 && values[at - 1] === v,
      of,
      summary: summarizeSorted(values)!,
      leader: v > othersTop.value ? target : othersTop,
      leaders: values.length - lowerBound(values, top),
      gap: top - v,
    };
  }
}
