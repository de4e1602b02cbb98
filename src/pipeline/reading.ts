/**
 * Reads one number of a clause as a target: its label (label.ts), metric
 * (metric.ts), kind (kind.ts), qualifier (qualifier.ts), the quote's extent and
 * the confidence (confidence.ts). Where the words before the number name no
 * indicator, the indicator comes from the form cell before it (form.ts), the
 * noun after the number (培育3家发明专利优势企业), or the subject of the
 * sentence (技术合同成交额突破5亿元，同比增长20%).
 */
import type { Confidence, Kind, Qualifier } from './schema.ts';
import type { NumberMention } from './numbers.ts';
import type { ClauseIndex } from './clauses.ts';
import type { MetricDefinition, Taxonomy } from './taxonomy.ts';
import { analyzeLabel, foldForMatch, type LabelAnalysis } from './label.ts';
import { chooseMetric, type MetricReading } from './metric.ts';
import { decideKind, fitKind, type KindEvidence, type KindReading } from './kind.ts';
import { qualifierOf } from './qualifier.ts';
import { confidenceOf } from './confidence.ts';
import { labelCells } from './form.ts';
import { ALL_VERBS, FILLER, GROWTH_WORDS, PREDICATE } from './lexicon.ts';
import { LOOKBACK, PREDICATE_REACH } from './signal.ts';
import type { VerbIndex } from './verbs.ts';

/** What every number of one text unit is read against. */
export interface UnitReader {
  text: string;
  ix: ClauseIndex;
  verbs: VerbIndex;
  taxonomy: Taxonomy;
  /** The unit is a form whose cells are separated by | and line breaks. */
  form: boolean;
}

/** The subject of the sentence so far: what a later bare clause (年均净增20家) refers to. */
export interface Carry {
  label: string;
  kind: Kind;
  /** The kind was said by a verb or new-addition wording, not defaulted. */
  kindSaid: boolean;
}

export interface ReadRequest {
  n: NumberMention;
  clauseFrom: number;
  segFrom: number;
  segTo: number;
  /** The label an enumeration gives this value (分别, 各). */
  label?: string | undefined;
  /** The predicate an enumeration gives every value (分别超过 …). */
  predicate?: string | undefined;
  carry?: Carry | undefined;
}

export interface Reading {
  label: string;
  metric: string;
  kind: Kind;
  unit: string;
  qualifier: Qualifier;
  /** The quote's extent in the unit's normalised text. */
  quoteFrom: number;
  quoteTo: number;
  /** A second quote where the label sits in a cell on another line (one cell per line). */
  labelQuote: { start: number; end: number } | null;
  confidence: Confidence;
  /** For a low reading, what a curator should check. */
  why: string | null;
  analysis: LabelAnalysis;
  /** The label is a form's indicator cell: the value is a table row's. */
  fromCells: boolean;
  /** The kind was said by a verb or explicit wording. */
  kindSaid: boolean;
  /** The unit was not written (a bare value cell) but taken from the metric. */
  unitInferred?: boolean;
}

const ENDS_WITH_VERB = new RegExp(`(?:${ALL_VERBS.join('|')})(?:了|出)?\\s*$`);
/**
 * 由2022年的1.8%提高到2025年的2.5%, 从6家增长到51家: the number after 到 is the
 * figure, the one after 由 its baseline, and the subject stands before 由.
 */
const FROM_TO =
  /(?:由|从)\s*(?:\d{4}\s*年(?:底|末)?的?)?\s*[\d.]+\s*\S{0,4}?\s*(?:增长|提高|提升|增加|上升|扩大|发展)?(?:到|至)\s*(?:\d{4}\s*年(?:底|末)?的?)?\s*$/;
