/**
 * The county page: every plan of one county, what changed between them, how
 * each plan's targets rank among other counties', and who leads what.
 */
import { isRankable } from './rankable.ts';
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { benchmarkIndexed, type Benchmark } from './benchmark.ts';
import { changes, type Change } from './changes.ts';
import { metricRank } from './metrics.ts';

/** Two consecutive plans of the county compared (comparable targets only). */
export interface PlanDiff {
  prev: PlanRecord;
  p: PlanRecord;
  changed: Change<TargetRecord>[];
  dropped: TargetRecord[];
  added: TargetRecord[];
}

/** One plan's benchmarks in the two peer groups. */
export interface PlanBenchmarks {
  p: PlanRecord;
  prefecture: Benchmark<TargetRecord>[];
  all: Benchmark<TargetRecord>[];
}

/** A lead unit (牵头) and the targets it is named for. */
export interface LeadUnit {
  unit: string;
  ts: TargetRecord[];
}

export interface CountyView {
  /** The newest plan: its metadata names the county. */
  latest: PlanRecord;
  /** Every target by metric, metrics in display order. */
  byMetric: [metric: string, targets: TargetRecord[]][];
  diffs: PlanDiff[];
  /** Newest plan first. */
  benches: PlanBenchmarks[];
  /** Lead units, the most targets first. */
  leads: LeadUnit[];
  /** Targets that name no lead unit. */
  unled: number;
}

/**
 * The county page's content. `plans` are the county's plans, oldest first;
 * `targets` their targets in plan order; `peers` every plan's comparable
 * targets (benchmark.ts peerIndex over all targets, built once per build).
 */
export function countyView(
  plans: PlanRecord[],
  targets: TargetRecord[],
  peers: Map<string, TargetRecord[]>,
  metrics: Metric[],
): CountyView {
  const rank = metricRank(metrics);
  const latest = plans.at(-1);
  if (!latest) throw new Error('countyView: a county has at least one plan');
  const slug = latest.meta.slug;
  const ofPlan = (doc: string): TargetRecord[] => targets.filter((t) => t.doc === doc);
  // Changes and ranks only between rankable targets (rankable.ts); the rest are listed, 待核.
  const rankableOf = (doc: string): TargetRecord[] => ofPlan(doc).filter(isRankable);

  const byMetric = [...Map.groupBy(targets, (t) => t.metric)].sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b),
  );

  // Consecutive plans compared, only same metric + kind + unit base.
  const diffs = plans.slice(1).map((p, i) => {
    const prev = plans[i]!;
    return { prev, p, ...changes(rankableOf(prev.doc), rankableOf(p.doc)) };
  });

  // Peers exclude this county's other plans (those are in the changes).
  const byRank = (bs: Benchmark<TargetRecord>[]) =>
    bs.sort((a, b) => rank(a.target.metric) - rank(b.target.metric));
  const benches = [...plans].reverse().map((p) => {
    const own = rankableOf(p.doc);
    return {
      p,
      prefecture: byRank(
        benchmarkIndexed(own, peers, (r) => r.slug !== slug && r.prefecture === p.meta.prefecture),
      ),
      all: byRank(benchmarkIndexed(own, peers, (r) => r.slug !== slug)),
    };
  });

  const leads = [
    ...Map.groupBy(
      targets.flatMap((t) => t.lead.map((u) => [u, t] as const)),
      ([u]) => u,
    ),
  ]
    .map(([unit, pairs]) => ({ unit, ts: pairs.map(([, t]) => t) }))
    .sort((a, b) => b.ts.length - a.ts.length || a.unit.localeCompare(b.unit, 'zh-CN'));

  return {
    latest,
    byMetric,
    diffs,
    benches,
    leads,
    unled: targets.filter((t) => t.lead.length === 0).length,
  };
}
