/**
 * Downloads built from the dataset: every target as one CSV table for Excel
 * users (UTF-8 with a BOM, RFC 4180 quoting, formulas neutralised; see csv.ts),
 * each row linking to its sentence in the plan and naming the plan's source and
 * the data version; the JSON files wrapped with the data version too.
 */
import type { DataVersion } from '../pipeline/dataset.ts';
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { toCsv, type Cell } from './csv.ts';
import { KIND_LABEL } from './format.ts';
import { metricInfo } from './metrics.ts';
import { absoluteUrl, safeExternalUrl, targetUrl } from './urls.ts';

/** The data version as downloads and pages write it: `3f9a2c1b（2026-12-01）`. */
export const versionLabel = (v: Pick<DataVersion, 'version' | 'date'>): string =>
  `${v.version}（${v.date}）`;

/** What a cell may need besides its target. */
interface Context {
  plan: PlanRecord | undefined;
  metrics: Metric[];
  site: URL | string | undefined;
  version: DataVersion;
}

/** One column of targets.csv: its name, what it holds (shown on /data/), and its cell. */
interface Column {
  name: string;
  zh: string;
  en: string;
  cell: (t: TargetRecord, c: Context) => Cell;
}

/** The columns of targets.csv, in order. */
const COLUMNS: Column[] = [
  {
    name: 'target_id',
    zh: '目标编号（由内容生成，稳定）',
    en: 'stable target id',
    cell: (t) => t.id,
  },
  { name: 'doc', zh: '方案编号', en: 'plan id', cell: (t) => t.doc },
  { name: 'county', zh: '县（市、区）', en: 'county', cell: (t) => t.county },
  {
    name: 'county_code',
    zh: 'GB/T 2260 行政区划代码',
    en: 'GB/T 2260 code',
    cell: (_, c) => c.plan?.meta.code,
  },
  { name: 'prefecture', zh: '地级市', en: 'prefecture', cell: (t) => t.prefecture },
  { name: 'province', zh: '省', en: 'province', cell: (t) => t.province },
  { name: 'year', zh: '方案年份', en: 'plan year', cell: (t) => t.year },
  { name: 'metric', zh: '指标键', en: 'metric key', cell: (t) => t.metric },
  {
    name: 'metric_zh',
    zh: '指标中文名',
    en: 'metric name',
    cell: (t, c) => metricInfo(c.metrics, t.metric).zh,
  },
  { name: 'kind', zh: '类型键', en: 'kind', cell: (t) => t.kind },
  { name: 'kind_zh', zh: '类型中文名', en: 'kind name', cell: (t) => KIND_LABEL[t.kind].zh },
  { name: 'value', zh: '目标值', en: 'value', cell: (t) => t.value },
  { name: 'value_max', zh: '区间上限', en: 'upper bound of a range', cell: (t) => t.value_max },
  { name: 'unit', zh: '单位', en: 'unit', cell: (t) => t.unit },
  {
    name: 'qualifier',
    zh: '限定（at_least 以上、reach 达到、about 左右、range 区间、at_most 以内）',
    en: 'qualifier',
    cell: (t) => t.qualifier,
  },
  { name: 'deadline', zh: '期限年份', en: 'deadline year', cell: (t) => t.deadline },
  {
    name: 'scope',
    zh: '范围（空 = 全县；规模以上、园区等）',
    en: 'scope (empty = county-wide)',
    cell: (t) => t.scope,
  },
  { name: 'label', zh: '原文表述', en: 'label as worded', cell: (t) => t.label },
  { name: 'quote', zh: '首处原文引文', en: 'first quote', cell: (t) => t.quotes[0] },
  { name: 'section', zh: '所在章节', en: 'section', cell: (t) => t.section },
  { name: 'lead', zh: '牵头单位（；分隔）', en: 'lead units', cell: (t) => t.lead.join('；') },
  {
    name: 'confidence',
    zh: '可信度（high；low = 待核，不参与排名）',
    en: 'confidence (low = unreviewed, never ranked)',
    cell: (t) => t.confidence,
  },
  {
    name: 'override',
    zh: '人工校核（corrected 已更正、confirmed 已确认、added 已补充）',
    en: 'curator override',
    cell: (t) => t.override,
  },
  {
    name: 'url',
    zh: '原文位置链接',
    en: 'reader URL with the target anchor',
    cell: (t, c) => absoluteUrl(targetUrl(t), c.site),
  },
  {
    name: 'source_url',
    zh: '方案发布来源（仅 http(s) 地址）',
    en: 'plan source URL',
    cell: (_, c) => safeExternalUrl(c.plan?.meta.source),
  },
  {
    name: 'original_sha256',
    zh: '原件 SHA-256',
    en: 'SHA-256 of the original file',
    cell: (_, c) => c.plan?.original.sha256,
  },
  { name: 'data_version', zh: '数据版本', en: 'data version', cell: (_, c) => c.version.version },
];

/** What each column of targets.csv holds, for the downloads page. */
export const TARGETS_CSV_COLUMNS: readonly { name: string; zh: string; en: string }[] = COLUMNS.map(
  ({ name, zh, en }) => ({ name, zh, en }),
);

/** `targets.csv`: one row per target; `site` makes the sentence links absolute. */
export function targetsCsv(
  targets: TargetRecord[],
  plans: PlanRecord[],
  metrics: Metric[],
  site: URL | string | undefined,
  version: DataVersion,
): string {
  const byDoc = new Map(plans.map((p) => [p.doc, p]));
  return toCsv(
    COLUMNS.map((c) => c.name),
    targets.map((t) => {
      const context = { plan: byDoc.get(t.doc), metrics, site, version };
      return COLUMNS.map((c) => c.cell(t, context));
    }),
  );
}

/** A JSON download: its records under `key`, with the data version they belong to. */
export function versionedJson(version: DataVersion, key: string, records: unknown): string {
  return JSON.stringify({ data_version: version, [key]: records }, null, 1);
}
