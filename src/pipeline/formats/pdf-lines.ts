/**
 * PDF text-layer lines to plan text. A PDF keeps lines, not paragraphs: this
 * drops page numbers and running headers/footers, then rejoins lines that a
 * paragraph was wrapped into, using the page geometry (a wrapped line reaches
 * the right margin; a new paragraph is indented, or follows a line ending a
 * sentence) and the shape of headings.
 */
import { normalizeRadicals } from './cjk-radicals.ts';
import type { PageElement, PdfLine } from './pdf-items.ts';
import { mergeTablePages, tableBlock, type TableRun } from './pdf-table-text.ts';
import { renderBlocks, type TextBlock } from './text-blocks.ts';

export type { PdfLine } from './pdf-items.ts';

/** Page-number lines: "- 3 -", "— 3 —", "第 3 页", "第3页 共12页", "3/12", "3", "Page 3 of 12". */
const PAGE_NUMBER = [
  /^[-—–－~～]\s*\d+\s*[-—–－~～]$/,
  /^(?:共\s*\d+\s*页\s*[,，]?\s*)?第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?$/,
  /^\d+\s*\/\s*\d+$/,
  /^\d+$/,
  /^page\s*\d+(?:\s*of\s*\d+)?$/i,
];

/** Lines at the top and bottom of a page where numbers, headers and footers sit. */
const EDGE_LINES = 2;
/** A running header or footer is short. */
const RUNNING_LINE_MAX_CHARS = 40;

/** Line ends that close a sentence or a clause, after which a new line is a new paragraph. */
const SENTENCE_END = /[。；！？：”）」』;:!?)]$/;

/** Heading starts: 一、 （一） (一) 1. 1、 （1） 第一章 附件. */
const HEADING_START =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分篇]|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)]|附件\s*\d*\s*$)/;

export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

export function isHeadingLine(text: string): boolean {
  return HEADING_START.test(text.trim());
}

function edgeIndexes(count: number): number[] {
  const top = Array.from({ length: Math.min(EDGE_LINES, count) }, (_, i) => i);
  const bottom = Array.from({ length: Math.min(EDGE_LINES, count) }, (_, i) => count - 1 - i);
  return [...new Set([...top, ...bottom])];
}

/**
 * Header/footer identity: the same wording at the same height on the page;
 * digits may vary from page to page ("第 3 页"), the rest repeats.
 */
function runningKey(line: PdfLine): string {
  return `${line.text.replace(/\s+/g, '').replace(/\d+/g, '#')}@${Math.round(line.y / 4)}`;
}

/** The line of an element at a page edge, if it is a line (a table is never furniture). */
function edgeLine(elements: PageElement[], i: number): PdfLine | null {
  const element = elements[i];
  return element?.kind === 'line' ? element.line : null;
}

/** Drops page numbers and lines that repeat at the page edges on most pages; tables stay. */
export function dropElementFurniture(pages: PageElement[][]): PageElement[][] {
  const withoutNumbers = pages.map((elements) =>
    elements.filter((_, i) => {
      const line = edgeLine(elements, i);
      return !(line && edgeIndexes(elements.length).includes(i) && isPageNumber(line.text));
    }),
  );
  const pagesWithKey = new Map<string, number>();
  for (const elements of withoutNumbers) {
    const keys = new Set(
      edgeIndexes(elements.length)
        .map((i) => edgeLine(elements, i))
        .filter((l): l is PdfLine => l !== null)
        .filter((l) => l.text.trim().length > 0 && l.text.trim().length <= RUNNING_LINE_MAX_CHARS)
        .map(runningKey),
    );
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const pageCount = pages.length;
  const running = new Set(
    [...pagesWithKey]
      .filter(([, n]) => pageCount >= 2 && n >= 2 && n > pageCount / 2)
      .map(([key]) => key),
  );
  return withoutNumbers.map((elements) =>
    elements.filter((_, i) => {
      const line = edgeLine(elements, i);
      return !(line && edgeIndexes(elements.length).includes(i) && running.has(runningKey(line)));
    }),
  );
}

const asElements = (pages: PdfLine[][]): PageElement[][] =>
  pages.map((lines) => lines.map((line) => ({ kind: 'line' as const, line })));

/** Drops page numbers and lines that repeat at the page edges on most pages. */
export function dropPageFurniture(pages: PdfLine[][]): PdfLine[][] {
  return dropElementFurniture(asElements(pages)).map((elements) =>
    elements.flatMap((e) => (e.kind === 'line' ? [e.line] : [])),
  );
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))] ?? 0;
}

