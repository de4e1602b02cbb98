/**
 * The metric taxonomy (content/metrics.yaml) and the rule that maps an
 * indicator's wording to a metric key: the wording must head the label —
 * end it, as the head noun ends a Chinese noun phrase — so 园区企业研发费用
 * is not R&D spending and 发明专利优势企业 is not a patent count.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { kindSchema, type Kind, type Metric } from './schema.ts';
import { PlanInputError } from './errors.ts';
import { compileSafePatterns } from './safeRegex.ts';

const entrySchema = z.object({
  zh: z.string(),
  en: z.string(),
  definition_zh: z.string(),
  definition_en: z.string(),
  /** false, or the metric's column in the overview matrix (1 = first). */
  headline: z
    .union([z.literal(false), z.number().int().positive()], {
      error: 'must be false or the column (1, 2, …) it takes in the overview matrix',
    })
    .default(false),
  wordings: z.array(z.string()).default([]),
  patterns: z.array(z.string()).default([]),
  units: z.array(z.string()).optional(),
  kinds: z.array(kindSchema).min(1),
  default_kind: kindSchema.optional(),
  notes: z.array(z.string()).default([]),
});

export interface MetricDefinition extends Metric {
  patterns: RegExp[];
  units?: string[] | undefined;
  default_kind?: Kind | undefined;
}

export interface Taxonomy {
  metrics: MetricDefinition[];
  byKey: Map<string, MetricDefinition>;
}

/** Quote marks and book-title marks never change what an indicator is. */
export function foldLabel(label: string): string {
  // R&D is written three ways; the taxonomy's wordings use 研发.
  return label
    .normalize('NFKC')
    .replace(/[\s“”"'‘’「」『』《》]/g, '')
    .replace(/R&D|研究与试验发展/gi, '研发');
}

const GENERIC_TAIL =
  /(?:的)?(?:数量|总数|总量|个数|数目|余额|总额|规模|登记金额|金额|发放额|发放量|评价入库数|入库数|认定数|认定数量|家数|累计|数)$/;

/** The taxonomy from metrics.yaml text; a bad entry is a PlanInputError naming its line. */
export function parseTaxonomy(yamlText: string, file: string): Taxonomy {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    throw new PlanInputError(
      file,
      line,
      `taxonomy is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  if (!raw || typeof raw !== 'object')
    throw new PlanInputError(file, 1, 'taxonomy must map metric keys to entries');
  const metrics: MetricDefinition[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      const line = lineOfKey(yamlText, key);
      throw new PlanInputError(
        file,
        line,
        `metric ${key}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    }
    const e = parsed.data;
    metrics.push({
      key,
      zh: e.zh,
      en: e.en,
      definition_zh: e.definition_zh,
      definition_en: e.definition_en,
      headline: e.headline !== false,
      headline_order: e.headline === false ? null : e.headline,
      wordings: e.wordings.map(foldLabel),
      comparable_kinds: e.kinds,
      notes: e.notes,
      patterns: compileSafePatterns(e.patterns, { file, yamlText, key }),
      units: e.units,
      default_kind: e.default_kind,
    });
  }
  const columns = new Map<number, string>();
  for (const m of metrics) {
    if (m.headline_order === null) continue;
    const other = columns.get(m.headline_order);
    if (other)
      throw new PlanInputError(
        file,
        lineOfKey(yamlText, m.key),
        `metric ${m.key}: headline column ${m.headline_order} is already ${other}'s`,
      );
    columns.set(m.headline_order, m.key);
  }
  if (!metrics.some((m) => m.key === 'other'))
    throw new PlanInputError(file, 1, 'taxonomy needs an "other" entry');
  return { metrics, byKey: new Map(metrics.map((m) => [m.key, m])) };
}

function lineOfKey(text: string, key: string): number {
  const idx = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return idx === -1 ? 1 : idx + 1;
}

/** The taxonomy in a file (see parseTaxonomy). */
export function loadTaxonomy(file: string): Taxonomy {
  return parseTaxonomy(readFileSync(file, 'utf8'), file);
}

/**
 * The numerator of a unit: 件/万人 → 件; 亿元 → 元 family kept whole. A change
 * of a percentage is counted in points (提高0.2个百分点), so 个百分点 and 百分点
 * belong to a metric measured in %.
 */
/** A unit's numerator for the taxonomy's unit lists, where 个百分点 counts as %. */
function unitNumerator(unit: string): string {
  const numerator = unit.split('/')[0]!;
  return /^(?:个)?百分点$/.test(numerator) ? '%' : numerator;
}

export interface MetricMatch {
  key: string;
  /** Where the wording sits in the folded label. */
  start: number;
  end: number;
}

/**
 * The metric a label names, or null. Only wordings that end the label count;
 * among those the longest wins (高新技术产业增加值 over 高新技术企业 …).
 */
export function matchMetric(taxonomy: Taxonomy, label: string, unit: string): MetricMatch | null {
  // Try the label as written, then without generic tails (数量, 入库数, 金额 …) one at a time.
  let folded = foldLabel(label);
  for (let guard = 0; guard < 4; guard++) {
    const found = matchHead(taxonomy, folded, unit);
    if (found || !GENERIC_TAIL.test(folded)) return found;
    folded = folded.replace(GENERIC_TAIL, '');
  }
  return null;
}

/** Wordings indexed by their last character: a wording can only head a label that ends like it. */
const wordingIndex = new WeakMap<
  Taxonomy,
  Map<string, { metric: MetricDefinition; wording: string }[]>
>();

function byLastChar(taxonomy: Taxonomy) {
  let index = wordingIndex.get(taxonomy);
  if (!index) {
    index = new Map();
    for (const metric of taxonomy.metrics) {
      if (metric.key === 'other') continue;
      for (const wording of metric.wordings) {
        if (!wording) continue;
        const last = wording.slice(-1);
        index.set(last, [...(index.get(last) ?? []), { metric, wording }]);
      }
    }
    wordingIndex.set(taxonomy, index);
  }
  return index;
}

function unitAllowed(m: MetricDefinition, numerator: string): boolean {
  return !m.units || !numerator || m.units.includes(numerator);
}

function matchHead(taxonomy: Taxonomy, folded: string, unit: string): MetricMatch | null {
  const numerator = unitNumerator(unit.normalize('NFKC'));
  let best: MetricMatch | null = null;
  const consider = (key: string, start: number, end: number) => {
    if (end !== folded.length) return;
    if (!best || end - start > best.end - best.start) best = { key, start, end };
  };
  for (const { metric, wording } of byLastChar(taxonomy).get(folded.slice(-1)) ?? []) {
    if (unitAllowed(metric, numerator) && folded.endsWith(wording))
      consider(metric.key, folded.length - wording.length, folded.length);
  }
  for (const m of taxonomy.metrics) {
    if (m.key === 'other' || m.patterns.length === 0 || !unitAllowed(m, numerator)) continue;
    const consider2 = (start: number, end: number) => consider(m.key, start, end);
    for (const re of m.patterns) {
      re.lastIndex = 0;
      for (let r = re.exec(folded); r; r = re.exec(folded)) {
        consider2(r.index, r.index + r[0].length);
        if (r[0].length === 0) re.lastIndex++;
      }
    }
  }
  return best;
}
