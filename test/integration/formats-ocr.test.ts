/**
 * Scanned PDFs read by OCR (pdftoppm + Debian's tesseract, chi_sim), on
 * pingjiang-2026 printed and scanned to image-only pages at 200 dpi: the
 * whole plan must give at least 90% of the .txt plan's targets with every
 * quote cut from the recognised text; the plan record says the text comes
 * from OCR and with what confidence; a second read comes from the SHA-256
 * cache; a missing tesseract is an error that says what to install; and a
 * corrupt, locked or empty PDF is one clear error while the others go on.
 *
 * The whole-plan fixture is built with fixed dates, so its bytes and SHA-256
 * are the same every run: its OCR is cached in .cache/ocr and paid once per
 * machine (about 20 s on two cores), not on every run.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../support/requires.ts';
import { PlanInputError } from '../../src/pipeline/errors.ts';
import { processCorpus, processPlanFile, type PlanResult } from '../../src/pipeline/index.ts';
import { readPlanSource } from '../../src/pipeline/formats/index.ts';
import {
  findCjkFont,
  hasPdftoppm,
  hasTesseract,
  loadBundledPlan,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeNonEmbeddedCjkPdf,
  makePdf,
  PLANS_DIR,
  sidecarYaml,
} from '../support/make-format-fixtures.ts';
import { agreement } from '../support/target-agreement.ts';

const font = findCjkFont();
// Skipped locally when missing; under CI=true a missing tool fails the run (support/requires.ts).
const canOcr = needs(
  'tesseract, its Chinese data, poppler-utils and a CJK font',
  Boolean(font) && hasPdftoppm() && hasTesseract(),
  'apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils fonts-noto-cjk',
);
const pingjiang = loadBundledPlan('pingjiang-2026');
let dir: string;
let printed: Uint8Array;
let txt: PlanResult;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-ocr-test-'));
  txt = await processPlanFile(new URL('pingjiang-2026.txt', PLANS_DIR).pathname);
  if (!canOcr) return;
  printed = await makePdf(pingjiang, font!, {
    fontSize: 15,
    header: '平江县人民政府办公室文件',
    deterministic: true,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  for (const key of ['PLAN_OCR_CACHE', 'PLAN_OCR_TESSERACT'])
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
});

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** CJK characters with a space between them: what tesseract's chi_sim output has and the text must not. */
const SPACED_CJK = /[\u4e00-\u9fff] +[\u4e00-\u9fff]/;

