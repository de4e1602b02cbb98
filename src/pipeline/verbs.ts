/**
 * The target verbs of a paragraph (新增, 培育, 达到 …), found once and looked
 * up by range, so reading every number of a long paragraph stays linear.
 */
import { lowerBound } from './clauses.ts';
import { ALL_VERBS, INCREASE_VERBS, STATIVE_PREDICATES, STRONG_INCREASE } from './lexicon.ts';

export interface VerbAt {
  at: number;
  verb: string;
}

const VERB_RE = new RegExp(ALL_VERBS.join('|'), 'g');

/** Verb occurrences of one text, by position. */
export class VerbIndex {
  private readonly found: VerbAt[] = [];
  private readonly starts: number[] = [];

  constructor(text: string) {
    VERB_RE.lastIndex = 0;
    for (let m = VERB_RE.exec(text); m; m = VERB_RE.exec(text)) {
      this.found.push({ at: m.index, verb: m[0] });
      this.starts.push(m.index);
    }
  }

  /** Verbs lying wholly inside [from, to), in order. */
  within(from: number, to: number): VerbAt[] {
    const out: VerbAt[] = [];
    for (let k = lowerBound(this.starts, from); k < this.found.length; k++) {
      const v = this.found[k]!;
      if (v.at >= to) break;
      if (v.at + v.verb.length <= to) out.push(v);
    }
    return out;
  }
}

/** 达, 突破, 入库 …: verbs that bind the number after them to a stock. */
export const isStative = (v: string): boolean => STATIVE_PREDICATES.includes(v);
/** Verbs that create something new (培育, 新增 …). */
export const isIncrease = (v: string): boolean => INCREASE_VERBS.includes(v);
/** 新增, 净增, 新认定 …: new additions whatever follows. */
export const isStrong = (v: string): boolean => STRONG_INCREASE.includes(v);
