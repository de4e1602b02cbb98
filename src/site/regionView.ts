/**
 * Province and prefecture pages: the counties of the region with their plans,
 * the prefectures of a province, and the headline matrix with one row per
 * county (its newest plan).
 */
import type { Metric } from '../pipeline/schema.ts';
import type { County, PrefectureGroup, RegionRef, SiteIndex } from './indexes.ts';
import { matrixRows, type MatrixRow } from './matrix.ts';
import { headlineMetrics } from './metrics.ts';
import { pageGroups, type Page } from './paging.ts';

/** Plans a page of the plans index holds: 3,000 fit on one page (about 0.5 MB of HTML). */
export const PLANS_PER_PAGE = 4000;

/** The counties of one prefecture, as a region page lists them. */
export interface CountyList extends RegionRef {
  counties: County[];
  plans: number;
}

export interface RegionView extends RegionRef {
  level: 'province' | 'prefecture';
  /** The province a prefecture is in; null for a province. */
  parent: RegionRef | null;
  /** A municipality's one prefecture is itself: its page is the province's. */
  municipality: boolean;
  /** By prefecture (a prefecture page has one). */
  lists: CountyList[];
  counties: number;
  plans: number;
  targets: number;
  heads: Metric[];
  /** One row per county, its newest plan, in the lists' order. */
  matrix: MatrixRow[];
}

function viewOf(
  level: RegionView['level'],
  region: RegionRef,
  parent: RegionRef | null,
  prefectures: PrefectureGroup[],
  index: SiteIndex,
  metrics: Metric[],
): RegionView {
  const counties = prefectures.flatMap((p) => p.counties);
  const heads = headlineMetrics(metrics);
  const targetsOf = (doc: string) => index.targetsByDoc.get(doc) ?? [];
  return {
    code: region.code,
    name: region.name,
    level,
    parent,
    municipality: prefectures.length === 1 && prefectures[0]!.code === (parent ?? region).code,
    lists: prefectures.map((p) => ({
      code: p.code,
      name: p.name,
      counties: p.counties,
      plans: p.plans,
    })),
    counties: counties.length,
    plans: prefectures.reduce((n, p) => n + p.plans, 0),
    targets: counties.reduce(
      (n, c) => n + c.plans.reduce((m, p) => m + targetsOf(p.doc).length, 0),
      0,
    ),
    heads,
    matrix: matrixRows(
      counties.map((c) => c.latest),
      targetsOf,
      heads,
    ),
  };
}

/** The page of the province with GB/T 2260 code `code`. */
export function provinceView(code: string, index: SiteIndex, metrics: Metric[]): RegionView {
  const p = index.provinceByCode.get(code);
  if (!p) throw new Error(`provinceView: no province ${code}`);
  return viewOf('province', p, null, p.prefectures, index, metrics);
}

/** The page of the prefecture with GB/T 2260 code `code`. */
export function prefectureView(code: string, index: SiteIndex, metrics: Metric[]): RegionView {
  const p = index.prefectureByCode.get(code);
  if (!p) throw new Error(`prefectureView: no prefecture ${code}`);
  return viewOf('prefecture', p, p.province, [p], index, metrics);
}

/** The counties index and the plans index: provinces in official order, each a list. */
export interface IndexGroup extends RegionRef {
  counties: County[];
  plans: number;
}

/** Provinces with their counties, for /counties/ and /plans/. */
export function indexGroups(index: SiteIndex): IndexGroup[] {
  return index.provinces.map((p) => ({
    code: p.code,
    name: p.name,
    counties: p.counties,
    plans: p.plans,
  }));
}

/** The plans index in pages of whole provinces (one page up to PLANS_PER_PAGE plans). */
export function planIndexPages(index: SiteIndex, perPage = PLANS_PER_PAGE): Page<IndexGroup>[] {
  return pageGroups(indexGroups(index), (g) => g.plans, perPage);
}
