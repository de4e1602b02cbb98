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

const entrySchema = z.object({
  zh: z.string(),
  en: z.string(),
  definition_zh: z.string(),
  definition_en: z.string(),
  headline: z.boolean().default(false),
  wordings: z.array(z.string()).default([]),
  patterns: z.array(z.string()).default([]),
  units: z.array(z.string()).optional(),
  kinds: z.array(kindSchema).min(1),
  default_kind: kindSchema.optional(),
  notes: z.array(z.string()).default([]),
});

export interface MetricDefinition extends Metric {
  patterns: RegExp[];
  units?: string[];
  default_kind?: Kind;
}

export interface Taxonomy {
  metrics: MetricDefinition[];
  byKey: Map<string, MetricDefinition>;
}

/** Quote marks and book-title marks never change what an indicator is. */
export function foldLabel(label: string): string {
  return label.normalize('NFKC').replace(/[\s“”"'‘’「」『』《》]/g, '');
}

const GENERIC_TAIL = /(?:的)?(?:数量|总数|总量|个数|数目|余额|总额|规模|登记金额|金额|发放额|发放量|评价入库数|入库数|认定数|认定数量|家数|数)$/;

export function parseTaxonomy(yamlText: string, file: string): Taxonomy {
  let raw: unknown;
  try {
    raw = parse(yamlText);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    throw new PlanInputError(file, line, `taxonomy is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!raw || typeof raw !== 'object') throw new PlanInputError(file, 1, 'taxonomy must map metric keys to entries');
  const metrics: MetricDefinition[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const parsed = entrySchema.safeParse(value);
    if (!parsed.success) {
      const line = lineOfKey(yamlText, key);
      throw new PlanInputError(file, line, `metric ${key}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    const e = parsed.data;
    metrics.push({
      key,
      zh: e.zh,
      en: e.en,
      definition_zh: e.definition_zh,
      definition_en: e.definition_en,
      headline: e.headline,
      wordings: e.wordings.map(foldLabel),
      comparable_kinds: e.kinds,
      notes: e.notes,
      patterns: e.patterns.map((p) => new RegExp(p, 'g')),
      units: e.units,
      default_kind: e.default_kind,
    });
  }
  if (!metrics.some((m) => m.key === 'other')) throw new PlanInputError(file, 1, 'taxonomy needs an "other" entry');
  return { metrics, byKey: new Map(metrics.map((m) => [m.key, m])) };
}

function lineOfKey(text: string, key: string): number {
  const idx = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return idx === -1 ? 1 : idx + 1;
}

export function loadTaxonomy(file: string): Taxonomy {
  return parseTaxonomy(readFileSync(file, 'utf8'), file);
}

/** The numerator of a unit: 件/万人 → 件; 亿元 → 元 family kept whole. */
function unitNumerator(unit: string): string {
  return unit.split('/')[0]!;
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

function matchHead(taxonomy: Taxonomy, folded: string, unit: string): MetricMatch | null {
  const numerator = unitNumerator(unit.normalize('NFKC'));
  let best: MetricMatch | null = null;
  for (const m of taxonomy.metrics) {
    if (m.key === 'other') continue;
    if (m.units && numerator && !m.units.includes(numerator)) continue;
    const consider = (start: number, end: number) => {
      if (end !== folded.length) return;
      if (!best || end - start > best.end - best.start) best = { key: m.key, start, end };
    };
    for (const w of m.wordings) {
      if (w && folded.endsWith(w)) consider(folded.length - w.length, folded.length);
    }
    for (const re of m.patterns) {
      re.lastIndex = 0;
      for (let r = re.exec(folded); r; r = re.exec(folded)) {
        consider(r.index, r.index + r[0].length);
        if (r[0].length === 0) re.lastIndex++;
      }
    }
  }
  return best;
}
