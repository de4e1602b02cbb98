/** All targets as CSV for Excel: UTF-8 with BOM, RFC 4180 quoting (see src/site/csv.ts). */
import type { APIRoute } from 'astro';
import { loadAll } from '../../site/data.ts';
import { metricInfo } from '../../site/metrics.ts';
import { toCsv } from '../../site/csv.ts';
import { targetUrl } from '../../site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { targets, metrics } = await loadAll();
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
  return new Response(toCsv(header, rows), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
