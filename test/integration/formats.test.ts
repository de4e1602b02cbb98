/**
 * The format readers on files built from the bundled plans: the same plan as
 * Word, PDF and a saved web page must read back to the same paragraphs and
 * tables as the .txt, without page furniture or site chrome; bad files fail
 * with an error that names them, and never take other plans down.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanInputError } from '../../src/pipeline/errors.ts';
import { processPlanFile } from '../../src/pipeline/index.ts';
import type { Target } from '../../src/pipeline/schema.ts';
import { readPlanSource, SUPPORTED_EXTENSIONS } from '../../src/pipeline/formats/index.ts';
import { pipeRow } from '../../src/pipeline/formats/text-blocks.ts';
import {
  findCjkFont,
  loadBundledPlan,
  makeDocx,
  makeGovPageGbk,
  makeNonEmbeddedCjkPdf,
  makePageWithoutArticle,
  makePdf,
  makeScannedPdf,
  PLANS_DIR,
  SITE_CHROME_TEXT,
  sidecarYaml,
  type BundledPlan,
} from '../support/make-format-fixtures.ts';
import { needs } from '../support/requires.ts';

// The PDF tests skip without a CJK font; under CI=true they fail instead (support/requires.ts).
needs('a CJK font for the PDF fixtures', findCjkFont() !== null, 'apt-get install fonts-noto-cjk');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-formats-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const withoutSpace = (text: string) => text.replace(/[\s\u3000]+/g, '');

function paragraphsOf(plan: BundledPlan): string[] {
  return plan.blocks.flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : b.caption ? [b.caption] : [],
  );
}

/** Text blocks of a reader's output: paragraphs and runs of pipe rows. */
function outputBlocks(text: string): string[] {
  return text
    .split(/\n\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
}

async function expectPlanError(path: string, reason: RegExp): Promise<void> {
  const error = await readPlanSource(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanInputError);
  const planError = error as PlanInputError;
  expect(planError.file).toBe(path);
  expect(planError.line).toBeGreaterThanOrEqual(1);
  expect(planError.reason).toMatch(reason);
  expect(planError.message).toContain(path);
}

const linxiang = loadBundledPlan('linxiang-2024');
const linxiangTable = linxiang.blocks.find((b) => b.kind === 'table');

describe('the bundled linxiang plan', () => {
  it('has its indicator table (the fixtures depend on it)', () => {
    expect(linxiangTable?.kind).toBe('table');
    if (linxiangTable?.kind !== 'table') return;
    expect(linxiangTable.caption).toBe('科技创新主要指标责任分解一览表');
    expect(linxiangTable.rows[0]).toEqual(['指标名称', '目标任务', '责任单位']);
    expect(linxiangTable.rows).toContainEqual(['', '', '市科工局5家']);
    expect(linxiangTable.rows.at(-1)).toEqual([
      '拥有授权发明专利的企业',
      '40家',
      '市市场监督管理局',
    ]);
  });
});

describe('plain text', () => {
  it('passes .txt through unchanged, front matter included, with the hash of its bytes', async () => {
    const path = new URL('linxiang-2024.txt', PLANS_DIR).pathname;
    const source = await readPlanSource(path);
    expect(source.format).toBe('txt');
    expect(source.text).toBe(readFileSync(path, 'utf8'));
    expect(source.stem).toBe('linxiang-2024');
    expect(source.original).toEqual({
      file: 'linxiang-2024.txt',
      format: 'txt',
      sha256: sha256(path),
      bytes: readFileSync(path).length,
      encoding: 'utf-8',
    });
    expect(source.sidecarMeta).toBeUndefined();
  });

  it('lists the extensions it reads', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual([
      '.docx',
      '.htm',
      '.html',
      '.md',
      '.pdf',
      '.txt',
    ]);
  });
});

