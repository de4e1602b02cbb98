/**
 * Finds the quantitative targets of one plan: every number with a unit that
 * the plan commits to, read as metric, kind, value, qualifier, with the quote
 * it came from. Works clause by clause on NFKC text and cuts quotes from the
 * original through the offset map.
 */
import type { Allocation, Kind, Qualifier } from './schema.ts';
import type { Block } from './structure.ts';
import type { Table } from './tables.ts';
import { normalizeWithMap, type NormalizedText } from './normalize.ts';
import { findNumbers, COUNT_UNITS, type NumberMention } from './numbers.ts';
import {
  clauseEnd,
  clauseStart,
  inside,
  nameZones,
  segmentStart,
  sentenceStart,
} from './clauses.ts';
import { findLeadParens, unitsInCell, type LeadParen } from './lead.ts';
import { matchMetric, foldLabel, type Taxonomy } from './taxonomy.ts';
import { isSubArea, scopeOfLabel, sectorOfSentence } from './scope.ts';
import {
  AT_LEAST_WORDS,
  AT_MOST_WORDS,
  FILLER,
  GROWTH_WORDS,
  INCREASE_VERBS,
  LEVEL_VERBS,
  PREDICATE,
  STATIVE_PREDICATES,
  STRONG_INCREASE,
  SIGNAL_VERBS,
  COMMITMENT,
} from './lexicon.ts';

/** One mention of a target: what one sentence (or table row) says. */
export interface Mention {
  metric: string;
  label: string;
  kind: Kind;
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: Qualifier;
  deadline: number | null;
  scope: string | null;
  /** Quote spans in the original body, first the main one. */
  quotes: { start: number; end: number }[];
  anchor: string;
  section: string;
  lead: string[];
  allocations: Allocation[];
  fromTable: boolean;
  /** Mentions from one paragraph or row are never restatements of each other. */
  unitId: number;
  order: number;
}

/** A number seen in the text that became no target and was not deliberately ignored. */
export interface Unclaimed {
  anchor: string;
  offset: number;
  number: string;
  context: string;
}

/** A stretch of text read as one unit: a paragraph (fragments joined) or a table cell. */
interface TextUnit {
  norm: NormalizedText;
  /** Normalised offsets where fragments start (a quote never crosses one). */
  breaks: number[];
  anchor: string;
  section: string;
  unitId: number;
  /** Responsible units given by a table row rather than by parentheses. */
  rowLead?: string[];
}

export interface ExtractInput {
  body: string;
  blocks: Block[];
  anchors: string[];
  /** Anchor of each table row: anchors of row r of block b are rowAnchors.get(b)[r]. */
  rowAnchors: Map<number, string[]>;
  taxonomy: Taxonomy;
}

export interface ExtractOutput {
  mentions: Mention[];
  unclaimed: Unclaimed[];
}

const ALL_VERBS = [...new Set([...INCREASE_VERBS, ...LEVEL_VERBS])].sort(
  (a, b) => b.length - a.length,
);
const VERB_RE = new RegExp(ALL_VERBS.join('|'), 'g');
const LEADING_VERBS = new RegExp(`^(?:(?:${ALL_VERBS.join('|')})(?:和|及|与|并)?)+`);
const ENDS_WITH_VERB = new RegExp(`(?:${ALL_VERBS.join('|')})\\s*$`);
const LEVEL_PREFIX = new RegExp(
  `^(?:(?:${ALL_VERBS.join('|')})+)?(?:国家级|省级及以上|省级以上|省级|市级以上|市级|县级)?`,
);
const CN_AFTER_VERB = new RegExp(`(?:${ALL_VERBS.join('|')}|超|约)\\s*$`);
/** Metrics that count certified firms: an application for the certificate is not one. */
const CERTIFIED_FIRMS = new Set([
  'hightech_firms',
  'tech_sme',
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'single_champion',
]);
const APPLICATION = /申报(?!成功)/;
const POST_LABEL_CUT = /赴|在|纳入|参加|参与|进入|到|用于|落户|入驻|开展|实现/;

