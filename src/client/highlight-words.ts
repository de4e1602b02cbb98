/**
 * The reader after a search result: marks the words the result matched
 * (`?hl=word&hl=…`, written by the search engine) wherever they occur in the
 * plan's text, as `<mark class="search-hit">`. Matching is the search's own
 * (NFKC, case, spaces, full-width digits, number boundaries: `30%` never marks
 * `130%`), through highlight.ts's findRanges, so what is marked here is what
 * the result's snippet marked. Words come from the address and are only ever
 * compared with the text, never inserted as HTML.
 */
import { foldForSearch } from '../search/fold.ts';
import { findRanges } from '../search/highlight.ts';

/** Blocks whose text is matched as one string (a word may straddle a target mark). */
const BLOCKS = 'p, li, td, th, h1, h2, h3, h4, h5, h6';
/** At most this many words, each at most this long: the address is the reader's to edit. */
const MAX_WORDS = 8;
const MAX_LENGTH = 40;

/** The words to mark, from `?hl=`: trimmed, deduplicated, those the search can match. */
export function highlightWords(search: string): string[] {
  const words = new URLSearchParams(search)
    .getAll('hl')
    .map((w) => w.trim().slice(0, MAX_LENGTH))
    .filter((w) => foldForSearch(w).length > 0);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** The text nodes of a block, in order, leaving out the readings the site adds to marks. */
function textNodes(block: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('.reading, .search-hit')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Wraps [start, end) of a block's text (offsets into its text nodes joined) in marks. */
function wrap(nodes: Text[], starts: number[], start: number, end: number): void {
  // Last node first, so the offsets of earlier nodes stay valid while splitting.
  for (let k = nodes.length - 1; k >= 0; k--) {
    const from = Math.max(start, starts[k]!) - starts[k]!;
    const to = Math.min(end, starts[k]! + nodes[k]!.data.length) - starts[k]!;
    if (to <= from) continue;
    let node = nodes[k]!;
    if (to < node.data.length) node.splitText(to);
    if (from > 0) node = node.splitText(from);
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    node.replaceWith(mark);
    mark.append(node);
  }
}

/** Marks every occurrence of `words` in the blocks under `root`; returns how many were marked. */
export function markWords(root: Element, words: string[]): number {
  const needles = [...new Set(words.map(foldForSearch))].filter(Boolean);
  if (!needles.length) return 0;
  let count = 0;
  for (const block of root.querySelectorAll(BLOCKS)) {
    // A block inside another (a list in a cell) is matched as part of the outer one.
    if (block.parentElement?.closest(BLOCKS) && root.contains(block.parentElement)) continue;
    const nodes = textNodes(block);
    const starts: number[] = [];
    let text = '';
    for (const n of nodes) {
      starts.push(text.length);
      text += n.data;
    }
    const ranges = findRanges(text, needles);
    // Last range first: wrapping splits nodes after the range, never before it.
    for (let r = ranges.length - 1; r >= 0; r--) {
      const [start, end] = ranges[r]!;
      wrap(nodes, starts, start, end);
    }
    count += ranges.length;
  }
  return count;
}

/** On the reader page: mark the words the search result asked for. */
export function initHighlight(root: Element | null = document.querySelector('.plan-text')): void {
  const words = highlightWords(location.search);
  if (!root || !words.length) return;
  const n = markWords(root, words);
  root.setAttribute('data-search-hits', String(n));
}
