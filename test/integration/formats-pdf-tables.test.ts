/**
 * PDF tables as rows: linxiang-2024's 科技创新主要指标责任分解一览表 printed as a
 * ruled grid (borders as Word's export draws them, or stroked lines) and as
 * columns aligned by spacing alone, running over a page break, must give the
 * .txt plan's targets, allocations and leads, and show as a table in the reader.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs } from '../support/requires.ts';
import { processPlanFile, type PlanResult } from '../../src/pipeline/index.ts';
import { readPlanSource } from '../../src/pipeline/formats/index.ts';
import type { Target } from '../../src/pipeline/schema.ts';
import {
  findCjkFont,
  loadBundledPlan,
  makePdf,
  PLANS_DIR,
  sidecarYaml,
  type PdfTableLayout,
} from '../support/make-format-fixtures.ts';

// Skipped locally when missing; under CI=true a missing font fails the run (support/requires.ts).
const font = needs(
  'a CJK font for the PDF fixtures',
  findCjkFont() !== null,
  'apt-get install fonts-noto-cjk',
)
  ? findCjkFont()
  : null;
const linxiang = loadBundledPlan('linxiang-2024');
const header = '临湘市人民政府办公室';
let dir: string;
let txt: PlanResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-tables-'));
  txt = await processPlanFile(new URL('linxiang-2024.txt', PLANS_DIR).pathname);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a target commits to, with its per-unit split and who leads it. */
const targetKey = (t: Target) =>
  `${t.metric}|${t.kind}|${t.value}|${t.unit}|${t.allocations.map((a) => `${a.unit}=${a.value}`).join(',')}|${t.lead.join('、')}`;

async function writePdf(name: string, table: PdfTableLayout): Promise<string> {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, await makePdf(linxiang, font!, { fontSize: 15, header, table }));
  writeFileSync(join(dir, `${name}.yaml`), sidecarYaml(linxiang));
  return path;
}

/** 1-based pages whose text layer holds `text`. */
async function pagesWith(path: string, text: string): Promise<number[]> {
  const { readFileSync } = await import('node:fs');
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)), { verbosity: 0 });
  const pages: number[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const pageText = (content.items as { str?: string }[]).map((i) => i.str ?? '').join('');
    if (pageText.includes(text)) pages.push(n);
  }
  await pdf.destroy();
  return pages;
}

const layouts: [string, PdfTableLayout][] = [
  ['ruled grid, borders as filled bars, no repeated header', { style: 'ruled' }],
  ['ruled grid, stroked borders, header repeated', { style: 'stroked', repeatHeader: true }],
  ['no lines, columns aligned by spacing, rows spaced apart', { style: 'spaced' }],
  ['no lines, rows as close as lines', { style: 'spaced', rowPadding: 0, fontSize: 14 }],
];

describe.skipIf(!font)('linxiang-2024 as a PDF with its indicator table', () => {
  for (const [name, layout] of layouts) {
    it(`${name}: the .txt plan's targets, allocations and leads`, async () => {
      const path = await writePdf(name.replace(/\W+/g, '-'), layout);
      // the fixture really runs the table over a page break
      const [headerPage] = await pagesWith(path, '指标名称');
      const [lastRowPage] = await pagesWith(path, '拥有授权发明专利的企业');
      expect(lastRowPage).toBeGreaterThan(headerPage!);
      const pdf = await processPlanFile(path);
      const expected = txt.extraction.targets.map(targetKey).sort();
      expect(expected.length).toBe(43);
      expect(pdf.extraction.targets.map(targetKey).sort()).toEqual(expected);
      expect(pdf.extraction.targets.flatMap((t) => t.allocations)).toHaveLength(21);
    });
  }

  it('writes the table as one pipe row per printed row: units one per line joined by ；, wrapped cells rejoined', async () => {
    const { text } = await readPlanSource(await writePdf('rows', { style: 'ruled' }));
    expect(text).toContain(
      '科技创新主要指标责任分解一览表\n\n| 指标名称 | 目标任务 | 责任单位 |\n',
    );
    expect(text).toContain(
      '| 新增规模工业企业 | 45家 | 临湘高新区10家；市科工局5家；市农业农村局5家；市浮标产业发展中心20家；羊楼司竹木家居产业发展中心5家 |',
    );
    expect(text).toContain('| 全社会研发投入 | 同比增长18.1% | 市科工局、市统计局 |');
    expect(text).toContain(
      '| 高新技术企业实际入库地方税收占规上工业企业入库税收占比 | 同比增长30% | 市科工局、市税务局 |',
    );
    // one table, header once, neither the running header nor a page number inside it
    expect(text.match(/\| 指标名称 \|/g)).toHaveLength(1);
    const rows = text.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(18);
    expect(rows.join('\n')).not.toMatch(/- \d+ -|临湘市人民政府办公室/);
  });

  it('gives the reader a table node with the rows, not loose paragraphs', async () => {
    const result = await processPlanFile(await writePdf('reader', { style: 'spaced' }));
    const tables = result.document.tree.children.filter((n): n is Table => n.type === 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.children.map((row) => row.children.map((cell) => toString(cell)));
    expect(rows[0]).toEqual(['指标名称', '目标任务', '责任单位']);
    expect(rows).toContainEqual(['技术合同项数', '500项', expect.stringContaining('市水利局20项')]);
    expect(rows).toHaveLength(18);
    const paragraphs = result.document.tree.children
      .filter((n) => n.type === 'paragraph')
      .map((n) => toString(n));
    expect(paragraphs.some((p) => p.includes('市农业农村局260项'))).toBe(false);
    // as the reader page renders it (mdast-util-to-hast, hast-util-to-html): cells in every row
    const html = toHtml(toHast(tables[0]!));
    expect(html.match(/<tr[\s>]/g)).toHaveLength(18);
    expect(html.match(/<td[\s>]/g)).toHaveLength(17 * 3);
    expect(html).toMatch(/<td>(?:<mark[^>]*>)?技术合同项数/);
  });
});

if (!font)
  it.skip('needs a CJK font (apt-get install fonts-noto-cjk) to build the PDF fixtures', () => {});
