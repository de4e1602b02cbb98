/**
 * Indicator tables (tables.ts found their columns): one target per row and
 * target column, read from the indicator and target cells as if they were one
 * sentence, with allocations from the responsible cells. A target column
 * headed by a year (2025年) gives that year as deadline; a bare number takes
 * its unit from a 单位 column.
 */
import type { Allocation } from './schema.ts';
import type { Table } from './tables.ts';
import type { Taxonomy } from './taxonomy.ts';
import type { ExtractOutput } from './mention.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { ClauseIndex } from './clauses.ts';
import { unitsInCell } from './lead.ts';
import { scopeOfLabel } from './scope.ts';
import { joinFragments } from './text-unit.ts';
import { VerbIndex } from './verbs.ts';
import { readNumber } from './reading.ts';

const ALLOCATION = /^(.+?)\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元|家|项|个|件|名|%)?$/;

export interface IndicatorRow {
  body: string;
  table: Table;
  cells: Table['rows'][number]['cells'];
  anchor: string;
  section: string;
  unitId: number;
  taxonomy: Taxonomy;
  out: ExtractOutput;
  order: { n: number };
}

/** Responsible units and per-unit splits from the cells that are neither indicator, unit nor target. */
function responsibility(cells: IndicatorRow['cells'], table: Table, used: Set<unknown>) {
  // Cell-per-line tables have no fixed columns: everything after the target is responsibility.
  const rest = cells.filter(
    (c, i) =>
      !used.has(c) &&
      (table.roles[i] === undefined ||
        table.roles[i] === 'responsible' ||
        table.roles[i] === 'other'),
  );
  const lead: string[] = [];
  const allocations: Allocation[] = [];
  for (const c of rest) {
    for (const piece of c.text
      .split(/[、，,；;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const a = ALLOCATION.exec(piece);
      if (a && /\d/.test(piece)) {
        allocations.push({ unit: a[1]!.trim(), value: Number(a[2]) });
        lead.push(a[1]!.trim());
      } else lead.push(...unitsInCell(piece));
    }
  }
  return { lead, allocations };
}

/** Reads one row of an indicator table into mentions. */
export function extractIndicatorRow(row: IndicatorRow): void {
  const { body, table, cells, taxonomy, out, order } = row;
  const ind = table.roles.indexOf('indicator');
  const indicator = cells[ind === -1 ? 0 : ind];
  const targetCols = table.roles.flatMap((r, i) => (r === 'target' ? [i] : []));
  if (targetCols.length === 0) targetCols.push(1);
  const unitCol = table.roles.indexOf('unit');
  const unitCell = unitCol === -1 ? undefined : cells[unitCol];
  if (!indicator) return;
  const used = new Set<unknown>([indicator, unitCell, ...targetCols.map((c) => cells[c])]);
  const { lead, allocations } = responsibility(cells, table, used);
  const indicatorText = indicator.text.replace(/\s+/g, '');
  for (const col of targetCols) {
    const target = cells[col];
    if (!target) continue;
    const u = joinFragments(body, [{ start: target.start, end: target.end }], false);
    const unitText = unitCell?.text.replace(/\s+/g, '') ?? '';
    // A bare number ("200") reads with the unit column's unit ("家").
    const cellText =
      /^[\d.]+$/.test(u.norm.text.trim()) && unitText
        ? `${u.norm.text.trim()}${unitText}`
        : u.norm.text;
    const n = findNumbers(cellText).find((x) => x.unit);
    if (!n) continue;
    // Read the number as if the indicator preceded it in one sentence.
    const text = `${indicatorText}${cellText}`;
    const shift = indicatorText.length;
    const shifted: NumberMention = {
      ...n,
      start: n.start + shift,
      end: n.end + shift,
      numberEnd: n.numberEnd + shift,
    };
    const r = readNumber(
      { text, ix: new ClauseIndex(text), verbs: new VerbIndex(text), taxonomy, form: false },
      { n: shifted, clauseFrom: 0, segFrom: 0, segTo: shifted.end },
    );
    const year = /(20\d{2})/.exec(table.header[col]?.text ?? '');
    out.mentions.push({
      metric: r.metric,
      label: r.label || indicatorText,
      kind: r.kind,
      value: n.value,
      value_max: n.valueMax,
      unit: r.unit,
      qualifier: r.qualifier,
      deadline: year && table.header.length > 0 ? Number(year[1]) : null,
      scope: scopeOfLabel(indicatorText, r.metric),
      quotes: [
        { start: indicator.start, end: indicator.end },
        { start: target.start, end: target.end },
      ],
      anchor: row.anchor,
      section: row.section,
      lead,
      allocations: allocations.reduce((s, a) => s + a.value, 0) > 0 ? allocations : [],
      fromTable: true,
      unitId: row.unitId,
      order: order.n++,
      confidence: r.confidence,
      ...(r.why ? { why: r.why } : {}),
    });
  }
}
