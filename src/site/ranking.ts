/**
 * Ranks with ties, said the same way on every page: equal values share a rank
 * (competition ranking: 1, 2, 2, 4), and a shared rank reads 并列.
 */

/** An item's place in a ranking, highest value first. */
export interface Place {
  /** 1 + how many items have a strictly higher value. */
  rank: number;
  /** Another item has the same value. */
  tied: boolean;
  /** How many items are ranked. */
  of: number;
}

/** An item with its place. */
export interface Ranked<T> extends Place {
  item: T;
}

/**
 * Ranks items by value, highest first; equal values share a rank and are
 * listed in the order `tieBreak` gives (so the list never depends on input order).
 */
export function rankByValue<T>(
  items: readonly T[],
  value: (item: T) => number,
  tieBreak: (a: T, b: T) => number,
): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => value(b) - value(a) || tieBreak(a, b));
  const out: Ranked<T>[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && value(sorted[j + 1]!) === value(sorted[i]!)) j++;
    for (let k = i; k <= j; k++)
      out.push({ item: sorted[k]!, rank: i + 1, tied: j > i, of: sorted.length });
    i = j + 1;
  }
  return out;
}

/** A rank as a cell says it: `3`, or `并列 3` when shared. */
export const rankLabel = (p: Pick<Place, 'rank' | 'tied'>): string =>
  p.tied ? `并列 ${p.rank}` : String(p.rank);

/** A rank with the group's size: `3 / 12`, `并列 3 / 12`. */
export const rankOf = (p: Place): string => `${rankLabel(p)} / ${p.of.toLocaleString('en-US')}`;

/** The top `n` and the bottom `n` of a ranking; everything in `top` when they would overlap. */
export function topAndBottom<T>(ranked: readonly T[], n: number): { top: T[]; bottom: T[] } {
  if (ranked.length <= 2 * n) return { top: [...ranked], bottom: [] };
  return { top: ranked.slice(0, n), bottom: ranked.slice(-n) };
}
