/**
 * Tables inside plan text. Two shapes occur in plans converted from Word:
 *  - pipe tables: either markdown rows (`| a | b | c |`) or one cell per line
 *    (`cell |`, with `||` marking empty cells of a merged row);
 *  - tab tables: each cell starts a line with a tab, a cell's further lines
 *    follow without a tab, and blank lines separate rows.
 * Cells keep original offsets; rows are assembled by the header's width.
 */
import type { Line } from './lines.ts';

export interface Cell {
  start: number;
  end: number;
  /** NFKC text, inner line breaks kept as \n. */
  text: string;
}

export interface TableRow {
  cells: Cell[];
  /** A row holding one heading-like cell (一、关键核心技术攻坚行动) that groups the rows below. */
  group: boolean;
}

export type ColumnRole =
  | 'seq'
  | 'indicator'
  | 'target'
  | 'unit'
  | 'baseline'
  | 'task'
  | 'responsible'
  | 'person'
  | 'other';

export interface Table {
  firstLine: number;
  lastLine: number;
  style: 'pipe' | 'tab';
  header: Cell[];
  roles: ColumnRole[];
  rows: TableRow[];
}

const PIPE_LINE = /^\s*\|.*\|\s*$|\|\s*$/;

function isPipeLine(l: Line): boolean {
  return PIPE_LINE.test(l.raw);
}

function isTabLine(l: Line): boolean {
  return l.raw.startsWith('\t');
}

function cell(body: string, start: number, end: number): Cell | null {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return { start, end, text: body.slice(start, end).normalize('NFKC') };
}

/** Finds the table regions of a text; each is parsed into header and rows. */
export function findTables(body: string, lines: Line[]): Table[] {
  const tables: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isPipeLine(lines[i]!)) {
      let j = i;
      while (j + 1 < lines.length && isPipeLine(lines[j + 1]!)) j++;
      if (j > i) {
        const t = parsePipe(body, lines, i, j);
        if (t) tables.push(t);
        i = j + 1;
        continue;
      }
    }
    if (isTabLine(lines[i]!) && lines[i]!.norm !== '') {
      let j = i;
      let last = i;
      while (j + 1 < lines.length) {
        const next = lines[j + 1]!;
        if (isTabLine(next) || next.norm === '') {
          j++;
          if (next.norm !== '' || isTabLine(next)) last = j;
          continue;
        }
        // a line without a tab continues the cell above only when no blank line came between
        if (lines[j]!.norm !== '' || isTabLine(lines[j]!)) {
          j++;
          last = j;
          continue;
        }
        break;
      }
      const t = parseTab(body, lines, i, last);
      if (t) {
        tables.push(t);
        i = last + 1;
        continue;
      }
    }
    i++;
  }
  return tables;
}

function parsePipe(body: string, lines: Line[], first: number, last: number): Table | null {
  const slice = lines.slice(first, last + 1);
  const markdownRows = slice.filter((l) => /^\s*\|/.test(l.raw)).length > slice.length / 2;
  if (markdownRows) {
    const rows: Cell[][] = [];
    for (const l of slice) {
      if (/^\s*\|?\s*:?-{2,}/.test(l.raw)) continue; // |---|---| separator
      const cells: Cell[] = [];
      let s = l.start + l.raw.indexOf('|') + 1;
      for (let k = s; k <= l.end; k++) {
        if (k === l.end || body[k] === '|') {
          const c = cell(body, s, k);
          if (k < l.end || s < k) cells.push(c!);
          s = k + 1;
        }
      }
      if (
        cells.length &&
        cells[cells.length - 1]!.text === '' &&
        body.slice(l.start, l.end).trimEnd().endsWith('|')
      )
        cells.pop();
      rows.push(cells);
    }
    const [header, ...rest] = rows;
    if (!header) return null;
    return assemble('pipe', first, last, header, mergeContinuationRows(rest));
  }
  // One cell per line: "text |"; "||" lines are empty cells of merged rows.
  const cells: Cell[] = [];
  for (const l of slice) {
    const bar = l.raw.lastIndexOf('|');
    const content = l.raw.slice(0, bar).replace(/\|/g, '').trim();
    if (content === '') continue;
    cells.push(cell(body, l.start, l.start + bar)!);
  }
  return assembleByValues(first, last, cells);
}

/** A value cell: a number, optionally after 同比增长 / 增长 / 达. */
const VALUE_CELL = /^(同比)?(增长|增加|达到?|提高)?\s*[\d０-９.]+\s*\S{0,4}(以上|左右|以内)?$/;

/**
 * Cell-per-line tables lose their row structure; rows are rebuilt around value
 * cells: the cell before a value cell is its indicator, the cells after it,
 * up to the next indicator, are its responsible units.
 */
