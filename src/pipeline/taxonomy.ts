/**
 * The metric taxonomy (content/metrics.yaml) and the rule that maps an
 * indicator's wording to a metric key: the wording must head the label —
 * end it, as the head noun ends a Chinese noun phrase — so 园区企业研发费用
 * is not R&D spending and 发明专利优势企业 is not a patent count. Among the
 * wordings that end a label the longest wins, including the `other` entry's
 * own wordings: registry names that contain a canonical head (科技小巨人企业,
 * 省科技型中小企业) are listed there, so they beat the shorter canonical one.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { kindSchema, type Kind, type Metric } from './schema.ts';
import { PlanInputError } from './errors.ts';
import { compileSafePatterns } from './safeRegex.ts';
import { foldForMatch } from './label.ts';

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
  /** Bases a density of this metric may have (default: per population, 万人). */
  density_bases: z.array(z.string()).optional(),
  /** Wordings that read as this metric in some provinces and as another measure elsewhere. */
  ambiguous: z.array(z.string()).default([]),
  /** Any subject before the wording other than a level or the whole unit narrows it. */
  strict_prefix: z.boolean().default(false),
  notes: z.array(z.string()).default([]),
});

export interface MetricDefinition extends Metric {
  patterns: RegExp[];
  units?: string[] | undefined;
  default_kind?: Kind | undefined;
  density_bases: string[];
  /** Folded wordings that match this metric but leave the reading unsure (low confidence). */
  ambiguous: string[];
  /** Any subject before the wording other than a level or the whole unit leaves it low. */
  strictPrefix: boolean;
}

export interface Taxonomy {
  metrics: MetricDefinition[];
  byKey: Map<string, MetricDefinition>;
}

