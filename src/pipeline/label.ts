/**
 * Label analysis: the words before a number name an indicator wrapped in
 * grammar — an enumerator (1、, 一是), a time phrase (到2025年, 2024年, 每年),
 * commitment words (力争), the whole unit (全县), verbs (新增, 培育), and after
 * the head a measure tail (数量, 申请量, 占比, 增速) or a trailing verb
 * (高新技术企业新增申报成功数). Each goes to its own field, so the head noun the
 * taxonomy matches is the indicator itself, and what was stripped still tells
 * the kind (占比 → share, 新增 → increase) or the density base (每万人 → 件/万人).
 */
import { COMMITMENT_WORD, ENUMERATOR, TIME_PHRASE, WHOLE_UNIT } from './lexicon.ts';
import { ALL_VERBS } from './lexicon.ts';

/** What a stripped measure tail says about the number. */
export type TailSignal = 'count' | 'increase' | 'share' | 'growth' | 'stock' | 'amount' | 'level';

export interface Tail {
  word: string;
  signal: TailSignal;
}

export interface ShareFrame {
  /** What the share is of: 全社会研发经费投入 in 全社会研发经费投入占GDP比重. */
  subject: string;
  /** The whole it is a share of (GDP, 规上工业增加值); '' when the plan leaves it implicit (占比). */
  denominator: string;
}

export interface DensityFrame {
  /** The base of the ratio as a unit denominator: 万人, 亿元, 万家. */
  base: string;
}

export interface LabelAnalysis {
  /** The indicator as worded, white space folded: enumerators, time phrases, commitment words and leading verbs removed. */
  label: string;
  /** Leading verbs, in order (新增, 培育 …). */
  verbs: string[];
  /** Time words met at the head (每年, 年均, 全年, 2024年 …). */
  time: string[];
  /** 全县 / 全区 …: the figure is county-wide. */
  whole: string | null;
  /** Measure tails and trailing verbs stripped from the end, outermost first. */
  tails: Tail[];
  /** Folded forms to match against the taxonomy, from the whole label down to the bare head. */
  candidates: string[];
  share: ShareFrame | null;
  density: DensityFrame | null;
}

/**
 * Folds a label for matching: width, white space, quote marks; R&D spellings
 * (研究与试验发展(R&D), 研究与开发, R&D, r&d) to 研发; parenthesised acronyms,
 * aliases and modifiers ((GDP), (众创空间), (重点)) dropped — they restate or
 * narrow the head without changing which indicator it is.
 */
export function foldForMatch(label: string): string {
  const known = foldMemo.get(label);
  if (known !== undefined) return known;
  const folded = foldUncached(label);
  remember(foldMemo, label, folded);
  return folded;
}

/** Plans share their wording, so labels recur: pure results are kept (bounded). */
const MEMO_LIMIT = 20_000;
const foldMemo = new Map<string, string>();
const analysisMemo = new Map<string, LabelAnalysis>();

function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

