/**
 * Plan text → HTML for the reader. mdast-util-to-hast + hast-util-to-html
 * escape every text node, so plan text can never inject markup; the only
 * things added here are attributes and a reading span on target marks.
 */
import type { Root } from 'mdast';
import type { Element, ElementContent, Root as HRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { KIND_LABEL, formatTarget, type Valued } from './format.ts';

export interface Reading extends Valued {
  metricZh: string;
  metricEn: string;
  kind: keyof typeof KIND_LABEL;
  /** low: shown 待核 (unreviewed), never ranked. */
  confidence?: 'high' | 'low';
  /** null for a county-wide figure, else its part (规模以上, 园区). */
  scope?: string | null;
}

export interface TocEntry {
  id: string;
  depth: number;
  text: string;
}

/** The table of contents: headings down to depth 4 that carry an anchor. */
export function tocOf(tree: Root): TocEntry[] {
  const out: TocEntry[] = [];
  for (const n of tree.children) {
    if (n.type !== 'heading' || n.depth > 4) continue;
    const id = (n.data as { id?: string } | undefined)?.id ?? n.data?.hProperties?.id;
    if (id) out.push({ id, depth: n.depth, text: toString(n) });
  }
  return out;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** An element's class names as a list, whichever form toHast gave them in. */
function classNames(el: Element): string[] {
  const c: unknown = el.properties['className'];
  if (Array.isArray(c)) return c.map(String);
  return typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}

/**
 * Render the tree. Headings move down one level (the page's h1 is the title).
 * Each target mark becomes keyboard-focusable and carries its reading
 * (metric, kind, value, unit) as a span that is screen-reader text and, via
 * CSS on hover/focus/:target, a tooltip.
 */
export function renderPlan(
  tree: Root,
  readings: Map<string, Reading>,
): { html: string; marked: Set<string> } {
  const marked = new Set<string>();
  const hast = toHast(tree) as HRoot;
  visit(hast, 'element', (el: Element) => {
    const m = /^h([1-6])$/.exec(el.tagName);
    if (m) {
      el.tagName = `h${Math.min(6, Number(m[1]) + 1)}`;
      return;
    }
    if (el.tagName !== 'mark') return;
    // hProperties pass through toHast as given ('data-target'); hast-style keys are camelCase.
    const tid = String(el.properties['data-target'] ?? el.properties['dataTarget'] ?? '');
    const r = readings.get(tid);
    marked.add(String(el.properties['id'] ?? ''));
    el.properties['tabIndex'] = 0;
    const low = r?.confidence === 'low';
    if (low) el.properties['className'] = [...classNames(el), 'low'];
    const reading = r
      ? `${low ? '待核 · ' : ''}${r.metricZh} ${r.metricEn} · ${KIND_LABEL[r.kind].zh} ${KIND_LABEL[r.kind].en}${r.scope ? ` · 范围 ${r.scope}` : ''} · ${formatTarget(r)}（值 ${r.value}${r.value_max != null ? `–${r.value_max}` : ''}，单位 ${r.unit}）`
      : `目标 ${tid}`;
    el.children.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['reading'] },
      children: [text(`【${reading}】`)],
    });
    // No skip: a mark may hold another target's mark (小巨人企业、单项冠军企业各1家), which
    // needs its reading and must count as marked, or the target list adds a second element
    // with its id.
  });
  return { html: toHtml(hast), marked };
}
