/**
 * Tables without rules, whose columns are aligned by spacing alone. Lines
 * that break into several segments at wide gaps, with the segments of many
 * lines falling into the same x-ranges, are table rows; the x-ranges are the
 * columns. A line of one segment inside one column continues a cell (a
 * wrapped indicator, the next responsible unit). Rows are told apart by the
 * extra space between them, or, where rows sit as close as lines, by a cell
 * that starts where its column was empty on the line above.
 */
import type { LineSegment, PdfLine, PdfTable, SegmentedLine } from './pdf-items.ts';

/** Lines of two or more segments a table needs at least (a header and two rows). */
const MIN_SEGMENTED_LINES = 3;
/** Columns are this far apart at least (font sizes). */
const MIN_COLUMN_GAP = 0.5;
/** A line this much further below the one above than the tightest line pitch starts a row. */
const ROW_GAP = 1.2;
/** Lines further apart than this many font sizes are not one table. */
const MAX_LINE_PITCH = 3;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Infinity;
}

interface Column {
  left: number;
  right: number;
}

/** Columns: the x-ranges that the segments of the table's lines cover, split at common gaps. */
function columnsOf(lines: SegmentedLine[]): Column[] {
  const spans = lines
    .flatMap((l) => l.segments)
    .map((s) => ({ left: s.left, right: s.right }))
    .sort((a, b) => a.left - b.left);
  const fontSize = Math.min(...lines.map((l) => l.line.fontSize));
  const columns: Column[] = [];
  for (const s of spans) {
    const last = columns.at(-1);
    if (last && s.left <= last.right + MIN_COLUMN_GAP * fontSize)
      last.right = Math.max(last.right, s.right);
    else columns.push({ ...s });
  }
  return columns;
}

/**
 * The column a segment belongs to: it starts inside the column's x-range and
 * ends before the next column begins (a cell line may be wider than any
 * segmented line showed, as the longest responsible unit often is).
 */
function columnOf(columns: Column[], segment: LineSegment): number {
  for (let c = 0; c < columns.length; c++) {
    const next = columns[c + 1];
    if (segment.left < columns[c]!.left - 1) return -1;
    if (next && segment.left >= next.left - 1) continue;
    return !next || segment.right < next.left ? c : -1;
  }
  return -1;
}

/** Every segment of the line lies inside one column. */
function fits(columns: Column[], line: SegmentedLine): boolean {
  return line.segments.every((s) => columnOf(columns, s) !== -1);
}

