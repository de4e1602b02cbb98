/**
 * How a target is worded on the site. Kept apart from the pages so charts,
 * tables, CSV and tests all say "8.5%以上" the same way.
 */
import type { Kind, Qualifier } from '../pipeline/schema.ts';

/** Each kind's name in Chinese and English, with a hint for readers. */
export const KIND_LABEL: Record<Kind, { zh: string; en: string; hint: string }> = {
  growth: { zh: '增速', en: 'Growth rate', hint: '比上年增长的百分比' },
  level: { zh: '总量', en: 'Level', hint: '到期末要达到的总数或总额' },
  increase: { zh: '新增', en: 'Increase', hint: '期内新增的数量' },
  share: { zh: '占比', en: 'Share', hint: '占某一总量的比重' },
  density: { zh: '密度', en: 'Density', hint: '按人口计的强度，如每万人' },
};

/** Each qualifier's name in Chinese and English. */
export const QUALIFIER_LABEL: Record<Qualifier, { zh: string; en: string }> = {
  at_least: { zh: '以上', en: 'at least' },
  reach: { zh: '达到', en: 'reach' },
  about: { zh: '左右', en: 'about' },
  range: { zh: '区间', en: 'range' },
  at_most: { zh: '以内', en: 'at most' },
};

/** Numbers as Chinese documents write them: no trailing zeros, no float noise. */
export function num(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}

export interface Valued {
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: Qualifier;
}

/** "8.5%以上", "1–2家", "约50亿元", "不超过3%", "达到100家". */
export function formatTarget(t: Valued): string {
  const u = t.unit;
  switch (t.qualifier) {
    case 'range':
      return `${num(t.value)}–${num(t.value_max ?? t.value)}${u}`;
    case 'at_least':
      return `${num(t.value)}${u}以上`;
    case 'about':
      return `${num(t.value)}${u}左右`;
    case 'at_most':
      return `不超过${num(t.value)}${u}`;
    default:
      return `${num(t.value)}${u}`;
  }
}

/** Units are compared by their part before "/" (件/万人 ~ 件). */
export const unitBase = (unit: string): string => unit.split('/')[0]!.trim();

/** A plan as a chart or table labels it: `平江县 2026`. */
export const planLabel = (p: { county: string; year: number }): string => `${p.county} ${p.year}`;