const LEVEL_PREFIX = new RegExp(
  `^(?:(?:${ALL_VERBS.join('|')})+)?(?:国家级|省级及以上|省级以上|省级|市级以上|市级|县级)?`,
);
/** Words after which a noun following the number stops naming the indicator. */
const POST_LABEL_CUT = /赴|在|纳入|参加|参与|进入|到|用于|落户|入驻|开展|实现/;
/** A label that only points back at the sentence's subject. */
const BARE_TAIL = /^(?:总数|总量|数量|规模|总额|累计|合计|其中|年均)$/;

/** Whether the clause at `from` starts a form cell (after | or a line break). */
function startsCell(text: string, from: number): boolean {
  return from === 0 || text[from - 1] === '|' || text[from - 1] === '\n';
}

interface LabelChoice {
  analysis: LabelAnalysis;
  fromCells?: boolean;
  metric: MetricReading;
  carried: boolean;
  afterNumber: boolean;
  quoteFrom: number | null;
  quoteTo: number | null;
  labelQuote: { start: number; end: number } | null;
}

/** Reads one number. */
export function readNumber(u: UnitReader, req: ReadRequest): Reading {
  const { text, taxonomy } = u;
  const { n, segFrom, segTo, carry } = req;
  const { pre, preFrom, predicate, region, regionStart, withExamples } = labelRegion(text, req);
  const unit = n.unit;
  const segment = text.slice(segFrom, segTo);
  // A growth rate has no unit of its own: 入库数同比增长20% is tech_sme's growth, whatever
  // units tech_sme is counted in (the kind then says whether it can be compared).
  const growth =
    (unit === '%' || unit === '‰') &&
    (GROWTH_WORDS.test(predicate || pre.slice(-6)) || /(?:增长率|增速|增幅)\s*$/.test(region));
  const matchUnit = growth ? '' : unit;
  const metricOf = (a: LabelAnalysis) =>
    chooseMetric({ taxonomy, analysis: a, unit: matchUnit, segment });
  const choose = (a: LabelAnalysis): LabelChoice => ({
    analysis: a,
    metric: metricOf(a),
    carried: false,
    afterNumber: false,
    quoteFrom: null,
    quoteTo: null,
    labelQuote: null,
  });

  let choice = choose(analyzeLabel(req.label ?? region));
  // 星创天地等平台: a class noun (平台) names no metric alone; its examples say which class.
  if (!req.label && region && withExamples !== region && choice.metric.key === 'other') {
    const examples = choose(analyzeLabel(withExamples));
    if (examples.metric.key !== 'other') choice = examples;
  }
  const post = text.slice(n.end, Math.min(segTo, n.end + 40)).trim();
  const headAfter = /的\s*$/.test(region) || ENDS_WITH_VERB.test(region);
  if (!req.label && !choice.analysis.label && u.form && startsCell(text, req.clauseFrom)) {
    choice = fromCells(u, req, metricOf) ?? choice;
  } else if (!req.label && (!choice.analysis.label || headAfter) && post) {
    // "…培育 3 家发明专利优势企业", "…的 4 个优良品种": the noun after the number names the indicator.
    const after = choose(analyzeLabel(post));
    after.afterNumber = true;
    after.quoteTo = segTo;
    const cut = POST_LABEL_CUT.exec(after.analysis.label);
    if (after.metric.key === 'other' && cut && cut.index > 0) {
      const shorter = choose(analyzeLabel(after.analysis.label.slice(0, cut.index)));
      if (shorter.metric.key !== 'other') {
        after.analysis = shorter.analysis;
        after.metric = shorter.metric;
      }
    }
    // 星创天地等平台认定1家以上: with nothing after the number, the words before it name the indicator.
    if (after.metric.key !== 'other' || choice.metric.key === 'other') choice = after;
  }
  if (carry) choice = withCarry(choice, carry, metricOf);

  const def = taxonomy.byKey.get(choice.metric.key);
  const k = decideKind({
    text,
    verbs: u.verbs,
    n,
    unit,
    predicate,
    pre,
    analysis: choice.analysis,
    clauseFrom: req.clauseFrom,
    segFrom,
    sentenceFrom: u.ix.sentenceStart(n.start),
    metric: def,
    carried: choice.carried ? carry?.kind : undefined,
  });
  const fit = fitToMetric(choice, k, def, carry);
  const qualifier = qualifierOf(n, predicate, pre);
  let quoteFrom = choice.quoteFrom ?? preFrom + (pre.length - pre.replace(FILLER, '').length);
  // When the noun after the number names the indicator, the quote starts at the verb before it.
  const verbAtEnd = choice.afterNumber ? ENDS_WITH_VERB.exec(region) : null;
  if (verbAtEnd) quoteFrom = Math.max(quoteFrom, regionStart + verbAtEnd.index);
  const { confidence, why } = confidenceOf({
    metric: choice.metric.evidence,
    kind: fit.evidence,
    residue: choice.metric.residue,
    carried: choice.carried,
    labelAfterNumber: choice.afterNumber,
    kindAdjusted: fit.adjusted,
    incomparable: fit.incomparable,
    label: choice.analysis.label,
    verbs: choice.analysis.verbs,
  });
  const label =
    choice.analysis.label || choice.analysis.candidates[0] || foldForMatch(region) || '';
  return {
    label,
    metric: fit.metric,
    kind: fit.kind,
    unit: k.unit,
    qualifier,
    quoteFrom,
    quoteTo: choice.quoteTo ?? n.end,
    labelQuote: choice.labelQuote,
    confidence,
    why,
    analysis: choice.analysis,
    fromCells: choice.fromCells === true,
    kindSaid: fit.evidence === 'verb' || fit.evidence === 'explicit',
  };
}

