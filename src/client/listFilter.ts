/**
 * The filter of the county and plan indexes. Without JavaScript the page is
 * the whole list grouped by province; this shows the filter box and hides
 * the items (and groups) that do not match what the reader types: a name in
 * Chinese, its pinyin (the item's link holds it), or a prefecture or province.
 * `?q=` fills the box, so a filtered list can be linked to.
 */

/** Lower-case NFKC with no spaces: ＰＩＮＧ jiang and pingjiang match alike. */
const fold = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Wires every `[data-list-filter]` form to the `[data-filter-item]`s of the page. */
export function initListFilter(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form[data-list-filter]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = form?.querySelector<HTMLOutputElement>('[data-filter-status]');
  if (!form || !input || !status) return;
  const items = [...doc.querySelectorAll<HTMLElement>('[data-filter-item]')].map((el) => ({
    el,
    text: fold(
      `${el.textContent ?? ''} ${[...el.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').join(' ')} ${el.closest('[data-filter-group]')?.getAttribute('data-filter-group') ?? ''}`,
    ),
  }));
  const groups = [...doc.querySelectorAll<HTMLElement>('[data-filter-group]')];
  const noun = form.dataset.noun ?? '项';
  const apply = (): void => {
    const q = fold(input.value);
    let shown = 0;
    for (const { el, text } of items) {
      const hit = q === '' || text.includes(q);
      el.hidden = !hit;
      if (hit) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('[data-filter-item]:not([hidden])');
    status.value =
      q === ''
        ? `共 ${items.length.toLocaleString('en-US')} ${noun}`
        : `显示 ${shown.toLocaleString('en-US')} / ${items.length.toLocaleString('en-US')} ${noun}`;
  };
  form.addEventListener('submit', (e) => e.preventDefault());
  input.addEventListener('input', () => {
    apply();
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  form.hidden = false;
  apply();
}
