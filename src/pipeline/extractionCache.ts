/**
 * The data build's per-plan cache: what reading and extracting one plan file
 * produced, kept under `.cache/extractions/` (or $DATA_CACHE_DIR), so a rebuild
 * after adding one plan to 3,000 reads one plan.
 *
 * An entry is addressed by the plan file's SHA-256, its name (the plan id and
 * the year inferred from it) and its sidecar's bytes, inside a folder for the
 * pipeline version: a hash of every source file of the pipeline
 * (src/pipeline/**), the taxonomy file, the lock file (the PDF, Word and
 * division packages are part of the reading) and the Node version (Intl data).
 * Change any of them and every entry is missed, so the cache can never serve an
 * extraction the current extractor or taxonomy would not produce. Curator
 * overrides and slug disambiguation are applied after the cache, on every run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sidecarPath } from './formats/sidecar.ts';
import {
  originalSchema,
  planExtractionSchema,
  planRecordSchema,
  reviewItemSchema,
} from './schema.ts';

/** Bump when the entry layout changes. */
const CACHE_FORMAT = 'extraction-cache/1';
/** Versions kept side by side (another taxonomy in a test, a branch switched back and forth). */
const KEEP_VERSIONS = 4;

const PIPELINE_DIR = fileURLToPath(new URL('.', import.meta.url));
const PROJECT_DIR = resolve(PIPELINE_DIR, '../..');

/** Where entries live: $DATA_CACHE_DIR, else `.cache/extractions` in the project (git-ignored). */
export function extractionCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['DATA_CACHE_DIR'] ?? join(PROJECT_DIR, '.cache/extractions'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && extname(e.name) === '.ts')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The pipeline version an entry was made by: every input to a plan's reading
 * other than the plan itself. `taxonomyFile` is the metrics file the run uses.
 */
export function pipelineVersion(taxonomyFile: string, pipelineDir: string = PIPELINE_DIR): string {
  const h = createHash('sha256').update(CACHE_FORMAT).update(process.version);
  for (const file of sourceFiles(pipelineDir))
    h.update(`\0${relative(pipelineDir, file)}\0`).update(readFileSync(file));
  h.update('\0taxonomy\0').update(readFileSync(taxonomyFile));
  const lock = join(PROJECT_DIR, 'package-lock.json');
  h.update('\0lock\0').update(existsSync(lock) ? readFileSync(lock) : '');
  return h.digest('hex').slice(0, 32);
}

/** The entry key of one plan file: its bytes, its name and its sidecar's bytes. */
export async function planCacheKey(file: string): Promise<string> {
  const h = createHash('sha256').update(basename(file)).update('\0');
  h.update(await readFile(file));
  const stem = basename(file, extname(file));
  const sidecar = await readFile(sidecarPath(dirname(file), stem)).catch(() => null);
  h.update(sidecar ? `\0sidecar\0` : '\0none\0');
  if (sidecar) h.update(sidecar);
  return h.digest('hex');
}

/** What an entry keeps of a plan: everything the dataset needs except the document, kept beside it. */
export const cachedPlanSchema = z.strictObject({
  extraction: planExtractionSchema,
  review: z.array(reviewItemSchema),
  original: originalSchema,
  sections: planRecordSchema.shape.sections,
  /** SHA-256 of the document file beside the entry, checked whenever it is used. */
  document_sha256: z.string(),
});

export type CachedPlan = z.infer<typeof cachedPlanSchema>;

/** A hit: the entry and the document's serialized text, verified against its hash. */
export interface CacheHit {
  entry: CachedPlan;
  documentText: string;
}

/** The cache for one pipeline version. Any unreadable or mismatched entry is a miss, never an error. */
export class ExtractionCache {
  private readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Opens the version's folder and drops the folders of all but the newest few other versions. */
  static async open(root: string, version: string): Promise<ExtractionCache> {
    const dir = join(root, version);
    await mkdir(dir, { recursive: true });
    const now = new Date();
    await utimes(dir, now, now);
    const others = await Promise.all(
      (await readdir(root))
        .filter((name) => name !== version)
        .map(async (name) => ({ name, mtime: (await stat(join(root, name))).mtimeMs })),
    );
    others.sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(KEEP_VERSIONS - 1))
      await rm(join(root, old.name), { recursive: true, force: true });
    return new ExtractionCache(dir);
  }

  private paths(key: string): { entry: string; document: string } {
    const sub = join(this.dir, key.slice(0, 2));
    return { entry: join(sub, `${key}.json`), document: join(sub, `${key}.doc.json`) };
  }

  /** The entry for `key`, or null when there is none or it does not check out. */
  async get(key: string): Promise<CacheHit | null> {
    const paths = this.paths(key);
    try {
      const parsed = cachedPlanSchema.safeParse(JSON.parse(await readFile(paths.entry, 'utf8')));
      if (!parsed.success) return null;
      const bytes = await readFile(paths.document);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== parsed.data.document_sha256) return null;
      return { entry: parsed.data, documentText: bytes.toString('utf8') };
    } catch {
      return null;
    }
  }

  /** Stores an entry; each file is written whole or not at all. A failed write only costs time later. */
  async put(key: string, entry: Omit<CachedPlan, 'document_sha256'>, documentText: string) {
    const paths = this.paths(key);
    const document_sha256 = createHash('sha256').update(documentText).digest('hex');
    // Serialized now: the caller goes on to change the extraction (overrides, slugs).
    const entryText = JSON.stringify({ ...entry, document_sha256 });
    try {
      await mkdir(dirname(paths.entry), { recursive: true });
      await atomicWrite(paths.document, documentText);
      await atomicWrite(paths.entry, entryText);
    } catch {
      // a read-only or full disk: the build goes on without the cache
    }
  }
}

async function atomicWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}
