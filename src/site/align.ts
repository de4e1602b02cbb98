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
