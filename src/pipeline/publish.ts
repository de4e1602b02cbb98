/**
 * What a corpus run publishes: the pipeline's per-plan results turned into the
 * dataset's records (dataset.ts), in a stable order so that the same plans
 * always give the same bytes, and the data version that names them.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  dataVersionOfContents,
  type DataVersion,
  type DatasetContents,
  type DatasetLists,
} from './dataset.ts';
import type { PlanInputError } from './errors.ts';
import type { PlanResult } from './index.ts';
import type { AppliedOverride } from './overrides.ts';
import { regionsOf } from './regions.ts';
import type { Original, PlanExtraction, PlanRecord, ReviewItem, TargetRecord } from './schema.ts';
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
  // The writer's own hash (dataset.ts) over the records it would write: one definition.
  return dataVersionOfContents(published, date, previous);
}

/** What the dataset's lists keep of one plan: everything but its document. */
export interface PlanOutcome {
  extraction: PlanExtraction;
  review: ReviewItem[];
  original: Original;
  sections: PlanRecord['sections'];
}

/** Top-level headings of a plan tree, for the table of contents in plans.json. */
export function sectionsOf(tree: Root): PlanRecord['sections'] {
  return tree.children
    .filter((n): n is Heading => n.type === 'heading')
    .map((h) => ({
      id: String((h.data as { id?: string } | undefined)?.id ?? ''),
      depth: h.depth,
      text: toString(h),
    }));
}

/** A plan's row in plans.json, with the GB/T 2260 codes of its province and prefecture. */
export function planRecordOf(o: PlanOutcome): PlanRecord {
  const { doc, meta } = o.extraction;
  const regions = regionsOf(meta);
  return {
    doc,
    meta,
    original: o.original,
    province_code: regions.province.code,
    prefecture_code: regions.prefecture.code,
    target_count: o.extraction.targets.length,
    sections: o.sections,
  };
}

/** A plan's targets as targets.json rows, each with its plan's key fields. */
export function targetRecordsOf(o: PlanOutcome): TargetRecord[] {
  const { doc, meta } = o.extraction;
  return o.extraction.targets.map((t) => ({
    ...t,
    doc,
    county: meta.county,
    slug: meta.slug,
    prefecture: meta.prefecture,
    province: meta.province,
    year: meta.year,
  }));
}

/** The list files of a run: plans sorted by id, targets in plan order. */
export function datasetLists(
  outcomes: PlanOutcome[],
  run: Pick<PublishInput, 'errors' | 'applied' | 'taxonomy' | 'date' | 'previous'>,
): DatasetLists {
  const sorted = [...outcomes].sort((a, b) => a.extraction.doc.localeCompare(b.extraction.doc));
  return {
    plans: sorted.map(planRecordOf),
    // Built a plan at a time as the writer asks, so the records never all exist at once.
    targets: (function* () {
      for (const o of sorted) yield targetRecordsOf(o);
    })(),
    // The metric schema keeps what the site shows (no patterns, units, default kinds).
    metrics: run.taxonomy.metrics,
    report: {
      errors: run.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
      overrides: run.applied,
      review: Object.fromEntries(sorted.map((o) => [o.extraction.doc, o.review])),
    },
    date: run.date,
    previous: run.previous,
  };
}

/** The dataset's contents for a run held in memory (tests, small corpora). */
export function datasetOf(run: PublishInput): DatasetContents {
  const results = [...run.results].sort((a, b) => a.extraction.doc.localeCompare(b.extraction.doc));
  const originals: DatasetContents['originals'] = [];
  const outcomes: PlanOutcome[] = results.map((r) => {
    const from = run.files.find((f) => f.endsWith(`/${r.original?.file}`));
    if (from && r.original) originals.push({ file: r.original.file, from });
    // A result always has its original here: processCorpus reads every plan from a file.
    return {
      extraction: r.extraction,
      review: r.review,
      original: r.original!,
      sections: sectionsOf(r.document.tree),
    };
  });
  const { date: _, previous: __, ...lists } = datasetLists(outcomes, run);
  const targets = [...lists.targets].flat();
  const documents = results.map((r) => r.document);
  return {
    ...lists,
    targets,
    documents,
    originals,
    version: dataVersionOf(
      { plans: lists.plans, targets, metrics: lists.metrics, documents },
      run.date,
      run.previous,
    ),
  };
}