function unitOf(
  body: string,
  fragments: { start: number; end: number }[],
): { norm: NormalizedText; breaks: number[] } {
  if (fragments.length === 1) {
    const f = fragments[0]!;
    const n = normalizeWithMap(body.slice(f.start, f.end));
    for (let i = 0; i < n.toOriginal.length; i++) n.toOriginal[i]! += f.start;
    return { norm: n, breaks: [0] };
  }
  const parts = fragments.map((f) => ({ f, n: normalizeWithMap(body.slice(f.start, f.end)) }));
  const total = parts.reduce((s, p) => s + p.n.text.length, 0);
  const map = new Int32Array(total + 1);
  const breaks: number[] = [];
  let at = 0;
  for (const { f, n } of parts) {
    breaks.push(at);
    for (let i = 0; i < n.text.length; i++) map[at + i] = n.toOriginal[i]! + f.start;
    at += n.text.length;
  }
  map[total] = fragments[fragments.length - 1]!.end;
  return { norm: { text: parts.map((p) => p.n.text).join(''), toOriginal: map }, breaks };
}

function cellUnit(body: string, start: number, end: number) {
  return unitOf(body, [{ start, end }]);
}

/** Maps a normalised range to the original body, clipped to the fragment holding `anchorPos`. */
function toBody(
  u: TextUnit,
  s: number,
  e: number,
  anchorPos: number,
): { start: number; end: number } {
  let lo = s;
  let hi = e;
  for (const b of u.breaks) {
    if (b > lo && b <= anchorPos) lo = b;
    if (b > anchorPos && b < hi) hi = b;
  }
  while (lo < hi && /\s/.test(u.norm.text[lo]!)) lo++;
  while (hi > lo && /\s/.test(u.norm.text[hi - 1]!)) hi--;
  const start = u.norm.toOriginal[lo]!;
  const end = hi > lo ? u.norm.toOriginal[hi - 1]! + 1 : start;
  return { start, end: fixSurrogateEnd(u, hi, end) };
}

function fixSurrogateEnd(u: TextUnit, hi: number, end: number): number {
  // The original index of the last character is its first code unit; extend over a surrogate pair.
  const next = u.norm.toOriginal[hi];
  return next !== undefined && next > end ? Math.min(next, end + 1) : end;
}

/** Deliberately ignored numbers: years, ordinals, document numbers, names with digits. */
function ignoredReason(text: string, n: NumberMention, zones: [number, number][]): string | null {
  if (inside(zones, n.start)) return 'name';
  const before = text.slice(Math.max(0, n.start - 2), n.start);
  const after = text.slice(n.end, n.end + 2);
  if (/^[年月日号届度期]/.test(text.slice(n.numberEnd).trimStart()) && !n.unit) return 'date';
  if (/[第前后近]$/.test(before)) return 'ordinal';
  if (/[+＋·]$/.test(before) || /^\s*[+＋]/.test(text.slice(n.numberEnd))) return 'name';
  if (!n.unit) return /^[大]/.test(text.slice(n.numberEnd)) ? 'name' : null;
  if (n.unit === '条' && (/[政新]$/.test(before) || /^(措施|政策|意见)/.test(after))) return 'name';
  return null;
}

/** Verb occurrences (start, verb) in [from, to), outside parentheses of other clauses. */
function verbsIn(text: string, from: number, to: number): { at: number; verb: string }[] {
  const out: { at: number; verb: string }[] = [];
  VERB_RE.lastIndex = from;
  for (let m = VERB_RE.exec(text); m && m.index < to; m = VERB_RE.exec(text)) {
    if (m.index + m[0].length <= to) out.push({ at: m.index, verb: m[0] });
  }
  return out;
}

const isStative = (v: string) => STATIVE_PREDICATES.includes(v);
const isIncrease = (v: string) => INCREASE_VERBS.includes(v);
const isStrong = (v: string) => STRONG_INCREASE.includes(v);

/** Kind of a count or amount from the verbs around it. */
/**
 * Kind of a count or amount from the verbs around it. `countable` is false for
 * amounts and areas (亿元, 平方米): building or cultivating does not make those an
 * increase (新建短期库1522.81平方米 is a project fact); only 新增/净增 does.
 */
