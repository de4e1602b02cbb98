/**
 * The metric pages. The main page shows, for every comparable group of the
 * metric (one kind, unit base, scope and denominator: comparable.ts), its
 * distribution by province, the top and bottom counties and each province's
 * summary; the full ranking is on one page per province. A peer group counts
 * counties (peers.ts), so however many plans there are, a group has at most
 * one row per county and the chart one row per province.
 */
import type { Kind, Metric, TargetRecord } from '../pipeline/schema.ts';
import { provinceDistribution } from '../charts/distribution.ts';
import { rankedBars } from '../charts/rankedBars.ts';
import { compareKey, denominatorOf, groupTitle } from './comparable.ts';
import type { Cell } from './csv.ts';
import { formatTarget, KIND_LABEL, num, planLabel, unitBase } from './format.ts';
import type { County, ProvinceGroup, RegionRef, SiteIndex } from './indexes.ts';
import { metricInfo, type MetricName } from './metrics.ts';
import type { PeerEntry, PeerIndex, RankedGroup } from './peers.ts';
import { topAndBottom, type Place, type Ranked } from './ranking.ts';
import type { Summary } from './stats.ts';
import { targetUrl } from './urls.ts';

/** Kinds in the order the page shows their groups. */
const KIND_ORDER: Kind[] = ['level', 'increase', 'growth', 'share', 'density'];
/** Counties in each of the top and bottom lists. */
export const TOP_N = 20;
/** Up to this many counties a group is also drawn as ranked bars, one per county. */
export const BAR_LIMIT = 30;
/** Wordings listed before "and N more". */
const WORDINGS_SHOWN = 12;

/** A county's row in a ranking: its place nationally and the target it is ranked by. */
export interface RankingRow extends Place {
  target: TargetRecord;
  county: County;
}

/** A province's part of a group. */
export interface ProvinceSummary extends RegionRef {
  summary: Summary;
  /** The province's highest county (the first, when several share the top). */
  best: RankingRow;
}

/** One comparable group of the metric. */
export interface MetricGroup {
  key: string;
  /** Anchor-safe id (`rd_spending|growth|%` → `rd_spending-growth-25`). */
  slug: string;
  kind: Kind;
  unit: string;
  scope: string | null;
  denominator: string | null;
  /** 增速（%）, 占比（%，占GDP）. */
  title: string;
  summary: Summary;
  /** Box plot by province (SVG), with its data as a table. */
  chart: { svg: string; caption: string; header: string[]; rows: Cell[][] };
  /** Ranked bars, one per county, for a small group; null for a large one. */
  bars: string | null;
  top: RankingRow[];
  /** Empty when the group is small enough for `top` to hold it all. */
  bottom: RankingRow[];
  /** Counties sharing the last shown top rank that the top list leaves out. */
  tiedBeyondTop: number;
  provinces: ProvinceSummary[];
  /** The group's targets, one per county (the maps colour these). */
  members: TargetRecord[];
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
  targetCount: number;
  planCount: number;
  countyCount: number;
  /** Empty for `other`, whose targets are not one measure. */
  groups: MetricGroup[];
  /** The most used wordings first. */
  wordings: MetricWording[];
  /** Wordings not listed. */
  moreWordings: number;
  /** Provinces with targets of the metric: each has a page with the full ranking. */
  provinces: (RegionRef & { counties: number })[];
  /** No note, one wording, one group: nothing to warn about. */
  noDifferences: boolean;
}

/** `rd_spending|growth|%` → `rd_spending-growth-25`: stable, anchor-safe. */
export const groupSlug = (key: string): string =>
  key.replace(/[|/@]/g, '-').replace(/[^\w-]/g, (c) => c.codePointAt(0)!.toString(16));

const kindRank = (k: Kind): number => KIND_ORDER.indexOf(k);

function rowOf(e: Ranked<PeerEntry>, index: SiteIndex): RankingRow {
  return {
    rank: e.rank,
    tied: e.tied,
    of: e.of,
    target: e.item.target,
    county: index.countyBySlug.get(e.item.slug)!,
  };
}

