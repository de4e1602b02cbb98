/**
 * The shapes a PDF page is read into: placed text items (from pdf.js's text
 * layer, or from OCR word boxes), the visual lines they form, and the page
 * elements (lines and table fragments) that become plan text.
 */

/** One run of text on the page; y is its baseline, from the page bottom, in PDF units. */
export interface PlacedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** One visual line of a page, left to right, with its extent in PDF units (y: baseline, from the page bottom). */
export interface PdfLine {
  text: string;
  left: number;
  right: number;
  y: number;
  fontSize: number;
  /** Width of the line's first character, for "would it have fitted on the line above?". */
  firstCharWidth?: number;
}

/** A run of a line separated from the next by a wide gap: a table cell's piece of the line. */
export interface LineSegment {
  left: number;
  right: number;
  items: PlacedItem[];
}

/** A line with its wide-gap segments (one segment for running text). */
export interface SegmentedLine {
  line: PdfLine;
  segments: LineSegment[];
}

/** A table as found on one page: column edges (left to right) and rows of cells, each cell its lines. */
export interface PdfTable {
  /** Column edges, length = columns + 1; for a ruled grid the vertical rules, else the text extents. */
  edges: number[];
  /** Per column, how far right text may run before it wraps. */
  limits: number[];
  rows: PdfLine[][][];
  top: number;
  bottom: number;
  ruled: boolean;
}

export type PageElement = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable };

/** A gap wider than this many font sizes splits a line into segments (table cells: two cell paddings are about one character). */
const SEGMENT_GAP = 0.75;

function charCount(text: string): number {
  return Math.max(1, [...text].length);
}

/** Items of one line (same baseline) into its text, extent and segments. */
function lineOf(group: PlacedItem[]): SegmentedLine {
  group.sort((a, b) => a.x - b.x);
  let text = '';
  let right = -Infinity;
  const segments: LineSegment[] = [];
  for (const item of group) {
    // pdf.js fills a gap between runs with a space item as wide as the gap: text, not extent
    if (item.text.trim() === '') {
      if (text !== '') text += ' ';
      continue;
    }
    const gap = item.x - right;
    // a gap wider than half a character between two Latin runs is a space the producer did not write
    if (
      text !== '' &&
      gap > 0.5 * item.fontSize &&
      /[A-Za-z0-9]$/.test(text) &&
      /^[A-Za-z0-9]/.test(item.text)
    )
      text += ' ';
    text += item.text;
    const segment = segments.at(-1);
    if (segment && gap <= SEGMENT_GAP * item.fontSize) {
      segment.items.push(item);
      segment.right = Math.max(segment.right, item.x + item.width);
    } else {
      segments.push({ left: item.x, right: item.x + item.width, items: [item] });
    }
    right = Math.max(right, item.x + item.width);
  }
  const first = group.find((i) => i.text.trim() !== '') ?? group[0]!;
  return {
    line: {
      text: text.replace(/\s+/g, ' ').trim(),
      left: first.x,
      right: Number.isFinite(right) ? right : first.x + first.width,
      y: first.y,
      fontSize: Math.max(...group.map((i) => i.fontSize)),
      firstCharWidth: first.width / charCount(first.text),
    },
    segments,
  };
}

/** Groups text items into visual lines, top to bottom, each left to right, with their segments. */
export function segmentLines(items: PlacedItem[]): SegmentedLine[] {
  const sorted = items.filter((i) => i.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PlacedItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - item.y) < 0.5 * Math.max(item.fontSize, group[0]!.fontSize))
      group.push(item);
    else groups.push([item]);
  }
  return groups.map(lineOf);
}

/** Groups a page's text items into visual lines, top to bottom, each left to right. */
export function itemsToLines(items: PlacedItem[]): PdfLine[] {
  return segmentLines(items).map((l) => l.line);
}
