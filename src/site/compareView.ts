/**
 * The compare page: which plans it shows before the reader chooses (so it
 * works without JavaScript), the table for them, and the small per-plan data
 * the compare island fetches when the reader chooses others.
 */
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { compareTableHtml, type ComparePlan, type CompareTarget } from './compareTable.ts';
import type { PickerPlan } from './comparePicker.ts';
import { headlineMetrics, metricInfo, metricOrder, type MetricName } from './metrics.ts';

/** Plans in the default view. */
const DEFAULT_PLANS = 3;

/** A plan as the compare table shows it. */
export function comparePlan(p: PlanRecord): ComparePlan {
  const m = p.meta;
  return {
    doc: p.doc,
    county: m.county,
    slug: m.slug,
    prefecture: m.prefecture,
    year: m.year,
    title: m.title,
  };
}

/** A target with only the fields the compare table reads. */
export function compareTarget(t: TargetRecord): CompareTarget {
  const { doc, id, metric, label, kind, value, value_max, unit, qualifier, deadline } = t;
  const { county, slug, prefecture, year, scope } = t;
  return {
    doc,
    id,
    metric,
    label,
    kind,
    value,
    value_max,
    unit,
    qualifier,
    deadline,
    scope,
    county,
    slug,
    prefecture,
    year,
  };
}

/** `/data/plans/<doc>.json`: what the compare island fetches for one plan. */
export function planCompareData(plan: PlanRecord, targets: TargetRecord[]) {
  return {
    plan: comparePlan(plan),
    targets: targets.filter((t) => t.doc === plan.doc).map(compareTarget),
  };
}

/**
 * The default choice: the plans that cover the most headline metrics, newest
 * first on ties, then by id.
 */
export function defaultComparePlans(
  plans: PlanRecord[],
  targets: TargetRecord[],
  metrics: Metric[],
): string[] {
  const heads = new Set(headlineMetrics(metrics).map((m) => m.key));
  const covered = Map.groupBy(
    targets.filter((t) => heads.has(t.metric)),
    (t) => t.doc,
  );
  const coverage = (doc: string): number =>
    new Set((covered.get(doc) ?? []).map((t) => t.metric)).size;
  return [...plans]
    .sort(
      (a, b) =>
        coverage(b.doc) - coverage(a.doc) ||
        b.meta.year - a.meta.year ||
        a.doc.localeCompare(b.doc),
    )
    .slice(0, DEFAULT_PLANS)
    .map((p) => p.doc);
}

export interface CompareView {
  /** Docs of the default view, in column order. */
  defaults: string[];
  /** Metric names in row order (handed to the island too). */
  names: MetricName[];
  /** The default view's table. */
  html: string;
  /** Every plan as the picker lists it: by province, prefecture, county pinyin, newest first. */
  picker: PickerPlan[];
  /** The same plans grouped by prefecture, for the plain (no-JavaScript) form. */
  groups: { prefecture: string; province: string; plans: PickerPlan[] }[];
}

/** The compare page's server-rendered content. */
export function compareView(
  plans: PlanRecord[],
  targets: TargetRecord[],
  metrics: Metric[],
): CompareView {
  const defaults = defaultComparePlans(plans, targets, metrics);
  const byDoc = new Map(plans.map((p) => [p.doc, p]));
  const names = metricOrder(metrics).map((k) => metricInfo(metrics, k));
  const html = compareTableHtml(
    defaults.map((d) => comparePlan(byDoc.get(d)!)),
    targets.filter((t) => defaults.includes(t.doc)),
    names,
  );
  const picker = plans
    .map((p) => ({
      doc: p.doc,
      county: p.meta.county,
      prefecture: p.meta.prefecture,
      province: p.meta.province,
      year: p.meta.year,
      title: p.meta.title,
      slug: p.meta.slug,
    }))
    .sort(
      (a, b) =>
        a.province.localeCompare(b.province, 'zh-CN') ||
        a.prefecture.localeCompare(b.prefecture, 'zh-CN') ||
        a.slug.localeCompare(b.slug) ||
        b.year - a.year,
    );
  const groups = [...Map.groupBy(picker, (p) => `${p.province}|${p.prefecture}`)].map(([, ps]) => ({
    prefecture: ps[0]!.prefecture,
    province: ps[0]!.province,
    plans: ps,
  }));
  return { defaults, names, html, picker, groups };
}
