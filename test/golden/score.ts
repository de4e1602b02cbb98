/**
 * Our own scorer for the golden fixtures (the shared scorer stays the referee):
 * a predicted target finds a gold one when a quote overlaps in the plan text and
 * value, value_max and unit agree; it is typed when metric and kind agree too
 * (or a reading the answer lists in metric_ok / kind_ok), and full when every
 * other field of the answer agrees as well: qualifier, deadline, section,
 * scope, lead units and allocations. High-confidence predictions are
 * counted apart: how often they are typed right, and how much of the answers
 * they cover.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTaxonomy, processPlanText, type PlanResult } from '../../src/pipeline/index.ts';

export interface GoldTarget {
  metric: string;
  kind: string;
  value: number;
  value_max: number | null;
  unit: string;
  quotes: string[];
  qualifier?: string;
  deadline?: number | null;
  scope?: string | null;
  section?: string | null;
  lead?: string[];
  allocations?: { unit: string; value: number }[];
  metric_ok?: string[];
  kind_ok?: string[];
  confidence?: string;
}

export interface Scored {
  gold: number;
  predicted: number;
  found: number;
  typed: number;
  full: number;
  headlineGold: number;
  headlineTyped: number;
  leadAgree: number;
  /** High-confidence predictions (restatements not counted) and those typed right. */
  high: number;
  highTyped: number;
  missed: GoldTarget[];
  mistyped: { gold: GoldTarget; got: GoldTarget }[];
  /** Typed matches that differ in any other field of the answer: the fields that do. */
  partial: { gold: GoldTarget; got: GoldTarget; fields: Field[] }[];
  /** High-confidence predictions that are wrong (mistyped or found nothing). */
  wrongHigh: GoldTarget[];
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

/** The fields compared beyond metric, kind and value, each folded to one comparable string. */
export const FIELDS = ['qualifier', 'deadline', 'section', 'scope', 'lead', 'allocations'] as const;
export type Field = (typeof FIELDS)[number];
/** A field as compared: lists in any order (lead units, allocations), text NFKC- and space-folded. */
export function fieldOf(t: GoldTarget, f: Field): string {
  if (f === 'lead') return JSON.stringify((t.lead ?? []).map(fold).sort());
  if (f === 'allocations')
    return JSON.stringify((t.allocations ?? []).map((a) => `${fold(a.unit)}=${a.value}`).sort());
  return fold(String(t[f] ?? ''));
}

/** Scores one plan's predictions against its answers. */
export function scoreDoc(text: string, gold: GoldTarget[], pred: GoldTarget[]): Scored {
  const G = gold.map((t) => ({
    t,
    s: spans(text, t.quotes),
    hit: null as GoldTarget | null,
    typed: false,
  }));
  const P = pred.map((t) => ({
    t,
    s: spans(text, t.quotes),
    hit: null as (typeof G)[number] | null,
    dup: false,
  }));
  const valueAgrees = (g: GoldTarget, p: GoldTarget) =>
    g.value === p.value &&
    (g.value_max ?? null) === (p.value_max ?? null) &&
    unitOf(g.unit) === unitOf(p.unit);
  const typedAgrees = (g: GoldTarget, p: GoldTarget) =>
    [g.metric, ...(g.metric_ok ?? [])].includes(p.metric) &&
    [g.kind, ...(g.kind_ok ?? [])].includes(p.kind);
  // Typed matches first, so a correct reading is never displaced by a loose one.
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
        p.hit = g;
        g.typed = pass === 'typed';
      }
    }
  }
  for (const p of P)
    if (!p.hit) p.dup = G.some((g) => g.hit && overlaps(g.s, p.s) && valueAgrees(g.t, p.t));
  const sortJ = (a: string[] | undefined) => JSON.stringify([...(a ?? [])].sort());
  const differing = (g: (typeof G)[number]) =>
    FIELDS.filter((f) => fieldOf(g.t, f) !== fieldOf(g.hit!, f));
  const real = P.filter((p) => !p.dup);
  const high = real.filter((p) => p.t.confidence === 'high');
  return {
    gold: G.length,
    predicted: real.length,
    found: G.filter((g) => g.hit).length,
    typed: G.filter((g) => g.typed).length,
    full: G.filter((g) => g.typed && differing(g).length === 0).length,
    headlineGold: G.filter((g) => HEADLINE.has(g.t.metric)).length,
    headlineTyped: G.filter((g) => HEADLINE.has(g.t.metric) && g.typed).length,
    leadAgree: G.filter((g) => g.hit && sortJ(g.t.lead) === sortJ(g.hit.lead)).length,
    high: high.length,
    highTyped: high.filter((p) => p.hit?.typed).length,
    missed: G.filter((g) => !g.hit).map((g) => g.t),
    mistyped: G.filter((g) => g.hit && !g.typed).map((g) => ({ gold: g.t, got: g.hit! })),
    partial: G.filter((g) => g.typed && differing(g).length > 0).map((g) => ({
      gold: g.t,
      got: g.hit!,
      fields: differing(g),
    })),
    wrongHigh: high.filter((p) => !p.hit?.typed).map((p) => p.t),
    extra: real.filter((p) => !p.hit).map((p) => p.t),
  };
}

