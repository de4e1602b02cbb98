/**
 * The dataset indexed once per build — plans and targets by plan, county,
 * metric, prefecture and province — so that no page filters the whole target
 * list: a page looks its rows up here. Built in one pass over the lists.
 */
import type { PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { planOrder, targetOrder } from './order.ts';

/** A county-level unit and its plans, oldest first. */
export interface County {
  slug: string;
  /** Its name in its newest plan. */
  name: string;
  /** GB/T 2260 code of the county when known (orders lists as the official tables do). */
  code: string | undefined;
  province: RegionRef;
  prefecture: RegionRef;
  plans: PlanRecord[];
  latest: PlanRecord;
}

/** A province or prefecture by code and name. */
export interface RegionRef {
  code: string;
  name: string;
}

/** A prefecture and its counties in official order. */
export interface PrefectureGroup extends RegionRef {
  province: RegionRef;
  counties: County[];
  plans: number;
}

/** A province, its prefectures and counties in official order. */
export interface ProvinceGroup extends RegionRef {
  prefectures: PrefectureGroup[];
  counties: County[];
  plans: number;
}

/** Everything a page looks up. */
export interface SiteIndex {
  /** Every plan in plan order (county slug, year, id). */
  plans: PlanRecord[];
  planByDoc: Map<string, PlanRecord>;
  /** A plan's targets in target order. */
  targetsByDoc: Map<string, TargetRecord[]>;
  /** A metric's targets in target order. */
  targetsByMetric: Map<string, TargetRecord[]>;
  countyBySlug: Map<string, County>;
  /** Counties in official order: by province, prefecture, then code and slug. */
  counties: County[];
  /** Provinces by code. */
  provinces: ProvinceGroup[];
  provinceByCode: Map<string, ProvinceGroup>;
  prefectureByCode: Map<string, PrefectureGroup>;
  /** Where a plan sits: its province and prefecture codes. */
  regionOfDoc: (doc: string) => { province: string; prefecture: string };
}

const byCode = <T extends { code: string; name: string }>(a: T, b: T): number =>
  a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'zh-CN');

const countyOrder = (a: County, b: County): number =>
  (a.code ?? '999999').localeCompare(b.code ?? '999999') || a.slug.localeCompare(b.slug);

/** Newest last: year, then id. */
const planAge = (a: PlanRecord, b: PlanRecord): number =>
  a.meta.year - b.meta.year || a.doc.localeCompare(b.doc);

/** Indexes the dataset's lists; `targets` may come in any order. */
export function buildSiteIndex(plansIn: PlanRecord[], targetsIn: TargetRecord[]): SiteIndex {
  const plans = [...plansIn].sort(planOrder);
  const planByDoc = new Map(plans.map((p) => [p.doc, p]));
  const targets = [...targetsIn].sort(targetOrder(plans));
  const targetsByDoc = new Map<string, TargetRecord[]>();
  const targetsByMetric = new Map<string, TargetRecord[]>();
  for (const t of targets) {
    (targetsByDoc.get(t.doc) ?? targetsByDoc.set(t.doc, []).get(t.doc)!).push(t);
    (targetsByMetric.get(t.metric) ?? targetsByMetric.set(t.metric, []).get(t.metric)!).push(t);
  }

  const countyBySlug = new Map<string, County>();
  for (const [slug, ps] of Map.groupBy(plans, (p) => p.meta.slug)) {
    const sorted = [...ps].sort(planAge);
    const latest = sorted.at(-1)!;
    countyBySlug.set(slug, {
      slug,
      name: latest.meta.county,
      code: latest.meta.code,
      province: { code: latest.province_code, name: latest.meta.province },
      prefecture: { code: latest.prefecture_code, name: latest.meta.prefecture },
      plans: sorted,
      latest,
    });
  }

  const prefectureByCode = new Map<string, PrefectureGroup>();
  const provinceByCode = new Map<string, ProvinceGroup>();
  for (const c of countyBySlug.values()) {
    const province =
      provinceByCode.get(c.province.code) ??
      provinceByCode
        .set(c.province.code, { ...c.province, prefectures: [], counties: [], plans: 0 })
        .get(c.province.code)!;
    province.counties.push(c);
    province.plans += c.plans.length;
    let prefecture = prefectureByCode.get(c.prefecture.code);
    if (!prefecture) {
      prefecture = { ...c.prefecture, province: c.province, counties: [], plans: 0 };
      prefectureByCode.set(c.prefecture.code, prefecture);
      province.prefectures.push(prefecture);
    }
    prefecture.counties.push(c);
    prefecture.plans += c.plans.length;
  }
  const provinces = [...provinceByCode.values()].sort(byCode);
  for (const p of provinces) {
    p.prefectures.sort(byCode);
    for (const f of p.prefectures) f.counties.sort(countyOrder);
    // Official order: prefecture by prefecture.
    p.counties = p.prefectures.flatMap((f) => f.counties);
  }

  return {
    plans,
    planByDoc,
    targetsByDoc,
    targetsByMetric,
    countyBySlug,
    counties: provinces.flatMap((p) => p.counties),
    provinces,
    provinceByCode,
    prefectureByCode,
    regionOfDoc: (doc) => {
      const p = planByDoc.get(doc);
      return { province: p?.province_code ?? '', prefecture: p?.prefecture_code ?? '' };
    },
  };
}
