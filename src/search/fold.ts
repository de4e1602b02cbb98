/**
 * The search form of a text, shared by the index builder and the query parser
 * (not the pipeline's NFKC-with-offsets in pipeline/normalize.ts, which keeps
 * every character):
 *
 * - NFKC, so full-width and half-width forms are the same (３０％ = 30%).
 * - Lower case, so Latin letters match either way.
 * - Whitespace removed: Chinese has no word spaces, and plans write
 *   "突破 100 家" as often as "突破100家".
 * - Every number (digits, optional decimal part) is wrapped in a boundary
 *   marker, so "30%" matches "增长 30%以上" but not "130%", and "5%" does not
 *   match "8.5%".
 * - R&D and 研究与试验发展 are written 研发, as the taxonomy folds labels
 *   (pipeline/taxonomy.ts, foldLabel): plans write all three, and a reader
 *   typing R&D means every one of them.
 *
 * `foldForSearchWithSpans` also returns, for every folded code unit, the span
 * of the original text it came from, so matches can be highlighted in the
 * original (unfolded) text.
 */

/** Private-use code point used as the number boundary marker. */
export const NUM = '\uE000';

const SPACE = /\s/u;
const DIGIT = /[0-9]/;

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each code unit of `text`, the original start offset. */
  start: number[];
  /** For each code unit of `text`, the original end offset (exclusive). */
  end: number[];
}

/**
 * Spellings folded to one (after NFKC, lower case, spaces removed). `latin`:
 * only where no Latin letter is next to it (not the r&d inside "hr&dev").
 */
const ALIASES: { from: string; to: string; latin: boolean }[] = [
  { from: 'r&d', to: '研发', latin: true },
  { from: '研究与试验发展', to: '研发', latin: false },
];
const LATIN = /[a-z]/;

/**
 * The alias spelling starting at k in chars, if any. Each alias is at least as
 * long as what it folds to, so offsets only shrink.
 */
function aliasAt(chars: string[], k: number): (typeof ALIASES)[number] | undefined {
  for (const a of ALIASES) {
    if (chars[k] !== a.from[0]) continue;
    let ok = true;
    for (let j = 1; j < a.from.length && ok; j++) ok = chars[k + j] === a.from[j];
    if (!ok) continue;
    if (a.latin && (LATIN.test(chars[k - 1] ?? '') || LATIN.test(chars[k + a.from.length] ?? '')))
      continue;
    return a;
  }
  return undefined;
}

/** R&D and 研究与试验发展 as 研发 in NFKC lower-case text (spaces kept), for query parsing. */
export function foldAliases(text: string): string {
  return text.replace(/(?<![a-z])r\s*&\s*d(?![a-z])|研究与试验发展/gu, '研发');
}

/** The search form of a text, with a map back to the original offsets. */
export function foldForSearchWithSpans(input: string): FoldedText {
  // First pass: per code point NFKC + lower case, dropping whitespace.
  const chars: string[] = [];
  const cs: number[] = [];
  const ce: number[] = [];
  let i = 0;
  for (const cp of input) {
    const from = i;
    i += cp.length;
    const code = cp.charCodeAt(0);
    // Fast paths: CJK unified ideographs and ASCII need no NFKC.
    if (code >= 0x4e00 && code <= 0x9fff) {
      chars.push(cp);
      cs.push(from);
      ce.push(i);
      continue;
    }
    if (code < 0x80) {
      if (code === 32 || (code >= 9 && code <= 13)) continue;
      chars.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : cp);
      cs.push(from);
      ce.push(i);
      continue;
    }
    if (cp === NUM) continue;
    const n = cp.normalize('NFKC').toLowerCase();
    for (const c of n) {
      if (SPACE.test(c)) continue;
      chars.push(c);
      cs.push(from);
      ce.push(i);
    }
  }
  // Aliases: each folded spelling spans the original text of the spelling it replaces.
  for (let k = 0; k < chars.length; k++) {
    const a = aliasAt(chars, k);
    if (!a) continue;
    const last = k + a.from.length - 1;
    const to = [...a.to];
    const spans = to.map((_, j) => [cs[k + j]!, j === to.length - 1 ? ce[last]! : ce[k + j]!]);
    chars.splice(k, a.from.length, ...to);
    cs.splice(k, a.from.length, ...spans.map((x) => x[0]!));
    ce.splice(k, a.from.length, ...spans.map((x) => x[1]!));
    k += to.length - 1;
  }
  // Second pass: wrap number runs (digits, optionally ".digits") in markers.
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const push = (c: string, s: number, e: number): void => {
    for (let k = 0; k < c.length; k++) {
      text += c[k];
      start.push(s);
      end.push(e);
    }
  };
  let k = 0;
  while (k < chars.length) {
    if (DIGIT.test(chars[k]!)) {
      let j = k;
      while (j < chars.length && DIGIT.test(chars[j]!)) j++;
      if (chars[j] === '.' && j + 1 < chars.length && DIGIT.test(chars[j + 1]!)) {
        j++;
        while (j < chars.length && DIGIT.test(chars[j]!)) j++;
      }
      push(NUM, cs[k]!, cs[k]!);
      for (let m = k; m < j; m++) push(chars[m]!, cs[m]!, ce[m]!);
      push(NUM, ce[j - 1]!, ce[j - 1]!);
      k = j;
    } else {
      push(chars[k]!, cs[k]!, ce[k]!);
      k++;
    }
  }
  return { text, start, end };
}

/** The search form of a text (no offset map). */
export function foldForSearch(input: string): string {
  return foldForSearchWithSpans(input).text;
}

/** Folded text for display in messages and keys: markers removed. */
export function stripMarkers(norm: string): string {
  return norm.split(NUM).join('');
}

/** Length of a folded string in visible characters (markers not counted). */
export function visibleLength(norm: string): number {
  return [...stripMarkers(norm)].length;
}
