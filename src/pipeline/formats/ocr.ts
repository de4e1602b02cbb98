/**
 * OCR for PDF pages without a text layer (scans): each page is rendered by
 * poppler-utils' pdftoppm and read by Debian's tesseract (chi_sim), whose TSV
 * output gives every word with its box and confidence. The words become
 * placed text items, so a scanned page goes through the same line, paragraph
 * and table reading as a page with a text layer. Text is rebuilt from the
 * boxes, not from tesseract's own spacing: chi_sim puts spaces between
 * Chinese characters, and only a real gap between two Latin or digit runs
 * keeps one. Results are cached by the file's SHA-256, so a rebuild never
 * reads the same scan twice.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanInputError } from '../errors.ts';
import type { PlacedItem } from './pdf-items.ts';

/** Resolution pages are rendered at for OCR: tesseract reads best at about 300 dpi. */
export const OCR_DPI = 300;
export const OCR_LANGUAGES = 'chi_sim';
/**
 * tesseract's page segmentation: automatic (3). Sparse text (11) finds the
 * short value cells of a scanned table that 3 drops ("30家"), but misreads
 * running text: measured on the pingjiang-2026 scan, 17 of 22 targets
 * against 21, at three times the time.
 */
export const OCR_PSM = '3';
/** Debian packages the OCR needs; the error for a missing tool names them. */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-chi-sim poppler-utils';
const CACHE_VERSION = 1;

/** One recognised word: its box in pixels of the rendered page, and tesseract's confidence (0–100). */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** Which tesseract line the word is on (block.paragraph.line). */
  line: string;
}

export interface OcrPage {
  page: number;
  /** Rendered size in pixels, at `dpi`. */
  width: number;
  height: number;
  dpi: number;
  words: OcrWord[];
  /** Mean word confidence of the page, as tesseract's MeanTextConf (0–100). */
  confidence: number;
}

/** What the plan record says about OCR (matches ocrSchema in ../schema.ts). */
export interface OcrSummary {
  engine: string;
  languages: string;
  dpi: number;
  /** 1-based pages whose text comes from OCR. */
  pages: number[];
  /** Mean word confidence over those pages, 0–100. */
  mean_confidence: number;
}

interface CacheFile {
  version: number;
  engine: string;
  languages: string;
  dpi: number;
  psm: string;
  pages: Record<string, OcrPage>;
}

/** Where recognised text is kept: $PLAN_OCR_CACHE, else .cache/ocr in the project (git-ignored). */
export function ocrCacheDir(): string {
  return (
    process.env.PLAN_OCR_CACHE ?? fileURLToPath(new URL('../../../.cache/ocr/', import.meta.url))
  );
}

const tesseractBin = () => process.env.PLAN_OCR_TESSERACT ?? 'tesseract';
const pdftoppmBin = () => process.env.PLAN_OCR_PDFTOPPM ?? 'pdftoppm';

function run(
  command: string,
  args: string[],
  input?: Uint8Array,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        // one thread per tesseract: pages run side by side instead, which is faster on few cores
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(new Error(error.message), { code: error.code, stderr }));
        else resolve({ stdout, stderr });
      },
    );
    if (input) child.stdin?.end(input);
  });
}

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** The engine check, once per tesseract binary. */
const engines = new Map<string, Promise<string>>();

/** "tesseract 5.3.0", after checking that tesseract and its Chinese data are installed. */
async function tesseractEngine(file: string, pages: number[]): Promise<string> {
  const need = `page${pages.length === 1 ? '' : 's'} ${pages.join(', ')} ${pages.length === 1 ? 'has' : 'have'} no text layer (scanned) and need${pages.length === 1 ? 's' : ''} OCR`;
  let version: string;
  let languages: string;
  try {
    version = (await run(tesseractBin(), ['--version'])).stdout.split('\n')[0]!.trim();
    const listed = await run(tesseractBin(), ['--list-langs']);
    languages = listed.stdout + listed.stderr;
  } catch (error) {
    if (missing(error))
      throw new PlanInputError(
        file,
        1,
        `${need}, but tesseract is not installed: apt-get install ${OCR_PACKAGES}`,
      );
    throw new PlanInputError(
      file,
      1,
      `${need}, but tesseract does not run: ${(error as Error).message}`,
    );
  }
  if (!languages.split(/\s+/).includes(OCR_LANGUAGES))
    throw new PlanInputError(
      file,
      1,
      `${need}, but tesseract has no Simplified Chinese data (${OCR_LANGUAGES}): apt-get install tesseract-ocr-chi-sim`,
    );
  return version || 'tesseract';
}

