/**
 * Synonym expansion from the taxonomy: every metric's name and wordings form a
 * group, and a query term equal to any member expands to all the others
 * (abbreviation ↔ full form, both ways).
 */
import { foldForSearch } from './fold.ts';

export interface MetricWordings {
  key: string;
  zh: string;
  wordings: string[];
}

/**
 * Abbreviations in common use that the taxonomy file may not list; merged into
 * the metric groups they belong to.
 */
export const BUILTIN_ABBREVIATIONS: Record<string, string[]> = {
  hightech_firms: ['高企', '高新技术企业'],
  tech_sme: ['科小', '科技型中小企业'],
  rd_spending: ['研发投入', '研发经费投入', '全社会研发经费投入', '全社会研发投入', 'R&D经费投入'],
  specialized_sme: ['专精特新企业', '专精特新中小企业'],
  little_giant: ['小巨人', '专精特新小巨人企业'],
  ip_pledge_financing: ['知识产权质押融资', '知识产权质押贷款'],
};

/** Whether `a` is a subsequence of `b` (高企 of 高新技术企业). */
function subsequence(a: string, b: string): boolean {
  let i = 0;
  for (const c of b) if (c === a[i]) i++;
  return i === a.length;
}

function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j]!, row[j - 1]!);
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * Whether two wordings of one metric are near enough to stand for each other
 * in a search: an abbreviation and its full form (one a subsequence of the
 * other), or mostly the same characters (质押融资 / 质押贷款). Wordings that
 * merely fall under one metric (孵化器, 重点实验室 under 创新平台) are not.
 */
export function related(a: string, b: string): boolean {
  if (subsequence(a, b) || subsequence(b, a)) return true;
  return lcs(a, b) >= 0.75 * Math.min(a.length, b.length);
}

export interface SynonymTable {
  /** Groups of normalized wordings. */
  groups: string[][];
  /** Metric key of each group. */
  keys: string[];
  /** Other members of the groups the normalized term belongs to. */
  expand(norm: string): string[];
  /** Longest wording (un-normalized form as it appears) found in `text`, earliest first. */
  findWording(text: string): { index: number; wording: string } | undefined;
  /** Metric keys whose group contains the normalized term. */
  metricsFor(norm: string): string[];
}

/** Synonym groups from the taxonomy: each metric's name and wordings, folded for search. */
export function buildSynonyms(
  metrics: MetricWordings[],
  builtin = BUILTIN_ABBREVIATIONS,
): SynonymTable {
  const groups: string[][] = [];
  const keys: string[] = [];
  const byKey = new Map<string, Set<string>>();
  for (const m of metrics) {
    const set = byKey.get(m.key) ?? new Set<string>();
    for (const w of [m.zh, ...m.wordings]) if (w.trim()) set.add(foldForSearch(w));
    byKey.set(m.key, set);
  }
  for (const [key, ws] of Object.entries(builtin)) {
    if (metrics.length > 0 && !byKey.has(key)) continue;
    const set = byKey.get(key) ?? new Set<string>();
    for (const w of ws) set.add(foldForSearch(w));
    byKey.set(key, set);
  }
  for (const [key, set] of byKey) {
    groups.push([...set]);
    keys.push(key);
  }
  const member = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    for (const w of g) member.set(w, [...(member.get(w) ?? []), gi]);
  });
  // Wordings sorted longest first for greedy matching inside a query chunk.
  const wordings = [...member.keys()]
    .filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length);
  return {
    groups,
    keys,
    expand(norm) {
      const out: string[] = [];
      for (const gi of member.get(norm) ?? [])
        for (const w of groups[gi]!)
          if (w !== norm && !out.includes(w) && related(norm, w)) out.push(w);
      return out;
    },
    findWording(text) {
      const n = text; // callers pass NFKC lower-case text without spaces
      let best: { index: number; wording: string } | undefined;
      for (const w of wordings) {
        const i = n.indexOf(w);
        if (i < 0) continue;
        if (!best || i < best.index || (i === best.index && w.length > best.wording.length))
          best = { index: i, wording: w };
      }
      return best;
    },
    metricsFor(norm) {
      return (member.get(norm) ?? []).map((gi) => keys[gi]!);
    },
  };
}
