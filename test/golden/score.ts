/**
 * Our own scorer for the golden fixtures (the shared scorer stays the referee):
 * a predicted target finds a gold one when a quote overlaps in the plan text and
 * value, value_max and unit agree; it is typed when metric and kind agree too.
 */
import { getTaxonomy } from '../../src/pipeline/index.ts';

export interface GoldTarget {
  metric: string;
  kind: string;
  value: number;
  value_max: number | null;
  unit: string;
  quotes: string[];
  lead?: string[];
  metric_ok?: string[];
  kind_ok?: string[];
}

export interface Scored {
  gold: number;
  predicted: number;
  found: number;
  typed: number;
  headlineGold: number;
  headlineTyped: number;
  leadAgree: number;
  missed: GoldTarget[];
  mistyped: { gold: GoldTarget; got: GoldTarget }[];
  extra: GoldTarget[];
}

/** Headline metrics come from the taxonomy, the one list the site uses too. */
export const HEADLINE = new Set(
  getTaxonomy()
    .metrics.filter((m) => m.headline)
    .map((m) => m.key),
);

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const unitOf = (u: string) => fold(u).split('/')[0];

function spans(text: string, quotes: string[]): [number, number][] {
  // Locate on a white-space-folded copy and map back, as quotes may differ in spaces.
  const idx: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!.normalize('NFKC');
    if (/\s/.test(c)) continue;
    folded += c;
    for (let k = 0; k < c.length; k++) idx.push(i);
  }
  const out: [number, number][] = [];
  for (const q of quotes) {
    const f = fold(q);
    if (!f) continue;
    for (let at = folded.indexOf(f); at !== -1; at = folded.indexOf(f, at + 1))
      out.push([idx[at]!, idx[at + f.length - 1]! + 1]);
  }
  return out;
}

const overlaps = (a: [number, number][], b: [number, number][]) =>
  a.some(([a0, a1]) => b.some(([b0, b1]) => a0 < b1 && b0 < a1));

export function scoreDoc(text: string, gold: GoldTarget[], pred: GoldTarget[]): Scored {
  const G = gold.map((t) => ({
    t,
    s: spans(text, t.quotes),
    hit: null as GoldTarget | null,
    typed: false,
  }));
  const P = pred.map((t) => ({ t, s: spans(text, t.quotes), hit: false, dup: false }));
  const valueAgrees = (g: GoldTarget, p: GoldTarget) =>
    g.value === p.value &&
    (g.value_max ?? null) === (p.value_max ?? null) &&
    unitOf(g.unit) === unitOf(p.unit);
  const typedAgrees = (g: GoldTarget, p: GoldTarget) =>
    [g.metric, ...(g.metric_ok ?? [])].includes(p.metric) &&
    [g.kind, ...(g.kind_ok ?? [])].includes(p.kind);
  for (const pass of ['typed', 'loose'] as const) {
    for (const p of P) {
      if (p.hit) continue;
      const g = G.find(
        (g) =>
          !g.hit &&
          overlaps(g.s, p.s) &&
          valueAgrees(g.t, p.t) &&
          (pass === 'loose' || typedAgrees(g.t, p.t)),
      );
      if (g) {
        g.hit = p.t;
        p.hit = true;
        g.typed = pass === 'typed';
      }
    }
  }
  for (const p of P)
    if (!p.hit) p.dup = G.some((g) => g.hit && overlaps(g.s, p.s) && valueAgrees(g.t, p.t));
  const sortJ = (a: string[] | undefined) => JSON.stringify([...(a ?? [])].sort());
  return {
    gold: G.length,
    predicted: P.filter((p) => !p.dup).length,
    found: G.filter((g) => g.hit).length,
    typed: G.filter((g) => g.typed).length,
    headlineGold: G.filter((g) => HEADLINE.has(g.t.metric)).length,
    headlineTyped: G.filter((g) => HEADLINE.has(g.t.metric) && g.typed).length,
    leadAgree: G.filter((g) => g.hit && sortJ(g.t.lead) === sortJ(g.hit.lead)).length,
    missed: G.filter((g) => !g.hit).map((g) => g.t),
    mistyped: G.filter((g) => g.hit && !g.typed).map((g) => ({ gold: g.t, got: g.hit! })),
    extra: P.filter((p) => !p.hit && !p.dup).map((p) => p.t),
  };
}
