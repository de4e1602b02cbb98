/**
 * Postings: where a string occurs, as paragraph ids and each occurrence's
 * start position. Decoded from the index's delta-encoded lists into typed
 * arrays (one allocation each, nothing for the GC to walk), and intersected to
 * find a string from the bigrams that cover it, or a phrase from its words.
 */
import { sortedIndexOf } from '../pipeline/bisect.ts';
import type { Matches } from './rank.ts';

/** Paragraph ids (ascending) and, per paragraph, its occurrence positions (ascending). */
export interface Postings {
  pids: Int32Array;
  /** positions of pids[i] are pos[starts[i] .. starts[i+1]) */
  starts: Int32Array;
  pos: Int32Array;
}

/** No occurrence. */
export const EMPTY_POSTINGS: Postings = {
  pids: new Int32Array(0),
  starts: new Int32Array(1),
  pos: new Int32Array(0),
};

/**
 * Decodes a stored list: per paragraph [pidDelta, count, posDelta…], pids and
 * positions delta-encoded (layout in build.ts).
 */
export function decodePostings(flat: number[]): Postings {
  // First pass: sizes, so the arrays are allocated once.
  let groups = 0;
  for (let i = 0; i < flat.length; i += 2 + flat[i + 1]!) groups++;
  const pids = new Int32Array(groups);
  const starts = new Int32Array(groups + 1);
  const pos = new Int32Array(flat.length - 2 * groups);
  let pid = 0;
  let at = 0;
  for (let i = 0, g = 0; i < flat.length; g++) {
    pid += flat[i++]!;
    const n = flat[i++]!;
    pids[g] = pid;
    starts[g] = at;
    let p = 0;
    for (let k = 0; k < n; k++) {
      p += flat[i++]!;
      pos[at++] = p;
    }
  }
  starts[groups] = at;
  return { pids, starts, pos };
}

/** Decodes a character's stored list, [pidDelta, count, …], into matches for the ranker. */
export function decodeCounts(flat: number[]): Matches {
  const n = flat.length >> 1;
  const pids = new Int32Array(n);
  const counts = new Int32Array(n);
  let pid = 0;
  for (let i = 0; i < n; i++) {
    pid += flat[2 * i]!;
    pids[i] = pid;
    counts[i] = flat[2 * i + 1]!;
  }
  return { pids, counts };
}

/** Occurrence counts per paragraph, for the ranker. */
export function countOccurrences(o: Postings): Matches {
  const counts = new Int32Array(o.pids.length);
  for (let i = 0; i < o.pids.length; i++) counts[i] = o.starts[i + 1]! - o.starts[i]!;
  return { pids: o.pids, counts };
}

/** Index of pid in the postings' paragraph list, or -1. */
const find = (p: Postings, pid: number): number => sortedIndexOf(p.pids, pid);

/** Whether the idx-th paragraph of the postings has an entry at position x. */
const hasPos = (p: Postings, idx: number, x: number): boolean =>
  sortedIndexOf(p.pos, x, p.starts[idx], p.starts[idx + 1]) >= 0;

/**
 * Start positions p, per paragraph, where every list has an entry at
 * p + offsets[j]: the lists are the bigrams covering a string (or the words of
 * a phrase) and the offsets where each sits in it. Walks the shortest list and
 * binary-searches the others.
 */
export function intersectAt(lists: Postings[], offsets: number[]): Postings {
  let d = 0;
  for (let i = 1; i < lists.length; i++) if (lists[i]!.pids.length < lists[d]!.pids.length) d = i;
  const driver = lists[d]!;
  const dOff = offsets[d]!;
  const pids: number[] = [];
  const starts: number[] = [0];
  const pos: number[] = [];
  const idxs = new Array<number>(lists.length);
  for (let i = 0; i < driver.pids.length; i++) {
    const pid = driver.pids[i]!;
    let ok = true;
    for (let j = 0; j < lists.length; j++) {
      const k = j === d ? i : find(lists[j]!, pid);
      if (k < 0) {
        ok = false;
        break;
      }
      idxs[j] = k;
    }
    if (!ok) continue;
    const before = pos.length;
    for (let k = driver.starts[i]!; k < driver.starts[i + 1]!; k++) {
      const start = driver.pos[k]! - dOff;
      if (start < 0) continue;
      let all = true;
      for (let j = 0; j < lists.length && all; j++)
        if (j !== d && !hasPos(lists[j]!, idxs[j]!, start + offsets[j]!)) all = false;
      if (all) pos.push(start);
    }
    if (pos.length > before) {
      pids.push(pid);
      starts.push(pos.length);
    }
  }
  return {
    pids: Int32Array.from(pids),
    starts: Int32Array.from(starts),
    pos: Int32Array.from(pos),
  };
}
