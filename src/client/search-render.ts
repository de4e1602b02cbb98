/**
 * DOM for search results. Every piece of query or plan text goes in through
 * textContent; hits become <mark> elements. No innerHTML anywhere.
 */
import type { Segment } from '../search/highlight.ts';
import type { PassageResult, QuickResult } from '../search/results.ts';

/** An element with attributes and children (text goes in as text, never as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A snippet's segments as text, hits wrapped in <mark>. */
export function snippetNode(segs: Segment[]): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const s of segs) f.append(s.hit ? el('mark', {}, s.text) : document.createTextNode(s.text));
  return f;
}

/** The badge of a quick result (not a target's kind: see site/format.ts for those). */
const RESULT_KIND_LABEL: Record<QuickResult['kind'], string> = {
  metric: '指标',
  county: '县',
  target: '目标',
};

/** A passage's plan as the results list names it: `平江县 · 2026 年`. */
function resultPlanLabel(p: { county: string; year: number }): string {
  return `${p.county} · ${p.year} 年`;
}

/**
 * A passage result: plan (county, year), section heading, snippet, targets quoted in it.
 * `compact`: for the dropdown, whose options must hold no links (the option itself opens).
 */
export function passageNode(p: PassageResult, compact = false): HTMLElement {
  const head = el('span', { class: 'sr-plan' }, resultPlanLabel(p));
  const heading = el('span', { class: 'sr-heading' }, p.heading);
  const a = compact
    ? el('span', { class: 'sr-link' }, head, ' ', heading)
    : el('a', { href: p.href, class: 'sr-link' }, head, ' ', heading);
  const body = el('p', { class: 'sr-snippet' }, snippetNode(p.snippet));
  const li = el('div', { class: `sr-passage${p.tier === 2 ? ' sr-fuzzy' : ''}` }, a, body);
  if (!compact && p.targets.length > 0) {
    const t = el('p', { class: 'sr-targets' }, '目标：');
    p.targets.forEach((x, i) => {
      if (i > 0) t.append('、');
      t.append(el('a', { href: x.href }, x.label));
    });
    li.append(t);
  }
  return li;
}

/** A metric, county or target result; `compact` as for passageNode. */
export function quickNode(q: QuickResult, compact = false): HTMLElement {
  const badge = el('span', { class: `sr-kind sr-kind-${q.kind}` }, RESULT_KIND_LABEL[q.kind]);
  const a = el(
    compact ? 'span' : 'a',
    compact ? { class: 'sr-link' } : { href: q.href, class: 'sr-link' },
    badge,
    ' ',
    el('span', { class: 'sr-title' }, q.title),
  );
  const d = el(
    'div',
    { class: `sr-quick sr-quick-${q.kind}` },
    a,
    el('span', { class: 'sr-detail' }, ' ', q.detail),
  );
  if (q.snippet) d.append(el('p', { class: 'sr-snippet' }, snippetNode(q.snippet)));
  return d;
}
