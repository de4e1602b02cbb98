/**
 * Reads the numbers of one text unit (a paragraph, a task cell, a form) into
 * mentions: which numbers are commitments (signal.ts), enumerations (分别, 各:
 * enumeration.ts), each number's reading (reading.ts), then its quote, lead,
 * deadline and scope. Every lookup is precomputed per unit, so a paragraph of
 * any length is read in linear time.
 */
import type { Kind } from './schema.ts';
import type { Taxonomy } from './taxonomy.ts';
import type { ExtractOutput, Mention } from './mention.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { ClauseIndex, lowerBound, nameZones, Zones } from './clauses.ts';
import { findLeadParens, type LeadParen } from './lead.ts';
import { isSubArea, scopeOfLabel, sectorOfSentence, SECTOR_STOPS } from './scope.ts';
import { foldForMatch } from './label.ts';
import { toBody, type TextUnit } from './text-unit.ts';
import { VerbIndex } from './verbs.ts';
import {
  chineseAccepted,
  commitmentPositions,
  hasSignal,
  ignoredReason,
  signalVerbPositions,
} from './signal.ts';
import { DeadlineReader, measuredFromBaseYear } from './deadline.ts';
import { enumerationItems, parallelValues, respectively, sharedHead } from './enumeration.ts';
import { chooseMetric } from './metric.ts';
import { analyzeLabel } from './label.ts';
import { readNumber, type Reading, type UnitReader } from './reading.ts';
import { rowLead, type FormHeader } from './form.ts';
import { TenseReader, type TenseContext } from './tense.ts';

export interface UnitInput {
  unit: TextUnit;
  taxonomy: Taxonomy;
  out: ExtractOutput;
  order: { n: number };
  /** A year carried in from an introducing paragraph (到2025年，主要目标如下：). */
  inheritedDeadline?: number | null;
  /** The header of the form this unit's rows belong to. */
  header?: FormHeader | null;
  /** What the unit's section and document say about tense (tense.ts). */
  tense?: Omit<TenseContext, 'underGoal'> | undefined;
}

/** What one unit's reading shares between its numbers. */
interface UnitState extends UnitReader {
  input: UnitInput;
  zones: Zones;
  parens: LeadParen[];
  parenOpens: number[];
  deadlines: DeadlineReader;
  numbers: NumberMention[];
  starts: number[];
  /** The sub-area a clause named (园区企业研发费用…): the subject of its sentence's later clauses. */
  area: { sentence: number; scope: string } | null;
  /** Positions of line breaks: a form's rows. */
  newlines: number[];
  /** Positions where a sector's sentence ends (scope.ts SECTOR_STOPS). */
  sectorStops: number[];
}

/** What the commitment filter looks at in one unit. */
interface Found {
  unit: TextUnit;
  numbers: NumberMention[];
  ix: ClauseIndex;
  verbs: VerbIndex;
  zones: Zones;
  /** Responsibility parentheses: their contents are never targets. */
  parenZones: Zones;
  tense: TenseReader;
  out: ExtractOutput;
}

/** A number seen but not taken: it goes to the review list with its context. */
function unclaim(out: ExtractOutput, u: TextUnit, n: NumberMention): void {
  const text = u.norm.text;
  out.unclaimed.push({
    anchor: u.anchor,
    offset: u.norm.toOriginal[n.start]!,
    number: n.raw,
    context: text.slice(Math.max(0, n.start - 12), n.end + 8),
  });
}

