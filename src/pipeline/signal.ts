/**
 * Whether a number is a commitment at all. A target has a signal — a
 * qualifier (以上, ≥), a predicate (达, 新增), a verb in its clause, a
 * commitment word in its sentence (力争, 目标) — and is not one of the numbers
 * a plan uses for other things: years, dates, ordinals, document numbers,
 * names with digits (4+4, 5+1), statutory rates (减按15%征收).
 */
import type { NumberMention } from './numbers.ts';
import { COUNT_UNITS } from './numbers.ts';
import { lowerBound, type ClauseIndex, type Zones } from './clauses.ts';
import { COMMITMENT, PREDICATE, SIGNAL_VERBS } from './lexicon.ts';
import type { VerbIndex } from './verbs.ts';

/** How far back from a number its clause is read; longer runs without punctuation are not labels. */
export const LOOKBACK = 120;

/** A predicate (with 分别/力争 and spaces) never spans more than this before its number. */
export const PREDICATE_REACH = 16;

/** Why a number is deliberately not a target, or null when it may be one. */
export function ignoredReason(text: string, n: NumberMention, zones: Zones): string | null {
  if (zones.has(n.start)) return 'name';
  const whole = text.slice(Math.max(0, n.start - 5), n.end + 6);
  // 2023-07-12, 2021/01/28: a date; 113416020031652149: an index number.
  if (/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(whole) && /^[\d\-/.\s]*$/.test(n.raw)) return 'date';
  if (/^\d{10,}$/.test(n.raw.trim())) return 'code';
  // 二十届, 六届二次全会: a session of a congress, not a count.
  if (
    n.unit === '届' ||
    (n.unit === '次' && /^\s*(?:中)?全会|^\s*全体会议/.test(text.slice(n.end, n.end + 4)))
  )
    return 'name';
  const before = text.slice(Math.max(0, n.start - 2), n.start);
  const rest = text.slice(n.numberEnd);
  if (/^[年月日号届度期]/.test(rest.trimStart()) && !n.unit) return 'date';
  // 2021.1-2021.12, 2023.12: a year and month, not a decimal.
  if (/^20\d\d\.\d{1,2}(?!\d)/.test(text.slice(n.start, n.numberEnd))) return 'date';
  if (/[第前后近]$/.test(before)) return 'ordinal';
  // 由2017年的6家增长到2020年的51家: the figure after 由 / 从 is a baseline.
  if (
    /(?:由|从)\s*(?:\d{4}\s*年(?:底|末)?的?)?\s*$/.test(
      text.slice(Math.max(0, n.start - 10), n.start),
    ) &&
    /^\s*(?:增长|提高|提升|增加|上升|扩大|发展)?(?:到|至)/.test(text.slice(n.end, n.end + 6))
  )
    return 'baseline';
  if (/[+＋·]$/.test(before) || /^\s*[+＋]/.test(rest)) return 'name';
  // 减按15%征收, 按15%的税率: a statutory rate the plan cites, not a target.
  if (/按\s*$/.test(before) && /^\s*(?:的税率|征收|税率)/.test(text.slice(n.end))) return 'statute';
  if (!n.unit) return /^[大]/.test(rest) ? 'name' : null;
  // 实现六个目标, 主要有4项具体任务: counts of the plan's own parts, not commitments.
  const next = text.slice(n.end, n.end + 24);
  if (PLAN_PARTS.test(next)) return 'plan';
  if (
    PLAN_PARTS_WEAK.test(next) &&
    ABOUT_THE_PLAN.test(text.slice(Math.max(0, n.start - 20), n.start))
  )
    return 'plan';
  if (
    n.unit === '条' &&
    (/[政新]$/.test(before) || /^(措施|政策|意见)/.test(text.slice(n.end, n.end + 2)))
  )
    return 'name';
  return null;
}

/** What follows a count of the plan's own parts (六个目标, 4项具体任务, 三大工程). */
const PLAN_PARTS =
  /^\s*[\u4e00-\u9fa5]{0,4}?(?:目标|任务|方面|举措|措施|板块|环节|清单|原则|要求)(?![\u4e00-\u9fa5]*(?:企业|平台|项目|人才|基地|中心))/;
