/**
 * Finds the quantitative targets of one plan: every number with a unit that
 * the plan commits to, read as metric, kind, value, qualifier, deadline,
 * scope and confidence, with the quote it came from. Walks the plan's blocks:
 * paragraphs and task cells go to the paragraph reader (paragraph.ts),
 * indicator tables to the row reader (indicator-table.ts), forms that lost
 * their layout are read cell by cell (form.ts). Works on NFKC text and cuts
 * quotes from the original through the offset map.
 */
import { blockText, type Block } from './structure.ts';
import type { Taxonomy } from './taxonomy.ts';
import type { ExtractOutput } from './mention.ts';
import { joinFragments, type TextUnit } from './text-unit.ts';
import { extractFromUnit } from './paragraph.ts';
import { extractIndicatorRow } from './indicator-table.ts';
import { unitsInCell } from './lead.ts';
import { headerOf, isFormParagraph, markCells, type FormHeader } from './form.ts';
import { DeadlineReader, goalHeadingYear } from './deadline.ts';
import { ClauseIndex, nameZones } from './clauses.ts';
import { headingLooksBack, presentYear } from './tense.ts';

export type { Mention, Unclaimed, ExtractOutput } from './mention.ts';

export interface ExtractInput {
  body: string;
  blocks: Block[];
  anchors: string[];
  /** Anchor of each table row: anchors of row r of block b are rowAnchors.get(b)[r]. */
  rowAnchors: Map<number, string[]>;
  taxonomy: Taxonomy;
}

/** State carried from block to block: the section, an introducing year, a form's header. */
interface Walk {
  input: ExtractInput;
  out: ExtractOutput;
  order: { n: number };
  section: string;
  unitId: number;
  /** 到2025年，主要目标如下：— the year governs the list that follows, until a heading. */
  inherited: number | null;
  header: FormHeader | null;
  /** Per heading depth (1–4): whether that heading's section reports results (tense.ts). */
  looksBack: (boolean | null)[];
  /** The document's present year: years before it are past (tense.ts). */
  present: number | null;
  /** Per heading depth: the year a goals heading sets for its section (到2025年主要目标). */
  headingYears: (number | null)[];
}

/** The year that governs a unit: a lead-in's (到2025年，主要目标如下：), else the innermost goals heading's. */
function governingYear(walk: Walk): number | null {
  if (walk.inherited !== null) return walk.inherited;
  for (let d = walk.headingYears.length - 1; d >= 1; d--) {
    const y = walk.headingYears[d];
    if (y !== null && y !== undefined) return y;
  }
  return null;
}

