/**
 * What a corpus run publishes: the pipeline's per-plan results turned into the
 * dataset's records (dataset.ts), in a stable order so that the same plans
 * always give the same bytes.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DatasetContents } from './dataset.ts';
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
  return {
    plans,
    targets,
    // The metric schema keeps what the site shows (no patterns, units, default kinds).
    metrics: run.taxonomy.metrics,
    documents: results.map((r) => r.document),
    originals,
    report: {
      errors: run.errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
      overrides: run.applied,
      review: Object.fromEntries(results.map((r) => [r.extraction.doc, r.review])),
    },
  };
}