export interface Gold {
  doc: string;
  meta: { county: string; prefecture: string; province: string; year: number };
  targets: GoldTarget[];
}

export interface DocRun {
  doc: string;
  text: string;
  gold: Gold;
  result: PlanResult;
  score: Scored;
}

/** Runs the pipeline on every plan of a fixture corpus (`plans` and `gold` folders) and scores it. */
export function runCorpus(plansDir: string, goldDir: string): DocRun[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort()
    .map((doc) => {
      const text = readFileSync(join(plansDir, `${doc}.txt`), 'utf8');
      const gold = JSON.parse(readFileSync(join(goldDir, `${doc}.json`), 'utf8')) as Gold;
      const result = processPlanText(text, doc);
      return {
        doc,
        text,
        gold,
        result,
        score: scoreDoc(text, gold.targets, result.extraction.targets),
      };
    });
}

export interface Figures {
  recall: number;
  precision: number;
  typedF1: number;
  fullF1: number;
  headlineRecall: number;
  leadAgreement: number;
  /** Of the high-confidence predictions, the share typed right. */
  confidentPrecision: number;
  /** Of the answers, the share a high-confidence prediction types right. */
  confidentCoverage: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** The shared scorer's figures over a corpus run. */
export function figures(runs: DocRun[]): Figures {
  const sum = (k: keyof Scored) => runs.reduce((n, r) => n + (r.score[k] as number), 0);
  const [gold, predicted, typed, full] = [sum('gold'), sum('predicted'), sum('typed'), sum('full')];
  return {
    recall: ratio(sum('found'), gold),
    precision: ratio(sum('found'), predicted),
    typedF1: f1(ratio(typed, predicted), ratio(typed, gold)),
    fullF1: f1(ratio(full, predicted), ratio(full, gold)),
    headlineRecall: ratio(sum('headlineTyped'), sum('headlineGold')),
    leadAgreement: ratio(sum('leadAgree'), sum('found')),
    confidentPrecision: ratio(sum('highTyped'), sum('high')),
    confidentCoverage: ratio(sum('highTyped'), gold),
  };
}

/** Every difference from the answers, one line each, for a failing assertion's message. */
export function differences(runs: DocRun[]): string[] {
  const q = (t: GoldTarget) => `«${t.quotes[0]}»`;
  const v = (t: GoldTarget) => `${t.metric}/${t.kind} ${t.value}${t.unit}`;
  return runs.flatMap((r) => [
    ...r.score.missed.map((t) => `${r.doc} missed ${v(t)} ${q(t)}`),
    ...r.score.mistyped.map((m) => `${r.doc} mistyped ${v(m.got)} for ${v(m.gold)} ${q(m.gold)}`),
    ...r.score.partial.map(
      (m) =>
        `${r.doc} fields ${m.fields.map((f) => `${f} ${fieldOf(m.got, f)} for ${fieldOf(m.gold, f)}`).join(', ')} ${q(m.gold)}`,
    ),
    ...r.score.wrongHigh.map((t) => `${r.doc} wrong high ${v(t)} ${q(t)}`),
    ...r.score.extra.map((t) => `${r.doc} extra ${v(t)} ${q(t)}`),
  ]);
}
