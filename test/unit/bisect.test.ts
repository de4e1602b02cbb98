import { describe, expect, it } from 'vitest';
import { partitionPoint, sortedIndexOf } from '../../src/pipeline/bisect.ts';

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('partitionPoint', () => {
  it('finds the first index where the predicate turns false, as a linear scan does', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const arr = Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 20));
      arr.sort((a, b) => a - b);
      const x = Math.floor(next() * 22) - 1;
      const linear = arr.findIndex((v) => v >= x);
      expect(partitionPoint(0, arr.length, (i) => arr[i]! < x)).toBe(
        linear === -1 ? arr.length : linear,
      );
    }
  });

  it('stays inside [lo, hi)', () => {
    expect(partitionPoint(3, 3, () => true)).toBe(3);
    expect(partitionPoint(2, 9, () => true)).toBe(9);
    expect(partitionPoint(2, 9, () => false)).toBe(2);
  });
});

describe('sortedIndexOf', () => {
  const arr = Int32Array.from([1, 3, 3, 8, 13, 21]);

  it('finds a present value and only within the run asked for', () => {
    expect(sortedIndexOf(arr, 8)).toBe(3);
    expect(sortedIndexOf(arr, 3)).toBe(1);
    expect(sortedIndexOf(arr, 8, 4, 6)).toBe(-1);
    expect(sortedIndexOf(arr, 21, 4, 6)).toBe(5);
  });

  it('gives -1 for absent values, below, between and above', () => {
    for (const x of [0, 2, 9, 22]) expect(sortedIndexOf(arr, x)).toBe(-1);
    expect(sortedIndexOf(new Int32Array(0), 1)).toBe(-1);
  });
});
