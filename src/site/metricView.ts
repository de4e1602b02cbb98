/**
 * The metric page: every target of one metric, charted one kind and unit at
 * a time (a growth rate and a level never share an axis), with the wordings
 * plans use for it.
 */
import { isRankable } from './rankable.ts';
import type { Kind, Metric, TargetRecord } from '../pipeline/schema.ts';
import { rankedBars } from '../charts/rankedBars.ts';
import type { Cell } from './csv.ts';
import { compareKey, firstPerKey } from './comparable.ts';
import { formatTarget, KIND_LABEL, num, planLabel, unitBase } from './format.ts';
import { metricInfo, type MetricName } from './metrics.ts';
import { targetUrl } from './urls.ts';

/** Kinds in the order the page shows their charts. */
const KIND_ORDER: Kind[] = ['level', 'increase', 'growth', 'share', 'density'];

/** One chart: the targets of one kind and unit base, one bar per plan. */
export interface MetricChart {
  /** Stable id fragment for the section and the chart (`rd_spending|growth|%` → `rd_spending-growth-25`). */
  slug: string;
  kind: Kind;
  unit: string;
  title: string;
  caption: string;
  svg: string;
  /** Every target in the group (a plan can have several). */
  targets: TargetRecord[];
  /** The chart's data as a table (and its CSV download), highest first. */
  table: { header: string[]; rows: Cell[][] };
}

/** A wording plans use for the metric, how often, under which kinds. */
export interface MetricWording {
  label: string;
  n: number;
  kinds: Kind[];
}

export interface MetricView {
  info: MetricName;
  /** The taxonomy's entry; undefined for a key only targets use. */
  definition: Metric | undefined;
  /** Targets of the metric, as listed (grouped by chart). */
  targets: TargetRecord[];
  /** Plans with at least one target of the metric. */
  planCount: number;
  /** Empty for `other`, whose targets are not one measure. */
  charts: MetricChart[];
  /** How many kind-and-unit groups the targets fall into. */
  groups: number;
  wordings: MetricWording[];
  /** No note, one wording, one group: nothing to warn about. */
  noDifferences: boolean;
}

const CHART_HEADER = [
  '方案 Plan',
  '县 County',
  '年份 Year',
  '目标 Target',
  '值 Value',
  '上限 Max',
  '单位 Unit',
  '期限 Deadline',
];

/** The metric page's content for `key` over all targets. */
export function metricView(key: string, metrics: Metric[], all: TargetRecord[]): MetricView {
  const definition = metrics.find((m) => m.key === key);
  const info = metricInfo(metrics, key);
  const rows = all.filter((t) => t.metric === key);
  // One chart per kind and unit base; the most-used first within a kind.
  const groups = [...Map.groupBy(rows, compareKey)].sort(
    ([, a], [, b]) =>
      KIND_ORDER.indexOf(a[0]!.kind) - KIND_ORDER.indexOf(b[0]!.kind) || b.length - a.length,
  );
  const wordings = [...Map.groupBy(rows, (t) => t.label)].map(([label, ts]) => ({
    label,
    n: ts.length,
    kinds: [...new Set(ts.map((t) => t.kind))],
  }));
  return {
    info,
    definition,
    targets: groups.flatMap(([, ts]) => ts),
    planCount: new Set(rows.map((t) => t.doc)).size,
    // Charts rank, so they draw rankable targets only (rankable.ts); the list shows all.
    charts:
      key === 'other'
        ? []
        : groups
            .map(([gk, ts]) => [gk, ts.filter(isRankable)] as const)
            .filter(([, ts]) => ts.length > 0)
            .map(([gk, ts]) => chartOf(info, gk, ts)),
    groups: groups.length,
    wordings,
    noDifferences:
      (definition?.notes.length ?? 0) === 0 && wordings.length < 2 && groups.length < 2,
  };
}

function chartOf(info: MetricName, group: string, ts: TargetRecord[]): MetricChart {
  const kind = ts[0]!.kind;
  const unit = unitBase(ts[0]!.unit);
  // Each plan's first target of the group: the rest are usually its sub-targets.
  const perPlan = [...Map.groupBy(ts, (t) => t.doc).values()].map(
    (list) => [...firstPerKey(list).values()][0]!,
  );
  const slug = group
    .replace(/[|/]/g, '-')
    .replace(/[^\w-]/g, (c) => c.codePointAt(0)!.toString(16));
  const title = `${info.zh}（${KIND_LABEL[kind].zh}，${unit}）`;
  const highest = [...perPlan].sort((a, b) => b.value - a.value);
  const svg = rankedBars(
    perPlan.map((t) => ({
      key: `${t.doc}/${t.id}`,
      label: planLabel(t),
      value: t.value,
      value_max: t.value_max,
      text: formatTarget(t),
      href: targetUrl(t),
      kind: t.kind,
      unit: t.unit,
    })),
    {
      id: `chart-${slug}`,
      title,
      description: `${perPlan.length} 份方案的${info.zh}${KIND_LABEL[kind].zh}目标，从高到低排列。最高 ${formatTarget(highest[0]!)}。`,
      axisLabel: `${KIND_LABEL[kind].zh} ${unit}`,
    },
  );
  return {
    slug,
    kind,
    unit,
    title,
    caption: `${title}：每份方案一条（取该方案首个同类目标）；浅色延伸表示区间上限。点击条形跳到原文。`,
    svg,
    targets: ts,
    table: {
      header: CHART_HEADER,
      rows: highest.map((t) => [
        t.doc,
        t.county,
        t.year,
        formatTarget(t),
        num(t.value),
        t.value_max,
        t.unit,
        t.deadline,
      ]),
    },
  };
}
