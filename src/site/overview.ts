/**
 * The home page at national size: how much the site holds, how the headline
 * metrics are distributed over the counties, the provinces with their counts,
 * and the newest plans in the headline matrix — never every plan.
 */
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { miniBox } from '../charts/distribution.ts';
import { groupTitle } from './comparable.ts';
import type { SiteIndex } from './indexes.ts';
import { matrixRows, type MatrixRow } from './matrix.ts';
import { headlineMetrics, metricInfo, metricOrder, type MetricName } from './metrics.ts';
import type { PeerIndex } from './peers.ts';
import type { Summary } from './stats.ts';

/** Plans in the home page's "newest plans" matrix. */
export const NEWEST_PLANS = 12;

/** How one headline metric's main comparable group is distributed over the counties. */
export interface HeadlineDistribution {
  metric: Metric;
  /** The group with the most counties, as a heading says it: 增速（%）. */
  title: string;
  key: string;
  summary: Summary;
  /** Decorative box (the numbers are beside it). */
  svg: string;
  /** The metric's other comparable groups (other kinds, units, scopes, denominators). */
  otherGroups: number;
}

/** A province on the home page. */
export interface ProvinceCount {
  code: string;
  name: string;
  prefectures: number;
  counties: number;
  plans: number;
}

export interface OverviewView {
  plans: number;
  counties: number;
  prefectures: number;
  provinces: ProvinceCount[];
  targets: number;
  /** Headline metrics with a distribution, in column order. */
  distributions: HeadlineDistribution[];
  /** The matrix columns. */
  heads: Metric[];
  /** The newest plans' matrix rows, newest first. */
  newest: MatrixRow[];
}

/** Newest first: plan year, then the date it was retrieved, then id. */
export function newestFirst(a: PlanRecord, b: PlanRecord): number {
  return (
    b.meta.year - a.meta.year ||
    (b.meta.retrieved ?? '').localeCompare(a.meta.retrieved ?? '') ||
    a.doc.localeCompare(b.doc)
  );
}

/** The home page's content. */
export function overviewView(index: SiteIndex, peers: PeerIndex, metrics: Metric[]): OverviewView {
  const heads = headlineMetrics(metrics);
  const distributions = heads.flatMap((metric): HeadlineDistribution[] => {
    const [key, ...others] = peers.keysOf(metric.key);
    const group = key ? peers.group(key, 'all') : null;
    if (!key || !group) return [];
    return [
      {
        metric,
        key,
        title: groupTitle(group.entries[0]!.item.target),
        summary: group.summary,
        svg: miniBox(group.ascending),
        otherGroups: others.length,
      },
    ];
  });
  const newest = [...index.plans].sort(newestFirst).slice(0, NEWEST_PLANS);
  return {
    plans: index.plans.length,
    counties: index.counties.length,
    prefectures: index.prefectureByCode.size,
    provinces: index.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      prefectures: p.prefectures.length,
      counties: p.counties.length,
      plans: p.plans,
    })),
    targets: [...index.targetsByDoc.values()].reduce((n, ts) => n + ts.length, 0),
    distributions,
    heads,
    newest: matrixRows(newest, (doc) => index.targetsByDoc.get(doc) ?? [], heads),
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