describe('Word (.docx)', () => {
  let path: string;
  beforeAll(async () => {
    path = write('linxiang-2024.docx', await makeDocx(linxiang));
    write('linxiang-2024.yaml', sidecarYaml(linxiang));
  });

  it('keeps every paragraph and heading of the plan, in order, each on its own line', async () => {
    const { text, format } = await readPlanSource(path);
    expect(format).toBe('docx');
    const blocks = outputBlocks(text);
    const paragraphs = blocks.filter((b) => !b.startsWith('|'));
    expect(paragraphs).toEqual(paragraphsOf(linxiang));
  });

  it('turns the Word table into one pipe row per row, merged cells empty, right after its caption', async () => {
    const { text } = await readPlanSource(path);
    if (linxiangTable?.kind !== 'table') throw new Error('no table');
    const expected = linxiangTable.rows.map(pipeRow).join('\n');
    expect(text).toContain(`${linxiangTable.caption}\n\n${expected}\n`);
    expect(text).toContain('| 新增规模工业企业 | 45家 | 临湘高新区10家 |\n|  |  | 市科工局5家 |');
  });

  it('records the original and reads the sidecar metadata', async () => {
    const source = await readPlanSource(path);
    expect(source.original).toEqual({
      file: 'linxiang-2024.docx',
      format: 'docx',
      sha256: sha256(path),
      bytes: readFileSync(path).length,
      encoding: 'utf-8',
    });
    expect(source.sidecarMeta).toEqual(linxiang.meta);
  });

  it('rejects a truncated .docx, naming the file', async () => {
    const bytes = readFileSync(path);
    await expectPlanError(
      write('truncated.docx', bytes.subarray(0, Math.floor(bytes.length / 2))),
      /not a readable Word \(\.docx\) file/,
    );
  });

  it('rejects a .docx that is not a zip at all', async () => {
    await expectPlanError(
      write('fake.docx', '这不是一个Word文件'),
      /not a readable Word \(\.docx\) file/,
    );
  });

  it('rejects an old binary .doc with a hint to save as .docx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expectPlanError(write('old.doc', ole), /save it as \.docx/);
  });
});

describe('saved web page (.html, GBK)', () => {
  let path: string;
  beforeAll(() => {
    path = write('linxiang-2024.html', makeGovPageGbk(linxiang));
    write('linxiang-2024.yaml', sidecarYaml(linxiang));
  });

  it('decodes the declared gb2312 page and keeps exactly the plan paragraphs', async () => {
    const source = await readPlanSource(path);
    expect(source.format).toBe('html');
    expect(source.encoding).toBe('gb18030');
    const paragraphs = outputBlocks(source.text).filter((b) => !b.startsWith('|'));
    expect(paragraphs).toEqual(paragraphsOf(linxiang));
  });

  it('drops navigation, breadcrumbs, footer, share and QR boxes, print/close links and scripts', async () => {
    const { text } = await readPlanSource(path);
    for (const chrome of SITE_CHROME_TEXT) expect(text, chrome).not.toContain(chrome);
    expect(text).not.toContain('统计代码');
    expect(text).not.toContain('fontSize');
  });

  it('gives the same table rows as the Word file (rowspan expanded to empty cells)', async () => {
    const { text } = await readPlanSource(path);
    if (linxiangTable?.kind !== 'table') throw new Error('no table');
    expect(text).toContain(
      `${linxiangTable.caption}\n\n${linxiangTable.rows.map(pipeRow).join('\n')}\n`,
    );
  });

  it('hashes the bytes as given, not the decoded text', async () => {
    const source = await readPlanSource(path);
    expect(source.original.sha256).toBe(sha256(path));
    expect(source.original.bytes).toBe(readFileSync(path).length);
  });

  it('rejects a page without an article body, naming the file', async () => {
    await expectPlanError(
      write('removed-notice.html', makePageWithoutArticle()),
      /no article body/,
    );
  });
});

describe('PDF', () => {
  const font = findCjkFont();
  const pingjiang = loadBundledPlan('pingjiang-2026');
  const header = '平江县人民政府办公室文件';
  let path: string;
  beforeAll(async () => {
    if (!font) return;
    path = write('pingjiang-2026.pdf', await makePdf(pingjiang, font, { fontSize: 15, header }));
  });

  it.skipIf(!font)(
    'rejoins wrapped lines into the plan paragraphs, without page numbers or the running header',
    async () => {
      const source = await readPlanSource(path);
      expect(source.format).toBe('pdf');
      expect((await PDFDocument.load(readFileSync(path))).getPageCount()).toBeGreaterThan(2);
      const paragraphs = outputBlocks(source.text);
      expect(paragraphs.map(withoutSpace)).toEqual(paragraphsOf(pingjiang).map(withoutSpace));
      expect(source.text).not.toMatch(/^- \d+ -$/m);
      expect(source.text).not.toContain(header);
      expect(source.original.sha256).toBe(sha256(path));
    },
  );

  if (!font)
    it.skip('needs a CJK font (apt-get install fonts-wqy-microhei or fonts-noto-cjk) to build the PDF fixture', () => {});

  it('reads a PDF whose Chinese font (STSong-Light, UniGB-UCS2-H) is not embedded, through pdf.js CMaps', async () => {
    const lines = ['一、工作目标', '全社会研发经费投入增长15%以上。'];
    const source = await readPlanSource(write('not-embedded.pdf', makeNonEmbeddedCjkPdf(lines)));
    expect(outputBlocks(source.text)).toEqual(lines);
  });

  it('rejects a PDF with no text layer, saying it needs OCR', async () => {
    await expectPlanError(write('scanned.pdf', await makeScannedPdf(3)), /no text layer.*OCR/);
  });

  it('rejects a .pdf that is not a PDF', async () => {
    await expectPlanError(write('page.pdf', '<html><body>404</body></html>'), /not a readable PDF/);
  });
});

