/**
 * The kind of a target (FORMAT.md): growth, level, increase, share or density,
 * from explicit signals — a growth word before a percentage, a share frame
 * (占…比重, 占比, 覆盖率, 强度), a density frame (每万人), a verb that creates
 * (新增, 培育) or binds a stock (达, 突破) — and only where none speaks, the
 * metric's default. The evidence says which, for the confidence.
 */
import type { Kind } from './schema.ts';
import type { NumberMention } from './numbers.ts';
import { COUNT_UNITS } from './numbers.ts';
import type { LabelAnalysis } from './label.ts';
import { tailSignal } from './label.ts';
import type { MetricDefinition } from './taxonomy.ts';
import { isIncrease, isStative, isStrong, type VerbIndex } from './verbs.ts';
import { GROWTH_WORDS } from './lexicon.ts';
import { LOOKBACK } from './signal.ts';

/** How the kind was decided: explicit wording, a verb, carried from the sentence's subject, or a default. */
export type KindEvidence = 'explicit' | 'verb' | 'carried' | 'default' | 'adjusted';

export interface KindReading {
  kind: Kind;
  /** The unit, with the density base appended (件/万人) where the kind is density. */
  unit: string;
  evidence: KindEvidence;
}

export interface KindInput {
  text: string;
  verbs: VerbIndex;
  n: NumberMention;
  unit: string;
  /** The predicate right before the number (增长, 达到, 提高到 …), '' when none. */
  predicate: string;
  /** Text right before the number, within its segment. */
  pre: string;
  analysis: LabelAnalysis;
  clauseFrom: number;
  segFrom: number;
  /** Start of the number's sentence, for the creating-verb test of the default level. */
  sentenceFrom?: number | undefined;
  metric: MetricDefinition | undefined;
  /** The kind of the sentence's subject where the label was carried from it. */
  carried?: Kind | undefined;
}

/** Labels that name a stock: 有效期内…, 有效…, 累计…, 现有…. */
const STOCK_HEAD = /^(?:有效期内|有效|累计|现有|存量)/;

/** Share-like label endings: rates and shares (覆盖率, 满意度, 贡献率 …). */
const RATE_END = /(?:率|度|强度|占比|比重|比例|份额|指数)$/;

/**
 * Kind of a count or amount from the verbs around it. `countable` is false for
 * amounts and areas (亿元, 平方米): building or cultivating does not make those an
 * increase (新建短期库1522.81平方米 is a project fact); only 新增/净增 does.
 */
function countKind(
  input: KindInput,
  countable: boolean,
): { kind: Kind; evidence: KindEvidence } | null {
  const { text, verbs, n, segFrom, clauseFrom } = input;
  const byVerb = (v: string): Kind =>
    isStrong(v) || (countable && isIncrease(v)) ? 'increase' : 'level';
  const own = verbs.within(segFrom, n.start);
  if (own.length) {
    if (own.some((v) => isStrong(v.verb))) return { kind: 'increase', evidence: 'explicit' };
    const last = own[own.length - 1]!;
    const boundToNumber = /^\s*$/.test(text.slice(last.at + last.verb.length, n.start));
    if (boundToNumber && isStative(last.verb)) return { kind: 'level', evidence: 'explicit' };
    // The first verb governs the phrase; later ones sit inside the indicator's name
    // (建设省级科技成果转化中试基地: 建设 decides, not 转化).
    return { kind: byVerb(own[0]!.verb), evidence: 'verb' };
  }
  // A label read from elsewhere (a form cell, a 分别 subject) brings its own verb: 组建…团队数量 | 1个.
  const labelVerb = input.analysis.verbs[0];
  if (labelVerb) return { kind: byVerb(labelVerb), evidence: 'verb' };
  // No verb of its own: the verb that governs the enumeration, skipping 达 bound to other numbers.
  const earlier = verbs.within(Math.max(clauseFrom, segFrom - LOOKBACK), segFrom);
  for (let i = earlier.length - 1; i >= 0; i--) {
    const v = earlier[i]!;
    const bound = /^\s*[\d零〇一二两三四五六七八九十]/.test(text.slice(v.at + v.verb.length));
    if (bound && isStative(v.verb)) continue;
    return { kind: byVerb(v.verb), evidence: 'verb' };
  }
  return null;
}

