/**
 * Curator overrides (content/overrides.yaml): correct, confirm, add or suppress a
 * target, addressed by plan and quote. Applied after extraction and before the
 * reader's tree is final: a plan an override touched gets its ids and its tree
 * again (index.ts refreshPlan), so marks follow the corrections. Every
 * application is returned so the build can list it. A corrected, confirmed or
 * added target is curator-checked: its confidence is high and its `override`
 * field says which, so it stays distinguishable from the extractor's own high
 * readings. An override that cannot be applied as
 * written — an unknown plan or field or metric, a quote that matches no target
 * or several, a second override of the same target — is an error naming the
 * override file's line, so a correction is never dropped or misapplied in
 * silence and stale ones do not linger. Errors are returned, not thrown: the
 * caller decides what a failed override stops (the data build fails; extract
 * withholds only the plan the override addresses).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closest, distance } from 'fastest-levenshtein';
import { parseDocument, isCollection, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { PlanInputError } from './errors.ts';
import { kindSchema, qualifierSchema, allocationSchema, type Target } from './schema.ts';
import { getTaxonomy, refreshPlan, type PlanResult } from './index.ts';

export const DEFAULT_OVERRIDES_FILE = fileURLToPath(
  new URL('../../content/overrides.yaml', import.meta.url),
);

/** An override that cannot be applied; `doc` is the plan it addresses, null for a file-level problem. */
export class OverrideError extends PlanInputError {
  readonly doc: string | null;

  constructor(file: string, line: number, reason: string, doc: string | null) {
    super(file, line, reason);
    this.name = 'OverrideError';
    this.doc = doc;
  }
}

const fieldsSchema = z.strictObject({
  metric: z.string().optional(),
  label: z.string().optional(),
  kind: kindSchema.optional(),
  value: z.number().optional(),
  value_max: z.number().nullable().optional(),
  unit: z.string().optional(),
  qualifier: qualifierSchema.optional(),
  deadline: z.number().int().nullable().optional(),
  scope: z.string().nullable().optional(),
  lead: z.array(z.string()).optional(),
  allocations: z.array(allocationSchema).optional(),
});

const overrideSchema = z.strictObject({
  doc: z.string().min(1),
  quote: z.string().min(1),
  action: z.enum(['correct', 'confirm', 'add', 'suppress']),
  set: fieldsSchema.optional(),
  reason: z.string().optional(),
});

const FIELD_NAMES: Record<string, string[]> = {
  '': Object.keys(overrideSchema.shape),
  set: Object.keys(fieldsSchema.shape),
};

/** Fields an added target needs. */
const ADD_REQUIRES = ['metric', 'label', 'kind', 'value', 'unit'] as const;

type Fields = z.infer<typeof fieldsSchema>;

export interface Override {
  doc: string;
  quote: string;
  action: 'correct' | 'confirm' | 'add' | 'suppress';
  set: Fields;
  reason?: string | undefined;
  line: number;
  file: string;
}

export interface AppliedOverride {
  doc: string;
  action: Override['action'];
  quote: string;
  detail: string;
  reason?: string | undefined;
}

export interface ParsedOverrides {
  overrides: Override[];
  errors: OverrideError[];
}

export interface OverrideRun {
  applied: AppliedOverride[];
  /** Overrides of plans that exist but are not part of this run (extract on a subset). */
  unchecked: Override[];
  errors: OverrideError[];
}

