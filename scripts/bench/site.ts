/**
 * Site benchmark: build time and output size for the bundled plans,
 * reproducibility (two builds, same bytes), JavaScript shipped per page type
 * (raw and gzipped), and national scale (issue 14): synthetic corpora of
 * 1,000 and 3,000 plans (and 10,000 with BENCH_10K=1) through the real
 * pipeline (`npm run synth` + `npm run data` with PLANS_DIR/DATA_DIR, cold
 * extraction cache) and `astro build`, each step's wall time and peak memory
 * (GNU time's maximum RSS), the 3,000/1,000 ratio, the data step re-run after
 * adding one plan to 3,000 (warm cache), the home page's size, the largest
 * page and the slowest routes.
 * Aims: widget-free pages ship no JS beyond the search box; no page > 150 KB
 * gzipped JS; 3,000 plans data + build ≤ 5 min on 2 cores, peak ≤ 3 GB,
 * 3,000/1,000 ≤ 3.5; one more plan ≤ 15 s; home ≤ 200 KB; no page > 1 MB.
 * On a shared machine the times are noisy: read them as upper bounds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
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

const GNU_TIME = '/usr/bin/time';

/** One step of the pipeline or the build: its wall time, peak memory and output. */
interface Step {
  ms: number;
  /** Peak resident memory of the step's largest process, in bytes (null without GNU time). */
  peak: number | null;
  stdout: string;
}

