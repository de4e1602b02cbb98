/**
 * The /search/ page: the query and filters live in the address
 * (?q=云母&county=平江县&year=2026), results render on load and as you type.
 */
import { searchUrl } from '../site/urls.ts';
import { getEngine } from './search-engine.ts';
import { el, passageNode, quickNode } from './search-render.ts';
import type { Facet, Filters, SearchResponse } from '../search/results.ts';

const PAGE = 20;
const FACETS: [keyof Filters, string][] = [
  ['county', '县'],
  ['prefecture', '市州'],
  ['year', '年份'],
  ['metric', '指标'],
];

function readState(): { q: string; filters: Filters } {
  const u = new URLSearchParams(location.search);
  const f: Filters = {};
  if (u.get('county')) f.county = u.get('county')!;
  if (u.get('prefecture')) f.prefecture = u.get('prefecture')!;
  if (u.get('year') && Number.isInteger(Number(u.get('year')))) f.year = Number(u.get('year'));
  if (u.get('metric')) f.metric = u.get('metric')!;
  return { q: u.get('q') ?? '', filters: f };
}

function href(q: string, f: Filters): string {
  return searchUrl(q, Object.fromEntries(FACETS.map(([k]) => [k, f[k]])));
}

/** Runs the search page inside `root`: reads the address, renders results, keeps both in step. */
export function init(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const quick = root.querySelector<HTMLElement>('[data-quick]')!;
  const list = root.querySelector<HTMLElement>('[data-results]')!;
  const facets = root.querySelector<HTMLElement>('[data-facets]')!;
  const facetBox = root.querySelector<HTMLDetailsElement>('details[data-facet-box]')!;
  const facetCurrent = root.querySelector<HTMLElement>('[data-facet-current]')!;
  // Filters beside the results on wide screens; closed above them on phones (results first).
  const narrow = matchMedia('(max-width: 720px)');
  facetBox.open = !narrow.matches;
  narrow.addEventListener('change', () => {
    if (!narrow.matches) facetBox.open = true;
  });
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  root.querySelector('[data-nojs]')?.remove();
  let seq = 0;
  let shown = 0;
  let state = readState();
  input.value = state.q;
  for (const h of document.querySelectorAll<HTMLInputElement>('form.search-box input[name="q"]'))
    h.value = state.q;

  const metricName = new Map<string, string>();
  const facetGroup = (
    key: keyof Filters,
    label: string,
    values: Facet,
    r: SearchResponse,
  ): HTMLElement => {
    const ul = el('ul', {});
    const current = state.filters[key];
    for (const [v, n] of values.slice(0, 12)) {
      const on = String(current) === v;
      const next: Filters = { ...state.filters };
      if (on) delete next[key];
      else (next as Record<string, unknown>)[key] = key === 'year' ? Number(v) : v;
      const a = el(
        'a',
        { href: href(r.query, next), 'data-facet': key, 'data-value': v },
        key === 'metric' ? (metricName.get(v) ?? v) : v,
        ' ',
        el('span', { class: 'count' }, String(n)),
      );
      if (on) a.setAttribute('aria-current', 'true');
      ul.append(el('li', {}, a));
    }
    return el('section', { class: 'facet' }, el('h2', {}, label), ul);
  };

  /** Empties the results, suggestions and filters (no query, or a failed first page). */
  const clearResults = (): void => {
    quick.replaceChildren();
    list.replaceChildren();
    facets.replaceChildren();
    facetBox.hidden = true;
  };

  const render = async (append = false): Promise<void> => {
    const my = ++seq;
    const q = state.q.trim();
    document.title = q ? `“${q}”的搜索结果 · 县域科技创新目标对比` : '搜索 · 县域科技创新目标对比';
    if (!q) {
      status.textContent = '输入县名、指标或原文词语，例如：云母、知识产权质押、高企、30%。';
      clearResults();
      more.hidden = true;
      return;
    }
    status.textContent = '正在搜索…';
    const offset = append ? shown : 0;
    let r: SearchResponse;
    try {
      const engine = await getEngine();
      for (const m of engine.manifest.metrics) metricName.set(m.key, m.zh);
      r = await engine.search(q, { limit: PAGE, offset, filters: state.filters });
    } catch {
      // Offline, or the index is missing: say so rather than searching for ever.
      if (my !== seq) return;
      const retry = el('button', { type: 'button', class: 'search-retry' }, '重试');
      retry.addEventListener('click', () => void render(append));
      status.replaceChildren(
        el(
          'span',
          { class: 'search-error' },
          '无法加载搜索索引，可能是网络已断开。请检查网络连接后重试。',
        ),
        ' ',
        retry,
      );
      if (!append) clearResults();
      more.hidden = true;
      return;
    }
    if (my !== seq) return;
    const exact = r.tiers[0] + r.tiers[1];
    if (r.total === 0 && r.quick.length === 0) {
      status.replaceChildren(`没有找到与“${q}”相关的内容。`);
    } else if (exact === 0 && r.total > 0) {
      status.replaceChildren(`没有段落同时包含“${q}”的全部词语；以下是部分匹配的 ${r.total} 段。`);
    } else {
      status.replaceChildren(`“${q}”：${r.total} 段原文`);
    }
    if (r.skipped.length) status.append(`（“${r.skipped.join('、')}”无法单独检索，已略去）`);
    if (r.suggestions.length) {
      const s = el('p', { class: 'suggest' }, '相近的指标词语：');
      r.suggestions.forEach((w, i) => {
        if (i > 0) s.append('、');
        s.append(el('a', { href: href(w, {}) }, w));
      });
      status.append(s);
    }
    if (!append) {
      const links = r.quick.filter((x) => x.kind !== 'target');
      const targets = r.quick.filter((x) => x.kind === 'target');
      quick.replaceChildren(...links.map((x) => quickNode(x)));
      if (targets.length > 0) {
        // The first few targets in view, the rest one click away; the metric page has them all.
        const SHOW = 4;
        const sec = el(
          'section',
          { class: 'sr-target-list' },
          el('h2', {}, `各方案的目标（${r.targetTotal}）`),
        );
        sec.append(...targets.slice(0, SHOW).map((x) => quickNode(x)));
        if (targets.length > SHOW) {
          const d = el('details', {}, el('summary', {}, `再显示 ${targets.length - SHOW} 个`));
          d.append(...targets.slice(SHOW).map((x) => quickNode(x)));
          sec.append(d);
        }
        if (r.targetTotal > targets.length) {
          const metric = links.find((x) => x.kind === 'metric');
          const note = el(
            'p',
            { class: 'sr-more-targets' },
            `另有 ${r.targetTotal - targets.length} 个目标`,
          );
          if (metric) note.append('，见', el('a', { href: metric.href }, `${metric.title}指标页`));
          sec.append(note);
        }
        quick.append(sec);
      }
      if (r.passages.length > 0) quick.append(el('h2', { class: 'sr-passages-title' }, '原文段落'));
      list.replaceChildren();
      facets.replaceChildren(
        ...FACETS.filter(([k]) => r.facets[k].length > 0).map(([k, label]) =>
          facetGroup(k, label, r.facets[k], r),
        ),
      );
      shown = 0;
    }
    facetBox.hidden = facets.childElementCount === 0;
    const active = FACETS.flatMap(([k]) => {
      const v = state.filters[k];
      return v === undefined ? [] : [k === 'metric' ? (metricName.get(String(v)) ?? v) : v];
    });
    facetCurrent.textContent = active.length ? `：${active.join('、')}` : '';
    for (const p of r.passages) list.append(el('li', {}, passageNode(p)));
    shown += r.passages.length;
    more.hidden = shown >= r.total;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { q: input.value, filters: {} };
      history.replaceState(null, '', href(state.q, state.filters));
      void render();
    }, 80);
  });
  root.querySelector('form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    state = { q: input.value, filters: {} };
    history.pushState(null, '', href(state.q, state.filters));
    void render();
  });
  facets.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-facet]');
    if (!a) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    state = readState();
    void render();
  });
  more.addEventListener('click', () => void render(true));
  addEventListener('popstate', () => {
    state = readState();
    input.value = state.q;
    void render();
  });
  void render();
}