/** ` (did you mean X?)` when one of `options` is a plausible misspelling of `word`, else ''. */
function didYouMean(word: string, options: readonly string[]): string {
  if (options.length === 0) return '';
  const near = closest(word, options);
  return distance(word, near) <= Math.max(2, Math.floor(near.length / 3))
    ? ` (did you mean ${near}?)`
    : '';
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

interface EntryProblem {
  problem: true;
  line: number;
  reason: string;
}

/** The override one entry describes, or why it is not a valid one (at the line of the offending field). */
function entryProblem(
  item: YamlNode | null,
  text: string,
  metrics: ReadonlySet<string>,
): EntryProblem | Omit<Override, 'line' | 'file'> {
  const entryLine = lineAt(text, item?.range?.[0] ?? 0);
  if (!isMap(item))
    return {
      problem: true,
      line: entryLine,
      reason: 'an override is a mapping of doc, quote, action (and set, reason)',
    };
  const lineOf = (path: (string | number)[]) => {
    const node = isCollection(item) ? (item.getIn(path, true) as YamlNode | undefined) : undefined;
    return node?.range ? lineAt(text, node.range[0]) : entryLine;
  };
  const parsed = overrideSchema.safeParse(item.toJSON());
  if (!parsed.success) {
    // A misspelt field explains the missing one it was meant to be: report it first.
    const issues = parsed.error.issues;
    const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
    const path = issue.path.filter((p) => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const names = FIELD_NAMES[path.join('.')] ?? [];
      return {
        problem: true,
        line: lineOf([...path, key]),
        reason: `override has an unknown field ${[...path, key].join('.')}${didYouMean(key, names)}; fields are ${names.join(', ')}`,
      };
    }
    return {
      problem: true,
      line: lineOf(path),
      reason: `override field ${path.join('.') || 'entry'}: ${issue.message}`,
    };
  }
  const o = { ...parsed.data, set: parsed.data.set ?? {} };
  const given = Object.keys(o.set);
  if (o.action === 'suppress' && given.length)
    return {
      problem: true,
      line: lineOf(['set']),
      reason:
        'a suppress override drops the target: it takes no set (remove set, or use action: correct)',
    };
  if (o.action === 'confirm' && given.length)
    return {
      problem: true,
      line: lineOf(['set']),
      reason:
        'a confirm override keeps the target as read: it takes no set (use action: correct to change it)',
    };
  if (o.action === 'correct' && !given.length)
    return {
      problem: true,
      line: entryLine,
      reason: 'a correct override needs the fields to change under set',
    };
  if (o.action === 'add') {
    const missing = ADD_REQUIRES.filter((f) => o.set[f] === undefined);
    if (missing.length)
      return {
        problem: true,
        line: entryLine,
        reason: `an add override needs ${ADD_REQUIRES.join(', ')} under set (missing: ${missing.join(', ')})`,
      };
  }
  if (o.set.metric !== undefined && !metrics.has(o.set.metric))
    return {
      problem: true,
      line: lineOf(['set', 'metric']),
      reason: `unknown metric ${o.set.metric}${didYouMean(o.set.metric, [...metrics])}; metrics are the keys of content/metrics.yaml`,
    };
  return o;
}

/** Parses an overrides file: each entry is checked on its own, so every bad one is reported with its line. */
export function parseOverrides(
  text: string,
  file: string,
  metrics: ReadonlySet<string> = new Set(getTaxonomy().byKey.keys()),
): ParsedOverrides {
  const doc = parseDocument(text, { keepSourceTokens: false, prettyErrors: true });
  const fileError = (line: number, reason: string): ParsedOverrides => ({
    overrides: [],
    errors: [new OverrideError(file, line, reason, null)],
  });
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    return fileError(
      error.linePos?.[0]?.line ?? 1,
      `overrides are not valid YAML: ${error.message.split('\n')[0]}`,
    );
  }
  const root = doc.contents;
  if (root === null) return { overrides: [], errors: [] };
  if (!isSeq(root))
    return fileError(
      lineAt(text, root.range?.[0] ?? 0),
      'overrides must be a list of entries (- doc: …)',
    );
  const overrides: Override[] = [];
  const errors: OverrideError[] = [];
  for (const item of root.items as (YamlNode | null)[]) {
    const result = entryProblem(item, text, metrics);
    if ('problem' in result) {
      const raw = (isMap(item) ? item.toJSON() : null) as { doc?: unknown } | null;
      const planDoc = typeof raw?.doc === 'string' ? raw.doc : null;
      errors.push(new OverrideError(file, result.line, result.reason, planDoc));
    } else {
      overrides.push({ ...result, line: lineAt(text, item?.range?.[0] ?? 0), file });
    }
  }
  return { overrides, errors };
}

/** Reads and parses an overrides file; an unreadable file is one error, never a throw. */
export function loadOverrides(
  file = DEFAULT_OVERRIDES_FILE,
  metrics?: ReadonlySet<string>,
): ParsedOverrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      overrides: [],
      errors: [
        new OverrideError(
          file,
          1,
          `cannot read the overrides file: ${(error as Error).message}`,
          null,
        ),
      ],
    };
  }
  return parseOverrides(text, file, metrics);
}

const short = (quote: string) => (quote.length > 40 ? `${quote.slice(0, 40)}…` : quote);

