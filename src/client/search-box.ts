/**
 * Enhances the header search box (a plain GET form to /search/): instant
 * results in a dropdown as you type, `/` focuses the box, arrows move,
 * Enter opens the highlighted result (or submits the form), Escape closes.
 */
import { searchUrl } from '../site/urls.ts';
import { getEngine } from './search-engine.ts';
import { el, passageNode, quickNode } from './search-render.ts';
import type { SearchResponse } from '../search/results.ts';

const DEBOUNCE_MS = 60;

/** Adds the instant-results dropdown to one search form (once). */
export function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input || form.dataset.enhanced) return;
  form.dataset.enhanced = '1';
  const listId = `${input.id || 'q'}-results`;
  const list = el('div', {
    id: listId,
    role: 'listbox',
    class: 'search-dropdown',
    'aria-label': '即时搜索结果',
    hidden: '',
  });
  form.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');

  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number): void => {
    const opts = options();
    if (opts.length === 0) return;
    active = (i + opts.length) % opts.length;
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    input.setAttribute('aria-activedescendant', opts[active]!.id);
    opts[active]!.scrollIntoView({ block: 'nearest' });
  };
  const option = (node: HTMLElement, href: string, n: number): HTMLElement => {
    const o = el(
      'div',
      {
        role: 'option',
        id: `${listId}-${n}`,
        'aria-selected': 'false',
        'data-href': href,
        class: 'search-option',
      },
      node,
    );
    o.addEventListener('mousedown', (e) => e.preventDefault());
    return o;
  };

  const show = (children: HTMLElement[]): void => {
    list.replaceChildren(...children);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
  };

  const run = async (): Promise<void> => {
    const q = input.value.trim();
    const my = ++seq;
    if (!q) {
      list.replaceChildren();
      close();
      return;
    }
    const all = searchUrl(q);
    let r: SearchResponse;
    try {
      const engine = await getEngine();
      r = await engine.search(q, { limit: 6 });
    } catch {
      if (my !== seq) return;
      // Offline, or the index is missing: the search page can still be opened.
      show([
        el('p', { class: 'search-empty' }, '无法加载搜索索引，可能是网络已断开。'),
        option(el('span', { class: 'search-all' }, '打开搜索页'), all, 0),
      ]);
      return;
    }
    if (my !== seq) return;
    const children: HTMLElement[] = [];
    let n = 0;
    for (const x of r.quick.slice(0, 4)) children.push(option(quickNode(x, true), x.href, n++));
    for (const p of r.passages) children.push(option(passageNode(p, true), p.href, n++));
    if (r.total === 0 && r.quick.length === 0) {
      const msg = el('p', { class: 'search-empty' }, `没有找到“${q}”。`);
      if (r.suggestions.length) msg.append(` 试试：${r.suggestions.join('、')}`);
      children.push(msg);
    }
    children.push(
      option(
        el(
          'span',
          { class: 'search-all' },
          r.total > 0 ? `查看全部 ${r.total} 条结果` : '打开搜索页',
        ),
        all,
        n,
      ),
    );
    show(children);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  input.addEventListener('focus', () => {
    getEngine().catch(() => undefined); // start loading the manifest early; a failure shows on typing
    if (input.value.trim() && list.childElementCount > 0) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) return;
      e.preventDefault();
      setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      const href = options()[active]?.dataset.href;
      if (href) location.assign(href);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  list.addEventListener('click', (e) => {
    const o = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (o?.dataset.href) location.assign(o.dataset.href);
  });
}

/** `/` anywhere outside a text field focuses the first search box. */
export function focusShortcut(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    const input = document.querySelector<HTMLInputElement>('form.search-box input[name="q"]');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}

/** Enhances every header search box on the page and binds the / shortcut. */
export function init(): void {
  for (const f of document.querySelectorAll<HTMLFormElement>('form.search-box')) enhance(f);
  focusShortcut();
}