/** The words before a number: its predicate, and the region that names its indicator. */
function labelRegion(text: string, req: ReadRequest) {
  const { n, segFrom } = req;
  const preFrom = Math.max(segFrom, n.start - LOOKBACK);
  const pre = text.slice(preFrom, n.start);
  // The predicate sits right before the number: only the last characters are searched.
  const near = Math.max(0, pre.length - PREDICATE_REACH);
  const pm = PREDICATE.exec(pre.slice(near));
  const predicate = req.predicate ?? (pm ? pm[1]! : '');
  let region = pm ? pre.slice(0, near + pm.index) : pre;
  let regionStart = preFrom;
  const fromTo = FROM_TO.exec(region);
  if (fromTo) region = region.slice(0, fromTo.index);
  // "A、B等C N家": C names the indicator, A and B are examples.
  const withExamples = region;
  const deng = region.lastIndexOf('等');
  if (deng !== -1 && deng < region.length - 1) {
    region = region.slice(deng + 1);
    regionStart = preFrom + deng + 1;
  } else if (deng !== -1 && deng === region.length - 1) region = '';
  return { pre, preFrom, predicate, region, regionStart, withExamples };
}

interface Fit {
  metric: string;
  kind: Kind;
  evidence: KindEvidence;
  /** The kind was changed to one the metric is compared under. */
  adjusted: boolean;
  /** Why the metric cannot be compared as this kind, when the reading keeps it anyway. */
  incomparable: string | null;
}

/**
 * Fits the kind to the metric: counts swap between level and increase where the metric
 * knows only one; a density must be one the metric compares (per population); a kind
 * the metric is not compared under leaves the reading low, or the metric other.
 */
