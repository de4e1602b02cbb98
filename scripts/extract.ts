/**
 * npm run extract -- --out DIR FILE...   writes DIR/<stem>.json per plan (FORMAT.md shape)
 * npm run extract -- --report FILE...    the review report: low-confidence targets first, each
 *                                        with why it is low and the nearest wording of the
 *                                        taxonomy, then the numbers that became no target
 * Options: --overrides FILE (default content/overrides.yaml), --no-overrides.
 * A file that cannot be read gets a one-line error (file:line: reason); the others are
 * still written; the exit status is then 1. `<stem>.yaml` sidecars given along with their
 * plans (content/plans/*) are read with them. An override that fails withholds only the
 * plan it addresses; overrides of plans outside this run are listed as not checked.
 * JSON is written to a temporary file and renamed, so no half-written file is ever left.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from './lib/write-json.ts';
import { runCli } from './lib/cli.ts';
import { formatError, PlanInputError } from '../src/pipeline/errors.ts';
import { getTaxonomy, processCorpus, type PlanResult } from '../src/pipeline/index.ts';
import { nearestWording } from '../src/pipeline/taxonomy.ts';
import { formatCharacterNote } from '../src/pipeline/invisible.ts';
import { DEFAULT_OVERRIDES_FILE, runOverrides } from '../src/pipeline/overrides.ts';
import {
  DEFAULT_PLANS_DIR,
  listPlanFiles,
  planArguments,
  stemOf,
} from '../src/pipeline/planFiles.ts';

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let out: string | null = null;
  let report = false;
  let overrides: string | null = DEFAULT_OVERRIDES_FILE;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? null;
    else if (a === '--report') report = true;
    else if (a === '--no-overrides') overrides = null;
    else if (a === '--overrides') overrides = argv[++i] ?? null;
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run extract -- [--out DIR] [--report] [--overrides FILE | --no-overrides] FILE...',
      );
      process.exit(0);
    } else files.push(a);
  }
  return { files, out, report, overrides };
}

/**
 * Applies the overrides file to this run. Plan ids are checked against the plans given
 * and those in content/plans, so a subset run does not fail on the others' overrides
 * (it lists them as not checked). Returns the plans that must not be written because
 * an override of theirs failed.
 */
function applyOverridesFile(
  results: PlanResult[],
  file: string,
  plans: string[],
  errors: PlanInputError[],
): Set<string> {
  const inFolder = existsSync(DEFAULT_PLANS_DIR) ? listPlanFiles(DEFAULT_PLANS_DIR) : [];
  const knownPlans = new Set([...inFolder, ...plans].map(stemOf));
  const run = runOverrides(results, file, { knownPlans });
  for (const a of run.applied) console.error(`override ${a.action} ${a.doc}: ${a.detail}`);
  if (run.unchecked.length)
    console.error(
      `overrides not checked, their plans are not in this run: ${run.unchecked.map((o) => `${o.file}:${o.line} (${o.doc})`).join(', ')}`,
    );
  errors.push(...run.errors);
  if (run.errors.some((e) => e.doc === null))
    console.error(
      'extract: no override applied (see the error below); the plans are written as extracted',
    );
  return new Set(run.errors.flatMap((e) => (e.doc === null ? [] : [e.doc])));
}

/** The review report's section on invisible characters the reader removed (one line per plan). */
function printFormatCharacterNotes(results: PlanResult[]): void {
  const notes = results.flatMap((r) => {
    const note = r.formatCharacters && formatCharacterNote(r.extraction.doc, r.formatCharacters);
    return note ? [note] : [];
  });
  if (notes.length === 0) return;
  console.log('# invisible format characters removed');
  for (const note of notes) console.log(`  ${note}`);
}

async function main() {
  const { files, out, report, overrides } = parseArgs(process.argv.slice(2));
  if (files.length === 0 || (!out && !report)) {
    console.error('extract: give --out DIR and/or --report, and at least one plan file');
    process.exit(2);
  }
  const args = planArguments(files);
  const run = await processCorpus(args.plans);
  const errors = [...args.errors, ...run.errors];
  const results = run.results;
  const withheld =
    overrides && (overrides !== DEFAULT_OVERRIDES_FILE || existsSync(overrides))
      ? applyOverridesFile(results, overrides, args.plans, errors)
      : new Set<string>();
  if (out) {
    await mkdir(out, { recursive: true });
    for (const r of results) {
      const { doc, meta, targets } = r.extraction;
      if (withheld.has(doc)) {
        console.error(`${doc}: not written, because an override of it failed`);
        continue;
      }
      const path = join(out, `${doc}.json`);
      try {
        await writeJsonAtomic(path, { doc, meta, targets });
      } catch (error) {
        console.error(`extract: ${formatError(error)}`);
        process.exitCode = 1;
      }
    }
  }
  if (report) {
    printReport(results);
    printFormatCharacterNotes(results);
  }
  for (const e of errors) console.error(e.message);
  if (errors.length) process.exitCode = 1;
}

/** Low-confidence targets of every plan first (what a curator must check), then the unused numbers. */
function printReport(results: PlanResult[]): void {
  const taxonomy = getTaxonomy();
  const low = results.map((r) => r.extraction.targets.filter((t) => t.confidence === 'low'));
  const lowCount = low.reduce((n, ts) => n + ts.length, 0);
  const reviewCount = results.reduce((n, r) => n + r.review.length, 0);
  console.log(
    `review: ${results.length} plans, ${lowCount} low-confidence targets, ${reviewCount} numbers that became no target\n`,
  );
  console.log('## low-confidence targets (never ranked until a curator confirms or corrects them)');
  results.forEach((r, i) => {
    const ts = low[i]!;
    if (ts.length === 0) return;
    console.log(
      `# ${r.extraction.doc}: ${ts.length} of ${r.extraction.targets.length} targets low`,
    );
    for (const t of ts) {
      const span = t.spans[0]!;
      const near = nearestWording(taxonomy, t.label);
      const nearText = near ? `nearest wording ${near.wording} (${near.key})` : 'no wording near';
      const value = `${t.value}${t.value_max !== null ? `-${t.value_max}` : ''}${t.unit}`;
      console.log(
        `  ${r.extraction.doc}:${r.lineOf(span.start)} #${span.anchor} ${t.id}  ${t.metric}/${t.kind} ${value}  «${t.quotes[0]}»`,
      );
      console.log(
        `      label ${t.label || '—'} · ${nearText} · ${r.lowReasons.get(t.id) ?? 'low'}`,
      );
    }
  });
  console.log('\n## numbers that became no target');
  for (const r of results) {
    if (r.review.length === 0) continue;
    console.log(`# ${r.extraction.doc}: ${r.review.length} numbers to review`);
    for (const item of r.review)
      console.log(
        `  ${r.extraction.doc}:${item.line} #${item.anchor}  ${item.number}  «${item.context}»`,
      );
  }
}

await runCli('extract', main);
