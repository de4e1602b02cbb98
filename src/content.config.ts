/**
 * Content collections over the pipeline's output (`npm run data` → `.data/`).
 * The schemas are the pipeline's own, so the site and the pipeline cannot drift.
 * DATA_DIR lets tests and benchmarks build the site from another data directory
 * (a fixture corpus, the synthetic 1,000-plan corpus) without touching `.data/`.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { resolve } from 'node:path';
import { metricSchema, planRecordSchema, targetRecordSchema } from './pipeline/schema.ts';

const dataDir = resolve(process.env.DATA_DIR ?? '.data');

type Row = Record<string, unknown>;
const rows = (text: string): Row[] => JSON.parse(text) as Row[];

const plans = defineCollection({
  loader: file(`${dataDir}/plans.json`, {
    parser: (text) => rows(text).map((p) => ({ ...p, id: p.doc })),
  }),
  schema: planRecordSchema,
});

// Target ids (`t-3`) are unique within a plan only, so the entry id is `<doc>/<t-id>`;
// an object keyed by that id keeps the record's own `id` field intact.
const targets = defineCollection({
  loader: file(`${dataDir}/targets.json`, {
    parser: (text) =>
      Object.fromEntries(rows(text).map((t) => [`${String(t.doc)}/${String(t.id)}`, t])),
  }),
  schema: targetRecordSchema,
});

const metrics = defineCollection({
  loader: file(`${dataDir}/metrics.json`, {
    parser: (text) => rows(text).map((m) => ({ ...m, id: m.key })),
  }),
  schema: metricSchema,
});

export const collections = { plans, targets, metrics };
