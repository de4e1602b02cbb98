/**
 * npm run extract -- --out DIR FILE...   writes DIR/<stem>.json per plan (FORMAT.md shape)
 * npm run extract -- --report FILE...    lists numbers that became no target, per plan
 * A file that cannot be read gets a one-line error (file:line: reason); the others are
 * still written; the exit status is then 1. JSON is written to a temporary file and
 * renamed, so no half-written file is ever left.
 */
import { mkdir } from 'node:fs/promises';
import { writeJsonAtomic } from './lib/write-json.ts';
import { join } from 'node:path';
import { processCorpus, type PlanResult } from '../src/pipeline/index.ts';
import {
  applyOverrides,
  loadOverrides,
  DEFAULT_OVERRIDES_FILE,
} from '../src/pipeline/overrides.ts';
import { existsSync } from 'node:fs';
import { formatCharacterNote } from '../src/pipeline/invisible.ts';

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let out: string | null = null;
  let report = false;
  let overrides = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? null;
    else if (a === '--report') report = true;
    else if (a === '--no-overrides') overrides = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run extract -- [--out DIR] [--report] [--no-overrides] FILE...');
      process.exit(0);
    } else files.push(a);
  }
  return { files, out, report, overrides };
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
  const { results, errors } = await processCorpus(files);
  if (overrides && existsSync(DEFAULT_OVERRIDES_FILE)) {
    const applied = applyOverrides(results, loadOverrides(DEFAULT_OVERRIDES_FILE));
    for (const a of applied) console.error(`override ${a.action} ${a.doc}: ${a.detail}`);
  }
  if (out) {
    await mkdir(out, { recursive: true });
    for (const r of results) {
      const { doc, meta, targets } = r.extraction;
      await writeJsonAtomic(join(out, `${doc}.json`), { doc, meta, targets });
    }
  }
  if (report) {
    for (const r of results) {
      console.log(
        `# ${r.extraction.doc}: ${r.extraction.targets.length} targets, ${r.review.length} numbers to review`,
      );
      for (const item of r.review)
        console.log(
          `  ${r.extraction.doc}:${item.line} #${item.anchor}  ${item.number}  «${item.context}»`,
        );
    }
    printFormatCharacterNotes(results);
  }
  for (const e of errors) console.error(e.message);
  if (errors.length) process.exit(1);
}

await main();
