/**
 * How far two readings of one plan agree on its targets: the share of the
 * reference's targets (metric, kind, value, unit) the other reading also has,
 * each counted once. Used by the format tests and the OCR benchmark.
 */
import type { Target } from '../../src/pipeline/schema.ts';

export const targetCore = (t: Target) => `${t.metric}|${t.kind}|${t.value}|${t.unit}`;

export interface Agreement {
  reference: number;
  got: number;
  matched: number;
  /** matched / reference. */
  recall: number;
  missing: string[];
  extra: string[];
}

export function agreement(
  reference: Target[],
  got: Target[],
  key: (t: Target) => string = targetCore,
): Agreement {
  const pool = got.map(key);
  const missing: string[] = [];
  for (const k of reference.map(key)) {
    const i = pool.indexOf(k);
    if (i === -1) missing.push(k);
    else pool.splice(i, 1);
  }
  const matched = reference.length - missing.length;
  return {
    reference: reference.length,
    got: got.length,
    matched,
    recall: reference.length ? matched / reference.length : 1,
    missing,
    extra: pool,
  };
}