describe.skipIf(!canOcr)('scanned PDF (image-only pages, no text layer)', () => {
  it('reads the whole pingjiang-2026 scan with at least 90% of the .txt targets, every quote in the recognised text', async () => {
    const path = write('pingjiang-2026.pdf', await makeImageOnlyPdf(printed, { dpi: 200 }));
    write('pingjiang-2026.yaml', sidecarYaml(pingjiang));
    const result = await processPlanFile(path);
    const ocr = result.original?.ocr;
    expect(ocr?.pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ocr?.languages).toBe('chi_sim');
    expect(ocr?.mean_confidence).toBeGreaterThan(70);
    const a = agreement(txt.extraction.targets, result.extraction.targets);
    expect(a.reference).toBe(22);
    expect(a.recall, `missing: ${a.missing.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    const body = result.document.text;
    for (const t of result.extraction.targets)
      for (const q of t.quotes) expect(body, `${t.id} ${q}`).toContain(q);
    expect(body).not.toMatch(SPACED_CJK);
    // the running header and page numbers of the scan are dropped like a text PDF's
    expect(body).not.toContain('平江县人民政府办公室文件');
    expect(body).not.toMatch(/^- ?\d+ ?-$/m);
  }, 300_000);

  it('says the text comes from OCR, and serves a second read from the SHA-256 cache', async () => {
    process.env.PLAN_OCR_CACHE = join(dir, 'cache');
    const path = write('first-page.pdf', await makeImageOnlyPdf(printed, { pages: [1] }));
    const first = await readPlanSource(path);
    expect(first.original.ocr).toMatchObject({ pages: [1], languages: 'chi_sim', dpi: 300 });
    expect(first.original.ocr!.engine).toMatch(/^tesseract \d/);
    expect(existsSync(join(dir, 'cache', `${first.original.sha256}.json`))).toBe(true);
    expect(first.text).toContain('培育好强科创兴产业的动能实施方案');
    expect(first.text).not.toMatch(SPACED_CJK);
    // with tesseract gone, the same file still reads: from the cache
    process.env.PLAN_OCR_TESSERACT = join(dir, 'no-such-tesseract');
    const second = await readPlanSource(path);
    expect(second.text).toBe(first.text);
    expect(second.original.ocr).toEqual(first.original.ocr);
  }, 120_000);

  it('reads a PDF of text pages and a scanned page: only the scanned page by OCR, in page order', async () => {
    process.env.PLAN_OCR_CACHE = join(dir, 'mixed-cache');
    const { PDFDocument } = await import('pdf-lib');
    const text = await PDFDocument.load(printed);
    const scan = await PDFDocument.load(await makeImageOnlyPdf(printed, { pages: [2] }));
    const mixed = await PDFDocument.create();
    const [first] = await mixed.copyPages(text, [0]);
    const [second] = await mixed.copyPages(scan, [0]);
    const [third] = await mixed.copyPages(text, [2]);
    for (const page of [first!, second!, third!]) mixed.addPage(page);
    const source = await readPlanSource(write('mixed.pdf', await mixed.save()));
    expect(source.original.ocr?.pages).toEqual([2]);
    // page 1 from its text layer, exactly as the .txt has it
    expect(source.text).toContain(
      '为深入贯彻落实省委、省政府关于打造国家重要先进制造业高地及“开局八好”行动的决策部署',
    );
    const scannedAt = source.text.indexOf('融入区域创新网络');
    expect(scannedAt).toBeGreaterThan(source.text.indexOf('为深入贯彻落实省委'));
    expect(source.text.indexOf('休闲食品产业')).toBeGreaterThan(scannedAt);
  }, 120_000);

  it('without tesseract, a scan is an error naming the file and what to install', async () => {
    process.env.PLAN_OCR_CACHE = join(dir, 'empty-cache');
    process.env.PLAN_OCR_TESSERACT = join(dir, 'no-such-tesseract');
    const path = write('one-page.pdf', await makeImageOnlyPdf(printed, { pages: [1] }));
    const error = (await readPlanSource(path).catch((e: unknown) => e)) as PlanInputError;
    expect(error).toBeInstanceOf(PlanInputError);
    expect(error.file).toBe(path);
    expect(error.reason).toMatch(
      /page 1 has no text layer.*apt-get install tesseract-ocr tesseract-ocr-chi-sim/,
    );
  }, 60_000);
});

if (!canOcr)
  it.skip('needs tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils and a CJK font (npm test installs them)', () => {});

describe('PDFs that cannot be read', () => {
  it('gives one clear error per corrupt, locked or empty PDF, naming it, and reads the others', async () => {
    const good = write(
      'good.pdf',
      makeNonEmbeddedCjkPdf(['平江县科技创新行动方案', '全社会研发经费投入增长15%以上。']),
    );
    write('good.yaml', sidecarYaml(pingjiang));
    const corrupt = write(
      'corrupt.pdf',
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage',
    );
    const locked = write('locked.pdf', makeEncryptedPdf());
    const empty = write('empty.pdf', '');
    const blank = write('blank.pdf', await blankPdf());
    const { results, errors } = await processCorpus([corrupt, locked, good, empty, blank]);
    expect(results.map((r) => r.extraction.doc)).toEqual(['good']);
    const byFile = new Map(errors.map((e) => [e.file, e]));
    expect([...byFile.keys()].sort()).toEqual([blank, corrupt, empty, locked].sort());
    expect(byFile.get(corrupt)!.reason).toMatch(/not a readable PDF/);
    expect(byFile.get(locked)!.reason).toMatch(/password-protected/);
    expect(byFile.get(empty)!.reason).toMatch(/empty/);
    expect(byFile.get(blank)!.reason).toMatch(/no text layer/);
    for (const e of errors) expect(e.message).toContain(e.file);
  });
});

async function blankPdf(): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.addPage();
  return pdf.save();
}
