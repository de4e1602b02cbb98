/**
 * Walks an HTML tree (hast) into text blocks: block elements and `<br>` end a
 * paragraph, tables become grids of cells with row and column spans expanded.
 * Shared by the Word reader (mammoth's HTML) and the web page reader.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { cellText, normalizeParagraph, type TextBlock } from './text-blocks.ts';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose content is never plan text. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'button',
  'select',
  'textarea',
  'input',
  'canvas',
  'audio',
  'video',
  'map',
]);

/** Rows or columns one cell may claim; a larger span in untrusted HTML is clipped. */
const MAX_SPAN = 1000;

interface WalkState {
  blocks: TextBlock[];
  inline: string;
}

function flush(state: WalkState): void {
  for (const line of state.inline.split('\n')) {
    const text = normalizeParagraph(line);
    if (text !== '') state.blocks.push({ kind: 'paragraph', text });
  }
  state.inline = '';
}

function walk(node: Root | Element, state: WalkState): void {
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type === 'text') {
      state.inline += child.value;
    } else if (child.type === 'element') {
      const tag = child.tagName;
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'br') {
        state.inline += '\n';
      } else if (tag === 'table') {
        flush(state);
        state.blocks.push(tableBlock(child));
      } else if (BLOCK_TAGS.has(tag)) {
        flush(state);
        walk(child, state);
        flush(state);
      } else {
        walk(child, state);
      }
    }
  }
}

/** Text blocks of a tree or subtree, in document order. */
export function hastToBlocks(node: Root | Element): TextBlock[] {
  const state: WalkState = { blocks: [], inline: '' };
  walk(node, state);
  flush(state);
  return state.blocks;
}

function childElements(node: Element, tags: string[]): Element[] {
  return node.children.filter(
    (c): c is Element => c.type === 'element' && tags.includes(c.tagName),
  );
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table, ['thead', 'tbody', 'tfoot', 'tr'])) {
    if (child.tagName === 'tr') rows.push(child);
    else rows.push(...childElements(child, ['tr']));
  }
  return rows;
}

function span(value: unknown, limit: number): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), limit) : 1;
}

function cellContent(cell: Element): string {
  const paragraphs = hastToBlocks(cell).flatMap((block) =>
    block.kind === 'paragraph'
      ? [block.text]
      : block.rows.map((row) => row.filter((c) => c !== '').join(' ')),
  );
  return cellText(paragraphs);
}

/**
 * A table as a grid: a cell spanning rows or columns fills its first position,
 * the positions it covers stay empty (the same as a continuation row `||` in a
 * plain-text table).
 */
function tableBlock(table: Element): TextBlock {
  const captionElement = childElements(table, ['caption'])[0];
  const caption = captionElement
    ? normalizeParagraph(
        hastToBlocks(captionElement)
          .map((b) => (b.kind === 'paragraph' ? b.text : ''))
          .join(' '),
      )
    : null;
  const rows = tableRows(table);
  const grid: string[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    const line = grid[r]!;
    let c = 0;
    for (const cell of childElements(tr, ['td', 'th'])) {
      while (line[c] !== undefined) c++;
      const rowSpan = span(cell.properties.rowSpan, Math.min(MAX_SPAN, rows.length - r));
      const colSpan = span(cell.properties.colSpan, MAX_SPAN);
      const text = cellContent(cell);
      for (let i = 0; i < rowSpan; i++) {
        for (let j = 0; j < colSpan; j++) grid[r + i]![c + j] = i === 0 && j === 0 ? text : '';
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const filled = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  return { kind: 'table', caption: caption === '' ? null : caption, rows: filled };
}
