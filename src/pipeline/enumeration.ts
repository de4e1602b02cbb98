/**
 * Enumerations with a shared predicate: A和B分别达到 X 和 Y pairs labels with
 * values in order, and the predicate after 分别 holds for every value (分别超过
 * 500家和9000家: both at_least); where the 分别 clause has no subject of its
 * own, the subject is the head of the clause before it in the sentence
 * (全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”，分别超过…).
 * A、B各1家 gives every item the same value.
 */
import type { ClauseIndex } from './clauses.ts';
import { FILLER } from './lexicon.ts';
import { analyzeLabel, isBareTail } from './label.ts';

/** Predicates that may follow 分别. */
const AFTER_RESPECTIVELY =
  /^分别\s*(达到|达|为|超过|超|突破|新增|净增|增长|提高到|提高至|提升到|提升至|不少于|不低于|引育|培育|引进|建成|认定)?/;
/** Where the subject of a clause ends: a preposition, an adverb or the predicate. */
const SUBJECT_END =
  /在|较|比|相比|同比|实现|达到|达|突破|超过|均|都|要|将|力争|分别|共同|总数|数量/;
const COORDINATOR = /和|及|、|与|以及/;

export interface Respectively {
  /** The labels, in order, with where each starts in the text. */
  labels: { text: string; start: number }[];
  /** The predicate after 分别, '' when none. */
  predicate: string;
  /** Where the quote of each item starts: the subject's start. */
  quoteFrom: number;
}

function coordinated(text: string, from: number, to: number): { text: string; start: number }[] {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.replace(FILLER, '').length;
  const out: { text: string; start: number }[] = [];
  const s = from + lead;
  const re = new RegExp(COORDINATOR.source, 'g');
  const body = text.slice(s, to);
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ text: body.slice(at, m.index).trim(), start: s + at });
    at = m.index + m[0].length;
  }
  out.push({ text: body.slice(at).trim(), start: s + at });
  return out.filter((l) => l.text.replace(/\s+/g, '') !== '');
}

/**
 * Reads a 分别 clause whose first number starts at `first`: the labels it pairs
 * with its values, or null when the clause has no 分别 before the number.
 */
export function respectively(
  text: string,
  ix: ClauseIndex,
  clauseFrom: number,
  first: number,
): Respectively | null {
  const pre = text.slice(clauseFrom, first);
  const at = pre.indexOf('分别');
  if (at === -1) return null;
  const predicate = AFTER_RESPECTIVELY.exec(pre.slice(at))?.[1] ?? '';
  let labels = coordinated(text, clauseFrom, clauseFrom + at);
  let quoteFrom = clauseFrom;
  if (labels.length === 0 && clauseFrom > ix.sentenceStart(clauseFrom)) {
    // No subject of its own: the clause before names it.
    const prevFrom = ix.clauseStart(clauseFrom - 1);
    const prev = text.slice(prevFrom, clauseFrom - 1);
    const filler = prev.length - prev.replace(FILLER, '').length;
    const cut = SUBJECT_END.exec(prev.slice(filler));
    const end = prevFrom + filler + (cut ? cut.index : prev.length - filler);
    labels = coordinated(text, prevFrom, end);
    quoteFrom = prevFrom + filler;
  }
  if (labels.length < 2) return null;
  return { labels, predicate, quoteFrom };
}

/** A predicate right before the first value of a parallel enumeration (A、B达 X家、Y家). */
const PARALLEL_PREDICATE = /(达到|达|为|超过|突破|分别为|新增|净增|增长|提高到|提高至)\s*$/;

/**
 * Coordinated subjects with coordinated values and no 分别: 高新技术企业、科技型中小企业达
 * 6588家、6403家 pairs them in order, as 分别 would. Only where the values stand side by
 * side (nothing but 、/和 between them) and the subjects are as many.
 */
export function parallelValues(
  text: string,
  clauseFrom: number,
  values: { start: number; end: number }[],
): Respectively | null {
  if (values.length < 2) return null;
  for (let i = 1; i < values.length; i++)
    if (!/^\s*[、和及与]\s*$/.test(text.slice(values[i - 1]!.end, values[i]!.start))) return null;
  const pre = text.slice(clauseFrom, values[0]!.start);
  const pm = PARALLEL_PREDICATE.exec(pre);
  if (!pm) return null;
  const labels = coordinated(text, clauseFrom, clauseFrom + pm.index);
  if (labels.length !== values.length) return null;
  return { labels, predicate: pm[1]!, quoteFrom: clauseFrom };
}

/**
 * Coordinated modifiers sharing one head: 企业、科研院所、高校研发经费支出分别达…
 * is 企业研发经费支出, 科研院所研发经费支出, 高校研发经费支出. Where the last label
 * ends in a wording (`matchOf`) and an earlier one is a short modifier matching
 * nothing, the wording is appended to it. Forward too: 发明专利申请量和授权量 is
 * 发明专利申请量 and 发明专利授权量.
 */
export function sharedHead(
  labels: string[],
  matchOf: (label: string) => { wording: string } | null,
): string[] {
  // 发明专利申请量和授权量: a bare measure tail takes the first item's head.
  const first = analyzeLabel(labels[0]!);
  const firstHead = first.tails.length ? first.candidates[first.candidates.length - 1] : undefined;
  const forward = labels.map((l, i) =>
    i > 0 && firstHead && isBareTail(l) ? `${firstHead}${l}` : l,
  );
  // 技术合同成交额、登记项数: a short item matching nothing shares the first item's subject
  // (技术合同登记项数), tried from the longest prefix of the first item down.
  const withSubject = forward.map((l, i) => {
    if (i === 0 || l.length > 5 || matchOf(l)) return l;
    const lead = labels[0]!.replace(/\s+/g, '');
    for (let k = lead.length - 1; k >= 2; k--)
      if (matchOf(`${lead.slice(0, k)}${l}`)) return `${lead.slice(0, k)}${l}`;
    return l;
  });
  const head = matchOf(withSubject[withSubject.length - 1]!)?.wording;
  if (!head) return withSubject;
  return withSubject.map((l, i) => {
    if (i === withSubject.length - 1) return l;
    const bare = l.replace(/\s+/g, '');
    return bare.length <= 6 && !matchOf(l) ? `${l}${head}` : l;
  });
}

/** Items of an enumeration "A、B" in [from, to), leading filler dropped from the first. */
export function enumerationItems(text: string, from: number, to: number): [number, number][] {
  const items: [number, number][] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '、') {
      const piece = text.slice(s, i);
      const a = s + (piece.length - piece.replace(FILLER, '').length);
      if (i > a) items.push([a, i]);
      s = i + 1;
    }
  }
  return items;
}