function countKind(
  text: string,
  clauseFrom: number,
  segFrom: number,
  numStart: number,
  countable: boolean,
): Kind | null {
  const byVerb = (v: string): Kind =>
    isStrong(v) || (countable && isIncrease(v)) ? 'increase' : 'level';
  const own = verbsIn(text, segFrom, numStart);
  if (own.length) {
    if (own.some((v) => isStrong(v.verb))) return 'increase';
    const last = own[own.length - 1]!;
    const boundToNumber = /^\s*$/.test(text.slice(last.at + last.verb.length, numStart));
    if (boundToNumber && isStative(last.verb)) return 'level';
    // The first verb governs the phrase; later ones sit inside the indicator's name
    // (建设省级科技成果转化中试基地: 建设 decides, not 转化).
    return byVerb(own[0]!.verb);
  }
  // No verb of its own: the verb that governs the enumeration, skipping 达 bound to other numbers.
  const earlier = verbsIn(text, clauseFrom, segFrom);
  for (let i = earlier.length - 1; i >= 0; i--) {
    const v = earlier[i]!;
    const bound = /^\s*[\d零〇一二两三四五六七八九十]/.test(text.slice(v.at + v.verb.length));
    if (bound && isStative(v.verb)) continue;
    return byVerb(v.verb);
  }
  return null;
}

function qualifierOf(n: NumberMention, predicate: string, pre: string): Qualifier {
  if (n.valueMax !== null) return 'range';
  if (/以上|多|余/.test(n.after)) return 'at_least';
  if (/左右|上下/.test(n.after)) return 'about';
  if (/以下|以内/.test(n.after)) return 'at_most';
  if (AT_LEAST_WORDS.test(predicate)) return 'at_least';
  if (AT_MOST_WORDS.test(predicate)) return 'at_most';
  if (predicate === '约' || /约\s*$/.test(pre)) return 'about';
  return 'reach';
}

/** Strips filler and leading verbs: what remains names the indicator. */
function cleanLabel(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(FILLER, '').replace(LEADING_VERBS, '').trim();
    if (t === before) break;
  }
  return t.replace(/^[、，,；;]+|[、，,；;的]+$/g, '').trim();
}

/** The commitment signal: a qualifier, a clause end right after, or a verb before it in the clause. */
function hasSignal(text: string, n: NumberMention, clauseFrom: number): boolean {
  if (n.after || n.valueMax !== null) return true;
  const next = text.slice(n.end).trimStart()[0];
  if (next === undefined || /[，,；;。、)）和及与!！?？]/.test(next)) return true;
  const before = text.slice(clauseFrom, n.start);
  if (verbsIn(text, clauseFrom, n.start).length > 0 || PREDICATE.test(before)) return true;
  if (SIGNAL_VERBS.some((v) => before.includes(v))) return true;
  return COMMITMENT.test(text.slice(sentenceStart(text, n.start), n.start));
}

interface Reading {
  label: string;
  metric: string;
  kind: Kind;
  unit: string;
  qualifier: Qualifier;
  quoteFrom: number;
  quoteTo: number;
}

