/**
 * The reader's own county, marked in rankings. A static page cannot know it, so
 * the reader says it once: a link with `?county=<slug>` (every county page's
 * benchmark links carry one) or a visit with it; it is kept in localStorage
 * and marked on every ranking after that, until the reader clears it. Without
 * JavaScript the rankings are plain lists (and a county's row is still the
 * link's #target, highlighted by CSS).
 */
import { countyUrl } from '../site/urls.ts';

const STORAGE_KEY = 'county-st-plans:my-county';
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

function storage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null; // storage blocked: the ?county= link still works for this page
  }
}

/** Marks the rows of the reader's county (`[data-county=<slug>]`) and says so in `[data-my-county]`. */
export function initMyCounty(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('[data-my-county]');
  const text = bar?.querySelector<HTMLElement>('[data-my-county-text]');
  const clear = bar?.querySelector<HTMLButtonElement>('[data-my-county-clear]');
  if (!bar || !text || !clear) return;
  const store = storage();
  const asked = new URLSearchParams(location.search).get('county');
  let slug = asked && SLUG.test(asked) ? asked : null;
  if (slug) store?.setItem(STORAGE_KEY, slug);
  else {
    const kept = store?.getItem(STORAGE_KEY) ?? null;
    slug = kept && SLUG.test(kept) ? kept : null;
  }
  if (!slug) return;
  const rows = [...doc.querySelectorAll<HTMLElement>(`[data-county="${slug}"]`)];
  for (const row of rows) {
    row.classList.add('mine');
    const badge = doc.createElement('span');
    badge.className = 'mine-badge';
    badge.textContent = '本县';
    row.querySelector('th, td')?.append(' ', badge);
  }
  const name = rows[0]?.dataset.countyName ?? slug;
  text.replaceChildren();
  if (rows.length) text.append(`本县：${name}，已在下列排名中标出。`);
  else {
    const link = doc.createElement('a');
    link.href = countyUrl(slug);
    link.textContent = '在本县页面查看其排名';
    text.append(`本县（${name}）不在本页所列的县中：`, link, '。');
  }
  clear.addEventListener('click', () => {
    store?.removeItem(STORAGE_KEY);
    for (const row of rows) {
      row.classList.remove('mine');
      row.querySelector('.mine-badge')?.remove();
    }
    bar.hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete('county');
    history.replaceState(null, '', url);
  });
  bar.hidden = false;
}
