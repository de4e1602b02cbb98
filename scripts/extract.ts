/**
 * npm run extract -- --out DIR FILE...   writes DIR/<stem>.json per plan (FORMAT.md shape)
 * npm run extract -- --report FILE...    the review report: low-confidence targets first, each
 *                                        with why it is low and the nearest wording of the
 *                                        taxonomy, then the numbers that became no target
 * A file that cannot be read gets a one-line error (file:line: reason); the others are
 * still written; the exit status is then 1. JSON is written to a temporary file and
 * renamed, so no half-written file is ever left.
 */
import { mkdir } from 'node:fs/promises';
import { writeJsonAtomic } from './lib/write-json.ts';
import { join } from 'node:path';
import { getTaxonomy, processCorpus, type PlanResult } from '../src/pipeline/index.ts';
import { nearestWording } from '../src/pipeline/taxonomy.ts';
import {
  applyOverrides,
  loadOverrides,
  DEFAULT_OVERRIDES_FILE,
} from '../src/pipeline/overrides.ts';
import { existsSync } from 'node:fs';

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
  if (report) printReport(results);
  for (const e of errors) console.error(e.message);
  if (errors.length) process.exit(1);
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

await main();
