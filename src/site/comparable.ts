/**
 * When two targets can be compared: same metric, same kind, same unit base
 * (件/万人 ~ 件), same scope (a 规模以上 subset or a park's figure is not the
 * county's), and for shares the same denominator (占GDP is not
 * 占规上工业增加值). A growth rate never sits next to a level, 专利 never next
 * to 发明专利. Every comparison the site draws (rankings, benchmarks, changes,
 * the compare table, the metric charts) goes through this key.
 */
import type { Kind } from '../pipeline/schema.ts';
import { KIND_LABEL, unitBase } from './format.ts';

/** The fields of a target that comparisons read. */
export interface Row {
  doc: string;
  id: string;
  metric: string;
  kind: Kind;
  value: number;
  value_max: number | null;
  unit: string;
  label: string;
  /** null: the whole county; else the subset or sub-area the figure covers. */
  scope: string | null;
  county: string;
  slug: string;
  prefecture: string;
  year: number;
  deadline: number | null;
}

/**
 * Denominators a share states without naming: 研发投入强度 is R&D as a share of
 * GDP (content/metrics.yaml says so in its note). Other metrics' 强度 differ
 * (企业研发投入强度 is a share of revenue), so only metrics listed here get one.
 */
const IMPLIED_DENOMINATOR: Record<string, string> = { rd_spending: 'GDP' };

/** One denominator under its different wordings: 地区生产总值 is GDP, 规上 is 规模以上. */
function normalizeDenominator(raw: string): string {
  return raw
    .replace(/的$/, '')
    .replace(/^(?:全县|全市|全区|全旗|县域|本县|本市|本区)/, '')
    .replace(/^(?:地区生产总值|国内生产总值|生产总值|gdp)$/i, 'GDP')
    .replace(/^规工/, '规模以上工业')
    .replace(/^规上/, '规模以上')
    .replace(/^规模(?!以上)/, '规模以上');
}

/**
 * What a share is a share of, as its label words it (X占Y比重 → Y; Y中X占比 →
 * Y); null for other kinds. A share whose label names none gets its metric's
 * implied one, else '' (unstated: compared only with other unstated ones).
 */
export function denominatorOf(t: Pick<Row, 'kind' | 'label' | 'metric'>): string | null {
  if (t.kind !== 'share') return null;
  const label = t.label.normalize('NFKC').replace(/\s+/g, '');
  const of = /占(.+?)(?:的)?(?:比重|比例|占比|份额|百分比)/.exec(label)?.[1];
  const within = /^(.+?)中.+?(?:占比|比重|比例)$/.exec(label)?.[1];
  const stated = of ?? within;
  return stated ? normalizeDenominator(stated) : (IMPLIED_DENOMINATOR[t.metric] ?? '');
}

/** Key under which two targets are comparable. `other` is a catch-all, so there the wording must match too. */
export const compareKey = (
  t: Pick<Row, 'metric' | 'kind' | 'unit' | 'label'> & { scope?: string | null },
): string => {
  const denominator = denominatorOf(t);
  return (
    `${t.metric}|${t.kind}|${unitBase(t.unit)}` +
    (t.scope ? `|@${t.scope}` : '') +
    (denominator ? `|/${denominator}` : '') +
    (t.metric === 'other' ? `|${t.label}` : '')
  );
};

/** A comparable group as a heading says it: 占比（%，规模以上，占GDP）. */
export function groupTitle(
  t: Pick<Row, 'metric' | 'kind' | 'unit' | 'label'> & { scope?: string | null },
): string {
  const denominator = denominatorOf(t);
  const parts = [
    t.unit,
    ...(t.scope ? [`仅${t.scope}`] : []),
    ...(denominator ? [`占${denominator}`] : []),
  ];
  return `${KIND_LABEL[t.kind].zh}（${parts.join('，')}）`;
}

/** A plan's first target per comparable key (later mentions of the same key are usually sub-targets). */
export function firstPerKey<T extends Row>(rows: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) {
    const k = compareKey(r);
    if (!m.has(k)) m.set(k, r);
  }
  return m;
}