/** What the innermost heading that says so makes of its section: results (true), goals (false). */
function sectionLooksBack(walk: Walk): boolean | null {
  for (let d = walk.looksBack.length - 1; d >= 1; d--) {
    const v = walk.looksBack[d];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function tenseOf(walk: Walk) {
  const back = sectionLooksBack(walk);
  return { retroSection: back === true, goalSection: back === false, present: walk.present };
}

/** A paragraph ending in ：that names a governing year introduces the list after it. */
function introducedYear(unit: TextUnit): number | null {
  const text = unit.norm.text.trimEnd();
  if (!/[:：]$/.test(text)) return null;
  return new DeadlineReader(text, nameZones(text), new ClauseIndex(text)).governingYear();
}

function readParagraph(walk: Walk, block: Block, anchor: string): void {
  const { input, out, order } = walk;
  const lines = block.fragments.map((f) => input.body.slice(f.start, f.end));
  const form = isFormParagraph(lines) || (walk.header !== null && lines.length > 1);
  const { norm, breaks } = joinFragments(input.body, block.fragments, form);
  if (form) norm.text = markCells(norm.text);
  const found = form ? headerOf(norm.text) : null;
  if (found) walk.header = found.header;
  else if (!form) walk.header = null;
  // A form's rows are separate units: a table row may restate a goal of the row above.
  const unit: TextUnit = { norm, breaks, anchor, section: walk.section, unitId: walk.unitId, form };
  walk.unitId += form ? lines.length : 1;
  extractFromUnit({
    unit,
    taxonomy: input.taxonomy,
    out,
    order,
    inheritedDeadline: governingYear(walk),
    header: walk.header,
    tense: tenseOf(walk),
  });
  walk.inherited = introducedYear(unit) ?? walk.inherited;
}

function readHeading(walk: Walk, block: Block, anchor: string): void {
  const { input, out, order } = walk;
  const { norm, breaks } = joinFragments(input.body, block.fragments, false);
  if (!/\d/.test(norm.text) && !/[一二两三四五六七八九十百千][家个项件名人]/.test(norm.text))
    return;
  extractFromUnit({
    unit: { norm, breaks, anchor, section: walk.section, unitId: walk.unitId++, form: false },
    taxonomy: input.taxonomy,
    out,
    order,
    inheritedDeadline: governingYear(walk),
    tense: tenseOf(walk),
  });
}

function readTable(walk: Walk, block: Block, bi: number): void {
  const { input, out, order } = walk;
  const table = block.table!;
  const rowIds = input.rowAnchors.get(bi) ?? [];
  const taskCol = table.roles.indexOf('task');
  const respCol = table.roles.indexOf('responsible');
  table.rows.forEach((row, ri) => {
    if (row.group) return;
    const anchor = rowIds[ri] ?? input.anchors[bi]!;
    if (table.roles.includes('target') || (table.roles.includes('indicator') && taskCol === -1)) {
      extractIndicatorRow({
        body: input.body,
        table,
        cells: row.cells,
        anchor,
        section: walk.section,
        unitId: walk.unitId++,
        taxonomy: input.taxonomy,
        out,
        order,
      });
      return;
    }
    const cells = taskCol === -1 ? row.cells : [row.cells[taskCol]].filter((c) => c !== undefined);
    const rowLead =
      respCol !== -1 && row.cells[respCol] ? unitsInCell(row.cells[respCol].text) : [];
    for (const c of cells) {
      const { norm, breaks } = joinFragments(input.body, [{ start: c.start, end: c.end }], false);
      extractFromUnit({
        unit: {
          norm,
          breaks,
          anchor,
          section: walk.section,
          unitId: walk.unitId++,
          rowLead,
          form: false,
        },
        taxonomy: input.taxonomy,
        out,
        order,
        inheritedDeadline: governingYear(walk),
        tense: tenseOf(walk),
      });
    }
  });
}

/** Runs the extraction over all blocks of a plan. */
export function extractMentions(input: ExtractInput): ExtractOutput {
  const { body, blocks, anchors } = input;
  const out: ExtractOutput = { mentions: [], unclaimed: [] };
  const order = { n: 0 };
  const walk: Walk = {
    input,
    out,
    order,
    section: '',
    unitId: 0,
    inherited: null,
    header: null,
    looksBack: [],
    headingYears: [],
    present: presentYear(body.normalize('NFKC')),
  };
  blocks.forEach((block, bi) => {
    if (block.kind === 'heading' || block.kind === 'caption' || block.kind === 'table') {
      walk.header = null;
      if (block.kind !== 'heading' || block.depth <= 2) walk.inherited = null;
    }
    if (block.kind === 'heading' || block.kind === 'caption') {
      const depth = Math.max(1, block.depth);
      const text = block.kind === 'heading' ? block.display : blockText(body, block);
      walk.looksBack.length = depth;
      walk.looksBack[depth] = headingLooksBack(text.normalize('NFKC'));
      walk.headingYears.length = depth;
      walk.headingYears[depth] = goalHeadingYear(text.normalize('NFKC'));
    }
    if ((block.kind === 'heading' && block.depth === 1) || block.kind === 'caption') {
      walk.section =
        block.kind === 'caption'
          ? body.slice(block.fragments[0]!.start, block.fragments[0]!.end).trim()
          : block.display;
      return;
    }
    if (block.kind === 'title' && !walk.section) return;
    // A short numbered goal is a heading to the structure ((1)高新技术企业达到100家):
    // its figure is read as a paragraph's would be.
    if (block.kind === 'heading') readHeading(walk, block, anchors[bi]!);
    if (block.kind === 'paragraph') readParagraph(walk, block, anchors[bi]!);
    else if (block.kind === 'table' && block.table) readTable(walk, block, bi);
  });
  return out;
}