/** The metric's groups in page order: kinds in KIND_ORDER, then the most counties first. */
function orderedKeys(key: string, peers: PeerIndex): string[] {
  const keys = peers.keysOf(key);
  const kindOf = (k: string): Kind => peers.group(k, 'all')!.entries[0]!.item.target.kind;
  return [...keys].sort((a, b) => kindRank(kindOf(a)) - kindRank(kindOf(b)));
}

function groupOf(
  info: MetricName,
  group: RankedGroup,
  index: SiteIndex,
  peers: PeerIndex,
): MetricGroup {
  const first = group.entries[0]!.item.target;
  const slug = groupSlug(group.key);
  const title = groupTitle(first);
  const rows = group.entries.map((e) => rowOf(e, index));
  const { top, bottom } = topAndBottom(rows, TOP_N);
  const lastTop = top.at(-1)!;
  const tiedBeyondTop = bottom.length
    ? rows.slice(TOP_N).filter((r) => r.rank === lastTop.rank).length
    : 0;
  const provinces: ProvinceSummary[] = [...peers.provincesOf(group.key)]
    .map(([code, g]) => ({
      code,
      name: index.provinceByCode.get(code)?.name ?? code,
      summary: g.summary,
      best: { ...rowOf(g.entries[0]!, index), ...nationalPlace(group, g.entries[0]!.item.slug) },
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const unit = unitBase(first.unit);
  const axisLabel = `${KIND_LABEL[first.kind].zh} ${unit}`;
  // One province only: its row would repeat the national one.
  const svg = provinceDistribution(
    { label: '全国', values: group.ascending },
    (provinces.length > 1 ? provinces : []).map((p) => ({
      label: p.name,
      values: peers.group(group.key, 'province', p.code)!.ascending,
    })),
    {
      id: `dist-${slug}`,
      title: `${info.zh} · ${title}：各省分布`,
      description: `${group.summary.n} 个县的${info.zh}${title}目标（每县取最新一份有此目标的方案）：全国中位数 ${num(group.summary.median)}${unit}，四分位 ${num(group.summary.q1)}–${num(group.summary.q3)}${unit}；按省份分行，按中位数从高到低。`,
      axisLabel,
    },
  );
  return {
    key: group.key,
    slug,
    kind: first.kind,
    unit,
    scope: first.scope,
    denominator: denominatorOf(first),
    title,
    summary: group.summary,
    chart: {
      svg,
      caption: `${info.zh} · ${title}：方框为四分位区间，粗线为中位数，线段延伸至 1.5 倍四分位距内的最远值，圆点为其外的值。括号内为县数。`,
      header: [
        '省份 Province',
        '县数 Counties',
        '最低 Min',
        '下四分位 Q1',
        '中位数 Median',
        '上四分位 Q3',
        '最高 Max',
      ],
      rows: [
        ['全国', group.summary.n, ...fiveNumbers(group.summary)],
        ...provinces.map((p) => [p.name, p.summary.n, ...fiveNumbers(p.summary)]),
      ],
    },
    bars:
      rows.length <= BAR_LIMIT
        ? rankedBars(
            rows.map((r) => ({
              key: `${r.target.doc}/${r.target.id}`,
              label: planLabel(r.target),
              value: r.target.value,
              value_max: r.target.value_max,
              text: formatTarget(r.target),
              href: targetUrl(r.target),
              kind: r.target.kind,
              unit: r.target.unit,
            })),
            {
              id: `chart-${slug}`,
              title: `${info.zh} · ${title}`,
              description: `${rows.length} 个县的${info.zh}${title}目标，从高到低排列。最高 ${formatTarget(first)}。`,
              axisLabel,
            },
          )
        : null,
    top,
    bottom,
    tiedBeyondTop,
    provinces,
    members: rows.map((r) => r.target),
  };
}

const fiveNumbers = (s: Summary): number[] =>
  [s.min, s.q1, s.median, s.q3, s.max].map((v) => Math.round(v * 100) / 100);

/** A county's place in the national group. */
function nationalPlace(group: RankedGroup, slug: string): Place {
  const e = group.bySlug.get(slug)!;
  return { rank: e.rank, tied: e.tied, of: e.of };
}

/** The main metric page for `key`. */
export function metricView(
  key: string,
  metrics: Metric[],
  index: SiteIndex,
  peers: PeerIndex,
): MetricView {
  const definition = metrics.find((m) => m.key === key);
  const info = metricInfo(metrics, key);
  const targets = index.targetsByMetric.get(key) ?? [];
  const groups =
    key === 'other'
      ? []
      : orderedKeys(key, peers).map((k) => groupOf(info, peers.group(k, 'all')!, index, peers));
  const wordings = [...Map.groupBy(targets, (t) => t.label)]
    .map(([label, ts]) => ({ label, n: ts.length, kinds: [...new Set(ts.map((t) => t.kind))] }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'zh-CN'));
  const byProvince = Map.groupBy(targets, (t) => index.regionOfDoc(t.doc).province);
  const distinctKeys = new Set(targets.map(compareKey)).size;
  return {
    info,
    definition,
    targetCount: targets.length,
    planCount: new Set(targets.map((t) => t.doc)).size,
    countyCount: new Set(targets.map((t) => t.slug)).size,
    groups,
    wordings: wordings.slice(0, WORDINGS_SHOWN),
    moreWordings: Math.max(0, wordings.length - WORDINGS_SHOWN),
    provinces: index.provinces
      .filter((p) => byProvince.has(p.code))
      .map((p) => ({
        code: p.code,
        name: p.name,
        counties: new Set(byProvince.get(p.code)!.map((t) => t.slug)).size,
      })),
    noDifferences: (definition?.notes.length ?? 0) === 0 && wordings.length < 2 && distinctKeys < 2,
  };
}

/** A county's row on a province's ranking page: its places nationally and in the province. */
export interface ProvinceRankingRow {
  national: Place;
  provincial: Place;
  target: TargetRecord;
  county: County;
}

/** A group on a province's page: every county of the province in it. */
export interface ProvinceRankingGroup {
  key: string;
  slug: string;
  kind: Kind;
  title: string;
  summary: Summary;
  national: Summary;
  rows: ProvinceRankingRow[];
}

/** A metric's page for one province: the full ranking of its counties, group by group. */
export interface MetricProvinceView {
  info: MetricName;
  province: ProvinceGroup;
  groups: ProvinceRankingGroup[];
  /** Targets not ranked (their county's older plans are on the county page): `other`, or refused by the ranking rule. */
  unranked: TargetRecord[];
}

/** The ranking page of metric `key` in the province with `code`. */
export function metricProvinceView(
  key: string,
  code: string,
  metrics: Metric[],
  index: SiteIndex,
  peers: PeerIndex,
): MetricProvinceView {
  const province = index.provinceByCode.get(code);
  if (!province) throw new Error(`metricProvinceView: no province ${code}`);
  const info = metricInfo(metrics, key);
  const groups: ProvinceRankingGroup[] = [];
  for (const k of key === 'other' ? [] : orderedKeys(key, peers)) {
    const here = peers.group(k, 'province', code);
    if (!here) continue;
    const all = peers.group(k, 'all')!;
    const first = here.entries[0]!.item.target;
    groups.push({
      key: k,
      slug: groupSlug(k),
      kind: first.kind,
      title: groupTitle(first),
      summary: here.summary,
      national: all.summary,
      rows: here.entries.map((e) => ({
        national: nationalPlace(all, e.item.slug),
        provincial: { rank: e.rank, tied: e.tied, of: e.of },
        target: e.item.target,
        county: index.countyBySlug.get(e.item.slug)!,
      })),
    });
  }
  // What no ranking shows: `other`, and targets the ranking rule leaves out, of each county's newest plan.
  const unranked = province.counties.flatMap((c) =>
    (index.targetsByDoc.get(c.latest.doc) ?? []).filter(
      (t) => t.metric === key && (key === 'other' || !peers.rankable(t)),
    ),
  );
  return { info, province, groups, unranked };
}
