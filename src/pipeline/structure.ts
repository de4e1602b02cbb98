/**
 * Plan text to blocks: title, headings (一、 / （一） / 1. / （1） / bold runs),
 * paragraphs (page-break fragments re-joined) and tables. Every block keeps the
 * original offsets of its text, so quotes can be cut from the plan unchanged.
 */
import { splitLines, type Line } from './lines.ts';
import { findTables, type Table } from './tables.ts';

/** A piece of the original text: [start, end) offsets into the plan body. */
export interface Fragment {
  start: number;
  end: number;
}

export type BlockKind = 'title' | 'label' | 'heading' | 'paragraph' | 'caption' | 'table';

export interface Block {
  kind: BlockKind;
  /** 1–4 for headings (一、=1, （一）=2, 1.=3, （1）=4); 1 for captions. */
  depth: number;
  /** Original text pieces; a paragraph split by a page break has several. */
  fragments: Fragment[];
  /** Heading text for display (markers like ** and a closing 。 removed). */
  display: string;
  /** 1-based line of the block's first character in the body. */
  line: number;
  table?: Table;
}

const HEADING_MARKERS: { depth: number; re: RegExp }[] = [
  { depth: 1, re: /^第[一二三四五六七八九十]+[章节部分]\s*/ },
  { depth: 1, re: /^[一二三四五六七八九十]{1,3}[、.]\s*/ },
  { depth: 2, re: /^\([一二三四五六七八九十]{1,3}\)\s*/ },
  { depth: 3, re: /^\d{1,2}[.、](?!\d)\s*/ },
  { depth: 4, re: /^\(\d{1,2}\)\s*/ },
];

/** A heading title is short; anything longer is a numbered paragraph. */
const MAX_HEADING = 40;
const TERMINAL = /[。！？；;!?：:]$/;
const LABEL_LINE = /^(附件|附表)\s*\d*\s*[:：]?$/;

interface HeadingSplit {
  depth: number;
  /** Length (in the raw line) of the heading part, and where the rest begins. */
  headEnd: number;
  restStart: number;
  display: string;
}

/** Recognises a heading at the start of a line, possibly followed by paragraph text. */
export function detectHeading(raw: string): HeadingSplit | null {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.slice(lead);
  const norm = text.normalize('NFKC');
  // NFKC keeps lengths for the characters used in markers, so indices carry over.
  if (norm.length !== text.length) return detectHeadingSlow(raw);
  for (const { depth, re } of HEADING_MARKERS) {
    const m = re.exec(norm);
    if (!m) continue;
    const after = norm.slice(m[0].length);
    const bold = /^\*\*(.+?)\*\*/.exec(after);
    if (bold) {
      const headEnd = lead + m[0].length + bold[0].length;
      const display = (text.slice(0, m[0].length) + bold[1]!).replace(/[。.]$/, '').trim();
      return { depth, headEnd, restStart: headEnd, display };
    }
    const stop = after.search(/[。！？]/);
    if (stop === -1) {
      if (after.length <= MAX_HEADING && !/[，,；;]/.test(after)) {
        return { depth, headEnd: raw.length, restStart: raw.length, display: text.trim() };
      }
      return null;
    }
    if (stop > MAX_HEADING) return null;
    const headEnd = lead + m[0].length + stop;
    // Display keeps the plan's own characters (（一） stays full-width): sections are quoted as written.
    const display = text.slice(0, m[0].length + stop).trim();
    return { depth, headEnd, restStart: headEnd + 1, display };
  }
  return null;
}

function detectHeadingSlow(raw: string): HeadingSplit | null {
  // Rare: a heading line holding characters whose NFKC form changes length.
  const norm = raw.normalize('NFKC');
  for (const { depth, re } of HEADING_MARKERS) {
    if (
      re.test(norm.trimStart()) &&
      norm.trim().length <= MAX_HEADING &&
      !/[。，,；;]./.test(norm.trim())
    ) {
      return {
        depth,
        headEnd: raw.length,
        restStart: raw.length,
        display: norm.trim().replace(/[。]$/, ''),
      };
    }
  }
  return null;
}