/** The one target an override's quote addresses: an exact quote first, else a quote containing it or contained in it. */
function matchTarget(o: Override, targets: Target[]): Target | string {
  const exact = targets.filter((t) => t.quotes.includes(o.quote));
  const hits = exact.length
    ? exact
    : targets.filter((t) => t.quotes.some((q) => q.includes(o.quote) || o.quote.includes(q)));
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) return `override matches no target of ${o.doc} by quote «${o.quote}»`;
  const listed = hits.map((t) => `${t.id} «${short(t.quotes[0]!)}»`).join(', ');
  return `override quote «${o.quote}» matches ${hits.length} targets of ${o.doc}: ${listed}; quote more of the one you mean`;
}

/** Every offset at which an added quote occurs in the plan text. */
function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

type Resolved =
  | { o: Override; r: PlanResult; kind: 'target'; target: Target }
  | { o: Override; r: PlanResult; kind: 'add'; at: number };

export interface ApplyOptions {
  /**
   * Ids of every plan that exists (the data build: all of content/plans). An
   * override of a plan outside this run but in this set is unchecked; one of
   * a plan in neither is an error. Without it, only the plans of the run exist.
   */
  knownPlans?: ReadonlySet<string> | undefined;
}

/** Applies overrides in place; returns what was done, what could not be checked, and the errors. */
export function applyOverrides(
  results: PlanResult[],
  overrides: Override[],
  options: ApplyOptions = {},
): OverrideRun {
  const byDoc = new Map(results.map((r) => [r.extraction.doc, r]));
  const run: OverrideRun = { applied: [], unchecked: [], errors: [] };
  const fail = (o: Override, reason: string) =>
    run.errors.push(new OverrideError(o.file, o.line, reason, o.doc));
  const resolved: Resolved[] = [];
  const claimedBy = new Map<Target | string, Resolved>();
  const conflicted = new Set<Resolved>();

  for (const o of overrides) {
    const r = byDoc.get(o.doc);
    if (!r) {
      if (options.knownPlans?.has(o.doc)) {
        run.unchecked.push(o);
        continue;
      }
      const ids = [...new Set([...(options.knownPlans ?? []), ...byDoc.keys()])];
      const meant = didYouMean(o.doc, ids);
      fail(
        o,
        `override names plan ${o.doc}, which ${options.knownPlans ? 'does not exist' : 'is not in this run'}${meant}`,
      );
      continue;
    }
    let entry: Resolved;
    if (o.action === 'add') {
      const at = occurrences(r.document.text, o.quote);
      if (at.length === 0) {
        fail(o, `override adds a target whose quote is not in ${o.doc}`);
        continue;
      }
      if (at.length > 1) {
        const where = at.map((offset) => placeAt(r, offset).anchor).join(', ');
        fail(
          o,
          `override adds a quote that occurs ${at.length} times in ${o.doc} (at ${where}); quote more of the passage you mean`,
        );
        continue;
      }
      entry = { o, r, kind: 'add', at: at[0]! };
    } else {
      const target = matchTarget(o, r.extraction.targets);
      if (typeof target === 'string') {
        fail(o, target);
        continue;
      }
      entry = { o, r, kind: 'target', target };
    }
    const key = entry.kind === 'add' ? `${o.doc}\u0000${entry.at}` : entry.target;
    const first = claimedBy.get(key);
    if (first) {
      const what =
        entry.kind === 'add' ? `the same passage of ${o.doc}` : `${o.doc} ${entry.target.id}`;
      fail(
        o,
        `a second override of ${what} (the first is at line ${first.o.line}); neither is applied: merge them into one`,
      );
      conflicted.add(first);
      continue;
    }
    claimedBy.set(key, entry);
    resolved.push(entry);
  }

  // Details name a target by its id, which is known only once the plan's ids are derived
  // again from the corrected and added readings (refreshPlan): they are written after that.
  const done: { o: Override; detail: () => string }[] = [];
  const touched = new Set<PlanResult>();
  const reading = (t: Target) => `${t.metric}/${t.kind} ${t.value}${t.unit}`;
  for (const entry of resolved) {
    if (conflicted.has(entry)) continue;
    const { o, r } = entry;
    const targets = r.extraction.targets;
    touched.add(r);
    if (entry.kind === 'add') {
      const t = addedTarget(o, r, entry.at);
      targets.push(t);
      done.push({ o, detail: () => `added ${t.id} ${reading(t)}` });
    } else if (o.action === 'confirm') {
      // A curator read the target and found it right: it may be ranked.
      const hit = entry.target;
      Object.assign(hit, { confidence: 'high', override: 'confirmed' });
      done.push({ o, detail: () => `confirmed ${hit.id} ${reading(hit)}` });
    } else if (o.action === 'suppress') {
      const hit = entry.target;
      targets.splice(targets.indexOf(hit), 1);
      const detail = `suppressed ${hit.id} ${hit.metric} ${hit.value}${hit.unit}`;
      done.push({ o, detail: () => detail });
    } else {
      const hit = entry.target;
      const before = { id: hit.id, reading: reading(hit) };
      const changes = Object.entries(o.set).filter(
        ([k, v]) => v !== undefined && JSON.stringify(hit[k as keyof Target]) !== JSON.stringify(v),
      );
      Object.assign(hit, Object.fromEntries(changes), {
        override: 'corrected',
        confidence: 'high',
      });
      done.push({
        o,
        detail: () => {
          const id = hit.id === before.id ? hit.id : `${before.id} → ${hit.id}`;
          return changes.length
            ? `${id} ${before.reading} → ${reading(hit)} (${changes.map(([k]) => k).join(', ')})`
            : `${id} ${reading(hit)}: no change, the extractor already has these values`;
        },
      });
    }
  }
  for (const r of touched) refreshPlan(r);
  run.applied = done.map(({ o, detail }) => ({
    doc: o.doc,
    action: o.action,
    quote: o.quote,
    detail: detail(),
    reason: o.reason,
  }));
  return run;
}

