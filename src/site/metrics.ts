/**
 * The metrics as the site names and orders them: a lookup that never fails,
 * the headline metrics of the overview matrix, and the display order used by
 * every list of metrics.
 */
import type { Metric } from '../pipeline/schema.ts';

/** A metric's key and names: what a table row or a link needs. */
export type MetricName = Pick<Metric, 'key' | 'zh' | 'en'>;

/** Metric lookup that never fails: unknown keys (e.g. `other`) get a readable stand-in. */
export function metricInfo(metrics: readonly MetricName[], key: string): MetricName {
  return (
    metrics.find((m) => m.key === key) ?? {
      key,
      zh: key === 'other' ? '其他' : key,
      en: key === 'other' ? 'Other' : key,
    }
  );
}

/** Order of the overview matrix columns (the headline metrics). */
export const HEADLINE_ORDER = [
  'rd_spending',
  'hightech_firms',
  'hightech_value_added',
  'tech_sme',
  'invention_patents',
  'high_value_patents_density',
  'tech_contract_value',
  'tech_contract_count',
];

/** The overview matrix's metrics, in its column order. */
export function headlineMetrics(metrics: Metric[]): Metric[] {
  const rank = (k: string) => HEADLINE_ORDER.indexOf(k) + 1 || 1e6;
  return metrics
    .filter((m) => m.headline || HEADLINE_ORDER.includes(m.key))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/** All metric keys in display order: headline first, then the taxonomy order, `other` last. */
export function metricOrder(metrics: Metric[]): string[] {
  const head = headlineMetrics(metrics).map((m) => m.key);
  return [
    ...head,
    ...metrics.map((m) => m.key).filter((k) => !head.includes(k) && k !== 'other'),
    'other',
  ];
}

/** Position of a metric key in display order (unknown keys last), for sorting. */
export function metricRank(metrics: Metric[]): (key: string) => number {
  const order = metricOrder(metrics);
  return (key) => order.indexOf(key) + 1 || 1e6;
}

/** The taxonomy's metrics in display order (the about page's glossary). */
export function inDisplayOrder(metrics: Metric[]): Metric[] {
  const rank = metricRank(metrics);
  return [...metrics].sort((a, b) => rank(a.key) - rank(b.key));
}
