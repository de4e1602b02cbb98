/**
 * Benchmarks: where a plan's target stands among its peers' comparable
 * targets — rank, median, the leader and the gap to it.
 */
import { compareKey, firstPerKey, type Row } from './comparable.ts';

/** The median of the values, or null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One of a plan's targets among its peers. */
export interface Benchmark<T extends Row = Row> {
  key: string;
  target: T;
  /** 1 = highest among peers; ties share a rank. */
  rank: number;
  of: number;
  median: number;
  leader: T;
  /** leader.value − target.value (0 when the target leads). */
  gap: number;
}

/**
 * Benchmark each of a plan's targets against one target per peer plan with
 * the same metric, kind and unit base. `peers` are all candidate rows; the
 * plan's own row is included in the ranking.
 */
export function benchmark<T extends Row>(own: T[], peers: T[]): Benchmark<T>[] {
  return benchmarkIndexed(own, peerIndex(peers), () => true);
}

/** Each plan's first row per comparable key, grouped by key: build once, benchmark many. */
export function peerIndex<T extends Row>(rows: T[]): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    const k = compareKey(r);
    if (seen.has(`${r.doc}|${k}`)) continue;
    seen.add(`${r.doc}|${k}`);
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(r);
  }
  return byKey;
}

/** Benchmark against an index, keeping the peers `keep` accepts (e.g. same prefecture, other county). */
export function benchmarkIndexed<T extends Row>(
  own: T[],
  index: Map<string, T[]>,
  keep: (r: T) => boolean,
): Benchmark<T>[] {
  const out: Benchmark<T>[] = [];
  for (const [key, target] of firstPerKey(own)) {
    const group = (index.get(key) ?? [])
      .filter((r) => r.doc !== target.doc && keep(r))
      .concat(target);
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => b.value - a.value || a.doc.localeCompare(b.doc));
    const leader = sorted[0]!;
    out.push({
      key,
      target,
      rank: 1 + sorted.filter((r) => r.value > target.value).length,
      of: group.length,
      median: median(group.map((r) => r.value))!,
      leader,
      gap: Math.max(0, leader.value - target.value),
    });
  }
  return out;
}
