/**
 * The comparisons the site draws, as pure functions over target rows:
 * which targets can be compared (same metric, same kind, same unit base),
 * ranks and medians among peers, and changes between a county's plans.
 */
import type { Kind } from '../pipeline/schema.ts';
import { unitBase } from './format.ts';

export interface Row {
  doc: string;
  id: string;
  metric: string;
  kind: Kind;
  value: number;
  value_max: number | null;
  unit: string;
  label: string;
  county: string;
  slug: string;
  prefecture: string;
  year: number;
  deadline: number | null;
}

/** Key under which two targets are comparable. */
// `other` is a catch-all, so there the wording itself must match too.
export const compareKey = (t: Pick<Row, 'metric' | 'kind' | 'unit' | 'label'>): string =>
  `${t.metric}|${t.kind}|${unitBase(t.unit)}${t.metric === 'other' ? `|${t.label}` : ''}`;

/** A plan's first target per comparable key (later mentions of the same key are usually sub-targets). */
export function firstPerKey<T extends Row>(rows: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(compareKey(r))) m.set(compareKey(r), r);
  return m;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Benchmark {
  key: string;
  target: Row;
  /** 1 = highest among peers; ties share a rank. */
  rank: number;
  of: number;
  median: number;
  leader: Row;
  /** leader.value − target.value (0 when the target leads). */
  gap: number;
}

/**
 * Benchmark each of a plan's targets against one target per peer plan with
 * the same metric, kind and unit base. `peers` are all candidate rows; the
 * plan's own row is included in the ranking.
 */
export function benchmark(own: Row[], peers: Row[]): Benchmark[] {
  return benchmarkIndexed(own, peerIndex(peers), () => true);
}

/** Each plan's first row per comparable key, grouped by key: build once, benchmark many. */
export function peerIndex(rows: Row[]): Map<string, Row[]> {
  const byKey = new Map<string, Row[]>();
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
export function benchmarkIndexed(
  own: Row[],
  index: Map<string, Row[]>,
  keep: (r: Row) => boolean,
): Benchmark[] {
  const out: Benchmark[] = [];
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

export interface Change {
  key: string;
  before: Row;
  after: Row;
  /** after.value − before.value */
  delta: number;
}

/** What changed between two plans of one county: only same metric + kind + unit base. */
export function changes(
  before: Row[],
  after: Row[],
): { changed: Change[]; dropped: Row[]; added: Row[] } {
  const a = firstPerKey(before);
  const b = firstPerKey(after);
  const changed: Change[] = [];
  for (const [k, r] of b) {
    const old = a.get(k);
    if (old) changed.push({ key: k, before: old, after: r, delta: r.value - old.value });
  }
  return {
    changed,
    dropped: [...a].filter(([k]) => !b.has(k)).map(([, r]) => r),
    added: [...b].filter(([k]) => !a.has(k)).map(([, r]) => r),
  };
}

export type CompareCell<T extends Row> = { targets: T[] };
export interface CompareRow<T extends Row> {
  metric: string;
  kind: Kind | null;
  /** Wording of the row's first target (shown for `other`, where it is the key). */
  label: string;
  /** One entry per plan, in the order asked for. */
  cells: T[][];
  /** `ok`: same kind in every plan that has it; `kinds-differ`: cannot be set side by side. */
  status: 'ok' | 'kinds-differ' | 'single';
  /** Docs whose target is the highest in an `ok` row. */
  higher: string[];
}

/**
 * Align plans by metric and kind. A metric that appears under one kind in
 * every plan that has it gives one row; a metric with different kinds across
 * plans yields one row per kind, each flagged, so a growth rate never sits next
 * to a level as if comparable.
 */
export function alignPlans<T extends Row>(
  docs: string[],
  rows: T[],
  metricOrder: string[],
): CompareRow<T>[] {
  const mine = rows.filter((r) => docs.includes(r.doc));
  const metrics = [...new Set(mine.map((r) => r.metric))].sort(
    (x, y) =>
      (metricOrder.indexOf(x) + 1 || 1e6) - (metricOrder.indexOf(y) + 1 || 1e6) ||
      x.localeCompare(y),
  );
  const out: CompareRow<T>[] = [];
  for (const metric of metrics) {
    const ofMetric = mine.filter((r) => r.metric === metric);
    // Rows shared by more plans first, so the comparable row leads its metric.
    const reach = (k: string) =>
      new Set(ofMetric.filter((r) => compareKey(r) === k).map((r) => r.doc)).size;
    const keys = [...new Set(ofMetric.map(compareKey))].sort((x, y) => reach(y) - reach(x));
    // `other` rows are keyed by wording, so several keys there are not a kind clash.
    const mixed =
      metric !== 'other' && new Set(ofMetric.map((r) => `${r.kind}|${unitBase(r.unit)}`)).size > 1;
    for (const key of keys) {
      const cells = docs.map((d) => ofMetric.filter((r) => r.doc === d && compareKey(r) === key));
      const present = cells.filter((c) => c.length).length;
      const firsts = cells.map((c) => c[0]).filter((r): r is T => !!r);
      const top = Math.max(...firsts.map((r) => r.value));
      const status = present < 2 ? (mixed ? 'kinds-differ' : 'single') : 'ok';
      out.push({
        metric,
        kind: firsts[0]?.kind ?? null,
        label: firsts[0]?.label ?? '',
        cells,
        status,
        higher:
          status === 'ok' && new Set(firsts.map((r) => r.value)).size > 1
            ? firsts.filter((r) => r.value === top).map((r) => r.doc)
            : [],
      });
    }
  }
  return out;
}
