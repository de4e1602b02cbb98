/**
 * The metrics as the site names and orders them: a lookup that never fails,
 * the headline metrics of the overview matrix, and the display order used by
 * every list of metrics.
 */
import type { Metric } from '../pipeline/schema.ts';

/** A metric's key and names: what a table row or a link needs. */
export type MetricName = Pick<Metric, 'key' | 'zh' | 'en'>;

/** A metric's names, for any key: unknown keys (e.g. `other`) get a readable stand-in. */
export function metricInfo(metrics: readonly MetricName[], key: string): MetricName {
  const m = metrics.find((x) => x.key === key);
  if (m) return { key: m.key, zh: m.zh, en: m.en };
  return { key, zh: key === 'other' ? '其他' : key, en: key === 'other' ? 'Other' : key };
}

/** The overview matrix's metrics, in its column order (`headline:` in content/metrics.yaml). */
export function headlineMetrics(metrics: Metric[]): Metric[] {
  return metrics
    .filter((m) => m.headline_order !== null)
    .sort((a, b) => a.headline_order! - b.headline_order! || a.key.localeCompare(b.key));
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
