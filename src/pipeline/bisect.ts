/**
 * Binary search, written once: the pipeline's line and mark lookups and the
 * search engine's postings, text files and top-k list all use it.
 */

/**
 * The partition point of [lo, hi): the first index where `before(i)` is
 * false, given that it is true on a prefix of the range and false after it
 * (hi when it is true everywhere). O(log n) calls of `before`.
 */
export function partitionPoint(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `x` in the ascending run arr[lo..hi), or -1. */
export function sortedIndexOf(arr: ArrayLike<number>, x: number, lo = 0, hi = arr.length): number {
  const i = partitionPoint(lo, hi, (k) => arr[k]! < x);
  return i < hi && arr[i] === x ? i : -1;
}