function trimFragment(body: string, start: number, end: number): Fragment | null {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** Splits a plan body into blocks. */
export function structure(body: string): Block[] {
  const lines = splitLines(body);
  const tables = findTables(body, lines);
  const blocks: Block[] = [];
  let seenContent = false;
  let li = 0;
  let pendingJoin = false;
  while (li < lines.length) {
    const table = tables.find((t) => t.firstLine === li);
    if (table) {
      markCaption(blocks);
      blocks.push({
        kind: 'table',
        depth: 0,
        fragments: [{ start: lines[table.firstLine]!.start, end: lines[table.lastLine]!.end }],
        display: '',
        line: li + 1,
        table,
      });
      li = table.lastLine + 1;
      pendingJoin = false;
      seenContent = true;
      continue;
    }
    const line = lines[li]!;
    li++;
    if (line.norm === '') continue;
    if (LABEL_LINE.test(line.norm)) {
      blocks.push({
        kind: 'label',
        depth: 0,
        fragments: [trimFragment(body, line.start, line.end)!],
        display: line.norm,
        line: li,
      });
      pendingJoin = false;
      continue;
    }
    const heading = detectHeading(line.raw);
    if (heading) {
      const head = trimFragment(body, line.start, line.start + heading.headEnd);
      if (head)
        blocks.push({
          kind: 'heading',
          depth: heading.depth,
          fragments: [head],
          display: heading.display,
          line: li,
        });
      const rest = trimFragment(body, line.start + heading.restStart, line.end);
      if (rest) {
        blocks.push({ kind: 'paragraph', depth: 0, fragments: [rest], display: '', line: li });
        pendingJoin =
          !TERMINAL.test(body.slice(rest.start, rest.end).normalize('NFKC').trimEnd()) &&
          !endsWithClosingParen(body, rest);
      } else pendingJoin = false;
      seenContent = true;
      continue;
    }
    const frag = trimFragment(body, line.start, line.end)!;
    if (!seenContent && line.norm.length <= MAX_HEADING && !/[。，,；;]/.test(line.norm)) {
      blocks.push({
        kind: 'title',
        depth: 0,
        fragments: [frag],
        display: line.raw.trim(),
        line: li,
      });
      seenContent = true;
      pendingJoin = false;
      continue;
    }
    seenContent = true;
    const prev = blocks[blocks.length - 1];
    if (pendingJoin && prev && prev.kind === 'paragraph') {
      // A page break cut this sentence: the fragment continues the previous paragraph.
      prev.fragments.push(frag);
    } else {
      blocks.push({ kind: 'paragraph', depth: 0, fragments: [frag], display: '', line: li });
    }
    pendingJoin =
      !TERMINAL.test(line.norm) &&
      !endsWithClosingParen(body, frag) &&
      !looksLikeCaption(line.norm, lines, li);
  }
  return blocks;
}

/** A paragraph ending in ）closes with its responsibility note: a real end, not a page break. */
function endsWithClosingParen(body: string, frag: Fragment): boolean {
  return /[)）]$/.test(body.slice(frag.start, frag.end).normalize('NFKC').trimEnd());
}

/** A short unpunctuated line right before a table is that table's caption, not a broken sentence. */
function looksLikeCaption(norm: string, lines: Line[], nextIndex: number): boolean {
  if (norm.length > MAX_HEADING) return false;
  for (let i = nextIndex; i < lines.length; i++) {
    if (lines[i]!.norm === '') continue;
    return (
      lines[i]!.raw.startsWith('\t') || /\|\s*$/.test(lines[i]!.raw) || /^\s*\|/.test(lines[i]!.raw)
    );
  }
  return false;
}

/** The short paragraph right before a table becomes its caption (and a top-level section). */
function markCaption(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'label') continue;
    if ((b.kind === 'paragraph' || b.kind === 'title') && b.fragments.length === 1) {
      const f = b.fragments[0]!;
      if (f.end - f.start <= MAX_HEADING) {
        b.kind = 'caption';
        b.depth = 1;
      }
    }
    return;
  }
}

/** Plain text of a block (fragments joined without the page-break white space). */
export function blockText(body: string, block: Block): string {
  return block.fragments.map((f) => body.slice(f.start, f.end)).join('');
}

/** Display text of a block: for captions and titles, their text; for headings, the cleaned heading. */
export function blockDisplay(body: string, block: Block): string {
  if (block.kind === 'heading' || block.kind === 'title' || block.kind === 'label')
    return block.display;
  return blockText(body, block).normalize('NFKC').trim();
}