function fitToMetric(
  choice: LabelChoice,
  k: KindReading,
  def: MetricDefinition | undefined,
  carry: Carry | undefined,
): Fit {
  const fit: Fit = {
    metric: choice.metric.key,
    kind: k.kind,
    evidence: k.evidence,
    adjusted: k.evidence === 'adjusted',
    incomparable: null,
  };
  // "争取建成A1家，B1家": a bare item after a creating verb's clause is read as its
  // addition — but as a guess, since the comma may end what the verb governs.
  if (
    fit.evidence === 'default' &&
    fit.kind === 'level' &&
    !choice.afterNumber &&
    carry?.kind === 'increase' &&
    carry.kindSaid
  ) {
    fit.kind = 'increase';
    fit.evidence = 'carried';
  }
  if (!def || fit.metric === 'other') return fit;
  // (A rise in points, 提高0.2个百分点, is an increase of a share whatever the metric.)
  const count = (fit.kind === 'level' || fit.kind === 'increase') && !/百分点$/.test(k.unit);
  const fitted = count ? fitKind(fit.kind, def) : fit.kind;
  const base = choice.analysis.density?.base;
  const density =
    fit.kind === 'density' &&
    (!def.comparable_kinds.includes('density') || !base || !def.density_bases.includes(base));
  if (fitted === null || density) {
    // Not comparable under this metric (a count of a per-capita metric, a per-亿元 ratio).
    fit.incomparable = `${fit.metric} is not counted as this ${fit.kind}`;
    fit.metric = 'other';
  } else if (fitted !== fit.kind) {
    fit.kind = fitted;
    fit.adjusted = true;
  } else if (!def.comparable_kinds.includes(fit.kind)) {
    // A growth of a count-only metric, a share of a platform count: kept, but never ranked.
    fit.incomparable = `${fit.metric} is not compared as a ${fit.kind}`;
  }
  return fit;
}

/** A value cell's indicator: the nearest cell before it that names a metric, else the nearest. */
function fromCells(
  u: UnitReader,
  req: ReadRequest,
  metricOf: (a: LabelAnalysis) => MetricReading,
): LabelChoice | null {
  const cells = labelCells(u.text, req.clauseFrom);
  if (cells.length === 0) return null;
  const options = cells.map((c) => {
    const analysis = analyzeLabel(c.text);
    return { c, analysis, metric: metricOf(analysis) };
  });
  const pick = options.find((o) => o.metric.key !== 'other') ?? options[0]!;
  const sameLine = !u.text.slice(pick.c.start, req.clauseFrom).includes('\n');
  return {
    analysis: pick.analysis,
    metric: pick.metric,
    carried: false,
    afterNumber: false,
    quoteFrom: sameLine ? pick.c.start : null,
    quoteTo: null,
    labelQuote: sameLine ? null : { start: pick.c.start, end: pick.c.end },
    fromCells: true,
  };
}

/**
 * The sentence's subject fills in a label that only points back at it (总数,
 * 年均净增, 其中国家级) or completes a short one (成交额, 占GDP比重).
 */
function withCarry(
  choice: LabelChoice,
  carry: Carry,
  metricOf: (a: LabelAnalysis) => MetricReading,
): LabelChoice {
  const label = choice.analysis.label;
  const folded = foldForMatch(label);
  if (!label || BARE_TAIL.test(folded)) {
    const analysis = analyzeLabel(carry.label);
    return { ...choice, analysis, metric: metricOf(analysis), carried: true, afterNumber: false };
  }
  // "…创新平台10个以上，其中国家级1-2个": a bare level word narrows the previous indicator.
  const level = /^((?:国家|省|市|县)级?(?:及以上|以上)?)$/.exec(folded);
  if (level) {
    const analysis = analyzeLabel(`${level[1]}${carry.label.replace(LEVEL_PREFIX, '')}`);
    return { ...choice, analysis, metric: metricOf(analysis), carried: true };
  }
  // "登记技术合同150项，成交额8亿元" / "…增加值增长10%，占GDP比重25%": a short label
  // completes the sentence's subject.
  if (choice.metric.key === 'other' && (label.startsWith('占') || folded.length <= 4)) {
    const joined = analyzeLabel(`${carry.label.replace(/(?:数量|总数|总量)$/, '')}${label}`);
    const metric = metricOf(joined);
    if (metric.key !== 'other') return { ...choice, analysis: joined, metric, carried: true };
    if (label.startsWith('占')) {
      const subject = metricOf(analyzeLabel(carry.label));
      if (subject.key !== 'other')
        return { ...choice, analysis: joined, metric: subject, carried: true };
    }
  }
  return choice;
}
