/**
 * Plans side by side: their targets aligned by metric and kind into rows, a
 * row flagged when the plans state the metric in kinds that cannot be compared.
 */
import type { Kind } from '../pipeline/schema.ts';
import { compareKey, type Row } from './comparable.ts';
import { unitBase } from './format.ts';

/** One row of the compare table: a metric (and kind) across the plans. */
export interface CompareRow<T extends Row> {
  metric: string;
  kind: Kind | null;
  /** Wording of the row's first target (shown for `other`, where it is the key). */
  label: string;
  /** One entry per plan, in the order asked for. */
  cells: T[][];
  /**
   * `ok`: two or more plans, one measure; `single`: one plan states the metric
   * and no other does; `kinds-differ` / `scope-differs`: one plan's figure, while
   * another plan states the same metric in another kind or unit / another scope
   * or denominator (规模以上 vs the whole, 占GDP vs 占规上工业增加值), on its own row.
   */
  status: 'ok' | 'kinds-differ' | 'scope-differs' | 'single';
  /** The row's scope as shown (规模以上, 园区 …), '' for the whole county. */
  scope: string;
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
    const measure = (r: T) => `${r.kind}|${unitBase(r.unit)}`;
    for (const key of keys) {
      const cells = docs.map((d) => ofMetric.filter((r) => r.doc === d && compareKey(r) === key));
      const present = cells.filter((c) => c.length).length;
      const firsts = cells.map((c) => c[0]).filter((r): r is T => !!r);
      const top = Math.max(...firsts.map((r) => r.value));
      // What other plans say of the metric elsewhere decides why this row stands alone;
      // `other` rows are keyed by wording, so they never clash.
      const mine = new Set(firsts.map((r) => r.doc));
      const elsewhere = ofMetric.filter((r) => compareKey(r) !== key && !mine.has(r.doc));
      const status: CompareRow<T>['status'] =
        present >= 2
          ? 'ok'
          : metric === 'other' || !elsewhere.length
            ? 'single'
            : elsewhere.some((r) => measure(r) === measure(firsts[0]!))
              ? 'scope-differs'
              : 'kinds-differ';
      out.push({
        metric,
        kind: firsts[0]?.kind ?? null,
        label: firsts[0]?.label ?? '',
        scope: firsts[0]?.scope ?? '',
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
