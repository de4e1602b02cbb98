/**
 * What a corpus run publishes: the pipeline's per-plan results turned into the
 * dataset's records (dataset.ts), in a stable order so that the same plans
 * always give the same bytes.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DatasetContents, DatasetLists } from './dataset.ts';
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
  run: Pick<PublishInput, 'errors' | 'applied' | 'taxonomy'>,
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
  const lists = datasetLists(outcomes, run);
  return {
    ...lists,
    targets: [...lists.targets].flat(),
    documents: results.map((r) => r.document),
    originals,
  };
}