/** Quote marks, parentheses and R&D spellings never change what an indicator is. */
export function foldLabel(label: string): string {
  return foldForMatch(label);
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
      density_bases: e.density_bases ?? ['万人', '千人', '百人'],
      ambiguous: e.ambiguous.map(foldLabel),
      strictPrefix: e.strict_prefix,
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
 * A unit's numerator for the taxonomy's unit lists: 件/万人 → 件; a change of a
 * percentage is counted in points (提高0.2个百分点), so 个百分点 counts as %;
 * the spoken 亿 (2个亿) is 亿元.
 */
function unitNumerator(unit: string): string {
  const numerator = unit.split('/')[0]!;
  if (/^(?:个)?百分点$/.test(numerator)) return '%';
  if (numerator === '亿' || numerator === '万') return `${numerator}元`;
  return numerator;
}

export interface MetricMatch {
  key: string;
  /** Where the wording sits in the folded label. */
  start: number;
  end: number;
  /** The wording (or the pattern's match) that heads the label. */
  wording: string;
  /** Whether a listed wording matched (true) or a pattern did (false). */
  listed: boolean;
  /** Another metric's wording matched as long: the units did not tell them apart. */
  tied?: boolean;
}

/**
 * The metric a label names, or null. Only wordings that end the label count;
 * among those the longest wins (高新技术产业增加值 over 高新技术企业 …). A match
 * with key "other" means a wording the taxonomy knows is none of the metrics.
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

/** The first of `candidates` (already folded) that a wording heads, with its index. */
export function matchCandidates(
  taxonomy: Taxonomy,
  candidates: string[],
  unit: string,
): { match: MetricMatch; index: number } | null {
  for (let i = 0; i < candidates.length; i++) {
    const match = matchHead(taxonomy, candidates[i]!, unit);
    if (match) return { match, index: i };
  }
  return null;
}

interface IndexedWording {
  metric: MetricDefinition;
  wording: string;
}

/** Wordings indexed by their last character: a wording can only head a label that ends like it. */
const wordingIndex = new WeakMap<Taxonomy, Map<string, IndexedWording[]>>();

function byLastChar(taxonomy: Taxonomy): Map<string, IndexedWording[]> {
  let index = wordingIndex.get(taxonomy);
  if (!index) {
    index = new Map();
    for (const metric of taxonomy.metrics) {
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

/** Labels recur across plans (高新技术企业, 研发投入强度): their matches are kept, per taxonomy. */
const matchMemo = new WeakMap<Taxonomy, Map<string, MetricMatch | null>>();
const MEMO_LIMIT = 50_000;

function matchHead(taxonomy: Taxonomy, folded: string, unit: string): MetricMatch | null {
  if (!folded) return null;
  const numerator = unitNumerator(unit.normalize('NFKC'));
  let memo = matchMemo.get(taxonomy);
  if (!memo) matchMemo.set(taxonomy, (memo = new Map<string, MetricMatch | null>()));
  const key = `${numerator}\u0000${folded}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = matchUncached(taxonomy, folded, numerator);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, found);
  return found;
}

function matchUncached(taxonomy: Taxonomy, folded: string, numerator: string): MetricMatch | null {
  let best: MetricMatch | null = null;
  const consider = (key: string, start: number, wording: string, listed: boolean) => {
    const length = folded.length - start;
    const bestLength = best ? best.end - best.start : -1;
    const candidate: MetricMatch = { key, start, end: folded.length, wording, listed };
    if (!best || length > bestLength) {
      best = candidate;
      return;
    }
    if (length < bestLength) return;
    // Same length: a listed wording beats a pattern, a metric beats "other"; two metrics
    // matching alike are a tie the units did not break.
    if (listed !== best.listed) {
      if (listed) best = candidate;
    } else if (best.key === 'other' && key !== 'other') best = candidate;
    else if (key !== best.key && key !== 'other') best.tied = true;
  };
  for (const { metric, wording } of byLastChar(taxonomy).get(folded.slice(-1)) ?? []) {
    if (unitAllowed(metric, numerator) && folded.endsWith(wording))
      consider(metric.key, folded.length - wording.length, wording, true);
  }
  for (const m of taxonomy.metrics) {
    if (m.patterns.length === 0 || !unitAllowed(m, numerator)) continue;
    for (const re of m.patterns) {
      re.lastIndex = 0;
      for (let r = re.exec(folded); r; r = re.exec(folded)) {
        if (r.index + r[0].length === folded.length) consider(m.key, r.index, r[0], false);
        if (r[0].length === 0) re.lastIndex++;
      }
    }
  }
  return best;
}

/** Character trigrams (whole words of up to three characters) of the metrics' wordings, with their metrics. */
const stemIndex = new WeakMap<Taxonomy, Map<string, Set<string>>>();

function stems(taxonomy: Taxonomy): Map<string, Set<string>> {
  let index = stemIndex.get(taxonomy);
  if (!index) {
    const map = new Map<string, Set<string>>();
    const add = (stem: string, key: string) => map.set(stem, (map.get(stem) ?? new Set()).add(key));
    for (const m of taxonomy.metrics) {
      if (m.key === 'other') continue;
      for (const w of m.wordings) {
        if (w.length <= 3) add(w, m.key);
        else for (let i = 0; i + 3 <= w.length; i++) add(w.slice(i, i + 3), m.key);
      }
    }
    stemIndex.set(taxonomy, map);
    index = map;
  }
  return index;
}

/**
 * Whether a folded label shares a word with a metric's wordings (a stem of
 * three characters, or a whole short wording such as 专利, 人才), other than
 * `except`'s. A label that matched nothing but does so may be a wording the
 * taxonomy lacks: its `other` is a guess, not a reading.
 */
export function resemblesMetric(taxonomy: Taxonomy, folded: string, except?: string): boolean {
  const index = stems(taxonomy);
  for (let n = 2; n <= 3; n++)
    for (let i = 0; i + n <= folded.length; i++) {
      const keys = index.get(folded.slice(i, i + n));
      if (keys && [...keys].some((k) => k !== except)) return true;
    }
  return false;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/**
 * The taxonomy wording most like a label (Dice coefficient of character
 * bigrams), for the review report: what a curator should compare the label
 * with. Null when nothing shares a bigram.
 */
export function nearestWording(
  taxonomy: Taxonomy,
  label: string,
): { key: string; wording: string; similarity: number } | null {
  const x = bigrams(foldLabel(label));
  let best: { key: string; wording: string; similarity: number } | null = null;
  for (const m of taxonomy.metrics) {
    for (const w of m.wordings) {
      const y = bigrams(w);
      let common = 0;
      for (const g of x) if (y.has(g)) common++;
      const similarity = x.size + y.size ? (2 * common) / (x.size + y.size) : 0;
      if (common > 0 && (!best || similarity > best.similarity))
        best = { key: m.key, wording: w, similarity };
    }
  }
  return best;
}