/** Reads one number of a clause: label, metric, kind, unit, qualifier and the quote's extent. */
function readNumber(
  text: string,
  n: NumberMention,
  taxonomy: Taxonomy,
  clauseFrom: number,
  segFrom: number,
  segTo: number,
  labelOverride?: string,
  carry?: { label: string; kind: Kind },
): Reading {
  const carryLabel = carry?.label;
  let carried = false;
  const pre = text.slice(segFrom, n.start);
  const pm = PREDICATE.exec(pre);
  const predicate = pm ? pm[1]! : '';
  let labelRegion = pm ? pre.slice(0, pm.index) : pre;
  let labelStart = segFrom;
  // "A、B等C N家": C names the indicator, A and B are examples.
  const deng = labelRegion.lastIndexOf('等');
  if (deng !== -1 && deng < labelRegion.length - 1) {
    labelRegion = labelRegion.slice(deng + 1);
    labelStart = segFrom + deng + 1;
  } else if (deng === labelRegion.length - 1 && deng !== -1) labelRegion = '';
  let label = labelOverride ?? cleanLabel(labelRegion);
  let quoteTo = n.end;
  const post = text.slice(n.end, segTo).trim();
  // "…培育 3 家发明专利优势企业", "…的 4 个优良品种": the noun after the number names the indicator.
  const headAfter = /的\s*$/.test(labelRegion) || ENDS_WITH_VERB.test(labelRegion);
  let usedPost = false;
  if (!labelOverride && (!label || headAfter) && post) {
    label = cleanLabel(post);
    quoteTo = segTo;
    usedPost = true;
  }
  // "技术合同成交额突破5亿元，同比增长20%": the second clause's subject is the first's.
  if (
    carryLabel &&
    (!label || /^(?:总数|总量|数量|规模|总额|累计|合计|其中|年均)$/.test(foldLabel(label)))
  ) {
    label = carryLabel;
    carried = true;
  }
  // "…创新平台10个以上，其中国家级1-2个": a bare level word narrows the previous indicator.
  const level = /^(?:其中)?((?:国家|省|市|县)级?(?:及以上|以上)?)$/.exec(foldLabel(label));
  if (carryLabel && level) {
    label = `${level[1]}${carryLabel.replace(LEVEL_PREFIX, '')}`;
    carried = true;
  }
  let unit = n.unit;
  let match = matchMetric(taxonomy, label, unit);
  // "登记技术合同150项，成交额8亿元" / "…增加值增长10%，占GDP比重25%": a short label
  // completes the sentence's subject.
  if (
    !match &&
    carryLabel &&
    !carried &&
    (label.startsWith('占') || foldLabel(label).length <= 4)
  ) {
    const joined = `${carryLabel.replace(/(?:数量|总数|总量)$/, '')}${label}`;
    const joinedMatch =
      matchMetric(taxonomy, joined, unit) ??
      (/^占/.test(label) ? matchMetric(taxonomy, carryLabel, '') : null);
    if (joinedMatch) {
      match = joinedMatch;
      label = joined;
    }
  }
  // A verb closing the phrase (…信用贷款发放 8000万元) is not part of the indicator's name.
  const withoutVerb = label.replace(ENDS_WITH_VERB, '').trim();
  if (!match && withoutVerb && withoutVerb !== label) {
    match = matchMetric(taxonomy, withoutVerb, unit);
    if (match) label = withoutVerb;
  }
  const folded = foldLabel(label);
  if (!match && quoteTo === segTo && post) {
    const cut = POST_LABEL_CUT.exec(label);
    if (cut && cut.index > 0) {
      const shorter = label.slice(0, cut.index);
      match = matchMetric(taxonomy, shorter, unit);
      if (match) label = shorter;
    }
  }
  // 占…比重 / 占比: the share is of the subject before 占.
  const share = /^(.+?)占(.*)(比重|比例|占比|份额)$/.exec(folded) ?? /^(.+?)(?:占比)$/.exec(folded);
  if (share && share[1]) match = matchMetric(taxonomy, share[1], '') ?? null;
  // 申报 N 家 counts applications, not certified firms (申报成功 / 认定 do count).
  const applied =
    match && CERTIFIED_FIRMS.has(match.key) && APPLICATION.test(text.slice(segFrom, segTo));
  const metricKey = applied ? 'other' : (match?.key ?? 'other');
  const def = taxonomy.byKey.get(metricKey);

  let kind: Kind;
  if (unit === '%' || unit === '‰') {
    kind = GROWTH_WORDS.test(predicate) || GROWTH_WORDS.test(pre.slice(-6)) ? 'growth' : 'share';
  } else if (/百分点$/.test(unit)) {
    kind = 'increase';
  } else if (/万人|每万|千人/.test(folded) && COUNT_UNITS.has(unit)) {
    kind = 'density';
    unit = `${unit}/万人`;
  } else {
    kind =
      countKind(text, clauseFrom, segFrom, n.start, COUNT_UNITS.has(unit) || /^台|套/.test(unit)) ??
      (carried && carry && (carry.kind === 'increase' || carry.kind === 'level')
        ? carry.kind
        : null) ??
      def?.default_kind ??
      'level';
    if (def && !def.comparable_kinds.includes(kind)) {
      const swap: Kind = kind === 'increase' ? 'level' : 'increase';
      if ((kind === 'increase' || kind === 'level') && def.comparable_kinds.includes(swap))
        kind = swap;
    }
  }
  const qualifier = qualifierOf(n, predicate, pre);
  let quoteFrom = segFrom + (pre.length - pre.replace(FILLER, '').length);
  // When the noun after the number names the indicator, the quote starts at the verb before it.
  const verbAtEnd = usedPost ? ENDS_WITH_VERB.exec(labelRegion) : null;
  if (verbAtEnd) quoteFrom = Math.max(quoteFrom, labelStart + verbAtEnd.index);
  return { label: label || folded, metric: metricKey, kind, unit, qualifier, quoteFrom, quoteTo };
}

/** Year named before the number in its sentence: 到2027年, 力争2024年. */
function deadlineOf(text: string, pos: number, zones: [number, number][]): number | null {
  const from = sentenceStart(text, pos);
  const re = /(20\d{2})年/g;
  let year: number | null = null;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < pos; m = re.exec(text)) {
    if (!inside(zones, m.index)) year = Number(m[1]);
  }
  return year;
}