describe('dispatch, sidecars and isolation', () => {
  it('reads a Word file by its bytes even when it was saved as .txt', async () => {
    const path = write('misnamed.txt', await makeDocx(linxiang));
    expect((await readPlanSource(path)).format).toBe('docx');
  });

  it('reports a broken sidecar with its file and line', async () => {
    const path = write('broken-meta.docx', await makeDocx(linxiang));
    const yamlPath = write(
      'broken-meta.yaml',
      'county: 临湘市\nyear: 2024\ntitle: "未闭合\nsource: x\n',
    );
    const error = (await readPlanSource(path).catch((e: unknown) => e)) as PlanInputError;
    expect(error).toBeInstanceOf(PlanInputError);
    expect(error.file).toBe(yamlPath);
    expect(error.line).toBeGreaterThan(1);
    expect(error.reason).toMatch(/broken YAML/);
  });

  it('rejects a sidecar that is not a mapping', async () => {
    const path = write('list-meta.docx', await makeDocx(linxiang));
    const yamlPath = write('list-meta.yaml', '- 临湘市\n- 2024\n');
    const error = (await readPlanSource(path).catch((e: unknown) => e)) as PlanInputError;
    expect(error).toBeInstanceOf(PlanInputError);
    expect(error.file).toBe(yamlPath);
    expect(error.reason).toMatch(/must be a mapping/);
  });

  it('does not take a .yaml file alone for a plan', async () => {
    await expectPlanError(write('orphan.yaml', 'county: 临湘市\n'), /metadata file, not a plan/);
  });

  it('reads the good plans of a batch when one is bad', async () => {
    const good = write('good.docx', await makeDocx(linxiang));
    const bad = write('bad.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const page = write('good.html', makeGovPageGbk(linxiang));
    const results = await Promise.allSettled([good, bad, page].map(readPlanSource));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(PlanInputError);
  });
});

describe('end to end: the same targets from every format', () => {
  /** What a target commits to, with its per-unit split (the table's merged rows must survive). */
  const targetKey = (t: Target) =>
    `${t.metric}|${t.kind}|${t.value}|${t.unit}|${t.allocations.map((a) => `${a.unit}=${a.value}`).join(',')}`;

  async function targetsOf(path: string): Promise<string[]> {
    const result = await processPlanFile(path);
    return result.extraction.targets.map(targetKey).sort();
  }

  it('Word and web page give the targets of the .txt plan', async () => {
    const txt = await targetsOf(new URL('linxiang-2024.txt', PLANS_DIR).pathname);
    expect(txt.length).toBeGreaterThan(5);
    const docx = write('e2e-linxiang-2024.docx', await makeDocx(linxiang));
    write('e2e-linxiang-2024.yaml', sidecarYaml(linxiang));
    const html = write('e2e-linxiang-2024.html', makeGovPageGbk(linxiang));
    expect(await targetsOf(docx)).toEqual(txt);
    expect(await targetsOf(html)).toEqual(txt);
  });

  it.skipIf(!findCjkFont())('PDF gives the targets of the .txt plan', async () => {
    const pingjiang = loadBundledPlan('pingjiang-2026');
    const txt = await targetsOf(new URL('pingjiang-2026.txt', PLANS_DIR).pathname);
    expect(txt.length).toBeGreaterThan(5);
    const pdf = write(
      'e2e-pingjiang-2026.pdf',
      await makePdf(pingjiang, findCjkFont()!, {
        fontSize: 15,
        header: '平江县人民政府办公室文件',
      }),
    );
    write('e2e-pingjiang-2026.yaml', sidecarYaml(pingjiang));
    expect(await targetsOf(pdf)).toEqual(txt);
  });
});
