/**
 * Fuzzing the reader and the extractor with mangled versions of the bundled
 * plans: truncated (also inside a multi-byte character), lines shuffled, saved
 * in another or in two encodings, format characters sprinkled in, bytes
 * flipped, noise inserted, huge paragraphs. Whatever comes in, the pipeline
 * either gives a PlanInputError with a line and a one-line reason, or a result
 * whose every quote is the text at its span, with no invisible characters and
 * finite values — never a crash, never a hang (each input runs in a worker
 * with a time bound). Mangling that changes no content (format characters,
 * another whole-file encoding) must give exactly the clean plan's targets.
 *
 * Fixed seed, so a failure reproduces; fast-check shrinks it to the fewest
 * mangling steps. FUZZ_RUNS=2000 FUZZ_SCALE=10 makes a heavy run (bigger
 * paragraphs; it needs the extractor to be linear in numbers per paragraph).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../src/pipeline/schema.ts';
import type { FuzzInput, FuzzOutcome } from '../support/fuzz-worker.ts';

const SEED = 20_240_612;
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Wall-clock bound for one input, generous for a busy two-core machine; typical inputs take under 0.3 s. */
const INPUT_TIME_BOUND_MS = 5_000 * SCALE;
/** Time for a whole property: the default run takes a few seconds. */
const PROPERTY_TIMEOUT_MS = Math.max(120_000, RUNS * 500) * SCALE;

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');
const PLANS = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({
    stem: f.replace(/\.txt$/, ''),
    text: readFileSync(path.join(CORPUS, f), 'utf8'),
  }));

// ---------------------------------------------------------------- the worker

class FuzzRunner {
  private worker: Promise<Worker> | null = null;
  private next = 0;
  private failure: Error | null = null;

  /** A worker that has loaded the pipeline and the taxonomy, so start-up never counts against an input. */
  private start(): Promise<Worker> {
    this.worker ??= new Promise((resolve) => {
      const worker = new Worker(new URL('../support/fuzz-worker.ts', import.meta.url));
      worker.on('error', (error: Error) => {
        this.failure = error;
      });
      worker.once('message', () => resolve(worker));
    });
    return this.worker;
  }

  /** Runs one file; a timeout ends the worker (a new one starts for the next input). */
  async run(name: string, bytes: Uint8Array): Promise<FuzzOutcome | { outcome: 'timeout' }> {
    const worker = await this.start();
    if (this.failure) throw this.failure;
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        void worker.terminate();
        this.worker = null;
        resolve({ outcome: 'timeout' });
      }, INPUT_TIME_BOUND_MS);
      const onMessage = (message: FuzzOutcome) => {
        if (message.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(message);
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, name, bytes } satisfies FuzzInput);
    });
  }

  async stop(): Promise<void> {
    const worker = await this.worker;
    await worker?.terminate();
    this.worker = null;
  }
}

const runner = new FuzzRunner();
afterAll(() => runner.stop());

// ---------------------------------------------------------------- mangling

const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u202e',
  '\u202a',
  '\u202c',
  '\u2066',
  '\u2069',
  '\ufe0f',
];
const NOISE = [
  '1',
  '２',
  '〇',
  '十',
  '万',
  '亿元',
  '%',
  '％',
  '家',
  '。',
  '，',
  '、',
  '（',
  '）',
  '|',
  '---',
  '\n',
  '\r\n',
  '\t',
  '一、',
  '（一）',
  '<script>',
  '{{',
  '=',
  '&',
  '\\',
  '\u3000',
];

type TextStep =
  | { op: 'invisible'; at: number[]; chars: number[] }
  | { op: 'shuffle'; keys: number[] }
  | { op: 'truncate'; at: number }
  | { op: 'noise'; at: number[]; pieces: number[] }
  | { op: 'hugeParagraph'; copies: number; withNumbers: boolean }
  | { op: 'dropFrontMatter' };

type Encoding =
  'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16le-bom' | 'utf-16be' | 'mixed';

