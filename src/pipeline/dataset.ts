/**
 * The dataset the pipeline publishes and the site reads: where it lives
 * (`.data/`, or $DATA_DIR), its files, one Zod schema per file, one writer and
 * one reader. Nothing else knows a path inside it.
 *
 *   plans.json        one record per plan (lists, joins, table of contents)
 *   targets.json      every target of every plan, with its plan's key fields
 *   metrics.json      the taxonomy as the site shows it
 *   docs/<doc>.json   one plan: metadata, text, and the reader's mdast tree
 *   originals/<file>  the plan file as given, byte for byte
 *   report.json       errors, overrides applied, numbers to review
 *   version.json      the data version: a hash of what was published, and its date
 *
 * The writer builds the whole dataset in a folder next to the output and
 * swaps it in only when every file is written, so a failed or interrupted
 * build leaves the previous dataset as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Root } from 'mdast';
import { z } from 'zod';
import {
  metricSchema,
  planMetaSchema,
  planRecordSchema,
  reviewItemSchema,
  targetRecordSchema,
} from './schema.ts';

/** The dataset folder: $DATA_DIR, else `.data` in the working directory (the project root under npm). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['DATA_DIR'] ?? '.data');
}

/** Paths of the dataset's files, relative to its folder. */
export const datasetFiles = {
  plans: 'plans.json',
  targets: 'targets.json',
  metrics: 'metrics.json',
  report: 'report.json',
  version: 'version.json',
  document: (doc: string) => `docs/${doc}.json`,
  original: (file: string) => `originals/${file}`,
} as const;

// The reader's tree, node by node, as pipeline/tree.ts builds it. Strict objects: a
// node type or field the schema does not know fails the build instead of vanishing.
const anchorData = z.strictObject({
  id: z.string(),
  /** 1-based line of the block in the plan body (table rows have none). */
  line: z.number().int().optional(),
  hProperties: z.strictObject({ id: z.string() }),
});
const textNode = z.strictObject({ type: z.literal('text'), value: z.string() });
const breakNode = z.strictObject({ type: z.literal('break') });
const emphasisNode = z.strictObject({
  type: z.literal('emphasis'),
  get children() {
    return z.array(phrasingNode);
  },
});
/** A target mention: rendered as <mark id="t-N" data-target=…> by mdast-util-to-hast. */
const targetMarkNode = z.strictObject({
  type: z.literal('targetMark'),
  data: z.strictObject({
    hName: z.literal('mark'),
    hProperties: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  }),
  get children() {
    return z.array(phrasingNode);
  },
});
const phrasingNode: z.ZodType<unknown> = z.discriminatedUnion('type', [
  textNode,
  breakNode,
  emphasisNode,
  targetMarkNode,
]);
const headingNode = z.strictObject({
  type: z.literal('heading'),
  depth: z.number().int().min(1).max(6),
  children: z.array(phrasingNode),
  data: anchorData,
});
const paragraphNode = z.strictObject({
  type: z.literal('paragraph'),
  children: z.array(phrasingNode),
  data: anchorData,
});
const tableCellNode = z.strictObject({
  type: z.literal('tableCell'),
  children: z.array(phrasingNode),
});
const tableRowNode = z.strictObject({
  type: z.literal('tableRow'),
  children: z.array(tableCellNode),
  /** Every row but the header row carries an anchor. */
  data: anchorData.optional(),
});
const tableNode = z.strictObject({
  type: z.literal('table'),
  align: z.array(z.enum(['left', 'right', 'center']).nullable()),
  children: z.array(tableRowNode),
  data: anchorData,
});

/**
 * The reader's mdast tree: headings, paragraphs and tables, each anchored
 * (`h-N`, `p-N`, `tbl-N`), target mentions as `targetMark` nodes. Typed as
 * mdast's Root once validated, for mdast-util-to-hast and friends.
 */
export const planTreeSchema = z
  .strictObject({
    type: z.literal('root'),
    children: z.array(z.discriminatedUnion('type', [headingNode, paragraphNode, tableNode])),
  })
  .transform((tree) => tree as Root);

/** `docs/<doc>.json`: one plan as the reader shows it. */
export const planDocumentSchema = z.strictObject({
  doc: z.string(),
  meta: planMetaSchema,
  /** The plan text as given (front matter removed); quotes are exact substrings of it. */
  text: z.string(),
  tree: planTreeSchema,
});

/** `plans.json`. */
export const plansFileSchema = z.array(planRecordSchema);
/** `targets.json`; a target id names one target of its plan, so no plan repeats one. */
export const targetsFileSchema = z.array(targetRecordSchema).superRefine((targets, ctx) => {
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const key = `${t.doc}#${t.id}`;
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'id'],
        message: `${t.doc} has two targets with the id ${t.id}`,
      });
    seen.add(key);
  });
});
/** `metrics.json`. */
export const metricsFileSchema = z.array(metricSchema);

