/**
 * The county page: every plan of one county, what changed between them, how
 * each plan's targets rank among other counties', and who leads what.
 */
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { changes, type Change } from './changes.ts';
import { metricRank } from './metrics.ts';
import { firstPerKey } from './comparable.ts';
import type { PeerIndex, PeerScope, Standing } from './peers.ts';

/** Two consecutive plans of the county compared (comparable targets only). */
export interface PlanDiff {
  prev: PlanRecord;
  p: PlanRecord;
  changed: Change<TargetRecord>[];
  dropped: TargetRecord[];
  added: TargetRecord[];
}

/** One plan's standings in one peer group, in metric display order. */
export interface PeerGroupBenchmarks {
  scope: PeerScope;
  /** 同一地级市（岳阳市）, 同省（湖南省）, 全部县. */
  caption: string;
  rows: Standing[];
}

/** One plan's benchmarks in the three peer groups: its prefecture, its province, all counties. */
export interface PlanBenchmarks {
  p: PlanRecord;
  groups: PeerGroupBenchmarks[];
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
 * `targets` their targets in plan order; `peers` the build's peer groups
 * (peers.ts, ranked once and shared by every page).
 */
export function countyView(
  plans: PlanRecord[],
  targets: TargetRecord[],
  peers: PeerIndex,
  metrics: Metric[],
): CountyView {
  const rank = metricRank(metrics);
  const latest = plans.at(-1);
  if (!latest) throw new Error('countyView: a county has at least one plan');
  const ofPlan = (doc: string): TargetRecord[] => targets.filter((t) => t.doc === doc);
  // Changes and ranks only between rankable targets (rankable.ts isRankable, the
  // predicate the peer index was built with); the rest are listed, 待核.
  const rankableOf = (doc: string): TargetRecord[] => ofPlan(doc).filter(peers.rankable);

  const byMetric = [...Map.groupBy(targets, (t) => t.metric)].sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b),
  );

  // Consecutive plans compared, only same metric + kind + unit base.
  const diffs = plans.slice(1).map((p, i) => {
    const prev = plans[i]!;
    return { prev, p, ...changes(rankableOf(prev.doc), rankableOf(p.doc)) };
  });

  // Each county counts once, by its newest plan with the target; this county's
  // other plans are in the changes above, never among its peers.
  const benches = [...plans].reverse().map((p) => {
    const own = [...firstPerKey(rankableOf(p.doc)).values()].sort(
      (a, b) => rank(a.metric) - rank(b.metric),
    );
    const groups: [PeerScope, string, string][] = [
      ['prefecture', p.prefecture_code, `同一地级市（${p.meta.prefecture}）Same prefecture`],
      ['province', p.province_code, `同省（${p.meta.province}）Same province`],
      ['all', '', '全部县 All counties'],
    ];
    return {
      p,
      groups: groups.map(([scope, code, caption]) => ({
        scope,
        caption,
        rows: own.flatMap((t) => peers.standing(t, scope, code) ?? []),
      })),
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