type ByteStep = { op: 'cut'; at: number } | { op: 'flip'; at: number; value: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const textStep: fc.Arbitrary<TextStep> = fc.oneof(
  fc.record({
    op: fc.constant('invisible' as const),
    at: fc.array(fraction, { minLength: 1, maxLength: 30 }),
    chars: fc.array(fc.nat(INVISIBLE.length - 1), { minLength: 1, maxLength: 30 }),
  }),
  fc.record({ op: fc.constant('shuffle' as const), keys: fc.array(fc.nat(), { maxLength: 400 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
  fc.record({
    op: fc.constant('noise' as const),
    at: fc.array(fraction, { minLength: 1, maxLength: 20 }),
    pieces: fc.array(fc.nat(NOISE.length - 1), { minLength: 1, maxLength: 20 }),
  }),
  fc.record({
    op: fc.constant('hugeParagraph' as const),
    copies: fc.integer({ min: 10, max: 150 * SCALE }),
    withNumbers: fc.boolean(),
  }),
  fc.constant({ op: 'dropFrontMatter' as const }),
);

/** Encodings that keep the whole text (no mixing): changing to one of them changes no figure. */
const WHOLE_FILE_ENCODINGS: Encoding[] = [
  'utf-8',
  'utf-8-bom',
  'gb18030',
  'utf-16le',
  'utf-16le-bom',
  'utf-16be',
];
const encoding = fc.constantFrom<Encoding>(...WHOLE_FILE_ENCODINGS, 'mixed');
const byteStep: fc.Arbitrary<ByteStep> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.nat(255) }),
);

/** Inserts `pieces` at code-point positions given as fractions of the text (never inside a surrogate pair). */
function insertAt(text: string, at: number[], pieces: string[]): string {
  const chars = Array.from(text);
  const places = at.map(
    (f, i) => [Math.floor(f * (chars.length + 1)), pieces[i % pieces.length]!] as const,
  );
  for (const [pos, piece] of places.sort((a, b) => b[0] - a[0])) chars.splice(pos, 0, piece);
  return chars.join('');
}

function applyText(text: string, step: TextStep): string {
  switch (step.op) {
    case 'invisible':
      return insertAt(
        text,
        step.at,
        step.chars.map((c) => INVISIBLE[c]!),
      );
    case 'noise':
      return insertAt(
        text,
        step.at,
        step.pieces.map((p) => NOISE[p]!),
      );
    case 'shuffle': {
      const lines = text.split('\n');
      return lines
        .map((line, i) => ({ line, key: step.keys[i] ?? i }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.line)
        .join('\n');
    }
    case 'truncate': {
      const chars = Array.from(text);
      return chars.slice(0, Math.floor(step.at * chars.length)).join('');
    }
    case 'hugeParagraph': {
      const lines = text.split('\n');
      // Numbers per paragraph are kept to a few hundred here (copies × 2); plain text runs to
      // some 30,000 characters. FUZZ_SCALE raises both.
      const paragraph = step.withNumbers
        ? '新增高新技术企业10家，研发投入增长15%，'.repeat(step.copies)
        : '坚持创新驱动发展，加强组织领导，营造良好氛围'.repeat(step.copies * 10);
      const middle = Math.floor(lines.length / 2);
      return [...lines.slice(0, middle), paragraph, ...lines.slice(middle)].join('\n');
    }
    case 'dropFrontMatter':
      return text.replace(/^---\n[\s\S]*?\n---\n/, '');
  }
}

function encode(text: string, how: Encoding): Uint8Array {
  switch (how) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-16le':
      return iconv.encode(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf-16be':
      return iconv.encode(text, 'utf16be');
    case 'mixed': {
      const lines = text.split('\n');
      const half = Math.floor(lines.length / 2);
      return Buffer.concat([
        Buffer.from(lines.slice(0, half).join('\n') + '\n', 'utf8'),
        iconv.encode(lines.slice(half).join('\n'), 'gb18030'),
      ]);
    }
  }
}

function applyBytes(bytes: Uint8Array, step: ByteStep): Uint8Array {
  if (bytes.length === 0) return bytes;
  if (step.op === 'cut') return bytes.subarray(0, step.at % bytes.length);
  const copy = Uint8Array.from(bytes);
  copy[step.at % copy.length] = step.value;
  return copy;
}

// ---------------------------------------------------------------- checks

const INVISIBLE_CHAR = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** What must hold of any outcome; returns the first violation, or null. */
function violation(outcome: FuzzOutcome | { outcome: 'timeout' }): string | null {
  switch (outcome.outcome) {
    case 'timeout':
      return `no result within ${INPUT_TIME_BOUND_MS} ms`;
    case 'crash':
      return `crashed: ${outcome.message}`;
    case 'input-error':
      if (!Number.isInteger(outcome.line) || outcome.line < 1) return `error line ${outcome.line}`;
      if (!outcome.reason.trim() || outcome.reason.includes('\n'))
        return `error reason is not one line: ${JSON.stringify(outcome.reason)}`;
      return null;
    case 'ok': {
      if (INVISIBLE_CHAR.test(outcome.text)) return 'invisible characters left in the text';
      const ids = new Set<string>();
      for (const t of outcome.targets) {
        if (ids.has(t.id)) return `target id ${t.id} twice`;
        ids.add(t.id);
        if (!Number.isFinite(t.value)) return `${t.id} value ${t.value}`;
        if (t.value_max !== null && !Number.isFinite(t.value_max))
          return `${t.id} value_max ${t.value_max}`;
        for (const s of t.spans) {
          if (outcome.text.slice(s.start, s.end) !== s.quote)
            return `${t.id}: span ${s.start}-${s.end} is not its quote «${s.quote}»`;
        }
        for (const q of t.quotes)
          if (!t.spans.some((s) => s.quote === q)) return `${t.id}: quote «${q}» has no span`;
      }
      return null;
    }
  }
}

const figures = (targets: Target[]) =>
  targets.map((t) => [t.metric, t.kind, t.value, t.value_max, t.unit, t.quotes.join(' | ')]);

// ---------------------------------------------------------------- properties

describe('fuzzing the reader and the extractor', () => {
  it(
    'a mangled plan gives a clean result or a PlanInputError: no crash, no hang',
    async () => {
      const seen = { ok: 0, 'input-error': 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.nat(PLANS.length - 1),
          fc.array(textStep, { maxLength: 4 }),
          encoding,
          fc.array(byteStep, { maxLength: 2 }),
          async (planIndex, textSteps, how, byteSteps) => {
            const plan = PLANS[planIndex]!;
            const text = textSteps.reduce(applyText, plan.text);
            const bytes = byteSteps.reduce(applyBytes, encode(text, how));
            const outcome = await runner.run(`${plan.stem}.txt`, bytes);
            const problem = violation(outcome);
            if (problem) throw new Error(problem);
            if (outcome.outcome === 'ok' || outcome.outcome === 'input-error')
              seen[outcome.outcome]++;
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: false },
      );
      // The mangling must exercise both outcomes, or the property says little.
      expect(seen.ok).toBeGreaterThan(0);
      expect(seen['input-error']).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'format characters and a whole-file change of encoding never change a figure',
    async () => {
      const clean = await Promise.all(
        PLANS.map((p) => runner.run(`${p.stem}.txt`, Buffer.from(p.text, 'utf8'))),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.nat(PLANS.length - 1),
          fc.array(fraction, { minLength: 1, maxLength: 40 }),
          fc.array(fc.nat(INVISIBLE.length - 1), { minLength: 1, maxLength: 40 }),
          fc.constantFrom(...WHOLE_FILE_ENCODINGS),
          async (planIndex, at, chars, how) => {
            const plan = PLANS[planIndex]!;
            const base = clean[planIndex]!;
            if (base.outcome !== 'ok') throw new Error(`${plan.stem} does not read cleanly`);
            const text = applyText(plan.text, { op: 'invisible', at, chars });
            const outcome = await runner.run(`${plan.stem}.txt`, encode(text, how));
            if (outcome.outcome !== 'ok')
              throw new Error(`${outcome.outcome}: ${violation(outcome)}`);
            expect(outcome.text).toBe(base.text);
            expect(figures(outcome.targets)).toEqual(figures(base.targets));
          },
        ),
        { seed: SEED, numRuns: Math.ceil(RUNS / 3) },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
