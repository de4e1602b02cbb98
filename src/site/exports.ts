/**
 * Downloads built from the dataset: every target as one CSV table for Excel
 * users (UTF-8 with a BOM, RFC 4180 quoting; see csv.ts), each row linking to
 * its sentence in the plan.
 */
import type { Metric, TargetRecord } from '../pipeline/schema.ts';
import { toCsv } from './csv.ts';
import { metricInfo } from './metrics.ts';
import { targetUrl } from './urls.ts';

/** `targets.csv`: one row per target; `site` makes the sentence links absolute. */
export function targetsCsv(
  targets: TargetRecord[],
  metrics: Metric[],
  site: URL | undefined,
): string {
  const header = [
    'doc',
    'target_id',
    'province',
    'prefecture',
    'county',
    'year',
    'metric',
    'metric_zh',
    'label',
    'kind',
    'value',
    'value_max',
    'unit',
    'qualifier',
    'deadline',
    'section',
    'lead',
    'quote',
    'url',
  ];
  const rows = targets.map((t) => [
    t.doc,
    t.id,
    t.province,
    t.prefecture,
    t.county,
    t.year,
    t.metric,
    metricInfo(metrics, t.metric).zh,
    t.label,
    t.kind,
    t.value,
    t.value_max,
    t.unit,
    t.qualifier,
    t.deadline,
    t.section,
    t.lead.join('；'),
    t.quotes[0],
    new URL(targetUrl(t), site).href,
  ]);
  return toCsv(header, rows);
}
