/**
 * Which metric a label names: the taxonomy wording that heads the analysed
 * label (label.ts), read with what the label's grammar adds — the share's
 * denominator (R&D over revenue is a firm's R&D intensity, not the county's),
 * an application count (申报 N 家 is not certified firms), a density base
 * (per 亿元 of R&D is not per population). The evidence says how sure the rule
 * is, for the confidence.
 */
import type { LabelAnalysis } from './label.ts';
import { ALL_VERBS } from './lexicon.ts';
import { matchCandidates, resemblesMetric, type MetricMatch, type Taxonomy } from './taxonomy.ts';

/** How the metric was decided. */
export type MetricEvidence =
  /** A listed wording heads the analysed label. */
  | 'wording'
  /** A pattern heads it. */
  | 'pattern'
  /** A wording the taxonomy lists under `other` (科技型企业, 科技小巨人企业) heads it. */
  | 'known-other'
  /** Nothing matched and the label shares no word with any metric. */
  | 'unknown'
  /** Nothing matched, but the label shares words with a metric: maybe a wording the taxonomy lacks. */
  | 'resembles'
  /** 申报 N 家: applications, not certified firms (FORMAT.md). */
  | 'application'
  /** A wording the taxonomy marks as read two ways across provinces. */
  | 'ambiguous';

export interface MetricReading {
  key: string;
  evidence: MetricEvidence;
  match: MetricMatch | null;
  /**
   * Words before the matched wording the rule did not read — a relative clause (…的),
   * a long modifier, or another metric's words (省级高新技术企业研发中心) — else ''.
   */
  residue: string;
}

/** Metrics that count certified firms: an application for the certificate is not one. */
const CERTIFIED_FIRMS = new Set([
  'hightech_firms',
  'tech_sme',
  'innovative_sme',
  'specialized_sme',
  'little_giant',
  'single_champion',
]);
/** 申报 (not 申报成功), 推荐申报, 拟认定: applications or candidates, not certifications. */
const APPLICATION = /申报(?!成功)|拟认定|推荐/;

/** Revenue denominators: R&D over them is a firm's R&D intensity (enterprise_rd). */
const REVENUE = /(?:主营业务收入|营业收入|销售收入|主营收入|营收)$/;

/**
 * Modifiers that narrow an indicator without changing it: levels, scopes,
 * validity, size classes, 全社会. What else stands before the wording is a
 * residue the rule did not read.
 */
const MODIFIER =
  /^(?:每?[万千百](?:人口?|名就业人员中?|人就业人员中|名从业人员中?)|国家级|国家|省级及以上|省级以上|省级|省|市级及以上|市级以上|市级|县级以上|县级|区级|各类|各级|有效期内|有效|新认定|新|累计|全社会|规模以上工业|规模以上|规上工业|规上|规模工业|工业|制造业|科技创新|科技型|科技|本地|本土|重点|骨干|龙头|优质|高质量|高水平|[\u4e00-\u9fa5]{2,8}?(?:产业|行业|领域|园区|高新区|经开区|开发区))/;

const VERB_IN_RESIDUE = new RegExp(`(?:${ALL_VERBS.join('|')})`, 'g');