/** `report.json`: what a build found that a curator should look at. */
export const reportSchema = z.strictObject({
  /** Plans that could not be read, with file, line and reason. */
  errors: z.array(z.strictObject({ file: z.string(), line: z.number().int(), reason: z.string() })),
  /** Curator overrides (content/overrides.yaml) and what each did. */
  overrides: z.array(
    z.strictObject({
      doc: z.string(),
      action: z.string(),
      quote: z.string(),
      detail: z.string(),
      reason: z.string().optional(),
    }),
  ),
  /** Per plan: numbers that became no target and were not deliberately ignored. */
  review: z.record(z.string(), z.array(reviewItemSchema)),
});

/**
 * `version.json`: which data this is, so a researcher can say what they used.
 * `version` is 8 hex digits of a SHA-256 over the published plans, targets,
 * metrics and plan documents: the same inputs read by the same pipeline give
 * the same version. `date` is the day that version was first built.
 */
export const dataVersionSchema = z.strictObject({
  version: z.string().regex(/^[0-9a-f]{8}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  plans: z.number().int().nonnegative(),
  targets: z.number().int().nonnegative(),
});

export type DataVersion = z.infer<typeof dataVersionSchema>;
export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type Report = z.infer<typeof reportSchema>;

/** Everything one build publishes. */
export interface DatasetContents {
  plans: z.input<typeof plansFileSchema>;
  targets: z.input<typeof targetsFileSchema>;
  metrics: z.input<typeof metricsFileSchema>;
  documents: PlanDocument[];
  /** Plan files to publish as given: name in `originals/` and the path to copy from. */
  originals: { file: string; from: string }[];
  report: Report;
  version: DataVersion;
}

/** A dataset file that does not match its schema: names the file and the first bad field. */
export class DatasetError extends Error {
  constructor(file: string, issue: string) {
    super(`${file}: ${issue}`);
    this.name = 'DatasetError';
  }
}

function checked<S extends z.ZodType>(schema: S, value: unknown, file: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DatasetError(file, `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
}

function readChecked<S extends z.ZodType>(schema: S, dir: string, name: string): z.output<S> {
  const file = join(dir, name);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DatasetError(file, (e as Error).message);
  }
  return checked(schema, value, file);
}

/** Reads the dataset in one folder; every file is checked against its schema as it is read. */
export const readDataset = {
  /** Whether a dataset has been written there. */
  exists: (dir: string = dataDir()): boolean => existsSync(join(dir, datasetFiles.plans)),
  plans: (dir: string = dataDir()) => readChecked(plansFileSchema, dir, datasetFiles.plans),
  targets: (dir: string = dataDir()) => readChecked(targetsFileSchema, dir, datasetFiles.targets),
  metrics: (dir: string = dataDir()) => readChecked(metricsFileSchema, dir, datasetFiles.metrics),
  report: (dir: string = dataDir()) => readChecked(reportSchema, dir, datasetFiles.report),
  version: (dir: string = dataDir()) => readChecked(dataVersionSchema, dir, datasetFiles.version),
  document: (doc: string, dir: string = dataDir()): PlanDocument =>
    readChecked(planDocumentSchema, dir, datasetFiles.document(doc)),
  /** A plan's original file, as given. */
  original: (file: string, dir: string = dataDir()): Uint8Array<ArrayBuffer> =>
    readFileSync(join(dir, datasetFiles.original(file))),
};

/** Folders the writer builds in, next to the dataset (same file system, so the swap is a rename). */
const stagingPrefix = (dir: string): string => `${basename(dir)}.partial-`;
/** Where the previous dataset waits while the new one is renamed into place. */
const retiredPath = (dir: string): string => `${dir}.previous`;

/**
 * Puts the folder back as the last finished write left it: removes staging
 * folders of writes that never finished, and brings back the previous dataset
 * if a write stopped between its two renames. Synchronous, for signal handlers.
 */
export function recoverDataset(dir: string): void {
  dir = resolve(dir);
  const parent = dirname(dir);
  if (existsSync(parent)) {
    // Called from a signal handler while writes may still be landing in the staging
    // folder: a file created between listing and removing gives ENOTEMPTY, so retry.
    for (const name of readdirSync(parent))
      if (name.startsWith(stagingPrefix(dir)))
        rmSync(join(parent, name), {
          recursive: true,
          force: true,
          maxRetries: 10,
          retryDelay: 20,
        });
  }
  const retired = retiredPath(dir);
  if (!existsSync(retired)) return;
  if (existsSync(dir)) rmSync(retired, { recursive: true, force: true });
  else renameSync(retired, dir);
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** A plan document as its file holds it: checked against its schema, compact (docs are most of the dataset). */
export function documentJson(d: PlanDocument, dir: string = dataDir()): string {
  const name = datasetFiles.document(d.doc);
  return JSON.stringify(checked(planDocumentSchema, d, join(dir, name))) + '\n';
}

/** The dataset's list files, written last, and what the data version's date depends on. */
export interface DatasetLists extends Omit<
  DatasetContents,
  'documents' | 'originals' | 'targets' | 'version'
> {
  /** targets.json in chunks (a plan's targets each), checked and written one chunk at a time. */
  targets: Iterable<z.input<typeof targetsFileSchema>>;
  /** The build's day, YYYY-MM-DD: the version's date unless `previous` had this version. */
  date: string;
  /** The version of the dataset this build replaces, if any. */
  previous?: DataVersion | null | undefined;
}

/**
 * The data version's hash, fed as a dataset is written: the plans, the targets
 * (as the JSON array they make, fed a plan's rows at a time), the metrics — each
 * as its schema reads it, so a record's key order never matters — and
 * each plan document's file text, the documents in id order whatever order they
 * were written in (a rewritten one counts as last written). The same inputs read
 * by the same pipeline give the same version; any change to a figure, a quote or
 * a plan's metadata gives another.
 */
export class DataVersionHash {
  private readonly hash = createHash('sha256');
  private readonly documents = new Map<string, string>();
  private targetRows = 0;
  private plans = 0;

  /** plans.json's records. */
  addPlans(plans: readonly unknown[]): void {
    this.plans = plans.length;
    this.hash.update(JSON.stringify(plans)).update('\u0000');
  }

  /** targets.json's records, a chunk at a time, in file order; `last` closes the list. */
  addTargets(rows: readonly unknown[]): void {
    for (const row of rows) this.hash.update((this.targetRows++ ? ',' : '[') + JSON.stringify(row));
  }

  /** Ends the target list (after the last addTargets). */
  endTargets(): void {
    this.hash.update(this.targetRows ? ']' : '[]').update('\u0000');
  }

  /** metrics.json's records. */
  addMetrics(metrics: readonly unknown[]): void {
    this.hash.update(JSON.stringify(metrics)).update('\u0000');
  }

  /** A plan document's file text (documentJson); a later call for the same plan replaces it. */
  addDocument(doc: string, text: string): void {
    this.documents.set(doc, createHash('sha256').update(text).digest('hex'));
  }

  /** The version: its date is the day it was first built (`previous`'s if it had this version). */
  version(date: string, previous?: DataVersion | null): DataVersion {
    for (const doc of [...this.documents.keys()].sort())
      this.hash.update(`${doc}\u0000${this.documents.get(doc)!}\u0000`);
    const version = this.hash.digest('hex').slice(0, 8);
    return {
      version,
      date: previous?.version === version ? previous.date : date,
      plans: this.plans,
      targets: this.targetRows,
    };
  }
}

/** The data version of contents held in memory: the writer's hash over the same checked records. */
export function dataVersionOfContents(
  published: Pick<DatasetContents, 'plans' | 'targets' | 'metrics' | 'documents'>,
  date: string,
  previous?: DataVersion | null,
): DataVersion {
  const hash = new DataVersionHash();
  hash.addPlans(plansFileSchema.parse(published.plans));
  hash.addTargets(targetsFileSchema.parse(published.targets));
  hash.endTargets();
  hash.addMetrics(metricsFileSchema.parse(published.metrics));
  for (const d of published.documents) hash.addDocument(d.doc, documentJson(d));
  return hash.version(date, previous);
}

/**
 * Writes a dataset a plan at a time, so a build never holds every document in
 * memory: documents and originals go into a staging folder beside `dir` as
 * they come, the list files at the end, and only `finish` renames the staging
 * folder into place. Until then `dir` keeps the previous dataset, byte for
 * byte; `abort` (or any failure) leaves it so.
 */
export class DatasetWriter {
  /** The dataset folder. */
  readonly dir: string;
  private readonly staging: string;
  private readonly versionHash = new DataVersionHash();

  private constructor(dir: string, staging: string) {
    this.dir = dir;
    this.staging = staging;
  }

  /** Starts a write to `dir`, first putting back what an interrupted write left. */
  static async open(dir: string): Promise<DatasetWriter> {
    dir = resolve(dir);
    try {
      recoverDataset(dir);
      await mkdir(dirname(dir), { recursive: true });
    } catch (e) {
      // Name the dataset folder the user gave, not the parent the file system tripped on.
      throw Object.assign(e as NodeJS.ErrnoException, { path: dir, syscall: 'mkdir' });
    }
    const staging = await mkdtemp(join(dirname(dir), stagingPrefix(dir)));
    await mkdir(join(staging, 'docs'));
    await mkdir(join(staging, 'originals'));
    return new DatasetWriter(dir, staging);
  }

  /** Writes one plan's document (checked against its schema); returns the text written. */
  async document(d: PlanDocument): Promise<string> {
    const text = documentJson(d, this.dir);
    await this.documentText(d.doc, text);
    return text;
  }

  /** Writes a document already serialized by documentJson (a cached one). */
  async documentText(doc: string, text: string): Promise<void> {
    this.versionHash.addDocument(doc, text);
    await writeFile(join(this.staging, datasetFiles.document(doc)), text, 'utf8');
  }

  /** A document written earlier in this build (to amend its metadata). */
  readStagedDocument(doc: string): PlanDocument {
    return readChecked(planDocumentSchema, this.staging, datasetFiles.document(doc));
  }

  /** Copies a plan file into `originals/` as given. */
  async original(file: string, from: string): Promise<void> {
    await copyFile(from, join(this.staging, datasetFiles.original(file)));
  }

  /**
   * Writes the list files, each checked against its schema, and the data
   * version over everything written; swaps the dataset in; returns the version.
   */
  async finish(lists: DatasetLists): Promise<DataVersion> {
    try {
      const put = (name: string, text: string): Promise<void> =>
        writeFile(join(this.staging, name), text, 'utf8');
      const named = (name: string): string => join(this.dir, name);
      const { plans, targets, metrics, report, version } = datasetFiles;
      const planRows = checked(plansFileSchema, lists.plans, named(plans));
      await put(plans, json(planRows));
      this.versionHash.addPlans(planRows);
      await this.writeTargets(lists.targets, named(targets));
      const metricRows = checked(metricsFileSchema, lists.metrics, named(metrics));
      await put(metrics, json(metricRows));
      this.versionHash.addMetrics(metricRows);
      await put(report, json(checked(reportSchema, lists.report, named(report))));
      const v = this.versionHash.version(lists.date, lists.previous);
      await put(version, json(checked(dataVersionSchema, v, named(version))));
      await swapIn(this.staging, this.dir);
      return v;
    } catch (e) {
      await this.abort();
      throw e;
    }
  }

  /**
   * targets.json, compact and a chunk at a time: at national scale it is the
   * largest list by far, and a checked copy of it all would double the memory.
   */
  private async writeTargets(
    chunks: Iterable<z.input<typeof targetsFileSchema>>,
    file: string,
  ): Promise<void> {
    const out = await open(join(this.staging, datasetFiles.targets), 'w');
    try {
      let n = 0;
      await out.write('[');
      for (const chunk of chunks) {
        const result = targetsFileSchema.safeParse(chunk);
        if (!result.success) {
          const issue = result.error.issues[0]!;
          const [at, ...rest] = issue.path;
          throw new DatasetError(file, `${[n + Number(at), ...rest].join('.')}: ${issue.message}`);
        }
        this.versionHash.addTargets(result.data);
        const rows = result.data.map((t) => JSON.stringify(t));
        if (rows.length) await out.write((n ? ',' : '') + rows.join(','));
        n += rows.length;
      }
      await out.write(']\n');
      this.versionHash.endTargets();
    } finally {
      await out.close();
    }
  }

  /** Drops the staging folder; the previous dataset stays. */
  async abort(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
  }
}

/**
 * Writes a whole dataset to `dir`, each file checked against its schema (a
 * DatasetWriter fed everything at once). Until every file is written `dir`
 * keeps the previous dataset, and any failure (a bad record, a full disk)
 * leaves it so.
 */
export async function writeDataset(dir: string, contents: DatasetContents): Promise<void> {
  const writer = await DatasetWriter.open(dir);
  try {
    for (const d of contents.documents) await writer.document(d);
    for (const o of contents.originals) await writer.original(o.file, o.from);
  } catch (e) {
    await writer.abort();
    throw e;
  }
  // The version is computed again from what is written; given the same contents it is contents.version.
  const { documents: _d, originals: _o, version, ...lists } = contents;
  await writer.finish({
    ...lists,
    targets: [contents.targets],
    date: version.date,
    previous: version,
  });
}

/** Renames the finished staging folder to `dir`, keeping the previous dataset until it is in. */
async function swapIn(staging: string, dir: string): Promise<void> {
  const retired = retiredPath(dir);
  const hadPrevious = existsSync(dir);
  if (hadPrevious) await rename(dir, retired);
  try {
    await rename(staging, dir);
  } catch (e) {
    if (hadPrevious) await rename(retired, dir);
    throw e;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}
