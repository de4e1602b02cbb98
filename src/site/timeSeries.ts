/**
 * A county's targets over its plans' years: for each comparable target (same
 * metric, kind and unit base, see comparable.ts) that two or more of its plans
 * set, one small dot-and-line chart, with the points as a table.
 */
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { timeLine, type TimePoint } from '../charts/timeLine.ts';
import type { Cell } from './csv.ts';
import { firstPerKey } from './comparable.ts';
import { formatTarget, KIND_LABEL, num, unitBase } from './format.ts';
import { metricInfo, metricRank } from './metrics.ts';
import { targetUrl } from './urls.ts';

/** One comparable target across the county's plans. */
export interface TimeSeries {
  key: string;
  metric: string;
  title: string;
  svg: string;
  /** The plans' targets, oldest first. */
  points: TargetRecord[];
}

export interface TimeSeriesView {
  series: TimeSeries[];
  years: number[];
  /** Every point of every series, as the table under the charts (and its CSV). */
  table: { header: string[]; rows: Cell[][] };
}

/**
 * The county page's charts over time. `plans` are one county's plans (any
 * order), `targets` theirs. Empty when the county has fewer than two plans.
 */
export function timeSeriesView(
  plans: PlanRecord[],
  targets: TargetRecord[],
  metrics: Metric[],
): TimeSeriesView {
  const ordered = [...plans].sort(
    (a, b) => a.meta.year - b.meta.year || a.doc.localeCompare(b.doc),
  );
  const years = [...new Set(ordered.map((p) => p.meta.year))];
  const perPlan = ordered.map((p) => firstPerKey(targets.filter((t) => t.doc === p.doc)));
  const keys = new Map<string, TargetRecord[]>();
  for (const m of perPlan)
    for (const [k, t] of m) if (t.metric !== 'other') keys.set(k, [...(keys.get(k) ?? []), t]);
  const rank = metricRank(metrics);
  const series = [...keys]
    // Two years at least: a point alone is no line (the change table lists it).
    .filter(([, ts]) => new Set(ts.map((t) => t.year)).size >= 2)
    .sort(([ka, [a]], [kb, [b]]) => rank(a!.metric) - rank(b!.metric) || ka.localeCompare(kb))
    .map(([key, ts], i) => {
      const first = ts[0]!;
      const info = metricInfo(metrics, first.metric);
      const title = `${info.zh}（${KIND_LABEL[first.kind].zh}，${unitBase(first.unit)}）`;
      const points: TimePoint[] = ts.map((t) => ({
        year: t.year,
        value: t.value,
        value_max: t.value_max,
        text: formatTarget(t),
        href: targetUrl(t),
        kind: t.kind,
        unit: t.unit,
      }));
      const svg = timeLine(points, {
        id: `time-${first.slug}-${i + 1}`,
        title,
        description: `${first.county}各年方案的${title}目标：${ts.map((t) => `${t.year}年 ${formatTarget(t)}`).join('，')}。`,
        years,
      });
      return { key, metric: first.metric, title, svg, points: ts };
    });
  return {
    series,
    years,
    table: {
      header: [
        '指标 Metric',
        '方案年份 Plan year',
        '目标 Target',
        '值 Value',
        '单位 Unit',
        '期限 Deadline',
      ],
      rows: series.flatMap((s) =>
        s.points.map((t) => [s.title, t.year, formatTarget(t), num(t.value), t.unit, t.deadline]),
      ),
    },
  };
}
