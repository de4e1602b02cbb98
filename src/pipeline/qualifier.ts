/**
 * The qualifier of a target: what the words around its number say about the
 * bound — 以上 / 超过 / ≥ (at_least), 达 / 达到 (reach), 左右 / 约 (about),
 * 以下 / 不超过 / 最高 (at_most), a range (1-2家).
 */
import type { Qualifier } from './schema.ts';
import type { NumberMention } from './numbers.ts';
import { AT_LEAST_WORDS, AT_MOST_WORDS } from './lexicon.ts';

/** A sign right before the number: ≥6家, ＞90%, ≤5%. */
const SIGN = /(≥|>=|≧|＞|>|≤|<=|≦|<)\s*$/;

/**
 * Reads the qualifier from the words glued to the number (`n.after`), the
 * predicate before it and the text right before it (`pre`).
 */
export function qualifierOf(n: NumberMention, predicate: string, pre: string): Qualifier {
  if (n.valueMax !== null) return 'range';
  if (/以上|多|余/.test(n.after)) return 'at_least';
  if (/左右|上下/.test(n.after)) return 'about';
  if (/以下|以内/.test(n.after)) return 'at_most';
  const sign = SIGN.exec(pre)?.[1] ?? '';
  // 至少达到34家 / 最多3项: the adverb before the predicate bounds the number.
  if (/(?:至少|最少)\s*\S{0,3}\s*$/.test(pre.slice(-8))) return 'at_least';
  if (/最多\s*\S{0,3}\s*$/.test(pre.slice(-8))) return 'at_most';
  if (AT_LEAST_WORDS.test(predicate) || AT_LEAST_WORDS.test(sign)) return 'at_least';
  if (AT_MOST_WORDS.test(predicate) || AT_MOST_WORDS.test(sign)) return 'at_most';
  if (predicate === '约' || /约\s*$/.test(pre)) return 'about';
  return 'reach';
}

/** Qualifiers from least to most specific: a restatement that adds 以上 to a bare number makes it at_least. */
const SPECIFICITY: Qualifier[] = ['reach', 'about', 'at_most', 'at_least', 'range'];

/** The qualifier of a target stated several times: the most specific one any mention gives. */
export function mergedQualifier(qualifiers: Qualifier[]): Qualifier {
  let best: Qualifier = qualifiers[0] ?? 'reach';
  for (const q of qualifiers) if (SPECIFICITY.indexOf(q) > SPECIFICITY.indexOf(best)) best = q;
  return best;
}
