/**
 * Forms that lost their layout: performance-target forms (绩效目标申报表) and
 * task tables pasted as text, where each row is a line and cells are separated
 * by | or by white space, or where every cell is a line of its own. A value
 * cell (≥6家, 15家以上, 100%) takes its indicator from the cells before it —
 * the nearest one that names something (指标内容, else 三级指标), never a
 * category cell (产出指标, 数量指标). A header row (序号 重点工作任务 主要责任单位
 * … 完成期限) names the columns of the rows below it that have as many cells.
 */
import { UNITS } from './numbers.ts';
import { unitsInCell } from './lead.ts';

/** Column names of plan forms and task tables. */
const COLUMN_NAME =
  /^(?:序号|编号|重点工作任务|工作任务|主要任务|任务|工作内容|具体任务|主要责任单位|责任单位|牵头单位|责任部门|牵头部门|协同配合单位|配合单位|协同单位|责任领导|责任人|完成期限|完成时限|完成时间|时间节点|时限要求|时限|[一二三]级指标|指标内容|指标名称|指标|指标值(?:及单位)?|目标值|年度指标值|备注|计量单位|单位)$/;
/** Cells that only classify a row: 产出指标, 数量指标, 效益指标 … and column names. */
const CATEGORY_CELL = /^(?:[\u4e00-\u9fa5]{0,10}指标|备\s*注|指标值(?:及单位)?|目标值)$/;
/** A cell holding only a value: 15, 15家以上, ≥90%, 2个亿以上. */
const VALUE_CELL = /^(?:≥|>=|≧|≤|<=|＞|>|<)?\s*[\d.,]+\s*[^\s\d|]{0,4}$/;
const LEAD_COLUMN = /^(?:主要责任单位|责任单位|牵头单位|责任部门|牵头部门)$/;

/** Whether a paragraph's fragments are the rows or cells of a form rather than wrapped prose. */
export function isFormParagraph(lines: string[]): boolean {
  if (lines.some((l) => l.includes('|'))) return true;
  // One line without inner white space is prose (the common case, decided cheaply).
  if (lines.length === 1 && !/\S\s+\S/.test(lines[0]!)) return false;
  const norm = lines.map((l) => l.normalize('NFKC').trim());
  if (norm.some((l) => isHeaderCells(splitCells(l)))) return true;
  if (norm.length < 3) return false;
  const short = norm.filter((l) => l.length <= 20 && !/[，,。；;]/.test(l)).length;
  const values = norm.filter((l) => VALUE_CELL.test(l)).length;
  const categories = norm.filter((l) => CATEGORY_CELL.test(l)).length;
  return short / norm.length >= 0.6 && (values > 0 || categories >= 2);
}

function splitCells(line: string): string[] {
  return line
    .split(/\||\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function isHeaderCells(cells: string[]): boolean {
  return cells.length >= 3 && cells.filter((c) => COLUMN_NAME.test(c)).length >= 2;
}

const UNIT_START = new Set(UNITS.map((u) => u[0]!).concat(['以', '万', '亿', '左', '%']));

/**
 * The form's text with white space between cells turned into |, keeping its
 * length (the offset map stays valid). Space between a number and its unit
 * (50 家, 30 %) stays.
 */
export function markCells(text: string): string {
  const out = text.split('');
  for (let i = 0; i < text.length; i++) {
    if (!/[ \t\u3000]/.test(text[i]!)) continue;
    let j = i;
    while (j < text.length && /[ \t\u3000]/.test(text[j]!)) j++;
    const p = text[i - 1] ?? '';
    const q = text[j] ?? '';
    const keep =
      (/[\d.]/.test(p) && UNIT_START.has(q)) || /[≥≤<>]/.test(p) || p === '' || q === '\n';
    if (!keep && q !== '') for (let k = i; k < j; k++) out[k] = '|';
    i = j - 1;
  }
  return out.join('');
}

export interface CellSpan {
  start: number;
  end: number;
  text: string;
}

function lineStart(text: string, pos: number): number {
  const k = text.lastIndexOf('\n', pos - 1);
  return k + 1;
}

function lineEnd(text: string, pos: number): number {
  const k = text.indexOf('\n', pos);
  return k === -1 ? text.length : k;
}

/** The cells of one line of form text, with their offsets. */
export function cellsOfLine(text: string, from: number, to: number): CellSpan[] {
  const out: CellSpan[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '|') {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
      s = i + 1;
    }
  }
  return out;
}

/**
 * Cells before a value cell that may name its indicator, nearest first
 * (category cells skipped). A value alone on its line reads the cells of the
 * line before: forms pasted one cell per line.
 */
export function labelCells(text: string, valueFrom: number): CellSpan[] {
  const ls = lineStart(text, valueFrom);
  const own = cellsOfLine(text, ls, valueFrom).filter((c) => !CATEGORY_CELL.test(c.text));
  if (own.length) return own.reverse().slice(0, 2);
  const le = lineEnd(text, valueFrom);
  if (cellsOfLine(text, valueFrom, le).length > 1 || ls === 0) return [];
  // Alone on its line: the previous non-empty lines hold its label (one cell per line).
  let end = ls - 1;
  for (let guard = 0; guard < 3 && end > 0; guard++) {
    const start = lineStart(text, end);
    const cells = cellsOfLine(text, start, end).filter((c) => !CATEGORY_CELL.test(c.text));
    if (cells.some((c) => VALUE_CELL.test(c.text))) return [];
    if (cells.length) return cells.reverse().slice(0, 2);
    end = start - 1;
  }
  return [];
}

/** Column roles a header row gives to the rows below it. */
export interface FormHeader {
  width: number;
  leadColumn: number;
}

/** A header row (序号 重点工作任务 主要责任单位 … 完成期限) among the lines of form text, or null. */
export function headerOf(text: string): { header: FormHeader; end: number } | null {
  let from = 0;
  while (from <= text.length) {
    const to = lineEnd(text, from);
    const cells = cellsOfLine(text, from, to).map((c) => c.text);
    if (isHeaderCells(cells)) {
      return {
        header: { width: cells.length, leadColumn: cells.findIndex((c) => LEAD_COLUMN.test(c)) },
        end: to,
      };
    }
    from = to + 1;
  }
  return null;
}

/** Responsible units of the row holding `pos`, where the row has the header's width. */
export function rowLead(text: string, pos: number, header: FormHeader): string[] | null {
  if (header.leadColumn === -1) return null;
  const cells = cellsOfLine(text, lineStart(text, pos), lineEnd(text, pos));
  if (cells.length !== header.width) return null;
  return unitsInCell(cells[header.leadColumn]!.text);
}

/** Whether a line of form text is a header row: a form keeps reading its rows after it. */
export function isHeaderLine(line: string): boolean {
  return isHeaderCells(splitCells(line.normalize('NFKC')));
}
