/**
 * Deadlines: the year phrase that governs a number's clause. 到2025年 / 至2025年
 * (力争到2025年) govern every clause after them in the paragraph until another
 * year is named; a year label (2024年新增…, 2023年，…, 力争2024年) governs its
 * sentence; a completion date in a form row (2023年12月底) governs that row.
 * Never a deadline: a base year (在2022年的基础上, 较2020年, 比上年), a date
 * (2024年8月12日), a plan period (2023—2027年), an annual label (2021年度),
 * a year inside a name or citation.
 */
import { nameZones, lowerBound, type ClauseIndex, type Zones } from './clauses.ts';

/** How far a year phrase reaches. */
export type YearReach = 'paragraph' | 'sentence' | 'row';

export interface YearPhrase {
  at: number;
  year: number;
  reach: YearReach;
}

const YEAR = /(20\d{2})\s*年/g;
const BASE_BEFORE = /(?:在|较|比|相比|相较|与|同|以|对比|自|从|由)\s*$/;
/** 增长到2020年的: 到 after a verb is the verb's, not a governing 到YYYY年. */
const VERB_TO = /(?:增长|提高|提升|增加|上升|扩大|发展|降低|减少|下降)(?:到|至)\s*$/;
const BASE_AFTER = /^(?:的)?(?:基础上|基数|水平|同期|为基|相比|以来|起)/;
/** 到2025年 governs the paragraph after it; 力争2024年 alone only its sentence. */
const GOVERNING_BEFORE = /(?:到|至|截至|截止)\s*$/;
const PERIOD_BEFORE = /\d{4}\s*(?:年)?\s*(?:-|—|–|~|至|到)\s*$/;
const COMPLETION_AFTER = /^(?:\d{1,2}\s*月)?(?:底|末)(?:前)?/;

/** The year phrases of one text that may govern a number, in order. */
export function yearPhrases(text: string, zones: Zones): YearPhrase[] {
  const out: YearPhrase[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    if (zones.has(m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/^\d/.test(text.slice(m.index - 1, m.index))) continue; // part of a longer number
    if (PERIOD_BEFORE.test(before)) continue; // 2023—2027年: the plan's span
    if (/^\s*(?:-|—|–|~)\s*\d{4}/.test(text.slice(m.index + 4, m.index + 12))) continue;
    if (/^度/.test(after)) continue; // 2021年度: an annual label
    if (/^\d{1,2}\s*月\s*\d{1,2}\s*日/.test(after)) continue; // a date
    if (BASE_BEFORE.test(before) || BASE_AFTER.test(after)) continue;
    const year = Number(m[1]);
    const reach: YearReach =
      GOVERNING_BEFORE.test(before) && !VERB_TO.test(before)
        ? 'paragraph'
        : COMPLETION_AFTER.test(after)
          ? 'row'
          : 'sentence';
    out.push({ at: m.index, year, reach });
  }
  return out;
}

/** A heading that sets goals: 到2025年主要目标, 主要目标（2025年）, 2025年发展目标. */
const GOAL_HEADING = /目标|任务|指标/;

/**
 * The year a goals heading sets for its section (到2025年主要目标, 发展目标（2025年）),
 * or null: one year, not a base or a span, in a heading that names goals.
 */
export function goalHeadingYear(heading: string): number | null {
  if (!GOAL_HEADING.test(heading)) return null;
  const years = [...new Set(yearPhrases(heading, nameZones(heading)).map((p) => p.year))];
  return years.length === 1 ? years[0]! : null;
}

/** 在2022年的基础上, 较2020年, 比2022年增长: a base year the figure is measured from. */
const BASE_YEAR =
  /(?:在|较|比|相比|相较|与|同|对比)\s*20\d{2}\s*年(?:底|末)?(?:的)?(?:基础上|基数|水平|相比)?|20\d{2}\s*年(?:的)?(?:基础上|基数)/;

/**
 * Whether `words` (a number's sentence up to it) measure it from a base year.
 * Such a figure is reached at some later year: without a deadline it cannot be
 * compared, so its reading stays low.
 */
export function measuredFromBaseYear(words: string): boolean {
  return BASE_YEAR.test(words);
}

/** Finds the deadline of numbers in one text. */
export class DeadlineReader {
  private readonly phrases: YearPhrase[];
  private readonly starts: number[];
  private readonly ix: ClauseIndex;
  /** A year carried in from an introducing paragraph (到2025年，实现以下目标：). */
  private readonly inherited: number | null;

  constructor(text: string, zones: Zones, ix: ClauseIndex, inherited: number | null = null) {
    this.phrases = yearPhrases(text, zones);
    this.starts = this.phrases.map((p) => p.at);
    this.ix = ix;
    this.inherited = inherited;
  }

  /** Whether the text names a year that governs what follows it beyond its sentence. */
  governingYear(): number | null {
    for (let k = this.phrases.length - 1; k >= 0; k--)
      if (this.phrases[k]!.reach === 'paragraph') return this.phrases[k]!.year;
    return null;
  }

  /**
   * The deadline of the number at `pos`. `rowFrom`/`rowTo` bound a form row,
   * whose completion date may come after the number.
   */
  at(pos: number, row?: { from: number; to: number }): number | null {
    if (row) {
      const k = lowerBound(this.starts, row.from);
      for (let j = k; j < this.phrases.length && this.phrases[j]!.at < row.to; j++)
        if (this.phrases[j]!.reach === 'row') return this.phrases[j]!.year;
    }
    const sentence = this.ix.sentenceStart(pos);
    for (let k = lowerBound(this.starts, pos) - 1; k >= 0; k--) {
      const p = this.phrases[k]!;
      if (p.reach === 'paragraph') return p.year;
      if (p.at >= sentence) return p.year;
      // A year label of an earlier sentence ends what an earlier 到YYYY年 governed.
      if (p.reach === 'sentence') return null;
    }
    return this.inherited;
  }
}
