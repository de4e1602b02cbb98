/**
 * The headline matrix: one row per plan, one column per headline metric, each
 * cell the plan's targets for it (at most two, then how many more). Used by
 * the home page (the newest plans) and by province and prefecture pages (each
 * county's newest plan).
 */
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';

/** Targets a matrix cell shows before it says how many more there are. */
const CELL_TARGETS = 2;

/** One plan's targets for one headline metric. */
export interface MatrixCell {
  metric: string;
  shown: TargetRecord[];
  /** Targets of the metric not shown in the cell. */
  more: number;
}

/** A plan's row. */
export interface MatrixRow {
  plan: PlanRecord;
  cells: MatrixCell[];
}

/** The matrix rows of `plans` (in the order given) over the headline metrics `heads`. */
export function matrixRows(
  plans: PlanRecord[],
  targetsOf: (doc: string) => TargetRecord[],
  heads: Metric[],
): MatrixRow[] {
  return plans.map((plan) => {
    const byMetric = Map.groupBy(targetsOf(plan.doc), (t) => t.metric);
    return {
      plan,
      cells: heads.map((m) => {
        const ts = byMetric.get(m.key) ?? [];
        return {
          metric: m.key,
          shown: ts.slice(0, CELL_TARGETS),
          more: Math.max(0, ts.length - CELL_TARGETS),
        };
      }),
    };
  });
}
