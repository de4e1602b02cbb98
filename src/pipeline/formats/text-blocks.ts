/**
 * The text conventions every format reader produces, so the structure parser
 * and the extractor see one shape whatever the source: one paragraph or heading
 * per line with a blank line between blocks, and a table as its caption line
 * (if any) followed by one markdown pipe row per table row.
 */

/** One block of a plan's text: a paragraph (or heading) line, or a table. */
export type TextBlock =
  { kind: 'paragraph'; text: string } | { kind: 'table'; caption: string | null; rows: string[][] };

/** Joins a cell's paragraphs with `；` and keeps `|` from splitting the cell. */
export function cellText(paragraphs: string[]): string {
  const parts = paragraphs.map((p) => p.trim()).filter((p) => p !== '');
  let joined = '';
  for (const part of parts) {
    if (joined === '' || /[；;]$/.test(joined)) joined += part;
    else joined += '；' + part;
  }
  return joined.replaceAll('|', '｜');
}

/** `| a | b | c |`: the row shape the extractor's table parser reads. */
export function pipeRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '｜')).join(' | ')} |`;
}

/** Renders blocks as the plan text: blocks separated by one blank line. */
export function renderBlocks(blocks: TextBlock[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (block.text.trim() !== '') parts.push(block.text.trim());
      continue;
    }
    const rows = block.rows.filter((row) => row.some((cell) => cell.trim() !== ''));
    if (block.caption && block.caption.trim() !== '') parts.push(block.caption.trim());
    if (rows.length > 0) parts.push(rows.map(pipeRow).join('\n'));
  }
  return parts.length === 0 ? '' : parts.join('\n\n') + '\n';
}

/**
 * Whitespace inside a paragraph collapses to one space (as a browser shows it);
 * indentation with full-width spaces or no-break spaces is layout, not text.
 */
export function normalizeParagraph(text: string): string {
  return text.replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
