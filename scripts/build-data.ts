/**
 * npm run data: runs the pipeline over content/plans (or $PLANS_DIR) and writes
 * what the site reads into .data/ (or $DATA_DIR): plans.json, targets.json,
 * metrics.json, docs/<doc>.json (text + mdast tree), originals/<file> (bytes as
 * given) and report.json (errors, overrides applied, numbers to review).
 * A plan that cannot be read or fails validation stops the build with its file,
 * line and reason; every other plan is still processed and written first.
 */
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { getTaxonomy, processCorpus } from '../src/pipeline/index.ts';
import { DEFAULT_OVERRIDES_FILE, runOverrides } from '../src/pipeline/overrides.ts';
import {
  metricSchema,
  planRecordSchema,
  targetRecordSchema,
  type PlanRecord,
  type TargetRecord,
} from '../src/pipeline/schema.ts';
import { PLAN_EXTENSIONS, stemOf } from '../src/pipeline/source.ts';
import { runCli } from './lib/cli.ts';
import { writeJsonAtomic } from './lib/write-json.ts';

const root = resolve(import.meta.dirname, '..');
const plansDir = resolve(process.env.PLANS_DIR ?? join(root, 'content/plans'));
const outDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));

async function main() {
  const started = performance.now();
  const names = (await readdir(plansDir))
    .filter((f) => PLAN_EXTENSIONS.includes(extname(f).toLowerCase()))
    .sort();
  const files = names.map((f) => join(plansDir, f));
  const { results, errors } = await processCorpus(files);
  // Overrides address content/plans: another PLANS_DIR gets them only with OVERRIDES_FILE.
  const overridesFile =
    process.env.OVERRIDES_FILE ?? (process.env.PLANS_DIR ? null : DEFAULT_OVERRIDES_FILE);
  const { applied, errors: overrideErrors } =
    overridesFile && (overridesFile !== DEFAULT_OVERRIDES_FILE || existsSync(overridesFile))
      ? runOverrides(results, overridesFile, { knownPlans: new Set(files.map(stemOf)) })
      : { applied: [], errors: [] };
  errors.push(...overrideErrors);
  results.sort((a, b) => a.extraction.doc.localeCompare(b.extraction.doc));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'docs'), { recursive: true });
  await mkdir(join(outDir, 'originals'), { recursive: true });

  const plans: PlanRecord[] = [];
  const targets: TargetRecord[] = [];
  for (const r of results) {
    const { doc, meta } = r.extraction;
    const sections = r.document.tree.children
      .filter((n): n is Heading => n.type === 'heading')
      .map((h) => ({
        id: String((h.data as { id?: string } | undefined)?.id ?? ''),
        depth: h.depth,
        text: toString(h),
      }));
    plans.push(
      planRecordSchema.parse({
        doc,
        meta,
        original: r.original,
        target_count: r.extraction.targets.length,
        sections,
      }),
    );
    for (const t of r.extraction.targets) {
      targets.push(
        targetRecordSchema.parse({
          ...t,
          doc,
          county: meta.county,
          slug: meta.slug,
          prefecture: meta.prefecture,
          province: meta.province,
          year: meta.year,
        }),
      );
    }
    await writeJsonAtomic(join(outDir, 'docs', `${doc}.json`), r.document);
    const source = files.find((f) => f.endsWith(`/${r.original?.file}`));
    if (source && r.original) await copyFile(source, join(outDir, 'originals', r.original.file));
  }
  const metrics = getTaxonomy().metrics.map((m) =>
    metricSchema.parse({ ...m, patterns: undefined }),
  );
  await writeJsonAtomic(join(outDir, 'plans.json'), plans);
  await writeJsonAtomic(join(outDir, 'targets.json'), targets);
  await writeJsonAtomic(join(outDir, 'metrics.json'), metrics);
  await writeJsonAtomic(join(outDir, 'report.json'), {
    errors: errors.map((e) => ({ file: e.file, line: e.line, reason: e.reason })),
    overrides: applied,
    review: Object.fromEntries(results.map((r) => [r.extraction.doc, r.review])),
  });
  for (const a of applied)
    console.log(`override ${a.action} ${a.doc}: ${a.detail}${a.reason ? ` (${a.reason})` : ''}`);
  const ms = Math.round(performance.now() - started);
  console.log(
    `data: ${plans.length} plans, ${targets.length} targets, ${applied.length} overrides → ${outDir} in ${ms} ms`,
  );
  // The good plans are written (and listed in report.json with the failures), but a plan
  // that failed stops the build: the site must not publish with a plan silently missing.
  if (errors.length) {
    for (const e of errors) console.error(`error: ${e.message}`);
    console.error(
      `data: ${errors.length} plan(s) failed; fix them or move them out of ${plansDir}`,
    );
    process.exit(1);
  }
}

await runCli('data', main);
