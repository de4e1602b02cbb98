/**
 * Curator overrides (content/overrides.yaml): correct, add or suppress a target,
 * addressed by plan and quote. Applied after extraction; every application is
 * returned so the build can list it. An override that matches nothing is an
 * error naming the override file's line, so stale corrections do not linger.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { PlanInputError } from './errors.ts';
import { kindSchema, qualifierSchema, allocationSchema, type Target } from './schema.ts';
import type { PlanResult } from './index.ts';

export const DEFAULT_OVERRIDES_FILE = fileURLToPath(new URL('../../content/overrides.yaml', import.meta.url));

const fieldsSchema = z.object({
  metric: z.string().optional(),
  label: z.string().optional(),
  kind: kindSchema.optional(),
  value: z.number().optional(),
  value_max: z.number().nullable().optional(),
  unit: z.string().optional(),
  qualifier: qualifierSchema.optional(),
  deadline: z.number().int().nullable().optional(),
  lead: z.array(z.string()).optional(),
  allocations: z.array(allocationSchema).optional(),
});

const overrideSchema = z.object({
  doc: z.string(),
  quote: z.string().min(1),
  action: z.enum(['correct', 'add', 'suppress']),
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
  reason?: string;
}

export function parseOverrides(text: string, file: string): Override[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) {
    const line = doc.errors[0]!.linePos?.[0]?.line ?? 1;
    throw new PlanInputError(file, line, `overrides are not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (root === null) return [];
  if (!isSeq(root)) throw new PlanInputError(file, 1, 'overrides must be a list');
  const lineOf = (node: YamlNode | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    return text.slice(0, offset).split('\n').length;
  };
  return root.items.map((item) => {
    const line = lineOf(item as YamlNode);
    const parsed = overrideSchema.safeParse((item as YamlNode).toJSON());
    if (!parsed.success) {
      throw new PlanInputError(file, line, `override: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'} ${i.message}`).join('; ')}`);
    }
    return { ...parsed.data, line, file };
  });
}

export function loadOverrides(file = DEFAULT_OVERRIDES_FILE): Override[] {
  return parseOverrides(readFileSync(file, 'utf8'), file);
}

const addedSchema = fieldsSchema.required({ metric: true, label: true, kind: true, value: true, unit: true });

/** Applies overrides in place and returns what was done. */
export function applyOverrides(results: PlanResult[], overrides: Override[]): AppliedOverride[] {
  const applied: AppliedOverride[] = [];
  for (const o of overrides) {
    const r = results.find((x) => x.extraction.doc === o.doc);
    if (!r) continue; // the plan is not part of this run
    const targets = r.extraction.targets;
    const hit = targets.find((t) => t.quotes.some((q) => q.includes(o.quote) || o.quote.includes(q)));
    if (o.action === 'add') {
      const at = r.document.text.indexOf(o.quote);
      if (at === -1) throw new PlanInputError(o.file, o.line, `override adds a target whose quote is not in ${o.doc}`);
      const f = addedSchema.safeParse(o.set);
      if (!f.success) throw new PlanInputError(o.file, o.line, `override add needs metric, label, kind, value and unit`);
      const t: Target = {
        metric: f.data.metric, label: f.data.label, kind: f.data.kind, value: f.data.value,
        value_max: f.data.value_max ?? null, unit: f.data.unit, qualifier: f.data.qualifier ?? 'reach',
        deadline: f.data.deadline ?? null, quotes: [o.quote], section: sectionAt(r, at), lead: f.data.lead ?? [],
        allocations: f.data.allocations ?? [], id: `t-${targets.length + 1}`,
        spans: [{ quote: o.quote, anchor: anchorAt(r, at), start: at, end: at + o.quote.length }], override: 'added',
      };
      targets.push(t);
      applied.push({ doc: o.doc, action: 'add', quote: o.quote, detail: `added ${t.id} ${t.metric}/${t.kind} ${t.value}${t.unit}`, reason: o.reason });
      continue;
    }
    if (!hit) throw new PlanInputError(o.file, o.line, `override matches no target of ${o.doc} by quote «${o.quote}»`);
    if (o.action === 'suppress') {
      targets.splice(targets.indexOf(hit), 1);
      applied.push({ doc: o.doc, action: 'suppress', quote: o.quote, detail: `suppressed ${hit.id} ${hit.metric} ${hit.value}${hit.unit}`, reason: o.reason });
    } else {
      const before = `${hit.metric}/${hit.kind} ${hit.value}${hit.unit}`;
      Object.assign(hit, Object.fromEntries(Object.entries(o.set).filter(([, v]) => v !== undefined)), { override: 'corrected' });
      applied.push({ doc: o.doc, action: 'correct', quote: o.quote, detail: `${hit.id} ${before} → ${hit.metric}/${hit.kind} ${hit.value}${hit.unit}`, reason: o.reason });
    }
  }
  return applied;
}

function sectionAt(r: PlanResult, offset: number): string {
  let section = '';
  for (const t of r.extraction.targets) if (t.spans.some((s) => s.start <= offset)) section = t.section;
  return section;
}

function anchorAt(r: PlanResult, offset: number): string {
  let anchor = 'p-1';
  for (const t of r.extraction.targets) for (const s of t.spans) if (s.start <= offset) anchor = s.anchor;
  return anchor;
}
