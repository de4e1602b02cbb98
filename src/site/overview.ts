/**
 * The home page: how much the site holds, and the headline-metric matrix —
 * one row per plan, one column per headline metric, each cell the plan's
 * targets for it.
 */
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { headlineMetrics, metricInfo, metricOrder, type MetricName } from './metrics.ts';

/** Targets a matrix cell shows before it says how many more there are. */
const CELL_TARGETS = 2;

/** One plan's targets for one headline metric. */
export interface MatrixCell {
  metric: string;
  shown: TargetRecord[];
  /** Targets of the metric not shown in the cell. */
  more: number;
}

export interface OverviewView {
  /** Distinct counties (a county with two plans counts once). */
  counties: number;
  /** The matrix columns. */
  heads: Metric[];
  /** The matrix rows, in plan order. */
  rows: { plan: PlanRecord; cells: MatrixCell[] }[];
}

/** The home page's content. */
export function overviewView(
  plans: PlanRecord[],
  targets: TargetRecord[],
  metrics: Metric[],
): OverviewView {
  const heads = headlineMetrics(metrics);
  const byDoc = Map.groupBy(targets, (t) => t.doc);
  return {
    counties: new Set(plans.map((p) => p.meta.slug)).size,
    heads,
    rows: plans.map((plan) => ({
      plan,
      cells: heads.map((m) => {
        const ts = (byDoc.get(plan.doc) ?? []).filter((t) => t.metric === m.key);
        return {
          metric: m.key,
          shown: ts.slice(0, CELL_TARGETS),
          more: Math.max(0, ts.length - CELL_TARGETS),
        };
      }),
    })),
  };
}

/** A row of the metric index: a metric and how many plans and targets state it. */
export interface MetricListRow extends MetricName {
  plans: number;
  targets: number;
}

/**
 * Every metric in display order — the taxonomy's, and any key only targets
 * use — with its plan and target counts.
 */
export function metricList(metrics: Metric[], targets: TargetRecord[]): MetricListRow[] {
  const byMetric = Map.groupBy(targets, (t) => t.metric);
  return metricOrder(metrics)
    .filter((k) => metrics.some((m) => m.key === k) || byMetric.has(k))
    .map((k) => {
      const ts = byMetric.get(k) ?? [];
      return {
        ...metricInfo(metrics, k),
        plans: new Set(ts.map((t) => t.doc)).size,
        targets: ts.length,
      };
    });
}