function residueOf(candidate: string, match: MetricMatch): string {
  let rest = candidate.slice(0, match.start);
  // 柔性引进高端人才: what stands before a verb is its adverb; the indicator is the verb's object.
  let lastVerbEnd = -1;
  VERB_IN_RESIDUE.lastIndex = 0;
  for (let m = VERB_IN_RESIDUE.exec(rest); m; m = VERB_IN_RESIDUE.exec(rest))
    lastVerbEnd = m.index + m[0].length;
  if (lastVerbEnd !== -1) rest = rest.slice(lastVerbEnd);
  for (let guard = 0; guard < 8 && rest; guard++) {
    const m = MODIFIER.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/** Levels and the whole unit: what may stand before a strict wording (全社会研发经费). */
const WHOLE_OR_LEVEL = /^(?:全社会|全县|全区|全市|全省|县域|本级|地方|国家级|省级|市级|县级)/;

function strictResidue(candidate: string, match: MetricMatch): string {
  let rest = candidate.slice(0, match.start);
  for (let guard = 0; guard < 4 && rest; guard++) {
    const m = WHOLE_OR_LEVEL.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

export interface MetricInput {
  taxonomy: Taxonomy;
  analysis: LabelAnalysis;
  unit: string;
  /** The words of the number's segment, for the application test. */
  segment: string;
}

/** 星创天地、众创空间等平台: examples, then the class they are counted under. */
const EXAMPLES_OF_CLASS = /^(.+?)等([\u4e00-\u9fa5]{1,6})$/;

/**
 * 星创天地等平台: the head noun is the class (平台), which names no metric alone.
 * It names the class metric whose name it heads (科技创新平台) when every example
 * is one of that metric's members. An example that is the metric itself
 * (高新技术企业等企业) counts more than that metric, so it names none.
 */
function classOfExamples(taxonomy: Taxonomy, label: string, unit: string): MetricMatch | null {
  const m = EXAMPLES_OF_CLASS.exec(label);
  if (!m) return null;
  const [, examples, head] = m as unknown as [string, string, string];
  let key: string | null = null;
  for (const example of examples.split(/[、,，和及与]/)) {
    if (!example) continue;
    const found = matchCandidates(taxonomy, [example], unit);
    if (!found || found.match.key === 'other' || (key !== null && found.match.key !== key))
      return null;
    const def = taxonomy.byKey.get(found.match.key);
    if (!def || def.zh === example || !def.zh.endsWith(head)) return null;
    key = found.match.key;
  }
  if (key === null) return null;
  const start = label.length - head.length;
  return { key, start, end: label.length, wording: head, listed: true };
}

/** Chooses the metric of one reading. */
export function chooseMetric(input: MetricInput): MetricReading {
  const { taxonomy, analysis, unit, segment } = input;
  const candidates = [...analysis.candidates];
  // R&D占GDP比重, 全社会R&D占比: a bare 研发 subject is R&D spending.
  const subject = analysis.share?.subject;
  if (subject && /^(?:全社会)?研发(?:经费)?$/.test(subject)) candidates.push(`${subject}投入`);
  let found = matchCandidates(taxonomy, candidates, analysis.share ? '' : unit);
  if (!found)
    for (let i = 0; i < candidates.length && !found; i++) {
      const match = classOfExamples(taxonomy, candidates[i]!, analysis.share ? '' : unit);
      if (match) found = { match, index: i };
    }
  if (!found) {
    const folded = subject ?? candidates[0] ?? '';
    return {
      key: 'other',
      evidence: resemblesMetric(taxonomy, folded) ? 'resembles' : 'unknown',
      match: null,
      residue: '',
    };
  }
  const { match, index } = found;
  let key = match.key;
  if (key === 'rd_spending' && analysis.share && REVENUE.test(analysis.share.denominator))
    key = 'enterprise_rd';
  if (CERTIFIED_FIRMS.has(key) && APPLICATION.test(segment))
    return { key: 'other', evidence: 'application', match, residue: '' };
  // A known non-metric stays one whatever narrows it (上报问题解决及时率 is a rate).
  if (key === 'other') return { key, evidence: 'known-other', match, residue: '' };
  const def = taxonomy.byKey.get(key);
  const candidate = candidates[index]!;
  // The matched wording itself is marked, or a longer marked wording ends the label
  // (认定省级科技型中小企业 ends in the marked 省级科技型中小企业).
  const marked = def?.ambiguous.some(
    (w) => w === match.wording || (w.length > match.wording.length && candidate.endsWith(w)),
  );
  if (marked || match.tied) return { key, evidence: 'ambiguous', match, residue: '' };
  const residue = residueOf(candidate, match);
  const strict = def?.strictPrefix === true && strictResidue(candidate, match) !== '';
  const unread =
    strict ||
    residue.includes('的') ||
    residue.length > 6 ||
    resemblesMetric(taxonomy, residue, key);
  return {
    key,
    evidence: match.listed ? 'wording' : 'pattern',
    match,
    residue: unread ? residue || candidate.slice(0, match.start) : '',
  };
}
