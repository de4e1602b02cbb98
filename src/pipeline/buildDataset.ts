/**
 * The data build: every plan file of a folder → the dataset (dataset.ts), one
 * plan at a time. Each plan's document goes to the dataset's staging folder as
 * soon as it is read, so memory holds only the lists (plans, targets), never
 * every document; a plan whose file, sidecar and pipeline version are unchanged
 * comes from the extraction cache (extractionCache.ts) instead of being read
 * again. Curator overrides (which give the plans they touch new ids and a new
 * reader tree, so those documents are written again) and slug disambiguation
 * run after, on every build; the data version is hashed over what is written.
 *
 * Nothing is published unless every plan was read: a failed build returns its
 * errors and leaves the previous dataset as it was.
 */
import { readPlanSource } from './formats/index.ts';
import { PlanInputError } from './errors.ts';
import { DatasetWriter, type DataVersion } from './dataset.ts';
import { planCacheKey, type ExtractionCache } from './extractionCache.ts';
import { processPlanText, uniqueSlugsOf, type PlanResult } from './index.ts';
import { applyOverrides, loadOverrides, type AppliedOverride } from './overrides.ts';
import { stemOf } from './planFiles.ts';
import { datasetLists, sectionsOf, type PlanOutcome } from './publish.ts';
import type { Taxonomy } from './taxonomy.ts';

/** What a data build reads and where it writes. */
export interface BuildInput {
  /** Plan files, in the order to read them. */
  files: string[];
  taxonomy: Taxonomy;
  outDir: string;
  /** content/overrides.yaml or another; null for none. */
  overridesFile: string | null;
  /** null: read every plan. */
  cache: ExtractionCache | null;
  /** The build's day, YYYY-MM-DD (publish.ts buildDay). */
  date: string;
  /** The version of the dataset this build replaces, if any (its date is kept when nothing changed). */
  previous?: DataVersion | null;
}

/** How a build went. Nothing was published unless `errors` is empty. */
export interface BuildOutcome {
  errors: PlanInputError[];
  applied: AppliedOverride[];
  plans: number;
  targets: number;
  /** Plans read and extracted in this build. */
  read: number;
  /** Plans taken from the cache. */
  cached: number;
  /** The data version published; undefined when the build failed. */
  version?: DataVersion;
}

/** Reads and extracts one plan file: the full result (overrides need its blocks and text). */
async function readPlan(file: string, taxonomy: Taxonomy): Promise<PlanResult> {
  const source = await readPlanSource(file);
  return processPlanText(source.text, source.stem, {
    file,
    taxonomy,
    sidecarMeta: source.sidecarMeta,
    original: source.original,
    formatCharacters: source.formatCharacters,
  });
}

/** Plans handled at once: their file reads and writes overlap, their extraction does not. */
const IN_FLIGHT = 8;

/** Runs `task` over the items with at most `limit` pending at a time. */
async function eachLimited<T>(
  items: T[],
  limit: number,
  task: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Builds the dataset in `outDir` from the plan files; see the module comment. */
export async function buildDataset(input: BuildInput): Promise<BuildOutcome> {
  const { files, taxonomy, cache } = input;
  const parsed = input.overridesFile
    ? loadOverrides(input.overridesFile)
    : { overrides: [], errors: [] };
  const addressed = new Set(parsed.overrides.map((o) => o.doc));
  // Slots in file order, so the outcome never depends on which read finished first.
  const outcomes: (PlanOutcome | undefined)[] = [];
  const failures: (PlanInputError | undefined)[] = [];
  // Plans an override addresses stay whole in memory until the overrides are applied.
  const whole: PlanResult[] = [];
  const seen = new Map<string, string>();
  const writer = await DatasetWriter.open(input.outDir);
  let read = 0;
  let cached = 0;

  const planOf = async (file: string): Promise<PlanOutcome> => {
    const stem = stemOf(file);
    const key = cache ? await planCacheKey(file).catch(() => null) : null;
    const hit = cache && key && !addressed.has(stem) ? await cache.get(key) : null;
    if (hit) {
      await writer.documentText(hit.entry.extraction.doc, hit.documentText);
      cached++;
      const { document_sha256: _, ...outcome } = hit.entry;
      return outcome;
    }
    const result = await readPlan(file, taxonomy);
    read++;
    const documentText = await writer.document(result.document);
    // processPlanText's results from a file always carry their original.
    const outcome: PlanOutcome = {
      extraction: result.extraction,
      review: result.review,
      original: result.original!,
      sections: sectionsOf(result.document.tree),
    };
    if (cache && key) await cache.put(key, outcome, documentText);
    if (addressed.has(stem)) whole.push(result);
    return outcome;
  };

  try {
    await eachLimited(files, IN_FLIGHT, async (file, i) => {
      try {
        const stem = stemOf(file);
        const other = seen.get(stem);
        if (other)
          throw new PlanInputError(
            file,
            1,
            `duplicate plan id "${stem}": ${other} has the same file name stem`,
          );
        seen.set(stem, file);
        const outcome = await planOf(file);
        await writer.original(outcome.original.file, file);
        outcomes[i] = outcome;
      } catch (e) {
        failures[i] =
          e instanceof PlanInputError
            ? e
            : new PlanInputError(file, 1, `unexpected failure: ${(e as Error).message}`);
      }
    });
    const done = outcomes.filter((o): o is PlanOutcome => o !== undefined);
    const errors = [...failures.filter((e): e is PlanInputError => !!e), ...parsed.errors];
    whole.sort((a, b) => a.extraction.doc.localeCompare(b.extraction.doc));
    const run = applyOverrides(whole, parsed.overrides, { knownPlans: new Set(seen.keys()) });
    errors.push(...run.errors);
    const outcome = {
      errors,
      applied: run.applied,
      plans: done.length,
      targets: done.reduce((n, o) => n + o.extraction.targets.length, 0),
      read,
      cached,
    };
    if (errors.length) {
      await writer.abort();
      return outcome;
    }
    // Overrides gave the plans they touched new ids and a new reader tree (refreshPlan): written again.
    for (const r of whole) await writer.document(r.document);
    await disambiguateSlugs(done, writer);
    const version = await writer.finish(
      datasetLists(done, {
        errors,
        applied: run.applied,
        taxonomy,
        date: input.date,
        previous: input.previous,
      }),
    );
    return { ...outcome, version };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

/**
 * Two counties whose names give one slug (岳阳县, 岳阳市) get distinct ones;
 * the few documents already written with the old slug are written again.
 */
async function disambiguateSlugs(outcomes: PlanOutcome[], writer: DatasetWriter): Promise<void> {
  const before = outcomes.map((o) => o.extraction.meta.slug);
  uniqueSlugsOf(outcomes.map((o) => o.extraction.meta));
  for (const [i, o] of outcomes.entries()) {
    if (o.extraction.meta.slug === before[i]) continue;
    const staged = writer.readStagedDocument(o.extraction.doc);
    await writer.document({ ...staged, meta: o.extraction.meta });
  }
}
