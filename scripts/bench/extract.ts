/**
 * Extraction throughput on one core (this process's main thread) over the
 * seeded synthetic corpus: MB/s and plans/s, time per plan at 100, 300 and
 * 1,000 plans (it should stay flat), and time per MB for one long plan of 1, 3
 * and 10 MB (it should stay flat too: extraction is linear in plan size).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLongPlan, generateSyntheticCorpus } from '../../src/pipeline/synthetic.ts';

type ProcessPlanText = (text: string, stem: string) => unknown;

const SEED = 42;
const CORPUS_SIZE = 1000;
const SIZES = [100, 300, 1000];
const LONG_MB = [1, 3, 10];
const WARM_UP_PLANS = 50;

const pipelineUrl = pathToFileURL(path.join(import.meta.dirname, '../../src/pipeline/index.ts'));
let processPlanText: ProcessPlanText;
try {
  ({ processPlanText } = (await import(pipelineUrl.href)) as { processPlanText: ProcessPlanText });
} catch (err) {
  console.error(`extract: cannot load processPlanText from src/pipeline/index.ts: ${String(err)}`);
  process.exit(1);
}
if (typeof processPlanText !== 'function') {
  console.error('extract: src/pipeline/index.ts does not export a function processPlanText');
  process.exit(1);
}

interface Plan {
  stem: string;
  text: string;
  bytes: number;
}

/** Number of targets found, so the work cannot be optimised away and shows in the output. */
async function extractAll(plans: Plan[]): Promise<number> {
  let targets = 0;
  for (const { stem, text } of plans) {
    const result = (await processPlanText(text, stem)) as { targets?: unknown[] } | undefined;
    targets += result?.targets?.length ?? 0;
  }
  return targets;
}

interface Timing {
  wall: number;
  cpu: number;
  targets: number;
}

async function timed(plans: Plan[]): Promise<Timing> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const targets = await extractAll(plans);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, targets };
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const mb = (bytes: number): number => bytes / 1e6;

// The corpus is written to disk and read back, as `npm run synth` users would.
const dir = mkdtempSync(path.join(tmpdir(), 'bench-extract-'));
try {
  let t0 = performance.now();
  for (const { stem, text } of generateSyntheticCorpus({ count: CORPUS_SIZE, seed: SEED })) {
    writeFileSync(path.join(dir, `${stem}.txt`), text);
  }
  // Name order would bunch plans by county pinyin; the generator's own order is random.
  const plans: Plan[] = readdirSync(dir)
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      return { stem: f.replace(/\.txt$/, ''), text, bytes: Buffer.byteLength(text) };
    });
  const corpusBytes = plans.reduce((n, p) => n + p.bytes, 0);
  console.log(
    `synthetic corpus: ${plans.length} plans, ${mb(corpusBytes).toFixed(1)} MB ` +
      `(seed ${SEED}), made in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  t0 = performance.now();
  await extractAll(plans.slice(0, WARM_UP_PLANS));
  console.log(
    `warm-up: ${WARM_UP_PLANS} plans in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );

  console.log(
    '\nthroughput, one core (cpu/wall a little over 1.00: GC threads help the main thread):',
  );
  console.log(
    `${pad('plans', 6)} ${pad('MB', 6)} ${pad('s', 7)} ${pad('ms/plan', 8)} ${pad('plans/s', 8)} ` +
      `${pad('MB/s', 6)} ${pad('cpu/wall', 8)} ${pad('targets', 8)}`,
  );
  for (const n of SIZES) {
    const sample = plans.slice(0, n);
    const bytes = sample.reduce((s, p) => s + p.bytes, 0);
    const { wall, cpu, targets } = await timed(sample);
    console.log(
      `${pad(n, 6)} ${pad(mb(bytes).toFixed(1), 6)} ${pad(wall.toFixed(3), 7)} ` +
        `${pad(((wall * 1000) / n).toFixed(2), 8)} ${pad((n / wall).toFixed(0), 8)} ` +
        `${pad((mb(bytes) / wall).toFixed(2), 6)} ${pad((cpu / wall).toFixed(2), 8)} ${pad(targets, 8)}`,
    );
  }

  console.log('\none long plan (concatenated paragraphs):');
  console.log(
    `${pad('MB', 6)} ${pad('s', 7)} ${pad('ms/MB', 8)} ${pad('MB/s', 6)} ${pad('targets', 8)}`,
  );
  for (const size of LONG_MB) {
    const long = generateLongPlan({ bytes: size * 1e6, seed: SEED });
    const plan = { stem: long.stem, text: long.text, bytes: Buffer.byteLength(long.text) };
    const { wall, targets } = await timed([plan]);
    console.log(
      `${pad(mb(plan.bytes).toFixed(1), 6)} ${pad(wall.toFixed(3), 7)} ` +
        `${pad(((wall * 1000) / mb(plan.bytes)).toFixed(0), 8)} ` +
        `${pad((mb(plan.bytes) / wall).toFixed(2), 6)} ${pad(targets, 8)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