const CJK_OR_FULLWIDTH = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’]/;

/** Joins a wrapped line to the next: CJK text has no space at a line break, Latin words do. */
function joinWrapped(head: string, tail: string): string {
  const last = head.at(-1) ?? '';
  const first = tail[0] ?? '';
  const needsSpace =
    /[A-Za-z]/.test(last) && /[A-Za-z]/.test(first) && !CJK_OR_FULLWIDTH.test(last);
  return head + (needsSpace ? ' ' : '') + tail;
}

/**
 * Page elements (furniture already dropped) to blocks: lines rejoined into
 * paragraphs, tables as tables, and a table that ends one page and starts the
 * next joined into one.
 */
export function elementsToBlocks(pages: PageElement[][]): TextBlock[] {
  const lines = pages
    .flat()
    .flatMap((e) => (e.kind === 'line' ? [{ ...e.line, text: e.line.text.trim() }] : []))
    .filter((l) => l.text !== '');
  const bodyLines = lines.filter((l) => l.text.length >= 8);
  const measured = bodyLines.length > 0 ? bodyLines : lines;
  const fontSize =
    quantile(
      measured.map((l) => l.fontSize),
      0.5,
    ) || 12;
  const rightMargin = quantile(
    measured.map((l) => l.right),
    0.8,
  );
  const leftMargin = quantile(
    lines.map((l) => l.left),
    0.1,
  );
  const isIndented = (l: PdfLine) => l.left > leftMargin + 0.8 * fontSize;
  // Where paragraphs are indented (the official-document layout), indentation marks a
  // new paragraph even after a full line ending in 。; elsewhere only punctuation can.
  const usesIndent = lines.filter(isIndented).length >= Math.max(2, 0.05 * lines.length);

  const blocks: TextBlock[] = [];
  let current: string | null = null;
  let prev: PdfLine | null = null;
  let table: TableRun | null = null;
  const flushParagraph = () => {
    if (current !== null) blocks.push({ kind: 'paragraph', text: current });
    current = null;
  };
  const flushTable = () => {
    if (table) blocks.push(tableBlock(table));
    table = null;
  };
  pages.forEach((elements, p) => {
    elements.forEach((element, i) => {
      if (element.kind === 'table') {
        flushParagraph();
        prev = null;
        // a table that ended the previous page and starts this one continues there
        const continues = table !== null && i === 0 && table.lastPage === p - 1;
        const merged = continues ? mergeTablePages(table!, element.table, p) : null;
        if (merged) table = merged;
        else {
          flushTable();
          table = { table: element.table, lastPage: p };
        }
        return;
      }
      const next = { ...element.line, text: element.line.text.trim() };
      if (next.text === '') return;
      flushTable();
      if (current === null || prev === null) {
        flushParagraph();
        current = next.text;
        prev = next;
        return;
      }
      const prevFull = prev.right >= rightMargin - 1.5 * fontSize;
      const newParagraph =
        !prevFull ||
        isHeadingLine(next.text) ||
        (usesIndent ? isIndented(next) : SENTENCE_END.test(prev.text));
      if (newParagraph) {
        flushParagraph();
        current = next.text;
      } else {
        current = joinWrapped(current, next.text);
      }
      prev = next;
    });
  });
  flushParagraph();
  flushTable();
  return blocks;
}

/** Page lines (furniture already dropped) to paragraphs, one per returned string. */
export function joinParagraphs(pages: PdfLine[][]): string[] {
  return elementsToBlocks(asElements(pages)).flatMap((b) =>
    b.kind === 'paragraph' ? [b.text] : [],
  );
}

/** The blocks of a PDF's pages: furniture dropped, paragraphs rejoined, tables joined across pages, radicals mapped. */
export function pdfPagesToBlocks(pages: PageElement[][]): TextBlock[] {
  const normalized = pages.map((elements) =>
    elements.map((e): PageElement =>
      e.kind === 'line'
        ? { kind: 'line', line: { ...e.line, text: normalizeRadicals(e.line.text) } }
        : {
            kind: 'table',
            table: {
              ...e.table,
              rows: e.table.rows.map((row) =>
                row.map((cell) => cell.map((l) => ({ ...l, text: normalizeRadicals(l.text) }))),
              ),
            },
          },
    ),
  );
  return elementsToBlocks(dropElementFurniture(normalized));
}

/** The plan text of a PDF's pages of lines: furniture dropped, paragraphs rejoined, radicals mapped. */
export function pdfLinesToText(pages: PdfLine[][]): string {
  return renderBlocks(pdfPagesToBlocks(asElements(pages)));
}
