/**
 * Shared e2e plumbing: make sure dist/ is built and fresh, serve a built site
 * with a tiny static server, drive Debian's Chromium through playwright-core
 * (never a downloaded browser), collect console errors, run axe-core.
 *
 * Env:
 *   E2E_DATA_DIR  build from this data directory (DATA_DIR for content.config.ts)
 *                 with `astro build` instead of `npm run build` (fixtures, or
 *                 before the pipeline exists)
 *   E2E_SKIP_BUILD=1  use dist/ as it is
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PlanRecord, TargetRecord } from '../../src/pipeline/schema.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path)) max = Math.max(max, newestMtime(join(path, e)));
  return max;
}

/** Build env shared by every build the tests start: no telemetry (no third-party requests). */
export const buildEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...extra,
});

/**
 * A fresh directory for a side-by-side build. It lives inside the project
 * (.cache/ is git-ignored) because Astro puts its prerender chunks in
 * `<project>/.astro/` when outDir is outside the project, and two concurrent
 * builds there would overwrite each other's chunks.
 */
export function buildDir(prefix: string): string {
  mkdirSync(join(ROOT, '.cache/builds'), { recursive: true });
  return mkdtempSync(join(ROOT, '.cache/builds', `${prefix}-`));
}

/**
 * Build the site into `outDir` (use buildDir()) from `dataDir` with `astro build` (no pipeline run).
 * Returns the wall time in ms.
 */
export function astroBuild(outDir: string, dataDir: string): number {
  const t0 = performance.now();
  const r = spawnSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    env: buildEnv({ DATA_DIR: dataDir, SITE_OUT_DIR: outDir }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    throw new Error(`astro build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return performance.now() - t0;
}

/** The built site's plan and target downloads (each file is `{ data_version, plans|targets }`). */
export function builtDownloads(): {
  plans: PlanRecord[];
  targets: TargetRecord[];
} {
  const read = <T>(file: string): T =>
    JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8')) as T;
  return {
    plans: read<{ plans: PlanRecord[] }>('plans.json').plans,
    targets: read<{ targets: TargetRecord[] }>('targets.json').targets,
  };
}

/** Build dist/ once if it is missing or older than its inputs. */
export function ensureBuilt(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(DIST, 'index.html'))) return;
  const built = existsSync(join(DIST, 'index.html'))
    ? statSync(join(DIST, 'index.html')).mtimeMs
    : 0;
  const dataDir = process.env.E2E_DATA_DIR;
  const inputs = [
    'src',
    'public',
    'astro.config.mjs',
    dataDir ?? 'content',
    ...(dataDir ? [] : ['.data', 'scripts/build-data.ts', 'src/pipeline']),
  ];
  const newest = Math.max(...inputs.map((p) => newestMtime(resolve(ROOT, p))));
  if (built && built > newest) return;
  if (dataDir) {
    astroBuild(DIST, resolve(dataDir));
    return;
  }
  const r = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    env: buildEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    throw new Error(
      `npm run build failed (${r.status}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`,
    );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.woff2': 'font/woff2',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Text types a static host sends compressed. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Serve a built directory like a static host: `/a/` → `/a/index.html`,
 * `/a` (a directory) → 301 to `/a/`, unknown paths → 404.html with status 404,
 * text gzip-compressed when the client accepts it (as GitHub Pages, Netlify
 * and nginx's gzip_static do; compressed once per file and kept).
 */
export async function serve(
  dir: string = DIST,
  opts: { precompress?: boolean } = {},
): Promise<Served> {
  const root = resolve(dir);
  const gzipped = new Map<string, { mtime: number; body: Buffer }>();
  // Compress every text file up front, as a host deploying the site does, so
  // no request pays for compressing (benchmarks time requests).
  if (opts.precompress)
    for (const rel of listFiles(root)) {
      const file = join(root, rel);
      if (COMPRESSIBLE.test(TYPES[extname(file).toLowerCase()] ?? ''))
        gzipped.set(file, { mtime: statSync(file).mtimeMs, body: gzipSync(readFileSync(file)) });
    }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const mtime = statSync(file).mtimeMs;
      let hit = gzipped.get(file);
      if (!hit || hit.mtime !== mtime)
        gzipped.set(file, (hit = { mtime, body: gzipSync(readFileSync(file)) }));
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Encoding': 'gzip',
        'Content-Length': hit.body.length,
        Vary: 'Accept-Encoding',
      });
      res.end(hit.body);
      return;
    }
    res.writeHead(200, { 'Content-Type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** `serve` in a process of its own, text precompressed (see serve-cli.ts). */
export async function serveApart(dir: string): Promise<Served> {
  const child = spawn(process.execPath, [join(ROOT, 'test/e2e/serve-cli.ts'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      if (out.includes('\n')) ok(out.trim());
    });
    child.once('exit', (code) => fail(new Error(`static server for ${dir} exited (${code})`)));
  });
  // Never outlive (or keep alive) the process that started it, even if that one fails.
  const stop = (): void => void child.kill();
  process.once('exit', stop);
  child.unref();
  child.stdout.destroy();
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        process.off('exit', stop);
        if (child.exitCode !== null) return ok();
        child.ref(); // wait for it to go
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests to any origin other than the served site. */
  external: string[];
}

/** A page in a fresh context that records console errors and off-site requests. */
export async function openPage(
  browser: Browser,
  base: string,
  opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:')) external.push(u);
  });
  return { page, context, errors, external };
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe-core in the page; returns violations of the given impacts. */
export async function axe(
  page: Page,
  impacts: string[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const r = await (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return result.filter((v) => impacts.includes(v.impact ?? ''));
}

/** Every file under a directory, relative paths, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else out.push(p.slice(base.length + 1));
  }
  return out.sort();
}

/** sha256 of every file under a built site, keyed by relative path. */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of listFiles(dir))
    out.set(
      rel,
      createHash('sha256')
        .update(readFileSync(join(dir, rel)))
        .digest('hex'),
    );
  return out;
}

/** Paths whose content differs (or exists on one side only) between two hashed trees. */
export function diffTrees(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}