function assembleByValues(first: number, last: number, cells: Cell[]): Table | null {
  const valueAt = cells.map((c) => VALUE_CELL.test(c.text.replace(/\s+/g, '')));
  const firstValue = valueAt.indexOf(true);
  if (firstValue < 1) return null;
  const header = cells.slice(0, firstValue - 1);
  const rows: TableRow[] = [];
  let k = firstValue - 1;
  while (k < cells.length) {
    const row: Cell[] = [cells[k]!, cells[k + 1]!];
    let m = k + 2;
    while (m < cells.length && !(m + 1 < cells.length && valueAt[m + 1])) {
      row.push(cells[m]!);
      m++;
    }
    if (m === cells.length - 1 && !valueAt[m]) {
      row.push(cells[m]!);
      m++;
    }
    rows.push({ cells: row, group: false });
    k = m;
  }
  const width = header.length;
  const roles = header.length
    ? rolesOf(header)
    : (['indicator', 'target', 'responsible'] as ColumnRole[]);
  return {
    firstLine: first,
    lastLine: last,
    style: 'pipe',
    header,
    roles: width ? roles : roles,
    rows,
  };
}

/** Continuation rows (first cells empty) belong to the row above: merged cells in Word. */
function mergeContinuationRows(rows: Cell[][]): TableRow[] {
  const out: TableRow[] = [];
  for (const cells of rows) {
    const prev = out[out.length - 1];
    const leadingEmpty = cells.findIndex((c) => c.text !== '');
    if (prev && leadingEmpty > 0) {
      for (let k = leadingEmpty; k < cells.length; k++) {
        if (cells[k]!.text === '') continue;
        const target = prev.cells[k];
        if (target && target.text !== '') prev.cells.push(cells[k]!);
        else prev.cells[k] = cells[k]!;
      }
      continue;
    }
    out.push({
      cells: cells.filter((c, idx) => c.text !== '' || idx < cells.length),
      group: false,
    });
  }
  return out;
}

function assemble(
  style: 'pipe' | 'tab',
  first: number,
  last: number,
  header: Cell[],
  rows: TableRow[],
): Table {
  return { firstLine: first, lastLine: last, style, header, roles: rolesOf(header), rows };
}

/** Column roles from the header's words. */
export function rolesOf(header: Cell[]): ColumnRole[] {
  return header.map((h) => {
    const t = h.text.replace(/\s+/g, '');
    if (/序号|编号/.test(t)) return 'seq';
    if (/责任人|领导|联系人/.test(t)) return 'person';
    // "单位" alone is the unit of measure (家, 亿元); 责任单位 is who answers for it.
    if (/^(计量)?单位$/.test(t)) return 'unit';
    if (/单位|部门|牵头/.test(t)) return 'responsible';
    if (/基数|基期|现状|基础值|完成情况|实际/.test(t)) return 'baseline';
    if (
      (/目标|指标值|任务数|数值/.test(t) && !/名称/.test(t)) ||
      /^(20\d{2})年?(目标|目标值)?$/.test(t)
    )
      return 'target';
    if (/指标/.test(t)) return 'indicator';
    if (/任务|工作|内容|事项/.test(t)) return 'task';
    return 'other';
  });
}

function parseTab(body: string, lines: Line[], first: number, last: number): Table | null {
  // Cells with their line ranges; a blank line is recorded as a row break.
  type Item = { cell: Cell } | { blank: true };
  const items: Item[] = [];
  let cur: { start: number; end: number } | null = null;
  const flush = () => {
    if (cur) {
      const c = cell(body, cur.start, cur.end);
      items.push({ cell: c ?? { start: cur.start, end: cur.start, text: '' } });
    }
    cur = null;
  };
  for (let i = first; i <= last; i++) {
    const l = lines[i]!;
    if (isTabLine(l)) {
      flush();
      cur = { start: l.start + 1, end: l.end };
    } else if (l.norm === '') {
      flush();
      items.push({ blank: true });
    } else if (cur) {
      cur.end = l.end;
    } else {
      cur = { start: l.start, end: l.end };
    }
  }
  flush();
  const firstBlank = items.findIndex((it) => 'blank' in it);
  const header = items
    .slice(0, firstBlank === -1 ? items.length : firstBlank)
    .map((it) => (it as { cell: Cell }).cell);
  const width = header.length;
  if (width < 2) return null;
  const rows: TableRow[] = [];
  let acc: Cell[] = [];
  for (const it of items.slice(header.length)) {
    if ('blank' in it) {
      if (acc.length === 1 && width > 1) {
        rows.push({ cells: acc, group: true });
        acc = [];
      }
      continue;
    }
    acc.push(it.cell);
    if (acc.length === width) {
      rows.push({ cells: acc, group: false });
      acc = [];
    }
  }
  if (acc.length) rows.push({ cells: acc, group: acc.length === 1 });
  return assemble('tab', first, last, header, rows);
}
