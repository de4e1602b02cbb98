/**
 * Tense: whether a figure is a commitment or a fact. News items, work reports
 * and a plan's own review of its base (发展基础) state what was done or what
 * exists before they say what will be done: "近年来…拥有…基地6个，高新技术企业
 * 总量突破2000家。下一步，将…力争到2025年…达4000家". The first figures are
 * facts, never targets. A figure is a fact when the nearest tense word before
 * it looks back — a time frame (近年来, 今年以来, 截至目前, 去年, “十三五”期间),
 * which governs the paragraph until a word looks forward, or a perfective or
 * state word of its own sentence (已, 实现了, 拥有, 共有, 目前) — or when its
 * sentence ranks it (居全市第一) or its section reports results (工作总结,
 * 完成情况, 发展基础). A word that looks forward (下一步, 将, 力争, 到2025年,
 * 计划, 目标) makes what follows a commitment again.
 */
import { lowerBound, type ClauseIndex, type Zones } from './clauses.ts';

type MarkerKind =
  /** A retrospective time frame: governs the rest of the paragraph. */
  | 'frame'
  /** A perfective or state word: governs its own sentence. */
  | 'state'
  /** 了, 拥有, 共有: a state word, except in a section of goals (全区拥有…平台30个 is a target there). */
  | 'aspect'
  /** A word that looks forward: what follows is a commitment. */
  | 'future';

interface Marker {
  at: number;
  kind: MarkerKind;
  word: string;
}

const CN_COUNT = '[\\d一二三四五六七八九十两几]';

