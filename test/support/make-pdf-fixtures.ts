/**
 * PDF versions of the bundled plans, laid out the way an office's Word export
 * prints them: A4, paragraphs indented two characters and wrapped at the text
 * width, a running header and "- N -" page numbers, and tables either as a
 * ruled grid or aligned by spacing alone, running over page breaks. Also the
 * image-only PDF a scanner makes: every page a 200 dpi picture, no text layer.
 * Nothing binary is committed; everything is drawn from content/plans/*.txt.
 */
import fontkit from '@pdf-lib/fontkit';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BundledPlan } from './bundled-plan.ts';

/** CJK fonts Debian installs (fonts-wqy-microhei, fonts-noto-cjk), TrueType first: pdf-lib subsets those reliably. */
const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

/** Path of a CJK font on this system, or null (tests that need one skip and say why). */
export function findCjkFont(): string | null {
  return CJK_FONT_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * fontkit opens a font collection (.ttc) as a collection; pdf-lib needs one
 * font of it: the Simplified Chinese one (Noto's collection starts with the
 * Japanese forms), else the first.
 */
function chineseFontOfCollection() {
  return {
    create(buffer: Uint8Array) {
      const opened = fontkit.create(buffer) as unknown as { fonts?: { postscriptName: string }[] };
      const names = opened.fonts?.map((f) => f.postscriptName) ?? [];
      const chosen = names.find((n) => /CJKsc-|SC-/.test(n)) ?? names[0];
      return chosen ? fontkit.create(buffer, chosen) : fontkit.create(buffer);
    },
  };
}

/** Advance widths by character: CJK has no kerning, and measuring whole lines char by char is slow. */
const charWidths = new WeakMap<PDFFont, Map<string, number>>();

function textWidth(font: PDFFont, text: string, size: number): number {
  let widths = charWidths.get(font);
  if (!widths) charWidths.set(font, (widths = new Map<string, number>()));
  let sum = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
    sum += w;
  }
  return (sum * size) / 1000;
}

/** How a table is drawn: a ruled grid (borders as thin filled bars, as Word exports them, or stroked lines), or columns aligned by spacing with no lines. */
export type TableStyle = 'ruled' | 'stroked' | 'spaced';

export interface PdfTableLayout {
  style: TableStyle;
  /** Repeat the header row at the top of a page the table continues on (Word's "repeat as header row"). */
  repeatHeader?: boolean;
  fontSize?: number;
  /** Space above and below the text of each row; 0 puts rows as close as lines. */
  rowPadding?: number;
  /** Column widths as fractions of the text width. */
  columns?: number[];
}

export interface PdfLayout {
  fontSize: number;
  /** Running header printed at the top of every page. */
  header: string;
  /** How the plan's tables are laid out; without it a plan with a table is refused. */
  table?: PdfTableLayout;
  /** Fixed dates, so the same plan gives the same bytes (and the same SHA-256) every run. */
  deterministic?: boolean;
}

const PAGE = { width: 595.28, height: 841.89, margin: 72 };
const FIXED_DATE = new Date('2024-03-12T00:00:00Z');

