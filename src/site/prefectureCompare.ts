/**
 * Compare pages per prefecture (`/compare/<code>/`): every county of a
 * prefecture side by side by its newest plan, rendered at build time. The
 * /compare/ page reads its choice from the address, which a static page can
 * only do with JavaScript; these pages are what its plain form links to, so a
 * reader without JavaScript can still set a county beside its neighbours.
 */
import type { Metric } from '../pipeline/schema.ts';
import { comparePlan, compareTarget } from './compareView.ts';
import { compareTableHtml, type ComparePlan } from './compareTable.ts';
import type { PrefectureGroup, SiteIndex } from './indexes.ts';
import { metricInfo, metricOrder } from './metrics.ts';

/** A prefecture's counties side by side. */
export interface PrefectureComparison {
  code: string;
  prefecture: string;
  province: string;
  /** The newest plan of each county, in official county order. */
  plans: ComparePlan[];
  html: string;
}

/** Prefectures with at least two counties that have a plan: only those have anything to compare. */
export function comparablePrefectures(index: SiteIndex): PrefectureGroup[] {
  return [...index.prefectureByCode.values()].filter((g) => g.counties.length >= 2);
}

/** The comparison of one prefecture's counties, or null when it has fewer than two. */
export function prefectureComparison(
  code: string,
  index: SiteIndex,
  metrics: Metric[],
): PrefectureComparison | null {
  const group = index.prefectureByCode.get(code);
  if (!group || group.counties.length < 2) return null;
  const latest = group.counties.map((c) => c.latest);
  const names = metricOrder(metrics).map((k) => metricInfo(metrics, k));
  const targets = latest.flatMap((p) => (index.targetsByDoc.get(p.doc) ?? []).map(compareTarget));
  const plans = latest.map(comparePlan);
  return {
    code,
    prefecture: group.name,
    province: group.province.name,
    plans,
    html: compareTableHtml(plans, targets, names),
  };
}
