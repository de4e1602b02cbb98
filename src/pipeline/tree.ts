/**
 * The plan as an mdast tree for the reader: real headings, paragraphs with
 * stable anchors (p-N), tables, and every target mention wrapped in a
 * `targetMark` node that mdast-util-to-hast renders as <mark id="t-N">.
 */
import type {
  Root,
  RootContent,
  PhrasingContent,
  Table as MdTable,
  TableRow,
  TableCell,
  Heading,
  Paragraph,
} from 'mdast';
import type { Block } from './structure.ts';
import type { Target } from './schema.ts';
import { partitionPoint } from './bisect.ts';

/** A target mention inside a paragraph: [start, end) in the body, with the mark's attributes. */
export interface MarkSpan {
  start: number;
  end: number;
  id: string;
  target: Target;
}

interface TargetMarkNode {
  type: 'targetMark';
  data: { hName: 'mark'; hProperties: Record<string, string | string[]> };
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    targetMark: TargetMarkNode;
  }
}

const KIND_ZH: Record<string, string> = {
  growth: '增速',
  level: '总量',
  increase: '新增',
  share: '占比',
  density: '密度',
};

function markNode(span: MarkSpan, children: PhrasingContent[]): TargetMarkNode {
  const t = span.target;
  const value = t.value_max !== null ? `${t.value}–${t.value_max}` : String(t.value);
  return {
    type: 'targetMark',
    data: {
      hName: 'mark',
      hProperties: {
        id: span.id,
        className: ['target'],
        tabIndex: '0',
        dataTarget: t.id,
        dataMetric: t.metric,
        dataKind: t.kind,
        dataValue: value,
        dataUnit: t.unit,
        title: `${t.label}：${KIND_ZH[t.kind] ?? t.kind} ${value}${t.unit}`,
      },
    },
    children,
  };
}

/**
 * Inline content for the original range [from, to) of the body, given as pieces
 * (a paragraph joined across page breaks has several); marks nest, crossing ones are dropped.
 */
function inline(
  body: string,
  pieces: { start: number; end: number }[],
  spans: SpanIndex,
): PhrasingContent[] {
  const within = pieces
    .flatMap((p) => spans.between(p.start, p.end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep properly nested spans only.
  const kept: MarkSpan[] = [];
  const stack: MarkSpan[] = [];
  for (const s of within) {
    while (stack.length && stack[stack.length - 1]!.end <= s.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && s.end > top.end) continue;
    kept.push(s);
    stack.push(s);
  }
  const out: PhrasingContent[] = [];
  for (const p of pieces) {
    const built = build(
      body,
      p.start,
      p.end,
      kept.filter((s) => s.start >= p.start && s.end <= p.end),
    );
    // One by one: spreading a paragraph of 100,000 marks into push() overflows the stack.
    for (const node of built) out.push(node);
  }
  return mergeText(out);
}

/** Spans sorted by start, so each paragraph finds its marks by binary search. */
interface SpanIndex {
  between(start: number, end: number): MarkSpan[];
}

function indexSpans(spans: MarkSpan[]): SpanIndex {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return {
    between(start, end) {
      const lo = partitionPoint(0, sorted.length, (i) => sorted[i]!.start < start);
      const out: MarkSpan[] = [];
      for (let i = lo; i < sorted.length && sorted[i]!.start < end; i++)
        if (sorted[i]!.end <= end) out.push(sorted[i]!);
      return out;
    },
  };
}

function build(body: string, from: number, to: number, spans: MarkSpan[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  let i = 0;
  while (i < spans.length) {
    const s = spans[i]!;
    if (s.start > at) out.push({ type: 'text', value: body.slice(at, s.start) });
    const inner: MarkSpan[] = [];
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < s.end) inner.push(spans[j++]!);
    out.push(markNode(s, build(body, s.start, s.end, inner)));
    at = s.end;
    i = j;
  }
  if (at < to) out.push({ type: 'text', value: body.slice(at, to) });
  return out;
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else out.push(n);
  }
  return out;
}

function withId<T extends RootContent | TableRow>(node: T, id: string, line?: number): T {
  (node as { data?: unknown }).data = { id, line, hProperties: { id } };
  return node;
}

/** Builds the reader's tree. `anchors[i]` is block i's anchor; rows carry their own. */
export function buildTree(
  body: string,
  blocks: Block[],
  anchors: string[],
  rowAnchors: Map<number, string[]>,
  markSpans: MarkSpan[],
): Root {
  const spans = indexSpans(markSpans);
  const children: RootContent[] = [];
  blocks.forEach((b, bi) => {
    const id = anchors[bi]!;
    if (b.kind === 'title') {
      children.push(
        withId<Heading>(
          { type: 'heading', depth: 1, children: [{ type: 'text', value: b.display }] },
          id,
          b.line,
        ),
      );
    } else if (b.kind === 'heading' || b.kind === 'caption') {
      const depth = Math.min(6, b.depth + 1) as Heading['depth'];
      const text =
        b.kind === 'caption'
          ? body.slice(b.fragments[0]!.start, b.fragments[0]!.end).trim()
          : b.display;
      // A numbered goal short enough to be a heading ((1)高新技术企业达到100家) holds a target:
      // its text is marked as a paragraph's would be.
      const f = b.fragments[0]!;
      const marked = b.kind === 'heading' && spans.between(f.start, f.end).length > 0;
      children.push(
        withId<Heading>(
          {
            type: 'heading',
            depth,
            children: marked ? inline(body, b.fragments, spans) : [{ type: 'text', value: text }],
          },
          id,
          b.line,
        ),
      );
    } else if (b.kind === 'label') {
      children.push(
        withId<Paragraph>(
          {
            type: 'paragraph',
            children: [{ type: 'emphasis', children: [{ type: 'text', value: b.display }] }],
          },
          id,
          b.line,
        ),
      );
    } else if (b.kind === 'paragraph') {
      children.push(
        withId<Paragraph>(
          { type: 'paragraph', children: inline(body, b.fragments, spans) },
          id,
          b.line,
        ),
      );
    } else if (b.kind === 'table' && b.table) {
      const t = b.table;
      const width = Math.max(t.header.length, ...t.rows.map((r) => r.cells.length));
      const cellOf = (c: { start: number; end: number } | undefined): TableCell => ({
        type: 'tableCell',
        children: c ? lineBreaks(inline(body, [c], spans)) : [],
      });
      const pad = (cells: TableCell[]) => {
        while (cells.length < width) cells.push({ type: 'tableCell', children: [] });
        return cells;
      };
      const rows: TableRow[] = [
        { type: 'tableRow', children: pad(t.header.map((c) => cellOf(c))) },
      ];
      const ids = rowAnchors.get(bi) ?? [];
      t.rows.forEach((r, ri) => {
        rows.push(
          withId<TableRow>(
            { type: 'tableRow', children: pad(r.cells.map((c) => cellOf(c))) },
            ids[ri] ?? `${id}-r${ri + 1}`,
          ),
        );
      });
      // one align entry per column: mdast-util-to-hast renders as many cells as `align` has
      const align = Array.from({ length: width }, () => null);
      children.push(withId<MdTable>({ type: 'table', align, children: rows }, id, b.line));
    }
  });
  return { type: 'root', children };
}

/** Cells keep their line breaks (one responsible unit per line) as mdast breaks. */
function lineBreaks(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (n.type !== 'text' || !n.value.includes('\n')) {
      out.push(n);
      continue;
    }
    n.value.split(/\r?\n/).forEach((part, i) => {
      if (i > 0) out.push({ type: 'break' });
      if (part) out.push({ type: 'text', value: part });
    });
  }
  return out;
}