/** Extracts mentions from a text unit (paragraph or task cell). */
function extractFromUnit(
  u: TextUnit,
  taxonomy: Taxonomy,
  out: ExtractOutput,
  order: { n: number },
): void {
  const text = u.norm.text;
  const zones = nameZones(text);
  const parens = findLeadParens(text);
  const parenZones: [number, number][] = parens.map((p) => [p.open, p.close + 1]);
  const numbers = findNumbers(text).filter((n) => {
    if (inside(parenZones, n.start)) return false;
    const reason = ignoredReason(text, n, zones);
    if (reason) return false;
    // 一批、一个、一支: the numeral 一 is an article here, never a count the plan commits to.
    if (n.chinese && n.value === 1) return false;
    const clauseFrom = clauseStart(text, n.start);
    if (!n.unit || (n.chinese && !chineseAccepted(text, n)) || !hasSignal(text, n, clauseFrom)) {
      if (!n.chinese || n.unit)
        out.unclaimed.push({
          anchor: u.anchor,
          offset: u.norm.toOriginal[n.start]!,
          number: n.raw,
          context: text.slice(Math.max(0, n.start - 12), n.end + 8),
        });
      return false;
    }
    return true;
  });
  const handled = new Set<NumberMention>();
  let lastLabel: { sentence: number; label: string; kind: Kind } | null = null;
  // A sub-area named by one clause (园区企业研发费用…) is the subject of the clauses after it in its sentence.
  let area: { sentence: number; scope: string } | null = null;
  const scopeFor = (n: NumberMention, r: Reading): string | null => {
    const sentence = sentenceStart(text, n.start);
    let scope = scopeOfLabel(r.label, r.metric) ?? sectorOfSentence(text, n.start, r.label);
    if (!scope && area?.sentence === sentence && !/^全[县市区省]/.test(foldLabel(r.label)))
      scope = area.scope;
    if (scope && isSubArea(scope)) area = { sentence, scope };
    return scope;
  };
  for (const n of numbers) {
    if (handled.has(n)) continue;
    const clauseFrom = clauseStart(text, n.start);
    const clauseTo = clauseEnd(text, n.end);
    const sameClause = numbers.filter((m) => m.start >= clauseFrom && m.end <= clauseTo);
    const pre = text.slice(clauseFrom, n.start);
    // 分别: "A和B分别达到 15 亿元和 240 件" pairs labels with values in order.
    const respectively = /^(.*?)分别/.exec(pre);
    if (respectively && sameClause.length > 1 && sameClause[0] === n) {
      const labels = cleanLabel(respectively[1]!)
        .split(/和|及|、|与/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (labels.length === sameClause.length) {
        sameClause.forEach((m, i) => {
          handled.add(m);
          const r = readNumber(text, m, taxonomy, clauseFrom, clauseFrom, m.end, labels[i]);
          push(
            u,
            m,
            { ...r, quoteFrom: r.quoteFrom, quoteTo: sameClause[sameClause.length - 1]!.end },
            zones,
            parens,
            out,
            order,
            scopeFor(m, r),
          );
        });
        continue;
      }
    }
    // 各: "A、B各1家" gives each item the same value.
    if (/各\s*$/.test(pre)) {
      const items = splitItems(text, clauseFrom, n.start - pre.length + pre.lastIndexOf('各'));
      if (items.length > 1) {
        handled.add(n);
        for (const [s, e] of items) {
          const r = readNumber(
            text,
            n,
            taxonomy,
            clauseFrom,
            s,
            n.end,
            cleanLabel(text.slice(s, e)),
          );
          push(
            u,
            n,
            { ...r, quoteFrom: s, quoteTo: n.end },
            zones,
            parens,
            out,
            order,
            scopeFor(n, r),
          );
        }
        continue;
      }
    }
    handled.add(n);
    const segFrom = segmentStart(text, n.start, clauseFrom);
    const segTo = segmentEnd(text, n, clauseTo, sameClause);
    const sentence = sentenceStart(text, n.start);
    const carry = lastLabel && lastLabel.sentence === sentence ? lastLabel : undefined;
    const r = readNumber(text, n, taxonomy, clauseFrom, segFrom, segTo, undefined, carry);
    lastLabel = { sentence, label: r.label, kind: r.kind };
    push(u, n, r, zones, parens, out, order, scopeFor(n, r));
  }
}

/** Items of an enumeration "A、B" in [from, to), leading filler and verbs dropped from the first. */
function splitItems(text: string, from: number, to: number): [number, number][] {
  const items: [number, number][] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '、') {
      let a = s;
      const piece = text.slice(a, i);
      const lead = piece.length - piece.replace(FILLER, '').replace(LEADING_VERBS, '').length;
      a += lead;
      if (i > a) items.push([a, i]);
      s = i + 1;
    }
  }
  return items;
}

