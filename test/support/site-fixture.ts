/**
 * Hand-built dataset records for the site library's unit tests: a few plans,
 * targets and metrics with exactly the fields the dataset schemas require,
 * checked against those schemas so a test can never pass on a record the
 * pipeline could not write.
 */
import {
  metricSchema,
  planRecordSchema,
  targetRecordSchema,
  type Kind,
  type Metric,
  type PlanRecord,
  type TargetRecord,
} from '../../src/pipeline/schema.ts';
import { regionsOf } from '../../src/pipeline/regions.ts';

/** Counties the fixtures use: slug → names. */
const PLACES: Record<
  string,
  { county: string; prefecture: string; province: string; code: string }
> = {
  pingjiang: { county: '平江县', prefecture: '岳阳市', province: '湖南省', code: '430626' },
  linxiang: { county: '临湘市', prefecture: '岳阳市', province: '湖南省', code: '430682' },
  yuanjiang: { county: '沅江市', prefecture: '益阳市', province: '湖南省', code: '430981' },
  longhui: { county: '隆回县', prefecture: '邵阳市', province: '湖南省', code: '430524' },
  wugang: { county: '武冈市', prefecture: '邵阳市', province: '湖南省', code: '430581' },
  dengfeng: { county: '登封市', prefecture: '郑州市', province: '河南省', code: '410185' },
  gongyi: { county: '巩义市', prefecture: '郑州市', province: '河南省', code: '410181' },
  lingbao: { county: '灵宝市', prefecture: '三门峡市', province: '河南省', code: '411282' },
};

/** A plan record for `<slug>-<year>`. */
export function plan(doc: string, extra: Partial<PlanRecord> = {}): PlanRecord {
  const [slug, year] = doc.split('-') as [string, string];
  const place = PLACES[slug]!;
  const regions = regionsOf(place);
  return planRecordSchema.parse({
    doc,
    meta: {
      ...place,
      year: Number(year),
      title: `${place.county}创新行动方案`,
      slug,
      inferred: [],
    },
    original: {
      file: `${doc}.txt`,
      format: 'txt',
      sha256: '0'.repeat(64),
      bytes: 1,
      encoding: 'utf-8',
    },
    province_code: regions.province.code,
    prefecture_code: regions.prefecture.code,
    target_count: 0,
    sections: [],
    ...extra,
  });
}

let serial = 0;
/** A target of plan `doc`; ids count up across the test file (t-1, t-2, …). */
export function target(
  doc: string,
  metric: string,
  kind: Kind,
  value: number,
  extra: Partial<TargetRecord> = {},
): TargetRecord {
  const p = plan(doc);
  const id = `t-${++serial}`;
  const unit = extra.unit ?? (kind === 'growth' || kind === 'share' ? '%' : '家');
  return targetRecordSchema.parse({
    metric,
    label: metric,
    kind,
    value,
    value_max: null,
    unit,
    qualifier: 'at_least',
    deadline: null,
    quotes: [`${metric} ${value}${unit}`],
    section: '一、工作目标',
    scope: null,
    lead: [],
    allocations: [],
    confidence: 'high',
    id,
    spans: [{ quote: `${metric} ${value}${unit}`, anchor: 'p-1', start: 0, end: 1 }],
    doc,
    county: p.meta.county,
    slug: p.meta.slug,
    prefecture: p.meta.prefecture,
    province: p.meta.province,
    year: p.meta.year,
    ...extra,
  });
}

/** A taxonomy metric; not a headline metric unless its column is given. */
export function metric(key: string, zh: string, extra: Partial<Metric> = {}): Metric {
  const column = extra.headline_order ?? null;
  return metricSchema.parse({
    key,
    zh,
    en: key,
    definition_zh: `${zh}的定义`,
    definition_en: `definition of ${key}`,
    headline: column !== null,
    headline_order: column,
    wordings: [zh],
    comparable_kinds: ['level'],
    notes: [],
    ...extra,
  });
}

/** A small taxonomy: two headline metrics (listed out of column order), one other, and the catch-all. */
export const METRICS: Metric[] = [
  metric('hightech_firms', '高新技术企业', { headline_order: 2 }),
  metric('rd_spending', '全社会研发经费投入', { headline_order: 1 }),
  metric('patents', '专利'),
  metric('other', '其他'),
];