/**
 * Loads an overrides file and applies it: the one call the CLIs make. A
 * file-level problem (unreadable, not YAML, not a list) applies nothing.
 */
export function runOverrides(
  results: PlanResult[],
  file: string,
  options: ApplyOptions = {},
): OverrideRun {
  const parsed = loadOverrides(file);
  const run = applyOverrides(results, parsed.overrides, options);
  return { ...run, errors: [...parsed.errors, ...run.errors] };
}

/** The target an add override describes; its id is given with the plan's others (refreshPlan). */
function addedTarget(o: Override, r: PlanResult, at: number): Target {
  // parseOverrides checked these fields are there; the schema says so to the type checker too.
  const f = fieldsSchema
    .required({ metric: true, label: true, kind: true, value: true, unit: true })
    .parse(o.set);
  const place = placeAt(r, at);
  return {
    metric: f.metric,
    label: f.label,
    kind: f.kind,
    value: f.value,
    value_max: f.value_max ?? null,
    unit: f.unit,
    qualifier: f.qualifier ?? 'reach',
    deadline: f.deadline ?? null,
    quotes: [o.quote],
    section: place.section,
    scope: f.scope ?? null,
    lead: f.lead ?? [],
    allocations: f.allocations ?? [],
    confidence: 'high',
    id: '',
    spans: [{ quote: o.quote, anchor: place.anchor, start: at, end: at + o.quote.length }],
    override: 'added',
  };
}

/**
 * Section and anchor of an added quote, read from the plan's own blocks: the
 * last top-level heading (or table caption) before the offset, and the
 * paragraph or table row holding it. Other targets' positions say nothing
 * about where a quote sits (a quote after a new heading belongs to that heading).
 */
function placeAt(r: PlanResult, offset: number): { section: string; anchor: string } {
  const body = r.document.text;
  const nodes = r.document.tree.children;
  const idOf = (node: unknown): string | undefined =>
    (node as { data?: { id?: string } } | undefined)?.data?.id;
  let section = '';
  let anchor = idOf(nodes[0]) ?? 'p-1';
  r.blocks.forEach((b, i) => {
    const first = b.fragments[0];
    if (!first || first.start > offset) return;
    if (b.kind === 'caption') section = body.slice(first.start, first.end).trim();
    else if (b.kind === 'heading' && b.depth === 1) section = b.display;
    if (!b.fragments.some((f) => f.start <= offset && offset < f.end)) return;
    anchor = idOf(nodes[i]) ?? anchor;
    const rows = b.table?.rows ?? [];
    const ri = rows.findIndex((row) => row.cells.some((c) => c.start <= offset && offset < c.end));
    if (ri !== -1)
      anchor = idOf((nodes[i] as { children?: unknown[] }).children?.[ri + 1]) ?? anchor;
  });
  return { section, anchor };
}
