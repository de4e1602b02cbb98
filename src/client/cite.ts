/**
 * The plan page's cite controls. Each target's `<details>` holds its citation
 * (readable and selectable without JavaScript); with JavaScript, opening one
 * shows the citation in the page's cite dialog instead, with the reader's own
 * date as the access date and a copy button (Clipboard API, else the text is
 * selected for Ctrl+C).
 */
import { ACCESS_DATE_SLOT } from '../site/citeSlot.ts';

/** Today as YYYY-MM-DD in the reader's time zone. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Copy `area`'s text, saying in `status` whether it worked. */
function copy(area: HTMLTextAreaElement, status: Element | null): void {
  const say = (msg: string) => {
    if (status) status.textContent = msg;
  };
  area.select();
  if (!navigator.clipboard) return say('请按 Ctrl+C 复制');
  navigator.clipboard.writeText(area.value).then(
    () => say('已复制 Copied'),
    () => say('请按 Ctrl+C 复制'),
  );
}

/** Fill in access dates and wire the cite controls under `root`. */
export function initCite(root: Document = document): void {
  for (const area of root.querySelectorAll<HTMLTextAreaElement>('[data-cite-text]'))
    area.value = area.value.replaceAll(ACCESS_DATE_SLOT, today());
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    const box = button.closest('.cite-body, form');
    const area = box?.querySelector<HTMLTextAreaElement>('textarea');
    if (!box || !area) continue;
    button.hidden = false;
    button.addEventListener('click', () => copy(area, box.querySelector('.copied')));
  }
  const dialog = root.querySelector<HTMLDialogElement>('dialog[data-cite-dialog]');
  const shown = dialog?.querySelector<HTMLTextAreaElement>('textarea');
  if (!dialog || !shown || typeof dialog.showModal !== 'function') return;
  for (const details of root.querySelectorAll<HTMLDetailsElement>('details[data-cite]')) {
    const summary = details.querySelector('summary');
    const text = details.querySelector<HTMLTextAreaElement>('[data-cite-text]');
    if (!summary || !text) continue;
    summary.addEventListener('click', (e) => {
      e.preventDefault();
      shown.value = text.value;
      const title = dialog.querySelector('[data-cite-target]');
      if (title) title.textContent = details.dataset['cite'] ?? '';
      const status = dialog.querySelector('.copied');
      if (status) status.textContent = '';
      dialog.showModal();
      shown.select();
    });
  }
}
