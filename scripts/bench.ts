/**
 * Runs every benchmark in scripts/bench/*.ts in name order, one process each,
 * so one benchmark's heap and JIT state never colour the next one's figures.
 * Each prints its own figures; this exits non-zero if any of them failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, 'bench');
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort();
if (benches.length === 0) {
  console.error(
    `bench: nothing to run in ${dir}${only.length ? ` matching ${only.join(', ')}` : ''}`,
  );
  process.exit(1);
}

const failed: string[] = [];
for (const file of benches) {
  console.log(`\n=== ${file} (node ${process.version})`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(dir, file)], { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`=== ${file} done in ${seconds} s`);
  } else {
    console.log(
      `=== ${file} FAILED (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`,
    );
    failed.push(file);
  }
}
if (failed.length > 0) {
  console.error(`\nbench: ${failed.length} of ${benches.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
