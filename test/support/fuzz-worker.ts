/**
 * Runs the reader and the extractor on one mangled plan file per message, in
 * a worker thread, so the fuzz test can bound the time of each input: a hang
 * is ended by terminating the worker instead of stalling the test run.
 * A PlanInputError is an expected outcome; anything else thrown is a crash.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { PlanInputError } from '../../src/pipeline/errors.ts';
import { readPlanSource } from '../../src/pipeline/formats/index.ts';
import { getTaxonomy, processPlanText } from '../../src/pipeline/index.ts';
import type { Target } from '../../src/pipeline/schema.ts';

export interface FuzzInput {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type FuzzOutcome =
  | { id: number; outcome: 'ok'; encoding: string; text: string; targets: Target[]; ms: number }
  | { id: number; outcome: 'input-error'; line: number; reason: string; ms: number }
  | { id: number; outcome: 'crash'; message: string; ms: number };

const dir = mkdtempSync(join(tmpdir(), 'plans-fuzz-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function run({ id, name, bytes }: FuzzInput): Promise<FuzzOutcome> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const started = performance.now();
  const ms = () => performance.now() - started;
  try {
    const source = await readPlanSource(file);
    const r = processPlanText(source.text, source.stem, {
      file,
      sidecarMeta: source.sidecarMeta,
      original: source.original,
    });
    return {
      id,
      outcome: 'ok',
      encoding: source.encoding,
      text: r.document.text,
      targets: r.extraction.targets,
      ms: ms(),
    };
  } catch (error) {
    if (error instanceof PlanInputError)
      return { id, outcome: 'input-error', line: error.line, reason: error.reason, ms: ms() };
    const e = error as Error;
    return { id, outcome: 'crash', message: e.stack ?? String(e), ms: ms() };
  } finally {
    rmSync(file, { force: true });
  }
}

parentPort?.on('message', (input: FuzzInput) => {
  void run(input).then((outcome) => parentPort?.postMessage(outcome));
});

// Loading the taxonomy (and checking its patterns) is start-up, not the first input's time.
getTaxonomy();
parentPort?.postMessage({ ready: true });