function wrapToWidth(
  text: string,
  font: PDFFont,
  size: number,
  firstWidth: number,
  width: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  let limit = firstWidth;
  for (const ch of text) {
    if (line !== '' && textWidth(font, line + ch, size) > limit) {
      lines.push(line);
      line = '';
      limit = width;
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One table row as printed: each cell a list of paragraphs (a responsible-units cell has one unit per paragraph). */
type PrintedRow = string[][];

/**
 * The plan's table rows as Word prints them: a continuation row of the text
 * layout (leading cells empty, merged from above) is one more paragraph of
 * the row above's cells, so "临湘高新区10家 / 市科工局5家 / …" share one cell.
 */
export function printedRows(rows: string[][]): PrintedRow[] {
  const out: PrintedRow[] = [];
  for (const row of rows) {
    const previous = out.at(-1);
    const continues = previous && row[0] === '' && row.some((c) => c !== '');
    if (continues) {
      row.forEach((cell, c) => {
        if (cell !== '') previous[c]!.push(cell);
      });
    } else {
      out.push(row.map((cell) => (cell === '' ? [] : [cell])));
    }
  }
  return out;
}

interface Painter {
  pdf: PDFDocument;
  font: PDFFont;
  layout: PdfLayout;
  page: PDFPage;
  /** Top of the free space on the page, from the page bottom. */
  y: number;
  pageNumber: number;
}

function newPage(p: Painter): void {
  p.page = p.pdf.addPage([PAGE.width, PAGE.height]);
  p.pageNumber++;
  p.y = PAGE.height - PAGE.margin;
  const { font, layout } = p;
  const headerWidth = font.widthOfTextAtSize(layout.header, 10.5);
  p.page.drawText(layout.header, {
    x: (PAGE.width - headerWidth) / 2,
    y: PAGE.height - 48,
    size: 10.5,
    font,
    color: rgb(0.3, 0.3, 0.3),
  });
  const number = `- ${p.pageNumber} -`;
  p.page.drawText(number, {
    x: (PAGE.width - font.widthOfTextAtSize(number, 12)) / 2,
    y: 40,
    size: 12,
    font,
  });
}

/** Room for `height` on the page, or a new page. */
function ensureRoom(p: Painter, height: number): boolean {
  if (p.y - height >= PAGE.margin) return false;
  newPage(p);
  return true;
}

function paintParagraph(p: Painter, text: string, align: 'indent' | 'center'): void {
  const size = p.layout.fontSize;
  const lineHeight = size * 1.75;
  const textWidth = PAGE.width - 2 * PAGE.margin;
  const first = align === 'indent' ? textWidth - 2 * size : textWidth;
  const lines = wrapToWidth(text, p.font, size, first, textWidth);
  lines.forEach((line, i) => {
    ensureRoom(p, lineHeight);
    const x =
      align === 'center'
        ? (PAGE.width - p.font.widthOfTextAtSize(line, size)) / 2
        : PAGE.margin + (i === 0 ? 2 * size : 0);
    p.page.drawText(line, { x, y: p.y - size, size, font: p.font });
    p.y -= lineHeight;
  });
}

interface TableGeometry {
  size: number;
  lineHeight: number;
  padding: number;
  cellPadding: number;
  xs: number[];
}

function cellLines(p: Painter, g: TableGeometry, paragraphs: string[], col: number): string[] {
  const width = g.xs[col + 1]! - g.xs[col]! - 2 * g.cellPadding;
  return paragraphs.flatMap((para) => wrapToWidth(para, p.font, g.size, width, width));
}

function rowHeight(p: Painter, g: TableGeometry, row: PrintedRow): number {
  const lines = Math.max(1, ...row.map((cell, c) => cellLines(p, g, cell, c).length));
  return lines * g.lineHeight + 2 * g.padding;
}

/** A horizontal or vertical border: a 0.5pt filled bar (Word's export) or a stroked line. */
function rule(p: Painter, style: TableStyle, x1: number, y1: number, x2: number, y2: number): void {
  if (style === 'spaced') return;
  if (style === 'stroked') {
    p.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.5 });
    return;
  }
  const t = 0.5;
  p.page.drawRectangle({
    x: Math.min(x1, x2) - t / 2,
    y: Math.min(y1, y2) - t / 2,
    width: Math.abs(x2 - x1) + t,
    height: Math.abs(y2 - y1) + t,
    color: rgb(0, 0, 0),
  });
}

function paintRow(p: Painter, g: TableGeometry, style: TableStyle, row: PrintedRow): void {
  const height = rowHeight(p, g, row);
  const top = p.y;
  const bottom = top - height;
  row.forEach((cell, c) => {
    cellLines(p, g, cell, c).forEach((line, i) => {
      p.page.drawText(line, {
        x: g.xs[c]! + g.cellPadding,
        y: top - g.padding - g.size - i * g.lineHeight + (g.lineHeight - g.size) / 2,
        size: g.size,
        font: p.font,
      });
    });
  });
  rule(p, style, g.xs[0]!, top, g.xs.at(-1)!, top);
  rule(p, style, g.xs[0]!, bottom, g.xs.at(-1)!, bottom);
  for (const x of g.xs) rule(p, style, x, top, x, bottom);
  p.y = bottom;
}

function paintTable(p: Painter, caption: string | null, rows: string[][]): void {
  const table = p.layout.table;
  if (!table) throw new Error('makePdf: the plan has a table; give layout.table to lay it out');
  if (caption) paintParagraph(p, caption, 'center');
  const size = table.fontSize ?? 12;
  const textWidth = PAGE.width - 2 * PAGE.margin;
  const fractions = table.columns ?? [0.38, 0.2, 0.42];
  const xs = [PAGE.margin];
  for (const f of fractions) xs.push(xs.at(-1)! + f * textWidth);
  const g: TableGeometry = {
    size,
    lineHeight: size * 1.4,
    padding: table.rowPadding ?? 4,
    cellPadding: 5.4,
    xs,
  };
  const [header, ...body] = printedRows(rows);
  if (!header) return;
  ensureRoom(p, rowHeight(p, g, header) + rowHeight(p, g, body[0] ?? header));
  paintRow(p, g, table.style, header);
  for (const row of body) {
    if (ensureRoom(p, rowHeight(p, g, row)) && table.repeatHeader)
      paintRow(p, g, table.style, header);
    paintRow(p, g, table.style, row);
  }
  p.y -= p.layout.fontSize;
}

/**
 * An A4 PDF of the plan as an office prints it: paragraphs indented two
 * characters and wrapped at the text width, a running header, "- N -" page
 * numbers at the foot of each page, and its tables drawn as `layout.table` says.
 */
export async function makePdf(
  plan: BundledPlan,
  fontPath: string,
  layout: PdfLayout,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (layout.deterministic) {
    pdf.setCreationDate(FIXED_DATE);
    pdf.setModificationDate(FIXED_DATE);
  }
  pdf.registerFontkit(chineseFontOfCollection());
  const font = await pdf.embedFont(readFileSync(fontPath), { subset: true });
  const painter: Painter = { pdf, font, layout, page: undefined!, y: 0, pageNumber: 0 };
  newPage(painter);
  for (const block of plan.blocks) {
    if (block.kind === 'paragraph') paintParagraph(painter, block.text, 'indent');
    else paintTable(painter, block.caption, block.rows);
  }
  return pdf.save();
}

/** A PDF with pages of vector drawing and no text, as a scanner without OCR makes. */
export async function makeScannedPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    for (let y = 100; y < 760; y += 24)
      page.drawRectangle({ x: 72, y, width: 420, height: 10, color: rgb(0.1, 0.1, 0.1) });
  }
  return pdf.save();
}

