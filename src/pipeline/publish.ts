/**
 * What a corpus run publishes: the pipeline's per-plan results turned into the
 * dataset's records (dataset.ts), in a stable order so that the same plans
 * always give the same bytes, and the data version that names them.
 */
import { createHash } from 'node:crypto';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DataVersion, DatasetContents } from './dataset.ts';
import type { PlanInputError } from './errors.ts';
import type { PlanResult } from './index.ts';
import type { AppliedOverride } from './overrides.ts';
import type { PlanRecord, TargetRecord } from './schema.ts';
import type { Taxonomy } from './taxonomy.ts';

/** A corpus run ready to publish: its results, the plans that failed, the overrides applied. */
export interface PublishInput {
  results: PlanResult[];
  errors: PlanInputError[];
  applied: AppliedOverride[];
  taxonomy: Taxonomy;
  /** The plan files the run read; each result's original is copied from the one of that name. */
  files: string[];
  /** The build's day, YYYY-MM-DD (buildDay); a version built before keeps its first date. */
  date: string;
  /** The version of the dataset this build replaces, if any. */
  previous?: DataVersion | null | undefined;
}

/** The build's day (UTC): from SOURCE_DATE_EPOCH when set (reproducible builds), else today. */
export function buildDay(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return when.toISOString().slice(0, 10);
}

/**
 * The data version of what a build publishes: 8 hex digits of a SHA-256 over
 * the plans, targets, metrics and documents as written, so the same inputs read
 * by the same pipeline give the same version, and any change to a figure, a
 * quote or a plan's metadata gives another. Its date is the day the version was
 * first built: rebuilding unchanged data keeps the date it had.
 */
export function dataVersionOf(
  published: Pick<DatasetContents, 'plans' | 'targets' | 'metrics' | 'documents'>,
  date: string,
  previous?: DataVersion | null,
): DataVersion {
  const hash = createHash('sha256');
  for (const part of [published.plans, published.targets, published.metrics])
    hash.update(JSON.stringify(part)).update('\u0000');
  for (const d of published.documents) hash.update(JSON.stringify(d)).update('\u0000');
  const version = hash.digest('hex').slice(0, 8);
  return {
    version,
    date: previous?.version === version ? previous.date : date,
    plans: published.plans.length,
    targets: published.targets.length,
  };
}

/** Top-level headings of a plan tree, for the table of contents in plans.json. */
function sectionsOf(r: PlanResult): PlanRecord['sections'] {
  return r.document.tree.children
    .filter((n): n is Heading => n.type === 'heading')
    .map((h) => ({
      id: String((h.data as { id?: string } | undefined)?.id ?? ''),
      depth: h.depth,
      text: toString(h),
    }));
}

/** The dataset's contents for a run: plans sorted by id, targets in plan order. */
export function datasetOf(run: PublishInput): DatasetContents {
  const results = [...run.results].sort((a, b) => a.extraction.doc.localeCompare(b.extraction.doc));
  const plans: PlanRecord[] = [];
  const targets: TargetRecord[] = [];
  const originals: DatasetContents['originals'] = [];
  for (const r of results) {
    const { doc, meta } = r.extraction;
    // A result always has its original here: processCorpus reads every plan from a file.
    plans.push({
      doc,
      meta,
      original: r.original!,
      target_count: r.extraction.targets.length,
      sections: sectionsOf(r),
    });
    for (const t of r.extraction.targets) {
      targets.push({
        ...t,
        doc,
        county: meta.county,
        slug: meta.slug,
        prefecture: meta.prefecture,
        province: meta.province,
        year: meta.year,
      });
    }
    const from = run.files.find((f) => f.endsWith(`/${r.original?.file}`));
    if (from && r.original) originals.push({ file: r.original.file, from });
  }
  // The metric schema keeps what the site shows (no patterns, units, default kinds).
  const metrics = run.taxonomy.metrics;
  const documents = results.map((r) => r.document);
  return {
    plans,
    targets,
    metrics,
    documents,
    version: dataVersionOf({ plans, targets, metrics, documents }, run.date, run.previous),
    originals,
    report: {
      errors: run.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
      overrides: run.applied,
      review: Object.fromEntries(results.map((r) => [r.extraction.doc, r.review])),
    },
  };
}
