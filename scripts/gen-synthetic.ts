/**
 * Writes a seeded synthetic corpus: `npm run synth -- --count 1000 --out DIR --seed 42`.
 * Same seed, same bytes. See src/pipeline/synthetic.ts for how plans are made.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSyntheticCorpus } from '../src/pipeline/synthetic.ts';

const usage =
  'usage: npm run synth -- --out DIR [--count 1000] [--seed 42] [--plans content/plans]';

function wholeNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(
      `gen-synthetic: --${name} must be a whole number, got ${JSON.stringify(value)}\n${usage}`,
    );
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    plans: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.out) {
  console.error(`gen-synthetic: --out is required\n${usage}`);
  process.exit(2);
}

const started = performance.now();
const plans = generateSyntheticCorpus({
  count: wholeNumber('count', values.count),
  seed: wholeNumber('seed', values.seed),
  plansDir: values.plans,
});
mkdirSync(values.out, { recursive: true });
let bytes = 0;
for (const { stem, text } of plans) {
  writeFileSync(path.join(values.out, `${stem}.txt`), text);
  bytes += Buffer.byteLength(text);
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `gen-synthetic: wrote ${plans.length} plans, ${(bytes / 1e6).toFixed(1)} MB, to ${values.out} in ${seconds.toFixed(1)} s`,
);
