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
  /** The label as analysed: a label of one character names nothing. */
  label: string;
}

const SURE_METRIC = new Set<MetricEvidence>([
  'wording',
  'pattern',
  'known-other',
  'unknown',
  'application',
]);
const SURE_KIND = new Set<KindEvidence>(['explicit', 'verb']);

/** The confidence of one reading. */
export function confidenceOf(input: ConfidenceInput): Confidence {
  if (!SURE_METRIC.has(input.metric) || !SURE_KIND.has(input.kind)) return 'low';
  if (input.carried || input.labelAfterNumber || input.kindAdjusted) return 'low';
  if (input.residue) return 'low';
  if (input.metric === 'unknown' && input.label.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '').length < 2)
    return 'low';
  return 'high';
}
