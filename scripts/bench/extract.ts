/**
 * Extraction throughput on one core (this process's main thread) over the
 * seeded synthetic corpus: MB/s and plans/s, time per plan at 100, 300 and
 * 1,000 plans (it should stay flat), and time per MB for one long plan of 1, 3
 * and 10 MB (it should stay flat too: extraction is linear in plan size).
 * Then the stress inputs (src/pipeline/stress.ts): many targets in one
 * paragraph, and 1 and 5 MB lines of numbers without punctuation — linear in
 * the numbers of a paragraph, each under 5 s on a quiet machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processPlanText } from '../../src/pipeline/index.ts';
import { generateLongPlan, generateSyntheticCorpus } from '../../src/pipeline/synthetic.ts';
import { manyTargetsParagraph, numberLine } from '../../src/pipeline/stress.ts';

const SEED = 42;
const CORPUS_SIZE = 1000;
const SIZES = [100, 300, 1000];
const LONG_MB = [1, 3, 10];
/** One pass over the whole corpus first: with only 100 plans the JIT was still warming during the 100-plan figure. */
const WARM_UP_PLANS = CORPUS_SIZE;
/** Each figure is the median of this many runs. */
const RUNS = 3;

interface Plan {
  stem: string;
  text: string;
  bytes: number;
}

interface Timing {
  wall: number;
  cpu: number;
  /** Counted so the work cannot be optimised away, and shown so a broken run stands out. */
  targets: number;
  blocks: number;
}

function extractAll(plans: Plan[]): { targets: number; blocks: number } {
  let targets = 0;
  let blocks = 0;
  for (const { stem, text } of plans) {
    const result = processPlanText(text, stem);
    targets += result.extraction.targets.length;
    blocks += result.blocks.length;
  }
  return { targets, blocks };
}

/** The median of RUNS timed runs over the same plans. */
function timed(plans: Plan[]): Timing {
  const runs: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const found = extractAll(plans);
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    runs.push({ wall, cpu: (cpu.user + cpu.system) / 1e6, ...found });
  }
  return runs.sort((a, b) => a.wall - b.wall)[Math.floor(RUNS / 2)]!;
}

const mb = (bytes: number): number => bytes / 1e6;
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(2);

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i]!)).join(' ');
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-extract-'));
try {
  // Written to disk and read back, as `npm run synth` users get it; kept in generation order.
  let t0 = performance.now();
  const stems: string[] = [];
  for (const { stem, text } of generateSyntheticCorpus({ count: CORPUS_SIZE, seed: SEED })) {
    writeFileSync(path.join(dir, `${stem}.txt`), text);
    stems.push(stem);
  }
  const plans: Plan[] = stems.map((stem) => {
    const text = readFileSync(path.join(dir, `${stem}.txt`), 'utf8');
    return { stem, text, bytes: Buffer.byteLength(text) };
  });
  const corpusBytes = plans.reduce((n, p) => n + p.bytes, 0);
  console.log(
    `synthetic corpus: ${plans.length} plans, ${mb(corpusBytes).toFixed(1)} MB (seed ${SEED}), ` +
      `made in ${seconds(t0)} s`,
  );

  t0 = performance.now();
  extractAll(plans.slice(0, WARM_UP_PLANS));
  console.log(`warm-up: ${WARM_UP_PLANS} plans in ${seconds(t0)} s`);

  const w1 = [6, 6, 7, 8, 8, 6, 8, 8];
  console.log(`\nplans, one core, median of ${RUNS} runs (cpu/wall over 1: GC threads helping)`);
  console.log(row(['plans', 'MB', 's', 'ms/plan', 'plans/s', 'MB/s', 'cpu/wall', 'targets'], w1));
  for (const n of SIZES) {
    const sample = plans.slice(0, n);
    const bytes = sample.reduce((s, p) => s + p.bytes, 0);
    const { wall, cpu, targets } = timed(sample);
    console.log(
      row(
        [
          n,
          mb(bytes).toFixed(1),
          wall.toFixed(3),
          ((wall * 1000) / n).toFixed(2),
          (n / wall).toFixed(0),
          (mb(bytes) / wall).toFixed(2),
          (cpu / wall).toFixed(2),
          targets,
        ],
        w1,
      ),
    );
  }

  const w2 = [6, 7, 7, 6, 7, 8];
  console.log(`\none long plan of concatenated paragraphs, median of ${RUNS} runs`);
  console.log(row(['MB', 's', 'ms/MB', 'MB/s', 'blocks', 'targets'], w2));
  for (const size of LONG_MB) {
    const { stem, text } = generateLongPlan({ bytes: size * 1e6, seed: SEED });
    const plan = { stem, text, bytes: Buffer.byteLength(text) };
    const { wall, blocks, targets } = timed([plan]);
    console.log(
      row(
        [
          mb(plan.bytes).toFixed(1),
          wall.toFixed(3),
          ((wall * 1000) / mb(plan.bytes)).toFixed(0),
          (mb(plan.bytes) / wall).toFixed(2),
          blocks,
          targets,
        ],
        w2,
      ),
    );
  }

  const w3 = [34, 6, 7, 7, 8, 8];
  console.log(
    '\nstress: one paragraph or one line, one run each (cpu seconds exclude other processes)',
  );
  console.log(row(['input', 'MB', 's', 'cpu s', 'ms/MB', 'targets'], w3));
  const stress: { name: string; text: string }[] = [
    { name: '5,000 targets in one paragraph', text: manyTargetsParagraph(5_000) },
    { name: '20,000 targets in one paragraph', text: manyTargetsParagraph(20_000) },
    { name: '1 MB line, every 10th a target', text: numberLine(1e6).text },
    { name: '5 MB line, every 10th a target', text: numberLine(5e6).text },
    { name: '1 MB line, all targets', text: numberLine(1e6, 1).text },
    { name: '5 MB line, all targets', text: numberLine(5e6, 1).text },
  ];
  for (const { name, text } of stress) {
    const bytes = Buffer.byteLength(text);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const targets = processPlanText(text, 'stress-2024').extraction.targets.length;
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      row(
        [
          name,
          mb(bytes).toFixed(1),
          wall.toFixed(2),
          ((cpu.user + cpu.system) / 1e6).toFixed(2),
          ((wall * 1000) / mb(bytes)).toFixed(0),
          targets,
        ],
        w3,
      ),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