/** Whether poppler-utils' pdftoppm is here to render pages (the test set-up installs it). */
export function hasPdftoppm(): boolean {
  return spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/**
 * The PDF a scanner makes of a printed plan: each page of `printed` rendered
 * to a grey 200 dpi JPEG (pdftoppm), as scanners compress, and placed
 * full-page with no text layer. `pages` renders only those (1-based) pages,
 * for a fast fixture.
 */
export async function makeImageOnlyPdf(
  printed: Uint8Array,
  options: { dpi?: number; pages?: number[] } = {},
): Promise<Uint8Array> {
  const dpi = options.dpi ?? 200;
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  try {
    const source = join(dir, 'printed.pdf');
    writeFileSync(source, printed);
    const count = (await PDFDocument.load(printed)).getPageCount();
    const pages = options.pages ?? Array.from({ length: count }, (_, i) => i + 1);
    const pdf = await PDFDocument.create();
    pdf.setCreationDate(FIXED_DATE);
    pdf.setModificationDate(FIXED_DATE);
    for (const n of pages) {
      const root = join(dir, `page-${n}`);
      const rendered = spawnSync(
        'pdftoppm',
        [
          '-r',
          String(dpi),
          '-gray',
          '-jpeg',
          '-jpegopt',
          'quality=85',
          '-f',
          String(n),
          '-l',
          String(n),
          '-singlefile',
          source,
          root,
        ],
        { encoding: 'utf8' },
      );
      if (rendered.error || rendered.status !== 0)
        throw new Error(
          `pdftoppm failed (apt-get install poppler-utils): ${rendered.error?.message ?? rendered.stderr}`,
        );
      const image = await pdf.embedJpg(readFileSync(`${root}.jpg`));
      const page = pdf.addPage([PAGE.width, PAGE.height]);
      page.drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
    }
    return await pdf.save();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF locked with a user password (the standard security handler), as an
 * office saves a "protected" attachment: written by hand, since pdf-lib does
 * not encrypt; the /U entry matches no empty password, so a reader must ask.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex32('5A')} /U ${hex32('A5')} /P -4 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Whether tesseract with chi_sim is here (the test set-up installs it). */
export function hasTesseract(): boolean {
  const result = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return result.error === undefined && `${result.stdout}${result.stderr}`.includes('chi_sim');
}
