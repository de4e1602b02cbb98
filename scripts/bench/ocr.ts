/**
 * OCR of a scanned plan: pingjiang-2026 printed to PDF, every page turned
 * into a 200 dpi picture with no text layer, then read back through the
 * pipeline (pdftoppm at 300 dpi + tesseract chi_sim). Prints seconds per page
 * (wall, with pages two or more at a time, and tesseract's CPU per page), the
 * mean confidence, how many of the .txt plan's targets come back, and the
 * time of a second read served by the SHA-256 cache.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { processPlanFile } from '../../src/pipeline/index.ts';
import {
  findCjkFont,
  loadBundledPlan,
  makeImageOnlyPdf,
  makePdf,
  PLANS_DIR,
  sidecarYaml,
} from '../../test/support/make-format-fixtures.ts';
import { agreement } from '../../test/support/target-agreement.ts';

const STEM = 'pingjiang-2026';
const font = findCjkFont();
if (!font) {
  console.error('ocr bench: needs a CJK font (apt-get install fonts-noto-cjk)');
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), 'bench-ocr-'));
process.env.PLAN_OCR_CACHE = path.join(dir, 'cache');
try {
  const plan = loadBundledPlan(STEM);
  const printed = await makePdf(plan, font, {
    fontSize: 15,
    header: '平江县人民政府办公室文件',
    deterministic: true,
  });
  const scan = await makeImageOnlyPdf(printed, { dpi: 200 });
  const file = path.join(dir, `${STEM}.pdf`);
  writeFileSync(file, scan);
  writeFileSync(path.join(dir, `${STEM}.yaml`), sidecarYaml(plan));

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await processPlanFile(file);
  const seconds = (performance.now() - started) / 1000;
  const ocr = result.original?.ocr;
  if (!ocr) throw new Error('the scanned PDF was not read by OCR');
  const pages = ocr.pages.length;
  const ownCpu = process.cpuUsage(cpuBefore);

  const again = performance.now();
  await processPlanFile(file);
  const cached = (performance.now() - again) / 1000;

  const txt = await processPlanFile(new URL(`${STEM}.txt`, PLANS_DIR).pathname);
  const a = agreement(txt.extraction.targets, result.extraction.targets);
  const body = result.document.text;
  const unquoted = result.extraction.targets.filter((t) => t.quotes.some((q) => !body.includes(q)));

  console.log(
    `${STEM}: ${pages} scanned pages (200 dpi), ${ocr.engine}, ${ocr.languages}, rendered at ${ocr.dpi} dpi`,
  );
  console.log(
    `OCR: ${seconds.toFixed(1)} s wall, ${(seconds / pages).toFixed(2)} s/page wall with up to ${Math.min(4, availableParallelism())} pages at once on ${availableParallelism()} cores`,
  );
  console.log(
    `     (this process's own CPU ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(1)} s; tesseract runs in child processes)`,
  );
  console.log(`mean confidence: ${ocr.mean_confidence}`);
  console.log(
    `targets: ${a.matched} of the .txt's ${a.reference} (${(100 * a.recall).toFixed(0)}%), ${a.got} read, ${unquoted.length} with a quote not in the recognised text`,
  );
  if (a.missing.length) console.log(`  missing: ${a.missing.join('; ')}`);
  if (a.extra.length) console.log(`  extra: ${a.extra.join('; ')}`);
  console.log(`second read (SHA-256 cache): ${cached.toFixed(2)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
