/**
 * PDF table fragments to the text-table block every reader produces: a table
 * that runs over a page break joined into one (a repeated header row dropped,
 * a row split by the break put back together), and each cell's lines joined
 * the way they print: a line that ran to the cell's edge wraps on (joined
 * without a break), a shorter one ends a paragraph of the cell (joined with
 * `；`, as Word cell paragraphs are), so a responsible-units cell holding one
 * unit per line reads as a list of units.
 */
import type { PdfLine, PdfTable } from './pdf-items.ts';
import { cellText, type TextBlock } from './text-blocks.ts';

/** A table being assembled, with the last page it has reached. */
export interface TableRun {
  table: PdfTable;
  lastPage: number;
}

/** Column edges this close (page units, or a font size for tables without rules) are the same column. */
const SAME_EDGE = 4;

/** A line ending in a number and a unit (市科工局5家, 2亿元) closes an entry of a list. */
const ENTRY_END = /\d(?:\.\d+)?\s*(?:家|项|个|件|名|人|所|台|套|亿元|万元|元|%|％)$/;
/** Characters that never end a cell's paragraph / never start one. */
const OPEN_END = /[、，,（(“‘《〈\-—–·]$/;
const CLOSE_START = /^[、，,。．.；;：:）)”’》〉%％]/;
const SENTENCE_END = /[。；;！？!?]$/;

/** Whether the next line of a cell continues the line above (wrapped) rather than starting a paragraph. */
export function wrapsOn(above: PdfLine, next: PdfLine, limit: number): boolean {
  if (OPEN_END.test(above.text) || CLOSE_START.test(next.text)) return true;
  if (SENTENCE_END.test(above.text)) return false;
  if (ENTRY_END.test(above.text) && !/^[\d.]/.test(next.text)) return false;
  return above.right + (next.firstCharWidth ?? next.fontSize) > limit + 0.5;
}

/** Joins a wrapped line to the next: CJK text has no space at a line break, Latin words do. */
function joinWrapped(head: string, tail: string): string {
  const needsSpace = /[A-Za-z]$/.test(head) && /^[A-Za-z]/.test(tail);
  return head + (needsSpace ? ' ' : '') + tail;
}

/** A cell's lines as its text: wrapped lines joined, paragraphs separated by `；`. */
export function cellTextOfLines(lines: PdfLine[], limit: number): string {
  const paragraphs: string[] = [];
  lines.forEach((line, i) => {
    const text = line.text.trim();
    if (text === '') return;
    if (i > 0 && paragraphs.length > 0 && wrapsOn(lines[i - 1]!, line, limit))
      paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs.at(-1)!, text);
    else paragraphs.push(text);
  });
  return cellText(paragraphs);
}

function rowKey(row: PdfLine[][]): string {
  return row
    .map((cell) => cell.map((l) => l.text).join(''))
    .join('|')
    .replace(/\s+/g, '');
}

function sameColumns(a: PdfTable, b: PdfTable): boolean {
  if (a.edges.length !== b.edges.length) return false;
  const slack =
    a.ruled && b.ruled ? SAME_EDGE : Math.max(SAME_EDGE, ...a.rows.flat(2).map((l) => l.fontSize));
  return a.edges.every((x, i) => Math.abs(x - b.edges[i]!) <= slack);
}

/**
 * `next`, the first element of page `page`, continues `run` when its columns
 * are the run's: the tables are joined, without a repeated header, and a first
 * row whose first cell is empty (a row the page break split) is put back into
 * the row it belongs to. Null when `next` is a table of its own.
 */
export function mergeTablePages(run: TableRun, next: PdfTable, page: number): TableRun | null {
  const table = run.table;
  if (!sameColumns(table, next)) return null;
  let rows = next.rows;
  if (rows.length > 0 && table.rows.length > 0 && rowKey(rows[0]!) === rowKey(table.rows[0]!))
    rows = rows.slice(1);
  const merged = table.rows.map((row) => row.map((cell) => [...cell]));
  const [first, ...rest] = rows;
  const last = merged.at(-1);
  if (first && last && first[0]!.length === 0) {
    first.forEach((cell, c) => last[c]?.push(...cell));
    rows = rest;
  }
  return {
    table: {
      ...table,
      rows: [...merged, ...rows],
      limits: table.limits.map((l, c) => Math.max(l, next.limits[c] ?? l)),
      bottom: next.bottom,
    },
    lastPage: page,
  };
}

/** The text block of an assembled table: one row of cell texts per row. */
export function tableBlock(run: TableRun): Extract<TextBlock, { kind: 'table' }> {
  const { table } = run;
  return {
    kind: 'table',
    caption: null,
    rows: table.rows.map((row) => row.map((cell, c) => cellTextOfLines(cell, table.limits[c]!))),
  };
}
