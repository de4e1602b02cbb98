/**
 * Summary statistics of a peer group's values: quartiles by d3's quantile
 * (linear interpolation between order statistics, R-7, as Excel's
 * QUARTILE.INC), so the median of an even count is the mean of the middle two.
 */
import { quantileSorted } from 'd3';

/** Five numbers that describe a distribution, and how many values it has. */
export interface Summary {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The summary of values sorted ascending; null for none. */
export function summarizeSorted(ascending: readonly number[]): Summary | null {
  if (!ascending.length) return null;
  const q = (p: number): number => quantileSorted(ascending as number[], p)!;
  return {
    n: ascending.length,
    min: ascending[0]!,
    q1: q(0.25),
    median: q(0.5),
    q3: q(0.75),
    max: ascending.at(-1)!,
  };
}

/** The summary of values in any order; null for none. */
export function summarize(values: readonly number[]): Summary | null {
  return summarizeSorted([...values].sort((a, b) => a - b));
}

/** The median of the values, or null for none. */
export function median(values: readonly number[]): number | null {
  return summarize(values)?.median ?? null;
}

/** A statistic as tables show it: at most two decimals (quartiles interpolate: 11.125 → 11.13). */
export const statText = (v: number): string => String(Math.round(v * 100) / 100);