/** tesseract's TSV: one row per page, block, paragraph, line and word; words are level 5. */
export function parseTsv(tsv: string): { words: OcrWord[]; confidence: number } {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    const conf = Number(f[10]);
    if (text === '' || !Number.isFinite(conf) || conf < 0) continue;
    words.push({
      text,
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf,
      line: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  const confidence = words.length ? words.reduce((s, w) => s + w.conf, 0) / words.length : 0;
  return { words, confidence };
}

async function recognisePage(bytes: Uint8Array, page: number, file: string): Promise<OcrPage> {
  const dir = await mkdtemp(join(tmpdir(), 'plan-ocr-'));
  try {
    const root = join(dir, 'page');
    try {
      await run(
        pdftoppmBin(),
        [
          '-r',
          String(OCR_DPI),
          '-gray',
          '-png',
          '-f',
          String(page),
          '-l',
          String(page),
          '-singlefile',
          '-',
          root,
        ],
        bytes,
      );
    } catch (error) {
      if (missing(error))
        throw new PlanInputError(
          file,
          1,
          `page ${page} needs OCR, but pdftoppm is not installed: apt-get install ${OCR_PACKAGES}`,
        );
      throw new PlanInputError(
        file,
        1,
        `page ${page} could not be rendered for OCR: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`,
      );
    }
    const png = `${root}.png`;
    const { stdout } = await run(tesseractBin(), [
      png,
      'stdout',
      '-l',
      OCR_LANGUAGES,
      '--psm',
      OCR_PSM,
      'tsv',
    ]).catch((error: unknown) => {
      throw new PlanInputError(
        file,
        1,
        `OCR of page ${page} failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`,
      );
    });
    const header = (await readFile(png)).subarray(16, 24);
    const width = header.readUInt32BE(0);
    const height = header.readUInt32BE(4);
    return { page, width, height, dpi: OCR_DPI, ...parseTsv(stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readCache(path: string): Promise<CacheFile | null> {
  try {
    const cached = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    if (
      cached.version === CACHE_VERSION &&
      cached.languages === OCR_LANGUAGES &&
      cached.dpi === OCR_DPI &&
      cached.psm === OCR_PSM &&
      typeof cached.pages === 'object'
    )
      return cached;
  } catch {
    // no cache yet, or an unreadable one: OCR again
  }
  return null;
}

async function writeCache(path: string, cache: CacheFile): Promise<void> {
  try {
    await mkdir(join(path, '..'), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(cache));
    await rename(temp, path);
  } catch {
    // a cache that cannot be written only costs time on the next build
  }
}

/** Runs tasks with at most `limit` at once, results in order. */
async function inParallel<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The OCR of the given pages of a PDF (1-based), from the cache when this
 * file (by SHA-256) was read before with the same engine, else by rendering
 * and recognising them, two or more pages at a time.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  sha256: string,
  pages: number[],
  file: string,
): Promise<{ pages: OcrPage[]; engine: string }> {
  const path = join(ocrCacheDir(), `${sha256}.json`);
  // a cached reading stands even after tesseract is upgraded: a rebuild must not change the text
  let cache = await readCache(path);
  const todo = pages.filter((p) => !cache?.pages[String(p)]);
  if (todo.length > 0) {
    const engineName = await tesseractEngineCached(file, todo);
    if (cache?.engine !== engineName) cache = null;
    cache ??= {
      version: CACHE_VERSION,
      engine: engineName,
      languages: OCR_LANGUAGES,
      dpi: OCR_DPI,
      psm: OCR_PSM,
      pages: {},
    };
    const cached = cache;
    const done = await inParallel(
      pages.filter((p) => !cached.pages[String(p)]),
      Math.max(1, Math.min(4, availableParallelism())),
      (p) => recognisePage(bytes, p, file),
    );
    for (const page of done) cached.pages[String(page.page)] = page;
    await writeCache(path, cached);
  }
  return { pages: pages.map((p) => cache!.pages[String(p)]!), engine: cache!.engine };
}

async function tesseractEngineCached(file: string, pages: number[]): Promise<string> {
  const bin = tesseractBin();
  let check = engines.get(bin);
  if (!check) engines.set(bin, (check = tesseractEngine(file, pages)));
  try {
    return await check;
  } catch (error) {
    engines.delete(bin);
    throw error;
  }
}

/**
 * A recognised page's words as text items in PDF units (y from the page
 * bottom): the words of one tesseract line that sit close together become one
 * run, so a line keeps its real gaps (table columns) and loses tesseract's
 * spaces between Chinese characters.
 */
export function ocrPageItems(page: OcrPage, view: { left: number; top: number }): PlacedItem[] {
  const scale = 72 / page.dpi;
  const byLine = new Map<string, OcrWord[]>();
  for (const w of page.words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const items: PlacedItem[] = [];
  for (const words of byLine.values()) {
    words.sort((a, b) => a.left - b.left);
    const top = Math.min(...words.map((w) => w.top));
    const bottom = Math.max(...words.map((w) => w.top + w.height));
    const size = bottom - top;
    // the baseline of CJK text sits close to the bottom of the line's boxes
    const y = view.top - (bottom - 0.1 * size) * scale;
    const runs: { text: string; left: number; right: number }[] = [];
    for (const w of words) {
      const run = runs.at(-1);
      const gap = run ? w.left - run.right : Infinity;
      if (run && gap <= 0.6 * size) {
        const latinGap =
          /[A-Za-z0-9]$/.test(run.text) && /^[A-Za-z0-9]/.test(w.text) && gap > 0.25 * size;
        run.text += (latinGap ? ' ' : '') + w.text;
        run.right = w.left + w.width;
      } else runs.push({ text: w.text, left: w.left, right: w.left + w.width });
    }
    for (const run of runs)
      items.push({
        text: run.text,
        x: view.left + run.left * scale,
        y,
        width: (run.right - run.left) * scale,
        fontSize: size * scale,
      });
  }
  return items;
}