/** Numbers of the unit that are commitments; the others with a unit go to the review list. */
function commitments(f: Found): NumberMention[] {
  const { unit: u, ix, verbs, zones, parenZones, out } = f;
  const text = u.norm.text;
  const ctx = {
    text,
    ix,
    verbs,
    commitments: commitmentPositions(text),
    signalVerbs: signalVerbPositions(text),
  };
  return f.numbers.filter((n) => {
    if (parenZones.has(n.start)) return false;
    if (ignoredReason(text, n, zones)) return false;
    // 一批、一个、一支: the numeral 一 is an article here, never a count the plan commits to.
    if (n.chinese && n.value === 1) return false;
    // 近年来…拥有…基地6个, 截至目前…已培育30家: what was done is no commitment.
    if (f.tense.factAt(n.start, n.end)) {
      unclaim(out, u, n);
      return false;
    }
    const clauseFrom = ix.clauseStart(n.start);
    if (!n.unit && u.form && !n.chinese && isBareValueCell(text, n, clauseFrom, ix)) return true;
    if (!n.unit || (n.chinese && !chineseAccepted(ctx, n)) || !hasSignal(ctx, n, clauseFrom)) {
      if (!n.chinese || n.unit) unclaim(out, u, n);
      return false;
    }
    return true;
  });
}

/** A form cell holding only a number (新增高新技术企业 ⏎ 15): its unit is the indicator's. */
function isBareValueCell(
  text: string,
  n: NumberMention,
  clauseFrom: number,
  ix: ClauseIndex,
): boolean {
  const end = ix.clauseEnd(n.end);
  return (
    text.slice(clauseFrom, n.start).trim() === '' &&
    text.slice(n.end, end).trim() === '' &&
    (clauseFrom === 0 || /[|\n]/.test(text[clauseFrom - 1]!)) &&
    (end === text.length || /[|\n]/.test(text[end]!))
  );
}

/** Numbers lying in [from, to), by binary search over their starts. */
function numbersIn(s: UnitState, from: number, to: number): NumberMention[] {
  const out: NumberMention[] = [];
  for (let k = lowerBound(s.starts, from); k < s.numbers.length; k++) {
    const m = s.numbers[k]!;
    if (m.start >= to) break;
    if (m.end <= to) out.push(m);
  }
  return out;
}

/** End of the enumeration item after a number: the next 、 when another number follows, else the clause end. */
function segmentEnd(s: UnitState, n: NumberMention, clauseTo: number): number {
  const k = lowerBound(s.starts, n.end);
  const next = k < s.numbers.length ? s.numbers[k] : undefined;
  if (!next || next.start >= clauseTo) return clauseTo;
  const between = s.text.slice(n.end, next.start);
  const stop = between.search(/、|和|及|与/);
  return stop === -1 ? next.start : n.end + stop;
}

/** Whether no figure of the sentence comes before the clause holding `pos`: its subject heads the sentence. */
function headsSentence(s: UnitState, pos: number, sentence: number): boolean {
  const clause = s.ix.clauseStart(pos);
  const k = lowerBound(s.starts, sentence);
  return k >= s.starts.length || s.starts[k]! >= clause;
}

function scopeFor(s: UnitState, n: NumberMention, r: Reading): string | null {
  const sentence = s.ix.sentenceStart(n.start);
  const k = lowerBound(s.sectorStops, n.start) - 1;
  const sectorFrom = k >= 0 ? s.sectorStops[k]! + 1 : 0;
  let scope =
    scopeOfLabel(r.label, r.metric) ?? sectorOfSentence(s.text, n.start, r.label, sectorFrom);
  if (!scope && s.area?.sentence === sentence && !/^全[县市区省]/.test(foldForMatch(r.label)))
    scope = s.area.scope;
  // A sub-area heading its sentence (园区企业研发费用…，新增高企5家) is the subject of the
  // clauses after it; one named further on (…，高新区内X占比…) qualifies its own figure only.
  if (scope && isSubArea(scope) && headsSentence(s, n.start, sentence))
    s.area = { sentence, scope };
  return scope;
}

function lineBounds(text: string, pos: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', pos - 1) + 1;
  const k = text.indexOf('\n', pos);
  return { from, to: k === -1 ? text.length : k };
}

/**
 * A bare value cell takes the first unit of its indicator's metric (hightech_firms: 家),
 * read low; where the metric lists no unit it is no target and goes to the review list.
 */