/** The table's lines, each cut into its columns' pieces. */
function cellsOf(columns: Column[], line: SegmentedLine): (PdfLine | null)[] {
  const cells: (PdfLine | null)[] = columns.map(() => null);
  for (const s of line.segments) {
    const c = columnOf(columns, s);
    const text = s.items
      .map((i) => i.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const first = s.items[0]!;
    const piece: PdfLine = {
      text,
      left: s.left,
      right: s.right,
      y: line.line.y,
      fontSize: line.line.fontSize,
      firstCharWidth: first.width / Math.max(1, [...first.text].length),
    };
    const previous = cells[c];
    cells[c] = previous ? { ...previous, text: previous.text + text, right: s.right } : piece;
  }
  return cells;
}

/** Rows from the lines: a wider gap above a line, or a cell starting in an empty column, starts a row. */
function rowsOf(columns: Column[], lines: SegmentedLine[]): PdfLine[][][] {
  const pitches = lines.slice(1).map((l, i) => lines[i]!.line.y - l.line.y);
  // the pitch of lines inside a cell: a low quantile, not the minimum, since OCR baselines jitter
  const tightest = quantile(pitches, 0.25);
  const spacedRows = pitches.some((p) => p > ROW_GAP * tightest);
  const rows: PdfLine[][][] = [];
  let previous: (PdfLine | null)[] | null = null;
  lines.forEach((line, i) => {
    const cells = cellsOf(columns, line);
    let starts = i === 0;
    if (!starts && spacedRows) starts = pitches[i - 1]! > ROW_GAP * tightest;
    if (!starts && !spacedRows && previous) {
      const prev = previous;
      starts = cells.some((c, k) => c !== null && prev[k] === null);
      // two or more cells that each follow a finished line (a cell's next unit alone does not)
      if (!starts)
        starts =
          cells.filter((c, k) => c !== null && !wrapsInto(prev[k] ?? null, c, columns[k]!))
            .length >= 2;
    }
    if (starts) rows.push(columns.map(() => []));
    const row = rows.at(-1)!;
    cells.forEach((c, k) => {
      if (c) row[k]!.push(c);
    });
    previous = cells;
  });
  return rows;
}

/** The line above ran to its column's edge: the next line continues it. */
function wrapsInto(above: PdfLine | null, next: PdfLine, column: Column): boolean {
  if (!above) return false;
  return above.right + (next.firstCharWidth ?? next.fontSize) > column.right + 0.5;
}

function tableOf(columns: Column[], lines: SegmentedLine[]): PdfTable {
  // a column's text runs as far right as its widest line, which is where its lines wrap
  const widened = columns.map((c) => ({ ...c }));
  for (const line of lines)
    for (const s of line.segments) {
      const c = widened[columnOf(columns, s)];
      if (c) c.right = Math.max(c.right, s.right);
    }
  const rows = rowsOf(widened, lines);
  const limits = widened.map((c) => c.right);
  return {
    edges: [...columns.map((c) => c.left), limits.at(-1)!],
    limits,
    rows,
    top: lines[0]!.line.y + lines[0]!.line.fontSize,
    bottom: lines.at(-1)!.line.y,
    ruled: false,
  };
}

export interface SpacedResult {
  /** The page's lines with table lines replaced by their table, top to bottom. */
  elements: ({ kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable })[];
}

/**
 * Finds spacing-aligned tables among a page's lines. `continued`: the columns
 * of a table that ended the previous page; lines at the top of this page that
 * fit them continue it even when too few to be a table of their own.
 */
export function spacedTables(lines: SegmentedLine[], continued?: Column[]): SpacedResult {
  const elements: SpacedResult['elements'] = [];
  let i = 0;
  while (i < lines.length) {
    const region = regionFrom(lines, i, i === 0 || onlyFurnitureAbove(i) ? continued : undefined);
    if (region) {
      elements.push({ kind: 'table', table: tableOf(region.columns, lines.slice(i, region.end)) });
      i = region.end;
      continue;
    }
    elements.push({ kind: 'line', line: lines[i]!.line });
    i++;
  }
  return { elements };
}

/** A page's top lines (a running header, a page number) come before a continued table. */
function onlyFurnitureAbove(index: number): boolean {
  return index <= 2;
}

/**
 * The table region starting at line `start`, if one does: consecutive lines,
 * close together, each segmented or inside one column, with enough segmented
 * lines, all within common columns.
 */
function regionFrom(
  lines: SegmentedLine[],
  start: number,
  continued: Column[] | undefined,
): { end: number; columns: Column[] } | null {
  const first = lines[start]!;
  if (first.segments.length < 2) return null;
  const known = continued && fits(continued, first) ? continued : undefined;
  const fontSize = first.line.fontSize;
  let columns = known ?? columnsOf([first]);
  let end = start + 1;
  while (end < lines.length) {
    const next = lines[end]!;
    const pitch = lines[end - 1]!.line.y - next.line.y;
    if (pitch <= 0 || pitch > MAX_LINE_PITCH * fontSize) break;
    if (next.segments.length >= 2) {
      const candidate =
        known ?? columnsOf(lines.slice(start, end + 1).filter((l) => l.segments.length >= 2));
      if (candidate.length < 2 || !lines.slice(start, end + 1).every((l) => fits(candidate, l)))
        break;
      columns = candidate;
    } else if (!fits(columns, next)) break;
    end++;
  }
  end = withoutTrailingLines(lines, start, end);
  const segmented = lines.slice(start, end).filter((l) => l.segments.length >= 2).length;
  if (columns.length < 2) return null;
  if (segmented < MIN_SEGMENTED_LINES && !(known && segmented >= 1)) return null;
  return { end, columns };
}

/**
 * Lines of one segment after the last segmented line continue its row only
 * while as close as the lines inside a cell are; a heading or a short
 * paragraph line after the table is further away. Where no cell inside the
 * table has a second line, nothing tells, and those lines stay outside.
 */
function withoutTrailingLines(lines: SegmentedLine[], start: number, end: number): number {
  let lastSegmented = end - 1;
  while (lastSegmented > start && lines[lastSegmented]!.segments.length < 2) lastSegmented--;
  const inCell: number[] = [];
  for (let k = start + 1; k <= lastSegmented; k++)
    if (lines[k]!.segments.length < 2) inCell.push(lines[k - 1]!.line.y - lines[k]!.line.y);
  if (inCell.length === 0) return lastSegmented + 1;
  const cellPitch = quantile(inCell, 0.5);
  let k = lastSegmented + 1;
  while (k < end && lines[k - 1]!.line.y - lines[k]!.line.y <= ROW_GAP * cellPitch) k++;
  return k;
}
