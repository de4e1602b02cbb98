/**
 * Curator overrides (content/overrides.yaml): correct, confirm, add or suppress a
 * target, addressed by plan and quote. Applied after extraction; every
 * application is returned so the build can list it. A corrected, confirmed or
 * added target is curator-checked: its confidence is high and its `override`
 * field says which, so it stays distinguishable from the extractor's own high
 * readings. An override that matches nothing is an error naming the override
 * file's line, so stale corrections do not linger.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { PlanInputError } from './errors.ts';
import { kindSchema, qualifierSchema, allocationSchema, type Target } from './schema.ts';
import type { PlanResult } from './index.ts';

export const DEFAULT_OVERRIDES_FILE = fileURLToPath(
  new URL('../../content/overrides.yaml', import.meta.url),
);

const fieldsSchema = z.object({
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

const overrideSchema = z.object({
  doc: z.string(),
  quote: z.string().min(1),
  action: z.enum(['correct', 'confirm', 'add', 'suppress']),
  set: fieldsSchema.default({}),
  reason: z.string().optional(),
});

export interface Override extends z.infer<typeof overrideSchema> {
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

/** Parses overrides YAML; a bad entry is a PlanInputError with its line. */
export function parseOverrides(text: string, file: string): Override[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) {
    const line = doc.errors[0]!.linePos?.[0]?.line ?? 1;
    throw new PlanInputError(
      file,
      line,
      `overrides are not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`,
    );
  }
  const root = doc.contents;
  if (root === null) return [];
  if (!isSeq(root)) throw new PlanInputError(file, 1, 'overrides must be a list');
  const lineOf = (node: YamlNode | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    return text.slice(0, offset).split('\n').length;
  };
  return root.items.map((item) => {
    const line = lineOf(item);
    const parsed = overrideSchema.safeParse((item as YamlNode).toJSON());
    if (!parsed.success) {
      throw new PlanInputError(
        file,
        line,
        `override: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'} ${i.message}`).join('; ')}`,
      );
    }
    return { ...parsed.data, line, file };
  });
}

/** Reads the overrides file (content/overrides.yaml by default). */
export function loadOverrides(file = DEFAULT_OVERRIDES_FILE): Override[] {
  return parseOverrides(readFileSync(file, 'utf8'), file);
}

const addedSchema = fieldsSchema.required({
  metric: true,
  label: true,
  kind: true,
  value: true,
  unit: true,
});

/** Applies overrides in place and returns what was done. */
export function applyOverrides(results: PlanResult[], overrides: Override[]): AppliedOverride[] {
  const applied: AppliedOverride[] = [];
  for (const o of overrides) {
    const r = results.find((x) => x.extraction.doc === o.doc);
    if (!r) continue; // the plan is not part of this run
    const targets = r.extraction.targets;
    const hit = targets.find((t) =>
      t.quotes.some((q) => q.includes(o.quote) || o.quote.includes(q)),
    );
    if (o.action === 'add') {
      const at = r.document.text.indexOf(o.quote);
      if (at === -1)
        throw new PlanInputError(
          o.file,
          o.line,
          `override adds a target whose quote is not in ${o.doc}`,
        );
      const f = addedSchema.safeParse(o.set);
      const place = placeAt(r, at);
      if (!f.success)
        throw new PlanInputError(
          o.file,
          o.line,
          `override add needs metric, label, kind, value and unit`,
        );
      const t: Target = {
        metric: f.data.metric,
        label: f.data.label,
        kind: f.data.kind,
        value: f.data.value,
        value_max: f.data.value_max ?? null,
        unit: f.data.unit,
        qualifier: f.data.qualifier ?? 'reach',
        deadline: f.data.deadline ?? null,
        quotes: [o.quote],
        section: place.section,
        scope: f.data.scope ?? null,
        lead: f.data.lead ?? [],
        allocations: f.data.allocations ?? [],
        confidence: 'high',
        id: `t-${targets.length + 1}`,
        spans: [{ quote: o.quote, anchor: place.anchor, start: at, end: at + o.quote.length }],
        override: 'added',
      };
      targets.push(t);
      applied.push({
        doc: o.doc,
        action: 'add',
        quote: o.quote,
        detail: `added ${t.id} ${t.metric}/${t.kind} ${t.value}${t.unit}`,
        reason: o.reason,
      });
      continue;
    }
    if (!hit)
      throw new PlanInputError(
        o.file,
        o.line,
        `override matches no target of ${o.doc} by quote «${o.quote}»`,
      );
    if (o.action === 'confirm') {
      // A curator read the target and found it right: it may be ranked.
      Object.assign(hit, { confidence: 'high', override: 'confirmed' });
      applied.push({
        doc: o.doc,
        action: 'confirm',
        quote: o.quote,
        detail: `confirmed ${hit.id} ${hit.metric}/${hit.kind} ${hit.value}${hit.unit}`,
        reason: o.reason,
      });
      continue;
    }
    if (o.action === 'suppress') {
      targets.splice(targets.indexOf(hit), 1);
      applied.push({
        doc: o.doc,
        action: 'suppress',
        quote: o.quote,
        detail: `suppressed ${hit.id} ${hit.metric} ${hit.value}${hit.unit}`,
        reason: o.reason,
      });
    } else {
      const before = `${hit.metric}/${hit.kind} ${hit.value}${hit.unit}`;
      Object.assign(
        hit,
        Object.fromEntries(Object.entries(o.set).filter(([, v]) => v !== undefined)),
        { override: 'corrected', confidence: 'high' },
      );
      applied.push({
        doc: o.doc,
        action: 'correct',
        quote: o.quote,
        detail: `${hit.id} ${before} → ${hit.metric}/${hit.kind} ${hit.value}${hit.unit}`,
        reason: o.reason,
      });
    }
  }
  return applied;
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