function bareUnit(s: UnitState, n: NumberMention, r: Reading): boolean {
  const units = s.taxonomy.byKey.get(r.metric)?.units;
  const unit = r.metric === 'other' ? undefined : units?.find((x) => x !== '%');
  if (!unit) {
    unclaim(s.input.out, s.input.unit, n);
    return false;
  }
  r.unit = unit;
  r.confidence = 'low';
  r.why = `no unit written: ${unit} taken from the metric`;
  r.unitInferred = true;
  return true;
}

function push(s: UnitState, n: NumberMention, r: Reading): void {
  const { unit: u, out, order, header } = s.input;
  const text = s.text;
  const quotes = [toBody(u, r.quoteFrom, r.quoteTo, n.start)];
  if (r.labelQuote)
    quotes.unshift(toBody(u, r.labelQuote.start, r.labelQuote.end, r.labelQuote.start));
  let lead: string[] | null = u.rowLead ?? (header ? rowLead(text, n.start, header) : null);
  if (!lead) {
    const k = lowerBound(s.parenOpens, n.end);
    const paren = s.parens[k];
    lead = paren ? paren.units.map(([a, b]) => text.slice(a, b)) : [];
  }
  const clauseFrom = s.ix.clauseStart(n.start);
  const yearly = /每年/.test(text.slice(Math.max(clauseFrom, n.start - 40), n.start));
  const deadline = yearly
    ? null
    : s.deadlines.at(n.start, u.form ? lineBounds(text, n.start) : undefined);
  const mention: Mention = {
    metric: r.metric,
    label: r.label,
    kind: r.kind,
    value: n.value,
    value_max: n.valueMax,
    unit: r.unit,
    qualifier: r.qualifier,
    deadline,
    scope: scopeFor(s, n, r),
    quotes,
    anchor: u.anchor,
    section: u.section,
    lead,
    allocations: [],
    fromTable: Boolean(u.rowLead) || r.fromCells,
    unitId: u.unitId + (u.form ? lowerBound(s.newlines, n.start) : 0),
    order: order.n++,
    confidence: r.confidence,
  };
  // 在2022年的基础上实现“双倍增”,分别超过570家: a base year is no deadline; with none named
  // the figure's year is unknown, so it is never ranked.
  if (
    deadline === null &&
    mention.confidence === 'high' &&
    // (Bounded, so a sentence of thousands of numbers stays linear.)
    measuredFromBaseYear(text.slice(Math.max(s.ix.sentenceStart(n.start), n.start - 80), n.start))
  ) {
    mention.confidence = 'low';
    r.why = 'measured from a base year, but no deadline is named';
  }
  if (r.unitInferred) mention.unitInferred = true;
  if (r.why) mention.why = r.why;
  out.mentions.push(mention);
}