/** End of the enumeration item after a number: the next 、 when another number follows, else the clause end. */
function segmentEnd(
  text: string,
  n: NumberMention,
  clauseTo: number,
  sameClause: NumberMention[],
): number {
  const next = sameClause.find((m) => m.start >= n.end);
  if (!next) return clauseTo;
  const between = text.slice(n.end, next.start);
  const stop = between.search(/、|和|及|与/);
  return stop === -1 ? next.start : n.end + stop;
}

/** A Chinese numeral is a target value only right after a target verb: 新增两家, not 两个研发中心. */
function chineseAccepted(text: string, n: NumberMention): boolean {
  // 一支、一批、一个 are articles ("a team of"), not counts a plan commits to.
  if (!COUNT_UNITS.has(n.unit) || n.unit === '批' || n.value === 1) return false;
  const before = text.slice(Math.max(0, n.start - 4), n.start);
  if (CN_AFTER_VERB.test(before)) return true;
  // "新增高新技术企业二十家，": the numeral closes a phrase governed by a target verb.
  const closes = n.after !== '' || /^\s*(?:$|[，,；;。、)])/.test(text.slice(n.end));
  return (
    closes &&
    !/[和、与及]$/.test(before) &&
    verbsIn(text, clauseStart(text, n.start), n.start).length > 0
  );
}

function push(
  u: TextUnit,
  n: NumberMention,
  r: Reading,
  zones: [number, number][],
  parens: LeadParen[],
  out: ExtractOutput,
  order: { n: number },
  scope: string | null,
): void {
  const quote = toBody(u, r.quoteFrom, r.quoteTo, n.start);
  let lead: string[] = u.rowLead ?? [];
  if (!u.rowLead) {
    const paren = parens.find((p) => p.open >= n.end);
    if (paren) lead = paren.units.map(([s, e]) => u.norm.text.slice(s, e));
  }
  out.mentions.push({
    metric: r.metric,
    label: r.label,
    kind: r.kind,
    value: n.value,
    value_max: n.valueMax,
    unit: r.unit,
    qualifier: r.qualifier,
    deadline: deadlineOf(u.norm.text, n.start, zones),
    scope,
    quotes: [quote],
    anchor: u.anchor,
    section: u.section,
    lead,
    allocations: [],
    fromTable: Boolean(u.rowLead),
    unitId: u.unitId,
    order: order.n++,
  });
}

const ALLOCATION = /^(.+?)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元|家|项|个|件|名|%)?$/;

/**
 * Indicator tables: one target per row and target column, from the indicator and
 * target cells, with allocations from the responsible cells. A target column
 * headed by a year (2025年) gives that year as deadline; a bare number takes its
 * unit from a 单位 column.
 */
