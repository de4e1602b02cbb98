/**
 * The extraction pipeline: plan file → metadata, document tree and targets.
 * Plain TypeScript with no Astro or DOM import, so scripts, tests and the site
 * share it. One bad plan raises a PlanInputError; corpus runs collect those
 * per file and go on with the others.
 */
import { fileURLToPath } from 'node:url';
import { splitFrontMatter } from './frontmatter.ts';
import { structure, type Block } from './structure.ts';
import { extractMentions } from './extract.ts';
import { assignIds, toTargets } from './targets.ts';
import { mergeMentions } from './merge.ts';
import { buildTree, type MarkSpan } from './tree.ts';
import { countySlug, resolveMeta, shortName, toPinyin } from './meta.ts';
import { loadTaxonomy, type Taxonomy } from './taxonomy.ts';
import { PlanInputError } from './errors.ts';
import type { PlanDocument } from './dataset.ts';
import { partitionPoint } from './bisect.ts';
import type { FormatCharacterRemoval } from './invisible.ts';
import { readPlanSource, type PlanSource } from './formats/index.ts';
import {
  planExtractionSchema,
  type Original,
  type PlanExtraction,
  type PlanMeta,
  type ReviewItem,
  type Target,
} from './schema.ts';

export { PlanInputError } from './errors.ts';
export type { PlanSource } from './formats/index.ts';

/** content/metrics.yaml, the taxonomy curators edit. */
export const DEFAULT_TAXONOMY_FILE = fileURLToPath(
  new URL('../../content/metrics.yaml', import.meta.url),
);

let defaultTaxonomy: Taxonomy | null = null;
/** The taxonomy in `file`; the default one is read once per process. */
export function getTaxonomy(file = DEFAULT_TAXONOMY_FILE): Taxonomy {
  if (file !== DEFAULT_TAXONOMY_FILE) return loadTaxonomy(file);
  defaultTaxonomy ??= loadTaxonomy(file);
  return defaultTaxonomy;
}

export interface PlanResult {
  extraction: PlanExtraction;
  document: PlanDocument;
  review: ReviewItem[];
  original?: Original | undefined;
  /** Block structure, for tests and the review report. */
  blocks: Block[];
  /** Invisible format characters the reader removed from the text, when it read a file. */
  formatCharacters?: FormatCharacterRemoval | undefined;
  /** Why each low-confidence target is low (by target id), for the review report. */
  lowReasons: Map<string, string>;
  /** Line of the plan file (front matter counted) holding a body offset. */
  lineOf: (offset: number) => number;
}

export interface ProcessOptions {
  file?: string | undefined;
  taxonomy?: Taxonomy | undefined;
  sidecarMeta?: Record<string, unknown> | undefined;
  original?: Original | undefined;
  formatCharacters?: FormatCharacterRemoval | undefined;
}

function anchorsOf(blocks: Block[]): { anchors: string[]; rowAnchors: Map<number, string[]> } {
  const count = { h: 0, p: 0, tbl: 0 };
  const rowAnchors = new Map<number, string[]>();
  const anchors = blocks.map((b, i) => {
    if (b.kind === 'table') {
      const id = `tbl-${++count.tbl}`;
      rowAnchors.set(
        i,
        (b.table?.rows ?? []).map((_, r) => `${id}-r${r + 1}`),
      );
      return id;
    }
    if (b.kind === 'paragraph' || b.kind === 'label') return `p-${++count.p}`;
    return `h-${++count.h}`;
  });
  return { anchors, rowAnchors };
}

/** Line number lookup by binary search over line starts (review reports can be long). */
function lineIndex(body: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) starts.push(i + 1);
  // The line number is the count of line starts at or before the offset.
  return (offset) => partitionPoint(0, starts.length, (i) => starts[i]! <= offset);
}

/**
 * Mark spans for the reader: each target's mentions, the first one carrying the
 * target's id, later ones `<id>-m2`, `<id>-m3` (a repeated target's own suffix
 * is a bare `-2`, so the two never meet).
 */
function markSpans(targets: Target[]): MarkSpan[] {
  return targets.flatMap((t) =>
    t.spans.map((s, k) => ({
      start: s.start,
      end: s.end,
      id: k === 0 ? t.id : `${t.id}-m${k + 1}`,
      target: t,
    })),
  );
}

/**
 * After curator overrides changed a plan's targets: ids derived again from
 * what each target now says (an added target gets its own, a corrected one
 * the id of its corrected reading; every other target keeps its id), targets
 * in the order of their first mention, and the reader's tree built again, so
 * a corrected target's mark carries the correction and an added one is marked.
 */
export function refreshPlan(r: PlanResult): void {
  const { doc, targets } = r.extraction;
  const why = new Map(targets.map((t) => [t, r.lowReasons.get(t.id)]));
  assignIds(doc, targets);
  r.lowReasons = new Map(
    targets.flatMap((t) => {
      const reason = why.get(t);
      return t.confidence === 'low' && reason !== undefined ? [[t.id, reason] as const] : [];
    }),
  );
  const { anchors, rowAnchors } = anchorsOf(r.blocks);
  r.document.tree = buildTree(r.document.text, r.blocks, anchors, rowAnchors, markSpans(targets));
}