/** Extracts mentions from a text unit (paragraph, task cell or form). */
export function extractFromUnit(input: UnitInput): void {
  const u = input.unit;
  const text = u.norm.text;
  const found = findNumbers(text);
  if (found.length === 0) return; // most paragraphs: nothing to read
  const ix = new ClauseIndex(text);
  const zones = nameZones(text);
  const parens = findLeadParens(text).sort((a, b) => a.open - b.open);
  const parenZones = new Zones(parens.map((p) => [p.open, p.close + 1]));
  const verbs = new VerbIndex(text);
  const tense = new TenseReader(text, zones, ix, {
    retroSection: input.tense?.retroSection ?? false,
    goalSection: input.tense?.goalSection ?? false,
    present: input.tense?.present ?? null,
    underGoal: (input.inheritedDeadline ?? null) !== null,
  });
  const numbers = commitments({
    unit: u,
    numbers: found,
    ix,
    verbs,
    zones,
    parenZones,
    tense,
    out: input.out,
  });
  const s: UnitState = {
    input,
    text,
    ix,
    verbs,
    taxonomy: input.taxonomy,
    form: u.form,
    zones,
    parens,
    parenOpens: parens.map((p) => p.open),
    deadlines: new DeadlineReader(text, zones, ix, input.inheritedDeadline ?? null),
    numbers,
    starts: numbers.map((n) => n.start),
    area: null,
    newlines: [],
    sectorStops: [],
  };
  for (let i = 0; i < text.length; i++) if (SECTOR_STOPS.includes(text[i]!)) s.sectorStops.push(i);
  if (u.form)
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) s.newlines.push(i);
  const handled = new Set<NumberMention>();
  let last: {
    sentence: number;
    end: number;
    label: string;
    kind: Kind;
    kindSaid: boolean;
  } | null = null;
  for (const n of numbers) {
    if (handled.has(n)) continue;
    const clauseFrom = ix.clauseStart(n.start);
    const clauseTo = ix.clauseEnd(n.end);
    // 分别: "A和B分别达到 15 亿元和 240 件" pairs labels with values in order. Only a
    // clause's first number opens it, so each clause's numbers are gathered once.
    const at = lowerBound(s.starts, n.start);
    const first = at === 0 || s.numbers[at - 1]!.start < clauseFrom;
    const sameClause = first ? numbersIn(s, clauseFrom, clauseTo) : [];
    if (sameClause.length > 1 && sameClause[0] === n) {
      const resp =
        respectively(text, ix, clauseFrom, n.start) ?? parallelValues(text, clauseFrom, sameClause);
      if (resp && resp.labels.length === sameClause.length) {
        const labels = sharedHead(
          resp.labels.map((l) => l.text),
          (label) =>
            chooseMetric({
              taxonomy: s.taxonomy,
              analysis: analyzeLabel(label),
              unit: n.unit,
              segment: label,
            }).match,
        );
        sameClause.forEach((m, i) => {
          handled.add(m);
          const r = readNumber(s, {
            n: m,
            clauseFrom,
            segFrom: clauseFrom,
            segTo: m.end,
            label: labels[i]!,
            predicate: resp.predicate,
          });
          const quoteFrom = Math.min(r.quoteFrom, resp.quoteFrom);
          push(s, m, { ...r, quoteFrom, quoteTo: sameClause[sameClause.length - 1]!.end });
        });
        continue;
      }
    }
    // 各: "A、B各1家" gives each item the same value.
    const near = Math.max(clauseFrom, n.start - 3);
    const geAt = text.slice(near, n.start).search(/各\s*$/);
    const ge = geAt === -1 ? -1 : near + geAt;
    if (ge !== -1) {
      const items = enumerationItems(text, clauseFrom, ge);
      if (items.length > 1) {
        handled.add(n);
        for (const [a, b] of items) {
          const r = readNumber(s, {
            n,
            clauseFrom,
            segFrom: a,
            segTo: n.end,
            label: text.slice(a, b),
          });
          push(s, n, { ...r, quoteFrom: a, quoteTo: n.end });
        }
        continue;
      }
    }
    handled.add(n);
    // A label never reaches back over another number of its clause (组织20名干部…86家企业).
    const k = lowerBound(s.starts, n.start) - 1;
    const prevEnd = k >= 0 && s.numbers[k]!.end > clauseFrom ? s.numbers[k]!.end : clauseFrom;
    const segFrom = Math.max(ix.segmentStart(n.start, clauseFrom), prevEnd);
    const segTo = segmentEnd(s, n, clauseTo);
    const sentence = ix.sentenceStart(n.start);
    // The sentence's subject carries over commas, not over a semicolon (parallel items).
    const carry =
      last && last.sentence === sentence && !/[；;]/.test(text.slice(last.end, n.start))
        ? last
        : undefined;
    const r = readNumber(s, { n, clauseFrom, segFrom, segTo, carry });
    if (!n.unit && !bareUnit(s, n, r)) continue;
    last = { sentence, end: n.end, label: r.label, kind: r.kind, kindSaid: r.kindSaid };
    push(s, n, r);
  }
}