/** Words that name the plan's parts only after a verb about the plan (实施六大工程, 构建三大体系). */
const PLAN_PARTS_WEAK =
  /^\s*[\u4e00-\u9fa5]{0,4}?(?:工程|行动|机制|体系|政策|意见|领域)(?![\u4e00-\u9fa5]*(?:企业|平台|项目|人才|基地|中心))/;
const ABOUT_THE_PLAN =
  /(?:提出|明确|包括|主要有|共有|分为|围绕|聚焦|涵盖|部署|制定|出台|实施|构建|开展)[^，,；;。]*$/;

/** A comparison sign before the number (≥6家): a qualifier written as a symbol. */
export const SIGN_BEFORE = /(?:≥|>=|≧|＞|>|≤|<=|≦|<)\s*$/;

/** Positions of commitment words (力争, 目标 …) in a text, for the sentence test. */
export function commitmentPositions(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(COMMITMENT.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Positions of the signal verbs (打造, 建立 …) in a text. */
export function signalVerbPositions(text: string): number[] {
  const out: number[] = [];
  const re = new RegExp(SIGNAL_VERBS.join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Whether a sorted position list has an entry in [from, to). */
function anyIn(positions: number[], from: number, to: number): boolean {
  const k = lowerBound(positions, from);
  return k < positions.length && positions[k]! < to;
}

export interface SignalContext {
  text: string;
  ix: ClauseIndex;
  verbs: VerbIndex;
  commitments: number[];
  signalVerbs: number[];
}

/** The commitment signal: a qualifier, a clause end right after, or a verb before it in the clause. */
export function hasSignal(ctx: SignalContext, n: NumberMention, clauseFrom: number): boolean {
  const { text } = ctx;
  if (n.after || n.valueMax !== null) return true;
  const from = Math.max(clauseFrom, n.start - LOOKBACK);
  const before = text.slice(from, n.start);
  if (SIGN_BEFORE.test(before)) return true;
  // The next character, spaces skipped but not a line break (a form's cell ends there).
  const next = text.slice(n.end, n.end + 4).replace(/^[^\S\n]+/, '')[0];
  if (next === undefined || /[，,；;。、)）和及与!！?？|\n]/.test(next)) return true;
  if (ctx.verbs.within(from, n.start).length > 0 || PREDICATE.test(before.slice(-PREDICATE_REACH)))
    return true;
  if (anyIn(ctx.signalVerbs, from, n.start - 1)) return true;
  return anyIn(ctx.commitments, ctx.ix.sentenceStart(n.start), n.start);
}

/** Verbs after which a Chinese numeral is a count: 新增两家, 超三家. */
const CN_AFTER_VERB_TAIL = /(?:超|约)\s*$/;

/** A Chinese numeral is a target value only right after a target verb: 新增两家, not 两个研发中心. */
export function chineseAccepted(ctx: SignalContext, n: NumberMention): boolean {
  const { text } = ctx;
  // 一支、一批、一个 are articles ("a team of"), not counts a plan commits to.
  if (!COUNT_UNITS.has(n.unit) || n.unit === '批' || n.value === 1) return false;
  const before = text.slice(Math.max(0, n.start - 4), n.start);
  const verbEnds = ctx.verbs.within(Math.max(0, n.start - 6), n.start);
  const last = verbEnds[verbEnds.length - 1];
  if (
    (last && /^\s*$/.test(text.slice(last.at + last.verb.length, n.start))) ||
    CN_AFTER_VERB_TAIL.test(before)
  )
    return true;
  // "新增高新技术企业二十家，": the numeral closes a phrase governed by a target verb.
  const closes = n.after !== '' || /^\s*(?:$|[，,；;。、)])/.test(text.slice(n.end, n.end + 4));
  const clauseFrom = Math.max(ctx.ix.clauseStart(n.start), n.start - LOOKBACK);
  return closes && !/[和、与及]$/.test(before) && ctx.verbs.within(clauseFrom, n.start).length > 0;
}
