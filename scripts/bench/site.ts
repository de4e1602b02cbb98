/**
 * Site benchmark: build time and output size for the bundled plans and for a
 * 1,000-plan corpus, reproducibility (two builds, same bytes), and JavaScript
 * shipped per page type (raw and gzipped).
 * Aims: widget-free pages ship no JS beyond the search box; no page > 150 KB
 * gzipped JS; 1,000-plan build < 5 min on 2 cores.
 *
 * Data: `.data/` (runs `npm run data` when it is missing and the pipeline
 * exists). For 1,000 plans it uses `npm run synth` + the pipeline when the
 * pipeline can write to another directory (PLANS_DIR + DATA_DIR); otherwise it
 * clones the bundled plans' data to 1,000 plans, which exercises the site build
 * with the same per-plan volume (said so in the output).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import {
  astroBuild,
  buildDir,
  diffTrees,
  hashTree,
  listFiles,
  ROOT,
} from '../../test/e2e/harness.ts';

const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const failures: string[] = [];
const tmp = buildDir('bench');

function dirSize(dir: string): { files: number; bytes: number } {
  const files = listFiles(dir);
  return {
    files: files.length,
    bytes: files.reduce((s, f) => s + readFileSync(join(dir, f)).length, 0),
  };
}

function bundledData(): string {
  const data = resolve(ROOT, '.data');
  const r = spawnSync('npm', ['run', 'data'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run data failed');
  return data;
}

/** 1,000-plan data: the real pipeline over the seeded synthetic corpus. */
function thousandData(count = 1000): string {
  const out = join(tmp, 'data-1000');
  const plans = join(tmp, 'synth-plans');
  const g = spawnSync('npm', ['run', 'synth', '--', '--count', String(count), '--out', plans], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (g.status !== 0) throw new Error('npm run synth failed');
  const d = spawnSync('npm', ['run', 'data'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PLANS_DIR: plans, DATA_DIR: out },
  });
  if (d.status !== 0) throw new Error('npm run data on the synthetic corpus failed');
  return out;
}

/** JS a page loads: external module scripts and their static imports, plus inline scripts. */
function pageJs(site: string, htmlFile: string): { raw: number; gz: number; files: string[] } {
  const html = readFileSync(join(site, htmlFile), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const src = queue.shift()!;
    if (seen.has(src) || !src.startsWith('/')) continue;
    seen.add(src);
    const code = readFileSync(join(site, src), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
      queue.push(new URL(m[1]!, `http://x${src}`).pathname);
  }
  const inline = [
    ...html.matchAll(
      /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g,
    ),
  ]
    .map((m) => m[1]!)
    .join('\n');
  const all = [...seen].map((s) => readFileSync(join(site, s), 'utf8')).join('\n') + inline;
  const buf = Buffer.from(all);
  return { raw: buf.length, gz: all.length ? gzipSync(buf).length : 0, files: [...seen] };
}

try {
  console.log('site build, bundled plans');
  const data = bundledData();
  const nPlans = (JSON.parse(readFileSync(join(data, 'plans.json'), 'utf8')) as unknown[]).length;
  const a = join(tmp, 'site-a');
  const ms = astroBuild(a, data);
  const size = dirSize(a);
  console.log(
    `  plans: ${nPlans}\n  build time: ${(ms / 1000).toFixed(1)} s\n  output: ${size.files} files, ${MB(size.bytes)}`,
  );

  const b = join(tmp, 'site-b');
  astroBuild(b, data);
  const diff = diffTrees(hashTree(a), hashTree(b));
  console.log(
    `  reproducible: ${diff.length === 0 ? 'yes, two builds byte-identical' : `NO, ${diff.length} files differ: ${diff.slice(0, 5).join(', ')}`}`,
  );
  if (diff.length) failures.push('build not reproducible');

  console.log('\nJavaScript per page type (own scripts + imports + inline; gzipped)');
  const { plans } = JSON.parse(readFileSync(join(a, 'data/plans.json'), 'utf8')) as {
    plans: Array<{ doc: string; meta: { slug: string } }>;
  };
  const types: Array<[string, string, boolean]> = [
    ['overview', 'index.html', false],
    ['metric', 'metrics/rd_spending/index.html', false],
    ['county', `counties/${plans[0]!.meta.slug}/index.html`, true],
    ['plan reader', `plans/${plans[0]!.doc}/index.html`, false],
    ['compare', 'compare/index.html', true],
    ['about', 'about/index.html', false],
    ['data', 'data/index.html', false],
  ];
  // The search box's JS (if its owner adds some) is on every page; /about/ has nothing else.
  const baseline = new Set(pageJs(a, 'about/index.html').files);
  for (const [name, file, widget] of types) {
    if (!existsSync(join(a, file))) continue;
    const js = pageJs(a, file);
    const extra = js.files.filter((f) => !baseline.has(f));
    console.log(
      `  ${name.padEnd(12)} ${KB(js.raw).padStart(9)} raw ${KB(js.gz).padStart(9)} gz  ${widget ? '(widget)' : ''}${extra.length ? ` extra: ${extra.join(' ')}` : ''}`,
    );
    if (!widget && extra.length) failures.push(`${name} ships JS beyond the search box`);
    if (js.gz > 150 * 1024) failures.push(`${name} ships ${KB(js.gz)} gzipped JS (> 150 KB)`);
  }

  console.log('\nsite build, 1,000 plans');
  const big = thousandData();
  const out = join(tmp, 'site-1000');
  const ms1000 = astroBuild(out, big);
  const s1000 = dirSize(out);
  console.log(
    `  build time: ${(ms1000 / 1000).toFixed(1)} s (aim < 300 s on 2 cores; this machine has ${(await import('node:os')).availableParallelism()} cores)\n  output: ${s1000.files} files, ${MB(s1000.bytes)}`,
  );
  if (ms1000 > 300_000) failures.push('1,000-plan build over 5 minutes');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\nsite bench: ${failures.join('; ')}`);
  process.exit(1);
}
