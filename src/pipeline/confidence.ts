/**
 * Confidence (FORMAT.md): "high" only where metric and kind were both decided
 * by an unambiguous rule — a taxonomy wording heading a cleanly analysed label
 * (or a wording the taxonomy lists as `other`, or a label that resembles no
 * metric at all), and a kind from an explicit signal or a verb. Everything
 * read by a guess — a label carried from another clause, the noun after the
 * number, a default kind, a label with words the rule did not read — is "low":
 * a wrong number is worse than a missing one, so the site ranks only high ones.
 */
import type { Confidence } from './schema.ts';
import type { KindEvidence } from './kind.ts';
import type { MetricEvidence } from './metric.ts';

export interface ConfidenceInput {
  metric: MetricEvidence;
  kind: KindEvidence;
  /** Words before the matched wording the rule did not read (metric.ts), '' when none. */
  residue: string;
  /** The label came from another clause (the sentence's subject, a 分别 subject is not this). */
  carried: boolean;
  /** The label is the noun after the number (培育3家发明专利优势企业). */
  labelAfterNumber: boolean;
  /** The kind had to be changed to one the metric is compared under. */
  kindAdjusted: boolean;
  /** Why the metric cannot be compared as this reading's kind, or null. */
  incomparable: string | null;
  /** The label as analysed: a label of one character names nothing. */
  label: string;
  /** Leading verbs of the label (实施, 新增 …). */
  verbs: readonly string[];
}

/** Verbs that run the plan's own programmes: 实施…项目N个 counts its activities, not an indicator. */
const PROGRAMME_VERB = /^(?:组织实施|实施|启动|推进|推动|谋划|安排|开工|落地|开展)$/;
const PROGRAMME_NOUN = /(?:项目|工程|专项|行动|活动)$/;

const SURE_METRIC = new Set<MetricEvidence>([
  'wording',
  'pattern',
  'known-other',
  'unknown',
  'application',
]);
const SURE_KIND = new Set<KindEvidence>(['explicit', 'verb']);

/** What a curator should check about a low reading, in the review report's words. */
const METRIC_WHY: Partial<Record<MetricEvidence, string>> = {
  resembles: 'no wording matched, but the label shares words with a metric',
  ambiguous: 'the wording reads as different measures in different provinces',
};
const KIND_WHY: Partial<Record<KindEvidence, string>> = {
  default: 'no word says whether it is a stock or an addition (kind defaulted)',
  carried: 'the kind was taken from the clause before',
  adjusted: 'the kind was changed to one the metric is compared under',
};

/** The confidence of one reading, and for a low one the reason. */
export function confidenceOf(input: ConfidenceInput): {
  confidence: Confidence;
  why: string | null;
} {
  const low = (why: string) => ({ confidence: 'low' as const, why });
  if (!SURE_METRIC.has(input.metric)) return low(METRIC_WHY[input.metric] ?? 'metric unsure');
  if (!SURE_KIND.has(input.kind)) return low(KIND_WHY[input.kind] ?? 'kind unsure');
  if (input.carried) return low('the label was taken from the sentence before the number');
  // 组织20家企业申报高新技术企业: the application rule holds wherever the label stands.
  if (input.labelAfterNumber && input.metric !== 'application')
    return low('the label is the noun after the number');
  if (input.kindAdjusted) return low(KIND_WHY.adjusted!);
  if (input.incomparable) return low(input.incomparable);
  if (input.residue)
    return low(`words before the indicator the rule did not read: ${input.residue}`);
  if (
    input.metric === 'unknown' &&
    PROGRAMME_NOUN.test(input.label) &&
    input.verbs.some((v) => PROGRAMME_VERB.test(v))
  )
    return low('a count of the plan’s own programmes (实施…项目), not an indicator');
  if (input.metric === 'unknown' && input.label.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '').length < 2)
    return low('no indicator named');
  return { confidence: 'high', why: null };
}
