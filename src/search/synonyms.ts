/**
 * Synonym expansion from the taxonomy: every metric's name and wordings form a
 * group, and a query term equal to any member expands to all the others
 * (abbreviation ↔ full form, both ways).
 */
import { normalize } from './normalize.ts';

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

export function buildSynonyms(
  metrics: MetricWordings[],
  builtin = BUILTIN_ABBREVIATIONS,
): SynonymTable {
  const groups: string[][] = [];
  const keys: string[] = [];
  const byKey = new Map<string, Set<string>>();
  for (const m of metrics) {
    const set = byKey.get(m.key) ?? new Set<string>();
    for (const w of [m.zh, ...m.wordings]) if (w.trim()) set.add(normalize(w));
    byKey.set(m.key, set);
  }
  for (const [key, ws] of Object.entries(builtin)) {
    if (metrics.length > 0 && !byKey.has(key)) continue;
    const set = byKey.get(key) ?? new Set<string>();
    for (const w of ws) set.add(normalize(w));
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
        for (const w of groups[gi]!) if (w !== norm && !out.includes(w)) out.push(w);
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