/** Time frames that look back; what follows them in the paragraph is what was done. */
const FRAMES: RegExp[] = [
  // 近年来, 近几年来, 多年来, 五年来, 近3年以来
  new RegExp(`(?:近|多|几|近几|这几|${CN_COUNT}+)年(?:来|以来)`, 'g'),
  // 今年以来, 自2020年以来, “十三五”以来, 成立以来
  /以来/g,
  new RegExp(`过去(?:的)?${CN_COUNT}*年`, 'g'),
  // 去年, 上年 heading a clause (比上年, 较去年同期 are comparison bases, not frames)
  /(?<![比较与同和于超])(?:去年|上年度?|上一年)(?![同基的水])/g,
  // 截至目前, 截止今年6月, 截至2023年9月底: a reporting date
  /截[至止](?:到)?\s*(?:目前|当前|今年|本年|年底|上半年|本月|\d{1,2}\s*月|20\d\d\s*年\s*\d{1,2}\s*月)/g,
  // “十三五”期间 (not 到“十三五”末, a deadline)
  /(?<![到至][“"]?)十三五["”]?(?:期间|时期|以来|末|期末)/g,
  // 一季度, 上半年, 前三季度, 1-8月份: a statistics period
  /(?<![在到至前])(?:[一二三四]季度|上半年|前三季度|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月份?)(?![底末前])/g,
];

/** Perfective and state words: their sentence says what was done or what exists. */
const STATES: RegExp[] = [
  /(?<![而得不])已(?:经)?/g,
  /目前|现有|现已|至今|迄今/g,
  // Ranks and honours: 位列, 居全市第二, 跻身, 获评, 创历史新高
  /位列|位居|跃居|跻身|获评|荣获|被评为|创历史新高|居全[国省市县区州]|排名第|均为[^，。；]{0,6}第/g,
  // 认定通过, 顺利通过, 获批: a decision already taken
  /(?:认定|审定|审核|评审|顺利|成功)通过|获批/g,
];

/**
 * Words that say what exists or was done only outside a list of goals: 实现了,
 * 完成了 (not 为了, 除了, 了解), 拥有, 共有 (每万人拥有 names a density, 拥有量 a stock).
 */
const ASPECTS: RegExp[] = [
  /(?<![为除罢])[\u4e00-\u9fa5]了(?![解结然])/g,
  /(?<!人口?)拥有(?![量率])|共有/g,
];

/** Words that look forward. */
const FUTURES: RegExp[] = [
  /下一步|下阶段|今后|未来|明年|届时|力争|确保|预计|力求/g,
  // 目标, 计划 as a plan's words, not the object of 完成年度目标任务, 超额完成计划
  /(?<!完成|实现|年度|既定|全年)(?:目标|计划(?!单列|内))/g,
  // 努力 as a modal (努力建成), not the noun of 通过多方努力, 共同努力下
  /(?<![的方同懈])努力(?![下，,。])/g,
  // 争取 as a modal (争取建成, 争取到2025年), not the verb of funds won (争取上级资金5600万元)
  /争取(?![^，。；]{0,8}(?:资金|经费|项目|支持))/g,
  // 将 before a verb: 将新增, 将认定 (将其, 将来 are not)
  /将(?![其之来近])/g,
  /拟(?![人态])/g,
  // 到2025年, 至2027年, 到今年年底, 年底前 (提升至2020年的 is a verb's, not a deadline)
  /(?<!截|提升|提高|增长|增加|跃升|上升|扩大|发展|下降|降低|减少)(?:到|至)\s*(?:20\d\d|今年|明年|本年|年底)|年底前|年内/g,
];

/** 工作成效明显, 取得显著成绩: a paragraph that opens so reports what was done. */
const RESULTS_LEAD = /成效(?:明显|显著|突出|初显)|取得(?:了)?[^，。；]{0,8}(?:成效|成绩)/;

/** A section that reports results; headings with a plan word too (总结和计划) are neither. */
const RETRO_HEADING =
  /总结|完成情况|工作情况|进展情况|开展情况|回顾|成效|成绩|成就|发展基础|发展现状|基本情况|主要做法|取得|亮点/;
const FUTURE_HEADING =
  /计划|思路|打算|展望|下一步|目标|任务|举措|措施|安排|重点工作|要点|方向|保障|路径/;

/** Whether a heading opens a section that reports results (true), plans (false), or neither (null). */
export function headingLooksBack(heading: string): boolean | null {
  const back = RETRO_HEADING.test(heading);
  const ahead = FUTURE_HEADING.test(heading.replace(/完成[^，。]*?任务/g, ''));
  if (back && ahead) return null;
  if (back) return true;
  if (ahead) return false;
  return null;
}

/** Year words of a document that tell when its present is: years before it are past. */
const PERIOD = /(20\d\d)\s*年?\s*(?:-|—|–|~|至|到)\s*(20\d\d)\s*年?/g;
const PLAN_YEAR =
  /(20\d\d)\s*年度?\s*(?:工作计划|工作要点|重点工作|工作打算|工作思路|工作目标|目标任务)/g;
const REPORT_YEAR = /(20\d\d)\s*年度?\s*(?:工作总结|工作完成情况|工作报告|工作回顾)/g;

/**
 * The first year a document looks forward from: the start of its plan period
 * (2023—2027年), the year of its work plan (2024年工作计划), or the year after
 * the one it reports on (2022年工作总结). Null when the text says none.
 */
export function presentYear(text: string): number | null {
  let present: number | null = null;
  const consider = (y: number) => {
    present = present === null ? y : Math.min(present, y);
  };
  for (const m of text.matchAll(PERIOD)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // A span of a plan (2023—2027年), not a date or a from-to phrase.
    if (b > a && b - a <= 15) consider(a);
  }
  for (const m of text.matchAll(PLAN_YEAR)) consider(Number(m[1]));
  let reported: number | null = null;
  for (const m of text.matchAll(REPORT_YEAR)) reported = Math.max(reported ?? 0, Number(m[1]));
  if (reported !== null) present = Math.max(present ?? 0, reported + 1);
  return present;
}

export interface TenseContext {
  /** The unit's section reports results (its heading: 工作总结, 发展基础 …). */
  retroSection: boolean;
  /** The unit's section states goals or tasks (its heading: 主要目标, 重点任务 …). */
  goalSection: boolean;
  /** A year carried in from a lead-in or a heading: the unit is under a goal. */
  underGoal: boolean;
  /** The document's present (presentYear), or null. */
  present: number | null;
}

/** A year heading a clause: 2022年，…; 2022年全县… (not 到2025年, 在2022年的基础上). */
const YEAR_LABEL =
  /(?<![到至在较比从由截止与同以自于\d])(20\d\d)\s*年(?:全年|底|末)?(?![度的基以前内至到-])/g;

/** A year mention that is not a comparison base or a from-phrase. */
const PAST_YEAR = /(?<![在较比从由与同自以\d])(20\d\d)\s*年(?!度|的?基础|的?水平|基数|相比|以来)/g;

/** Reads the tense of the numbers of one text unit. */
export class TenseReader {
  private readonly markers: Marker[] = [];
  private readonly starts: number[];
  private readonly ix: ClauseIndex;
  private readonly ctx: TenseContext;

  constructor(text: string, zones: Zones, ix: ClauseIndex, ctx: TenseContext) {
    this.ix = ix;
    this.ctx = ctx;
    const add = (res: RegExp[], kind: MarkerKind) => {
      for (const re of res)
        for (const m of text.matchAll(re))
          if (!zones.has(m.index)) this.markers.push({ at: m.index, kind, word: m[0] });
    };
    add(FRAMES, 'frame');
    add(STATES, 'state');
    if (!ctx.goalSection && !ctx.underGoal) add(ASPECTS, 'aspect');
    add(FUTURES, 'future');
    // A year already past is no deadline to look forward to (从2015年…提升到2019年).
    const past = (m: Marker) => {
      const y = /20\d\d/.exec(m.word);
      return (
        m.kind === 'future' && y !== null && ctx.present !== null && Number(y[0]) < ctx.present
      );
    };
    for (let i = this.markers.length - 1; i >= 0; i--)
      if (past(this.markers[i]!)) this.markers.splice(i, 1);
    // 一是知识产权工作成效明显。…: the opening sentence frames the paragraph as results.
    const lead = text.slice(0, ix.sentenceEnd(0));
    if (
      lead.length <= 24 &&
      RESULTS_LEAD.test(lead) &&
      !this.markers.some((m) => m.kind === 'future' && m.at < lead.length)
    )
      this.markers.push({ at: 0, kind: 'frame', word: RESULTS_LEAD.exec(lead)![0] });
    if (ctx.present !== null) {
      // A year heading a clause inside the plan's period looks forward (2025年，…达到420家).
      for (const m of text.matchAll(YEAR_LABEL))
        if (!zones.has(m.index) && Number(m[1]) >= ctx.present)
          this.markers.push({ at: m.index, kind: 'future', word: m[0] });
      // Any year before it, other than a base (在2022年的基础上, 较2020年, 从2015年的), is past.
      for (const m of text.matchAll(PAST_YEAR))
        if (!zones.has(m.index) && Number(m[1]) < ctx.present)
          this.markers.push({ at: m.index, kind: 'state', word: m[0] });
    }
    this.markers.sort((a, b) => a.at - b.at);
    this.starts = this.markers.map((m) => m.at);
  }

  /** Whether a word that looks forward stands in [sentence, at). */
  private forwardBefore(at: number, sentence: number): boolean {
    for (let k = lowerBound(this.starts, at) - 1; k >= 0; k--) {
      const m = this.markers[k]!;
      if (m.at < sentence) return false;
      // 完成年度目标任务的80%: the nouns 目标, 计划 do not make a look-back sentence a plan.
      if (m.kind === 'future' && !/^(?:目标|计划)$/.test(m.word)) return true;
    }
    return false;
  }

  /**
   * Why the number at [start, end) states a fact rather than a commitment, or
   * null. `clauseFrom` bounds the words that belong to the number's own clause.
   */
  factAt(start: number, end: number): string | null {
    const sentence = this.ix.sentenceStart(start);
    for (let k = lowerBound(this.starts, start) - 1; k >= 0; k--) {
      const m = this.markers[k]!;
      if (m.kind === 'future') return null;
      // 力争上半年新增…, 争取获批…1家, 到2025年，全区拥有…: a word that looks forward
      // earlier in the number's sentence governs the look-back word too.
      if (this.forwardBefore(m.at, sentence)) return null;
      if (m.kind === 'frame') return `a fact: the text looks back (${m.word})`;
      // 拥有授权发明专利的企业: 拥有 inside a relative clause names the indicator.
      if (m.at >= sentence && !(m.word === '拥有' && /的/.test(this.ix.text.slice(m.at, start))))
        return `a fact: the sentence says what was done or exists (${m.word})`;
    }
    // 新增国家高新技术企业120家，均为全市第一: a rank after the figures makes them results.
    const sentenceEnd = this.ix.sentenceEnd(end);
    for (let k = lowerBound(this.starts, end); k < this.markers.length; k++) {
      const m = this.markers[k]!;
      if (m.at >= sentenceEnd) break;
      if (m.kind === 'future') break;
      if (m.kind === 'state' && RANK.test(m.word))
        return `a fact: the sentence ranks it (${m.word})`;
    }
    if (this.ctx.underGoal) return null;
    if (this.ctx.retroSection) return 'a fact: its section reports results';
    return null;
  }
}

const RANK = /^(?:位列|位居|跃居|跻身|居全|排名第|均为|创历史新高)/;