/** Runs `npm <args>` and measures it; throws with its output if it fails. */
function step(args: string[], env: Record<string, string>): Step {
  const timed = existsSync(GNU_TIME);
  const t0 = performance.now();
  const r = spawnSync(
    timed ? GNU_TIME : 'npm',
    timed ? ['-f', 'peak-rss-kb %M', 'npm', ...args] : args,
    {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(
      `npm ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`,
    );
  const kb = /peak-rss-kb (\d+)/.exec(r.stderr)?.[1];
  return { ms, peak: kb ? Number(kb) * 1024 : null, stdout: r.stdout };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const GB = (n: number | null) => (n === null ? 'n/a' : `${(n / 1024 ** 3).toFixed(2)} GB`);

/** The route a built page belongs to: `/metrics/rd_spending/430000/` → `/metrics/*\/*\/`. */
function routeOf(page: string): string {
  const parts = page
    .replace(/index\.html$/, '')
    .split('/')
    .filter(Boolean);
  return `/${parts.map((p, i) => (i === 0 ? p : '*')).join('/')}${parts.length ? '/' : ''}`;
}

/** Per-page render times from astro build's log (`├─ /a/b/index.html (+27ms)`), summed by route. */
function slowestRoutes(
  log: string,
): { route: string; ms: number; pages: number; slowest: string; slowestMs: number }[] {
  const routes = new Map<
    string,
    { ms: number; pages: number; slowest: string; slowestMs: number }
  >();
  for (const m of log.matchAll(/[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const page = m[1]!;
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const route = routeOf(page);
    const r = routes.get(route) ?? { ms: 0, pages: 0, slowest: page, slowestMs: 0 };
    r.ms += ms;
    r.pages++;
    if (ms > r.slowestMs) Object.assign(r, { slowest: page, slowestMs: ms });
    routes.set(route, r);
  }
  return [...routes].map(([route, r]) => ({ route, ...r })).sort((a, b) => b.ms - a.ms);
}

/** The largest HTML page of a built site. */
function largestPage(site: string): { file: string; bytes: number } {
  let best = { file: '', bytes: 0 };
  for (const f of listFiles(site)) {
    if (!f.endsWith('.html')) continue;
    const bytes = statSync(join(site, f)).size;
    if (bytes > best.bytes) best = { file: f, bytes };
  }
  return best;
}

interface ScaleRun {
  plans: number;
  data: Step;
  build: Step;
  totalMs: number;
}

/** `count` synthetic plans: synth, data (cold cache), build; figures printed. */
function scaleRun(
  count: number,
): ScaleRun & { plansDir: string; dataDir: string; cacheDir: string; site: string } {
  const plansDir = join(tmp, `synth-${count}`);
  const dataDir = join(tmp, `data-${count}`);
  const cacheDir = join(tmp, `cache-${count}`);
  const site = join(tmp, `site-${count}`);
  step(['run', 'synth', '--', '--count', String(count), '--out', plansDir], {});
  const data = step(['run', 'data'], {
    PLANS_DIR: plansDir,
    DATA_DIR: dataDir,
    DATA_CACHE_DIR: cacheDir,
  });
  const build = step(['exec', '--', 'astro', 'build'], { DATA_DIR: dataDir, SITE_OUT_DIR: site });
  const totalMs = data.ms + build.ms;
  const size = dirSize(site);
  const home = statSync(join(site, 'index.html')).size;
  const largest = largestPage(site);
  console.log(`\nnational scale, ${count.toLocaleString('en-US')} synthetic plans`);
  console.log(`  data step (cold cache): ${secs(data.ms)}, peak ${GB(data.peak)}`);
  console.log(`  astro build:            ${secs(build.ms)}, peak ${GB(build.peak)}`);
  console.log(`  data + build:           ${secs(totalMs)}`);
  console.log(`  output: ${size.files} files, ${MB(size.bytes)}`);
  console.log(`  home page: ${KB(home)} HTML (aim ≤ 200 KB at 3,000)`);
  console.log(`  largest page: /${largest.file} ${KB(largest.bytes)} (aim ≤ 1 MB)`);
  const routes = slowestRoutes(build.stdout);
  console.log('  slowest routes (render time summed over their pages):');
  for (const r of routes.slice(0, 5))
    console.log(
      `    ${r.route.padEnd(24)} ${secs(r.ms).padStart(8)} over ${String(r.pages).padStart(5)} pages; slowest ${r.slowest} ${r.slowestMs} ms`,
    );
  if (largest.bytes > 1024 * 1024) failures.push(`${count} plans: /${largest.file} is over 1 MB`);
  if (count >= 3000 && home > 200 * 1024) failures.push(`${count} plans: home page over 200 KB`);
  return { plans: count, data, build, totalMs, plansDir, dataDir, cacheDir, site };
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
  // The download is an object since data versions: { data_version, plans }.
  const { plans } = JSON.parse(readFileSync(join(a, 'data/plans.json'), 'utf8')) as {
    plans: Array<{
      doc: string;
      province_code: string;
      prefecture_code: string;
      meta: { slug: string };
    }>;
  };
  const types: Array<[string, string, boolean]> = [
    ['overview', 'index.html', false],
    // The metric page marks the reader's own county (MyCounty, about 1 KB).
    ['metric', 'metrics/rd_spending/index.html', true],
    ['province', `provinces/${plans[0]!.province_code}/index.html`, false],
    ['prefecture', `prefectures/${plans[0]!.prefecture_code}/index.html`, false],
    ['plans index', 'plans/index.html', true],
    ['county', `counties/${plans[0]!.meta.slug}/index.html`, true],
    // The reader copies citations (引用 Cite) and marks the words a search result came for (~0.9 KB).
    ['plan reader', `plans/${plans[0]!.doc}/index.html`, true],
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

  const small = scaleRun(1000);
  rmSync(small.site, { recursive: true, force: true });
  const large = scaleRun(3000);
  rmSync(large.site, { recursive: true, force: true });
  const ratio = large.totalMs / small.totalMs;
  const peak = Math.max(large.data.peak ?? 0, large.build.peak ?? 0);
  console.log(
    `\n  3,000 / 1,000 data + build time: ${ratio.toFixed(2)} (aim ≤ 3.5; linear is 3.0)`,
  );
  console.log(
    `  3,000 plans: ${secs(large.totalMs)} (aim ≤ 300 s), peak ${GB(peak || null)} (aim ≤ 3 GB)`,
  );
  if (ratio > 3.5) failures.push(`3,000/1,000 build-time ratio ${ratio.toFixed(2)} > 3.5`);
  if (large.totalMs > 300_000) failures.push('3,000 plans: data + build over 5 minutes');
  if (peak > 3 * 1024 ** 3) failures.push('3,000 plans: peak memory over 3 GB');

  // One more plan: the generator extends a corpus of the same seed, so 3,001
  // is the 3,000 plus one; the cache re-reads only the new one.
  step(['run', 'synth', '--', '--count', '3001', '--out', large.plansDir], {});
  const again = step(['run', 'data'], {
    PLANS_DIR: large.plansDir,
    DATA_DIR: large.dataDir,
    DATA_CACHE_DIR: large.cacheDir,
  });
  const said = /data: .*$/m.exec(again.stdout)?.[0] ?? '';
  console.log(
    `  data step after adding one plan to 3,000: ${secs(again.ms)} (aim ≤ 15 s)\n    ${said}`,
  );
  if (again.ms > 15_000)
    failures.push('re-running the data step after one new plan took over 15 s');

  if (process.env.BENCH_10K === '1') {
    const huge = scaleRun(10_000);
    console.log(
      `  10,000 plans: ${secs(huge.totalMs)}, peak ${GB(Math.max(huge.data.peak ?? 0, huge.build.peak ?? 0) || null)}`,
    );
  } else
    console.log(
      '\n  10,000 plans: not run (BENCH_10K=1 npm run bench -- site; about 3x the 3,000 run)',
    );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\nsite bench: ${failures.join('; ')}`);
  process.exit(1);
}
