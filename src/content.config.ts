/**
 * Content collections over the pipeline's dataset (`npm run data` → `.data/`,
 * described in pipeline/dataset.ts). The schemas are the pipeline's own, so the
 * site and the pipeline cannot drift. DATA_DIR lets tests and benchmarks build
 * the site from another dataset (a fixture corpus, the synthetic 1,000-plan
 * corpus) without touching `.data/`.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { join } from 'node:path';
import { dataDir, datasetFiles } from './pipeline/dataset.ts';
import { metricSchema, planRecordSchema, targetRecordSchema } from './pipeline/schema.ts';

const at = (name: string): string => join(dataDir(), name);

type Row = Record<string, unknown>;
const rows = (text: string): Row[] => JSON.parse(text) as Row[];

const plans = defineCollection({
  loader: file(at(datasetFiles.plans), {
    parser: (text) => rows(text).map((p) => ({ ...p, id: p.doc })),
  }),
  schema: planRecordSchema,
});

// Target ids (`t-3`) are unique within a plan only, so the entry id is `<doc>/<t-id>`;
// an object keyed by that id keeps the record's own `id` field intact.
const targets = defineCollection({
  loader: file(at(datasetFiles.targets), {
    parser: (text) =>
      Object.fromEntries(rows(text).map((t) => [`${String(t.doc)}/${String(t.id)}`, t])),
  }),
  schema: targetRecordSchema,
});

const metrics = defineCollection({
  loader: file(at(datasetFiles.metrics), {
    parser: (text) => rows(text).map((m) => ({ ...m, id: m.key })),
  }),
  schema: metricSchema,
});

/** The site's three collections, one per dataset list file. */
export const collections = { plans, targets, metrics };
