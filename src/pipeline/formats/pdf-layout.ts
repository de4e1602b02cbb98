/**
 * One PDF page's text items and rules to its elements, top to bottom: ruled
 * tables first (the grid says where cells are), then tables aligned by
 * spacing among the remaining lines, and the lines of running text between.
 */
import { ruledTables } from './pdf-grid.ts';
import { segmentLines, type PageElement, type PdfTable, type PlacedItem } from './pdf-items.ts';
import type { Rule } from './pdf-rules.ts';
import { spacedTables } from './pdf-spaced.ts';

function elementTop(e: PageElement): number {
  return e.kind === 'line' ? e.line.y + e.line.fontSize : e.table.top;
}

/**
 * The page's elements. `previous`: the last element of the page before, so a
 * table without rules that continues from there is recognised even when only
 * a row or two of it is on this page.
 */
export function analyzePage(
  items: PlacedItem[],
  rules: Rule[],
  previous?: PageElement,
): PageElement[] {
  const { tables, rest } = ruledTables(items, rules);
  const continued =
    previous?.kind === 'table' && !previous.table.ruled ? columnsOf(previous.table) : undefined;
  const { elements } = spacedTables(segmentLines(rest), continued);
  // lines keep their order; each ruled table goes in where its top edge is
  const out: PageElement[] = [...elements];
  for (const table of [...tables].sort((a, b) => b.top - a.top)) {
    const at = out.findIndex((e) => elementTop(e) < table.top);
    out.splice(at === -1 ? out.length : at, 0, { kind: 'table', table });
  }
  return out;
}

function columnsOf(table: PdfTable): { left: number; right: number }[] {
  return table.limits.map((right, c) => ({ left: table.edges[c]!, right }));
}
