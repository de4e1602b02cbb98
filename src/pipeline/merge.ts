/**
 * Restatements: a goal stated in the goals section, again in a task paragraph
 * and again in a summary table is one target with several quotes. Mentions
 * from the same paragraph or row are never merged (two items of one sentence
 * are two targets), and labels must agree enough that 博士生2名 and 青年人才2名
 * stay apart.
 */
import type { Mention } from './mention.ts';
import { foldLabel } from './taxonomy.ts';

export interface MergedTarget {
  mentions: Mention[];
}

const FLUFF =
  /省级及以上|省级以上|市级以上|国家级|省级|市级|县级|国家|新增|净增|认定|全社会|全市|全县|规模以上|规上/g;

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Dice coefficient of the labels' character bigrams, level words removed. */
export function labelSimilarity(a: string, b: string): number {
  const x = bigrams(foldLabel(a).replace(FLUFF, ''));
  const y = bigrams(foldLabel(b).replace(FLUFF, ''));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const unitNumerator = (u: string) => u.normalize('NFKC').split('/')[0]!;

/** 个, 项 and 件 count the same things in plans (合同20个 / 合作项目20项): one class for merging. */
const CLASSIFIERS = new Set(['个', '项', '件']);
const unitClass = (u: string) => {
  const n = unitNumerator(u);
  return CLASSIFIERS.has(n) ? '个|项|件' : n;
};

function sameFigure(a: Mention, b: Mention): boolean {
  return (
    a.value === b.value && a.value_max === b.value_max && unitClass(a.unit) === unitClass(b.unit)
  );
}

function kindsAgree(a: Mention, b: Mention, similarity: number): boolean {
  if (a.kind === b.kind) return true;
  const pair = new Set([a.kind, b.kind]);
  return pair.has('level') && pair.has('increase') && similarity >= 0.5;
}

/** Groups mentions (in document order) into targets; candidates are looked up by figure, so long plans stay linear. */
export function mergeMentions(mentions: Mention[]): MergedTarget[] {
  interface Group extends MergedTarget {
    labels: Set<string>;
    units: Set<number>;
    anyTable: boolean;
  }
  const targets: Group[] = [];
  const byFigure = new Map<string, Group[]>();
  for (const m of mentions) {
    const key = `${m.metric}|${m.value}|${m.value_max}|${unitClass(m.unit)}`;
    const candidates = byFigure.get(key) ?? [];
    let best: { t: Group; score: number } | null = null;
    for (const t of candidates) {
      const first = t.mentions[0]!;
      // A park's or a sector's figure is a different target from the county's (FORMAT.md v2).
      if (!sameFigure(first, m) || t.units.has(m.unitId) || first.scope !== m.scope) continue;
      let score = 0;
      for (const l of t.labels) score = Math.max(score, labelSimilarity(l, m.label));
      if (!kindsAgree(first, m, score)) continue;
      // Different classifiers (个 / 项) merge only where a table restates the text and the
      // labels say the same.
      const sameUnit = unitNumerator(first.unit) === unitNumerator(m.unit);
      if (!sameUnit && !(m.fromTable || t.anyTable)) continue;
      const threshold = !sameUnit
        ? 0.5
        : m.metric === 'other'
          ? 0.5
          : m.fromTable || t.anyTable
            ? 0
            : 0.2;
      if (score < threshold) continue;
      if (!best || score > best.score) best = { t, score };
    }
    if (best) {
      best.t.mentions.push(m);
      best.t.labels.add(m.label);
      best.t.units.add(m.unitId);
      best.t.anyTable ||= m.fromTable;
    } else {
      const t: Group = {
        mentions: [m],
        labels: new Set([m.label]),
        units: new Set([m.unitId]),
        anyTable: m.fromTable,
      };
      targets.push(t);
      candidates.push(t);
      byFigure.set(key, candidates);
    }
  }
  return targets.map((t) => ({ mentions: t.mentions }));
}