function extractIndicatorRow(
  body: string,
  table: Table,
  cells: Table['rows'][number]['cells'],
  anchor: string,
  section: string,
  unitId: number,
  taxonomy: Taxonomy,
  out: ExtractOutput,
  order: { n: number },
): void {
  const ind = table.roles.indexOf('indicator');
  const indicator = cells[ind === -1 ? 0 : ind];
  const targetCols = table.roles.flatMap((r, i) => (r === 'target' ? [i] : []));
  if (targetCols.length === 0) targetCols.push(1);
  const unitCol = table.roles.indexOf('unit');
  const unitCell = unitCol === -1 ? undefined : cells[unitCol];
  if (!indicator) return;
  const used = new Set([indicator, unitCell, ...targetCols.map((c) => cells[c])]);
  // Cell-per-line tables have no fixed columns: everything after the target is responsibility.
  const rest = cells.filter(
    (c, i) =>
      !used.has(c) &&
      (table.roles[i] === undefined ||
        table.roles[i] === 'responsible' ||
        table.roles[i] === 'other'),
  );
  const lead: string[] = [];
  const allocations: Allocation[] = [];
  for (const c of rest) {
    for (const piece of c.text
      .split(/[、，,；;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const a = ALLOCATION.exec(piece);
      if (a && /\d/.test(piece)) {
        allocations.push({ unit: a[1]!.trim(), value: Number(a[2]) });
        lead.push(a[1]!.trim());
      } else lead.push(...unitsInCell(piece));
    }
  }
  const indicatorText = indicator.text.replace(/\s+/g, '');
  for (const col of targetCols) {
    const target = cells[col];
    if (!target) continue;
    const u = cellUnit(body, target.start, target.end);
    const unitText = unitCell?.text.replace(/\s+/g, '') ?? '';
    // A bare number ("200") reads with the unit column's unit ("家").
    const cellText =
      /^[\d.]+$/.test(u.norm.text.trim()) && unitText
        ? `${u.norm.text.trim()}${unitText}`
        : u.norm.text;
    const n = findNumbers(cellText).find((x) => x.unit);
    if (!n) continue;
    // Read the number as if the indicator preceded it in one sentence.
    const text = `${indicatorText}${cellText}`;
    const shift = indicatorText.length;
    const shifted: NumberMention = {
      ...n,
      start: n.start + shift,
      end: n.end + shift,
      numberEnd: n.numberEnd + shift,
    };
    const r = readNumber(text, shifted, taxonomy, 0, 0, shifted.end);
    const year = /(20\d{2})/.exec(table.header[col]?.text ?? '');
    out.mentions.push({
      metric: r.metric,
      label: cleanLabel(indicatorText),
      kind: r.kind,
      value: n.value,
      value_max: n.valueMax,
      unit: r.unit,
      qualifier: r.qualifier,
      deadline: year && targetCols.length > 0 && table.header.length > 0 ? Number(year[1]) : null,
      scope: scopeOfLabel(indicatorText, r.metric),
      quotes: [
        { start: indicator.start, end: indicator.end },
        { start: target.start, end: target.end },
      ],
      anchor,
      section,
      lead,
      allocations: allocations.reduce((s, a) => s + a.value, 0) > 0 ? allocations : [],
      fromTable: true,
      unitId,
      order: order.n++,
    });
  }
}

/** Runs the extraction over all blocks of a plan. */
export function extractMentions(input: ExtractInput): ExtractOutput {
  const { body, blocks, anchors, rowAnchors, taxonomy } = input;
  const out: ExtractOutput = { mentions: [], unclaimed: [] };
  const order = { n: 0 };
  let section = '';
  let unitId = 0;
  blocks.forEach((block, bi) => {
    if ((block.kind === 'heading' && block.depth === 1) || block.kind === 'caption') {
      section =
        block.kind === 'caption'
          ? body.slice(block.fragments[0]!.start, block.fragments[0]!.end).trim()
          : block.display;
      return;
    }
    if (block.kind === 'title' && !section) return;
    if (block.kind === 'paragraph') {
      const { norm, breaks } = unitOf(body, block.fragments);
      extractFromUnit(
        { norm, breaks, anchor: anchors[bi]!, section, unitId: unitId++ },
        taxonomy,
        out,
        order,
      );
      return;
    }
    if (block.kind === 'table' && block.table) {
      const table = block.table;
      const rowIds = rowAnchors.get(bi) ?? [];
      table.rows.forEach((row, ri) => {
        if (row.group) return;
        const anchor = rowIds[ri] ?? anchors[bi]!;
        const taskCol = table.roles.indexOf('task');
        const respCol = table.roles.indexOf('responsible');
        if (
          table.roles.includes('target') ||
          (table.roles.includes('indicator') && taskCol === -1)
        ) {
          extractIndicatorRow(
            body,
            table,
            row.cells,
            anchor,
            section,
            unitId++,
            taxonomy,
            out,
            order,
          );
          return;
        }
        const cells =
          taskCol === -1 ? row.cells : [row.cells[taskCol]].filter((c) => c !== undefined);
        const rowLead =
          respCol !== -1 && row.cells[respCol] ? unitsInCell(row.cells[respCol].text) : [];
        for (const c of cells) {
          const { norm, breaks } = cellUnit(body, c.start, c.end);
          extractFromUnit(
            { norm, breaks, anchor, section, unitId: unitId++, rowLead },
            taxonomy,
            out,
            order,
          );
        }
      });
    }
  });
  return out;
}
