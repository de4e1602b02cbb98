/**
 * Ruled tables: the grids that a page's horizontal and vertical rules form.
 * Column edges are the vertical rules, row edges the horizontal ones; a rule
 * missing inside the grid is a merged cell (Word's vertical or horizontal
 * merge), whose text goes to the merged cell's first position and leaves the
 * positions it covers empty, as the Word and web-page readers do.
 */
import { itemsToLines, type PdfLine, type PdfTable, type PlacedItem } from './pdf-items.ts';
import { isHorizontal, type Rule } from './pdf-rules.ts';

/** Rules this close (page units) meet or lie on one line. */
const TOUCH = 2;
/** A grid smaller than this is a box or a mark, not a table. */
const MIN_GRID_WIDTH = 60;
const MIN_ROW_HEIGHT = 6;

/** Collinear pieces of one border (Word draws each cell's edge on its own) merged into one rule. */
function mergeCollinear(rules: Rule[], horizontal: boolean): Rule[] {
  const pos = (r: Rule) => (horizontal ? r.y1 : r.x1);
  const start = (r: Rule) => (horizontal ? r.x1 : r.y1);
  const end = (r: Rule) => (horizontal ? r.x2 : r.y2);
  const sorted = [...rules].sort((a, b) => pos(a) - pos(b) || start(a) - start(b));
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(pos(last) - pos(r)) <= TOUCH / 2 && start(r) <= end(last) + TOUCH) {
      if (horizontal) last.x2 = Math.max(last.x2, r.x2);
      else last.y2 = Math.max(last.y2, r.y2);
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

function meets(h: Rule, v: Rule): boolean {
  return (
    v.x1 >= h.x1 - TOUCH && v.x1 <= h.x2 + TOUCH && h.y1 >= v.y1 - TOUCH && h.y1 <= v.y2 + TOUCH
  );
}

/** Distinct positions, within TOUCH of each other counted once. */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out.at(-1)! > TOUCH) out.push(v);
  return out;
}

interface Grid {
  hs: Rule[];
  vs: Rule[];
  xs: number[];
  /** Row edges, top first. */
  ys: number[];
}

/** Connected groups of horizontal and vertical rules that form at least a 2×1 grid. */
function findGrids(rules: Rule[]): Grid[] {
  const hs = mergeCollinear(rules.filter(isHorizontal), true);
  const vs = mergeCollinear(
    rules.filter((r) => !isHorizontal(r)),
    false,
  );
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (meets(h, v)) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  all.forEach((r, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    (i < hs.length ? g.hs : g.vs).push(r);
    groups.set(find(i), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const xs = positions(g.vs.map((v) => v.x1));
    const ys = positions(g.hs.map((h) => h.y1)).reverse();
    if (xs.length < 3 || ys.length < 2) continue;
    if (xs.at(-1)! - xs[0]! < MIN_GRID_WIDTH) continue;
    grids.push({ ...g, xs, ys });
  }
  return grids;
}

function hasRuleAt(
  rules: Rule[],
  horizontal: boolean,
  at: number,
  from: number,
  to: number,
): boolean {
  const mid = (from + to) / 2;
  return rules.some((r) =>
    horizontal
      ? Math.abs(r.y1 - at) <= TOUCH && r.x1 <= mid && r.x2 >= mid
      : Math.abs(r.x1 - at) <= TOUCH && r.y1 <= mid && r.y2 >= mid,
  );
}

function intervalOf(edges: number[], value: number, descending: boolean): number {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    if (descending ? value <= a && value > b : value >= a && value < b) return i;
  }
  return -1;
}

/** The table a grid holds: items placed in cells, merged cells resolved, cell lines grouped. */
function gridTable(grid: Grid, items: PlacedItem[]): PdfTable {
  const { xs, ys } = grid;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // owner[r][c]: the top-left cell of the merged area (r, c) belongs to
  const owner: [number, number][][] = [];
  for (let r = 0; r < rows; r++) {
    owner.push([]);
    for (let c = 0; c < cols; c++) {
      let [or, oc] = [r, c];
      if (c > 0 && !hasRuleAt(grid.vs, false, xs[c]!, ys[r + 1]!, ys[r]!))
        [or, oc] = owner[r]![c - 1]!;
      else if (r > 0 && !hasRuleAt(grid.hs, true, ys[r]!, xs[c]!, xs[c + 1]!))
        [or, oc] = owner[r - 1]![c]!;
      owner[r]!.push([or, oc]);
    }
  }
  const cellItems: PlacedItem[][][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => []),
  );
  for (const item of items) {
    const cx = item.x + Math.min(item.width, item.fontSize) / 2;
    const cy = item.y + 0.3 * item.fontSize;
    const r = intervalOf(ys, cy, true);
    const c = intervalOf(xs, cx, false);
    if (r === -1 || c === -1) continue;
    const [or, oc] = owner[r]![c]!;
    cellItems[or]![oc]!.push(item);
  }
  const cellLines: PdfLine[][][] = cellItems.map((row) => row.map((cell) => itemsToLines(cell)));
  // a cell's text may run to its right rule less the padding it keeps on the left
  const limits = xs.slice(0, -1).map((left, c) => {
    const pads = cellLines
      .flatMap((row) => row[c]!.map((l) => l.left - left))
      .filter((p) => p >= 0);
    return xs[c + 1]! - (pads.length ? Math.min(...pads) : 0);
  });
  return {
    edges: xs,
    limits,
    rows: cellLines.filter((row) => row.some((cell) => cell.length > 0)),
    top: ys[0]!,
    bottom: ys.at(-1)!,
    ruled: true,
  };
}

function inside(item: PlacedItem, grid: Grid): boolean {
  const cx = item.x + Math.min(item.width, item.fontSize) / 2;
  const cy = item.y + 0.3 * item.fontSize;
  return cx >= grid.xs[0]! && cx <= grid.xs.at(-1)! && cy <= grid.ys[0]! && cy >= grid.ys.at(-1)!;
}

/** Ruled tables of a page, and the items left outside them. */
export function ruledTables(
  items: PlacedItem[],
  rules: Rule[],
): { tables: PdfTable[]; rest: PlacedItem[] } {
  const grids = findGrids(rules).filter((g) => g.ys[0]! - g.ys.at(-1)! >= MIN_ROW_HEIGHT);
  const tables: PdfTable[] = [];
  let rest = items;
  for (const grid of grids) {
    const mine = rest.filter((i) => inside(i, grid));
    if (mine.length === 0) continue;
    rest = rest.filter((i) => !inside(i, grid));
    const table = gridTable(grid, mine);
    if (table.rows.length > 0) tables.push(table);
  }
  return { tables, rest };
}
