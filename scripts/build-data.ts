/**
 * npm run data: runs the pipeline over content/plans (or $PLANS_DIR, with the
 * taxonomy in $METRICS_FILE if set) and publishes the dataset the site reads
 * into .data/ (or $DATA_DIR); its files are described in src/pipeline/dataset.ts.
 *
 * The dataset is replaced only by a build that succeeds: a plan that cannot be
 * read or fails validation, a broken taxonomy or overrides file, a write that
 * fails or is interrupted all leave the previous dataset as it was. Every plan
 * is still read, so one run names every bad file with its line and reason.
 *
 * A plan unchanged since the last build (same bytes, sidecar and pipeline
 * version) comes from the extraction cache in .cache/extractions/ (or
 * $DATA_CACHE_DIR; DATA_CACHE=off reads every plan): src/pipeline/buildDataset.ts.
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { DEFAULT_TAXONOMY_FILE, getTaxonomy } from '../src/pipeline/index.ts';
import { DEFAULT_OVERRIDES_FILE } from '../src/pipeline/overrides.ts';
import { SUPPORTED_EXTENSIONS } from '../src/pipeline/formats/index.ts';
import { runCli } from './lib/cli.ts';
import { dataDir, readDataset, recoverDataset } from '../src/pipeline/dataset.ts';
import { buildDay } from '../src/pipeline/publish.ts';
import { buildDataset } from '../src/pipeline/buildDataset.ts';
import {
  ExtractionCache,
  extractionCacheDir,
  pipelineVersion,
} from '../src/pipeline/extractionCache.ts';

const root = resolve(import.meta.dirname, '..');
const plansDir = resolve(process.env.PLANS_DIR ?? join(root, 'content/plans'));
const outDir = dataDir();

// Interrupted: drop the unfinished staging folder; the previous dataset stays in place.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    recoverDataset(outDir);
    console.error(`data: interrupted; ${outDir} left as it was`);
    process.exit(code);
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const taxonomyFile = process.env.METRICS_FILE ?? DEFAULT_TAXONOMY_FILE;
  const taxonomy = getTaxonomy(taxonomyFile);
  const files = (await readdir(plansDir))
    .filter((f) => SUPPORTED_EXTENSIONS.includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(plansDir, f));
  // Overrides address content/plans: another PLANS_DIR gets them only with OVERRIDES_FILE.
  const overridesFile =
    process.env.OVERRIDES_FILE ?? (process.env.PLANS_DIR ? null : DEFAULT_OVERRIDES_FILE);
  const cache =
    process.env.DATA_CACHE === 'off'
      ? null
      : await ExtractionCache.open(extractionCacheDir(), pipelineVersion(taxonomyFile));
  const outcome = await buildDataset({
    files,
    taxonomy,
    outDir,
    cache,
    date: buildDay(),
    previous: previousVersion(),
    overridesFile:
      overridesFile && (overridesFile !== DEFAULT_OVERRIDES_FILE || existsSync(overridesFile))
        ? overridesFile
        : null,
  });
  for (const a of outcome.applied)
    console.log(`override ${a.action} ${a.doc}: ${a.detail}${a.reason ? ` (${a.reason})` : ''}`);
  // A plan that failed stops the build: the site must not publish with a plan missing.
  if (outcome.errors.length) {
    for (const e of outcome.errors) console.error(`error: ${e.message}`);
    console.error(
      `data: ${outcome.errors.length} of ${files.length} plan(s) failed; ${outDir} left as it was. Fix them or move them out of ${plansDir}`,
    );
    process.exit(1);
  }
  const ms = Math.round(performance.now() - started);
  const reuse = cache ? ` (${outcome.read} read, ${outcome.cached} from the cache)` : '';
  console.log(
    `data: ${outcome.plans} plans${reuse}, ${outcome.targets} targets, ${outcome.applied.length} overrides → ${outDir} in ${ms} ms (data version ${outcome.version?.version}, ${outcome.version?.date})`,
  );
}

/** The version of the dataset about to be replaced; none when there is none or it predates versions. */
function previousVersion() {
  try {
    return readDataset.version(outDir);
  } catch {
    return null;
  }
}

// Bad input is one line (file, line, reason); a stack only when DEBUG asks for one.
await runCli('data', main);
if (process.exitCode) console.error('data: the previous dataset is left as it was');