function foldUncached(label: string): string {
  let s = label
    .normalize('NFKC')
    .replace(/[\s“”"'‘’「」『』《》〈〉]/g, '')
    .replace(/研究与试验发展|研究与开发|研究开发|R\s*&\s*D/gi, '研发');
  // Innermost groups first, so 强度(研发经费与GDP之比) and 重组(新建) both go.
  for (let i = 0; i < 3 && /\([^()]*\)/.test(s); i++) {
    const without = s.replace(/\([^()]*\)/g, '');
    if (!without) break;
    s = without;
  }
  return s.replace(/研发研发/g, '研发');
}

const LEADING_VERB = new RegExp(`^(?:${ALL_VERBS.join('|')})(?:和|及|与|并)?`);

/** Words a label may end with that are not its indicator: a commitment or a time word before the predicate. */
const TRAILING_FILLER =
  /(?:力争|确保|争取|预计|计划|将|要|均|都|年均|同比|比上年|较上年|每年|累计|总计|合计|共|已|至少|最少|最多|的|了)$/;

/** Verbs after the head: 高新技术企业新增…, 信用贷款发放…, 技术市场实现交易额…. */
const TRAILING_VERB = new RegExp(
  `(?:新增|净增|新认定|增长|递增|增加|提高|提升|达到|达|突破|超过|实现|完成|发放|累计发放|举办|开展|${ALL_VERBS.join('|')})$`,
);

/**
 * Measure tails, longest first, with what each says about the number. The
 * stripped tail stays a hint: 覆盖率 makes a share, 新增数 an increase.
 */
const TAILS: [string, TailSignal][] = [
  ['新增申报成功数', 'increase'],
  ['申报成功数', 'increase'],
  ['申报成功数量', 'increase'],
  ['新增数量', 'increase'],
  ['新增数', 'increase'],
  ['净增数', 'increase'],
  ['评价入库数量', 'level'],
  ['评价入库数', 'level'],
  ['入库数量', 'level'],
  ['入库数', 'level'],
  ['认定数量', 'count'],
  ['认定数', 'count'],
  ['认定备案数', 'count'],
  ['备案数', 'count'],
  ['报统数', 'count'],
  ['申请量', 'count'],
  ['申报量', 'count'],
  ['申报数', 'count'],
  ['申请数', 'count'],
  ['受理量', 'count'],
  ['授权量', 'count'],
  ['授权数', 'count'],
  ['拥有量', 'stock'],
  ['有效量', 'stock'],
  ['保有量', 'stock'],
  ['年均增长率', 'growth'],
  ['年均增速', 'growth'],
  ['增长速度', 'growth'],
  ['增长率', 'growth'],
  ['增速', 'growth'],
  ['增幅', 'growth'],
  ['覆盖率', 'share'],
  ['设置率', 'share'],
  ['建有率', 'share'],
  ['设立率', 'share'],
  ['占比', 'share'],
  ['比重', 'share'],
  ['比例', 'share'],
  ['强度', 'share'],
  ['数量', 'count'],
  ['总数', 'count'],
  ['总量', 'count'],
  ['个数', 'count'],
  ['数目', 'count'],
  ['家数', 'count'],
  ['户数', 'count'],
  ['项数', 'count'],
  ['件数', 'count'],
  ['人数', 'count'],
  ['次数', 'count'],
  ['总金额', 'amount'],
  ['总额', 'amount'],
  ['金额', 'amount'],
  ['登记金额', 'amount'],
  ['发放额', 'amount'],
  ['发放量', 'amount'],
  ['余额', 'amount'],
  ['规模', 'amount'],
  ['数', 'count'],
];
const TAIL_RE = new RegExp(`(?:的)?(${TAILS.map(([w]) => w).join('|')})$`);
const TAIL_SIGNAL = new Map(TAILS);

/** Population bases of a density: 每万人(口), 万名就业人员(中), 每万劳动力中 … (not 万人计划, a programme). */
const PEOPLE_FRAME =
  /^每?[万千百](?:人口?|名(?:就业|从业)?人员|人就业人员|名研发(?:活动)?人员|劳动力)中?(?!计划|工程|行动|大会|次)/;
/** Money bases: 每亿元研发投入…, 每万元GDP… — a density, unit 件/亿元. */
const MONEY_FRAME =
  /^每(亿元|万元|千元)(?:研发(?:经费)?投入|研发经费|GDP|地区生产总值|产值|营业收入)?/;
/** Firm bases: 每万家企业法人中…, 每千家工商注册企业, 千家工商注册企业中… — unit 家/万家. */
const FIRM_FRAME =
  /^(?:每([万千百]?家)(?:企业法人|工商注册企业|企业|规上工业企业|工业企业)?中?|([万千百]家)(?:企业法人|工商注册企业|企业|规上工业企业|工业企业)中)/;

/** The density frame opening a folded label, or null. */
export function densityFrame(folded: string): DensityFrame | null {
  if (PEOPLE_FRAME.test(folded)) {
    const scale = /^每?([万千百])/.exec(folded)![1]!;
    return { base: `${scale}人` };
  }
  const money = MONEY_FRAME.exec(folded);
  if (money) return { base: money[1]! };
  const firms = FIRM_FRAME.exec(folded);
  if (firms) return { base: (firms[1] ?? firms[2])! };
  return null;
}

/**
 * A share frame of a folded label: X占Y(的)比重/比例/比值, X与Y之比, Y中X占比,
 * X占比 / X比重. The denominator decides between measures that share a subject
 * (R&D over GDP is R&D intensity, over revenue a firm's), and the label keeps it.
 */
export function shareFrame(folded: string): ShareFrame | null {
  // 占GDP比重 with no subject: the sentence's subject is what the share is of.
  const bareOf = /^占(.+?)(?:的)?(?:比重|比例|比值|份额)$/.exec(folded);
  if (bareOf) return { subject: '', denominator: bareOf[1]! };
  const of = /^(.+?)占(.+?)(?:的)?(?:比重|比例|比值|份额|百分比)$/.exec(folded);
  if (of) return { subject: of[1]!, denominator: of[2]!.replace(/中$/, '') };
  const ratio = /^(.+?)(?:与|相当于)(.+?)(?:之比|的比例|比例|比值|的比重)$/.exec(folded);
  if (ratio) return { subject: ratio[1]!, denominator: ratio[2]! };
  // 中 of 中小企业 / 中心 is no "among".
  const within = /^(.{2,}?)中(?![小心国])(.{2,}?)(?:所)?占比重?$/.exec(folded);
  if (within) return { subject: within[2]!, denominator: within[1]! };
  const bare = /^(.+?)(?:的)?(?:占比|比重|比例)$/.exec(folded);
  if (bare) return { subject: bare[1]!, denominator: '' };
  return null;
}

/** Strips what heads a label before the indicator, recording time words, verbs and the whole unit. */
function stripHead(s: string, out: Pick<LabelAnalysis, 'verbs' | 'time' | 'whole'>): string {
  let t = s;
  for (let guard = 0; guard < 12; guard++) {
    const before = t;
    t = t.replace(/^[\s、，,；;：:]+/, '');
    const en = ENUMERATOR.exec(t);
    if (en) t = t.slice(en[0].length);
    const time = TIME_PHRASE.exec(t);
    if (time) {
      out.time.push(time[0].replace(/\s+/g, ''));
      t = t.slice(time[0].length);
    }
    const commit = COMMITMENT_WORD.exec(t);
    if (commit) t = t.slice(commit[0].length);
    const whole = WHOLE_UNIT.exec(t);
    if (whole) {
      out.whole ??= whole[0];
      t = t.slice(whole[0].length);
    }
    const verb = LEADING_VERB.exec(t);
    // 新增孵化器: 孵化 is no verb where it would leave one character (器) of a noun.
    if (verb && t.length - verb[0].length !== 1) {
      out.verbs.push(verb[0].replace(/(?:和|及|与|并)$/, ''));
      t = t.slice(verb[0].length);
    }
    if (t === before) break;
  }
  return t;
}

/**
 * Analyses the words that name a number's indicator. `region` is the text
 * between the segment start and the predicate (or the number). The result is
 * shared between calls with the same region: treat it as read-only.
 */
export function analyzeLabel(region: string): LabelAnalysis {
  const known = analysisMemo.get(region);
  if (known) return known;
  const analysis = analyzeUncached(region);
  remember(analysisMemo, region, analysis);
  return analysis;
}

function analyzeUncached(region: string): LabelAnalysis {
  const out: LabelAnalysis = {
    label: '',
    verbs: [],
    time: [],
    whole: null,
    tails: [],
    candidates: [],
    share: null,
    density: null,
  };
  let label = stripHead(region.replace(/\s+/g, ''), out).replace(/[、，,；;的]+$/, '');
  // 力争 and 年均 may sit between the indicator and its predicate: 产值占比力争达40%.
  for (let guard = 0; guard < 3 && TRAILING_FILLER.test(label); guard++)
    label = label.replace(TRAILING_FILLER, '');
  out.label = label;
  const folded = foldForMatch(label);
  out.density = densityFrame(folded);
  out.share = shareFrame(folded);
  const seen = new Set<string>();
  const add = (c: string) => {
    if (c && !seen.has(c)) {
      seen.add(c);
      out.candidates.push(c);
    }
  };
  // The share's subject is what the taxonomy names; the whole label is tried first
  // where a wording includes the frame (研发投入强度, 研发机构覆盖率).
  add(folded);
  let head = out.share ? out.share.subject : folded;
  add(head);
  if (!head) return out;
  for (let guard = 0; guard < 5; guard++) {
    const tail = TAIL_RE.exec(head);
    const verb = tail ? null : TRAILING_VERB.exec(head);
    const filler = tail || verb ? null : TRAILING_FILLER.exec(head);
    const m = tail ?? verb ?? filler;
    if (!m || m.index === 0) break;
    if (tail) out.tails.push({ word: tail[1]!, signal: TAIL_SIGNAL.get(tail[1]!)! });
    else if (verb) out.tails.push({ word: verb[0], signal: verbSignal(verb[0]) });
    head = head.slice(0, m.index);
    add(head);
  }
  return out;
}

function verbSignal(verb: string): TailSignal {
  if (/^(?:新增|净增|新认定|认定)$/.test(verb)) return 'increase';
  if (/^(?:增长|递增|增加|提高|提升)$/.test(verb)) return 'growth';
  return 'level';
}

/** Whether a label is only a measure tail (授权量, 数量): it needs a head from elsewhere. */
export function isBareTail(label: string): boolean {
  return TAIL_SIGNAL.has(foldForMatch(label));
}

/** The first tail whose signal is one of `signals`, or null. */
export function tailSignal(a: LabelAnalysis, ...signals: TailSignal[]): Tail | null {
  return a.tails.find((t) => signals.includes(t.signal)) ?? null;
}