/** Decides the kind of one number and the unit it is stated in. */
export function decideKind(input: KindInput): KindReading {
  const { unit, predicate, pre, analysis, metric } = input;
  if (unit === '%' || unit === '‰') {
    const growth =
      GROWTH_WORDS.test(predicate) ||
      GROWTH_WORDS.test(pre.slice(-6)) ||
      tailSignal(analysis, 'growth') !== null;
    if (growth) return { kind: 'growth', unit, evidence: 'explicit' };
    // 提高10% (not 提高到10%): a growth or a change in points — the plan does not say which.
    if (/^(?:提高|提升)$/.test(predicate)) return { kind: 'growth', unit, evidence: 'default' };
    const shareSaid =
      analysis.share !== null ||
      tailSignal(analysis, 'share') !== null ||
      RATE_END.test(analysis.label) ||
      (metric !== undefined &&
        metric.key !== 'other' &&
        metric.comparable_kinds.includes('share') &&
        !metric.comparable_kinds.includes('growth'));
    return { kind: 'share', unit, evidence: shareSaid ? 'explicit' : 'default' };
  }
  if (/百分点$/.test(unit)) return { kind: 'increase', unit, evidence: 'explicit' };
  // 4.5万家 counts firms as 家 does: the 万 / 亿 prefix scales, it does not change the unit.
  const counted = COUNT_UNITS.has(unit.replace(/^[万亿]/, ''));
  if (analysis.density && (counted || /元$/.test(unit)))
    return { kind: 'density', unit: `${unit}/${analysis.density.base}`, evidence: 'explicit' };
  if (tailSignal(analysis, 'increase')) return { kind: 'increase', unit, evidence: 'explicit' };
  // 增加107家 (not 增加到): an addition of that many, whatever the verbs before.
  if (predicate === '增加') return { kind: 'increase', unit, evidence: 'explicit' };
  const countable = counted || /^台|套/.test(unit);
  const byVerb = countKind(input, countable);
  if (byVerb) return { ...byVerb, unit };
  // 有效期内高新技术企业, 累计…: the label itself names a stock.
  if (tailSignal(analysis, 'stock', 'level') || STOCK_HEAD.test(analysis.label))
    return { kind: 'level', unit, evidence: 'explicit' };
  if (input.carried === 'increase' || input.carried === 'level')
    return { kind: input.carried, unit, evidence: 'carried' };
  if (metric?.default_kind && metric.default_kind !== 'level')
    return { kind: metric.default_kind, unit, evidence: 'default' };
  // FORMAT.md: increase only where new-addition wording says so, otherwise level. That is a
  // rule, not a guess — unless a creating verb earlier in the sentence may govern the number.
  const sentence = input.sentenceFrom ?? input.clauseFrom;
  const before = input.verbs.within(
    Math.max(sentence, input.n.start - 2 * LOOKBACK),
    input.n.start,
  );
  const maybeIncrease = before.some((v) => isIncrease(v.verb));
  return { kind: 'level', unit, evidence: maybeIncrease ? 'default' : 'explicit' };
}

/**
 * A kind the metric is not compared under: increase and level swap where the
 * metric knows only the other (科技成果登记 is counted as a level); otherwise
 * null — the target cannot stand under that metric.
 */
export function fitKind(kind: Kind, metric: MetricDefinition): Kind | null {
  if (metric.comparable_kinds.includes(kind)) return kind;
  const swap: Kind = kind === 'increase' ? 'level' : 'increase';
  if ((kind === 'increase' || kind === 'level') && metric.comparable_kinds.includes(swap))
    return swap;
  return null;
}