/** Runs the pipeline on one plan's text (front matter optional). */
export function processPlanText(
  text: string,
  stem: string,
  options: ProcessOptions = {},
): PlanResult {
  const file = options.file ?? `${stem}.txt`;
  const taxonomy = options.taxonomy ?? getTaxonomy();
  const front = splitFrontMatter(text, file);
  const body = front.body;
  if (body.trim() === '')
    throw new PlanInputError(file, front.lineOffset + 1, 'the plan has no text');
  const blocks = structure(body);
  const { anchors, rowAnchors } = anchorsOf(blocks);
  const { mentions, unclaimed } = extractMentions({ body, blocks, anchors, rowAnchors, taxonomy });
  const groups = mergeMentions(mentions);
  const { targets, lowReasons } = toTargets(stem, body, groups);
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const m = resolveMeta({
    front: { ...options.sidecarMeta, ...front.data },
    text: body,
    stem,
    file,
    title: titleBlock?.display ?? null,
  });
  const meta: PlanMeta = { ...m, slug: countySlug(m.county) };
  for (const key of ['source', 'publisher', 'published', 'retrieved'] as const)
    if (meta[key] === undefined) delete meta[key];
  if (meta.code === undefined) delete meta.code;
  const extraction: PlanExtraction = { doc: stem, meta, targets };
  const checked = planExtractionSchema.safeParse(extraction);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new PlanInputError(
      file,
      1,
      `extraction failed validation at ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const tree = buildTree(body, blocks, anchors, rowAnchors, markSpans(targets));
  const lineAt = lineIndex(body);
  const review: ReviewItem[] = unclaimed.map((u) => ({
    anchor: u.anchor,
    line: lineAt(u.offset) + front.lineOffset,
    number: u.number,
    context: u.context,
  }));
  return {
    extraction,
    document: { doc: stem, meta, text: body, tree },
    review,
    original: options.original,
    blocks,
    formatCharacters: options.formatCharacters,
    lowReasons,
    lineOf: (offset) => lineAt(offset) + front.lineOffset,
  };
}

/** Reads and processes one plan file. */
export async function processPlanFile(file: string, taxonomy?: Taxonomy): Promise<PlanResult> {
  const source: PlanSource = await readSource(file);
  return processPlanText(source.text, source.stem, {
    file,
    taxonomy,
    sidecarMeta: source.sidecarMeta,
    original: source.original,
    formatCharacters: source.formatCharacters,
  });
}

/** Text, Word, PDF and saved web pages, detected from the bytes (./formats). */
function readSource(file: string): Promise<PlanSource> {
  return readPlanSource(file);
}

export interface CorpusRun {
  results: PlanResult[];
  errors: PlanInputError[];
}

/** Processes many plans; a bad one is reported and the others go on. Slugs are made unique. */
export async function processCorpus(files: string[], given?: Taxonomy): Promise<CorpusRun> {
  // Loaded once, before any plan: a broken metrics.yaml is one error for the run, not one per plan.
  const taxonomy = given ?? getTaxonomy();
  const results: PlanResult[] = [];
  const errors: PlanInputError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const source = await readSource(file);
      const other = seen.get(source.stem);
      if (other)
        throw new PlanInputError(
          file,
          1,
          `duplicate plan id "${source.stem}": ${other} has the same file name stem`,
        );
      seen.set(source.stem, file);
      results.push(
        processPlanText(source.text, source.stem, {
          file,
          taxonomy,
          sidecarMeta: source.sidecarMeta,
          original: source.original,
          formatCharacters: source.formatCharacters,
        }),
      );
    } catch (e) {
      if (e instanceof PlanInputError) errors.push(e);
      else errors.push(new PlanInputError(file, 1, `unexpected failure: ${(e as Error).message}`));
    }
  }
  uniqueSlugs(results);
  return { results, errors };
}

/**
 * 岳阳县 and 岳阳市 are different places: a slug shared by two counties gets the
 * suffix's pinyin, and the code as well when that still does not tell them apart.
 */
export function uniqueSlugs(results: PlanResult[]): void {
  uniqueSlugsOf(results.map((r) => r.extraction.meta));
  for (const r of results) r.document.meta = r.extraction.meta;
}

/** uniqueSlugs over bare metadata, changed in place (the data build keeps no documents in memory). */
export function uniqueSlugsOf(all: PlanMeta[]): void {
  const byCounty = new Map<string, PlanMeta[]>();
  for (const meta of all) {
    const key = `${meta.province}/${meta.prefecture}/${meta.county}`;
    byCounty.set(key, [...(byCounty.get(key) ?? []), meta]);
  }
  const bySlug = new Map<string, string[]>();
  for (const [key, metas] of byCounty)
    bySlug.set(metas[0]!.slug, [...(bySlug.get(metas[0]!.slug) ?? []), key]);
  for (const [slug, keys] of bySlug) {
    if (keys.length < 2) continue;
    const suffixed = keys.map((key) => {
      const county = byCounty.get(key)![0]!.county;
      return `${slug}-${toPinyin(county.slice(shortName(county).length)) || 'x'}`;
    });
    // 玉树市 and 榆树市 both read yushu-shi, as do two 朝阳县: then the code tells them apart.
    const distinct = new Set(suffixed).size === keys.length;
    for (const [i, key] of keys.entries()) {
      const metas = byCounty.get(key)!;
      const next = distinct ? suffixed[i]! : `${suffixed[i]!}-${metas[0]!.code ?? i}`;
      for (const m of metas) m.slug = next;
    }
  }
}
