/**
 * The compare page's plan picker: a WAI-ARIA combobox with a listbox popup
 * (keyboard navigation, aria-activedescendant and IME composition handled by
 * @github/combobox-nav), plus the chosen plans as removable chips. The form's
 * checkboxes stay the state, so the picker and the plain form never disagree.
 */
import Combobox from '@github/combobox-nav';
import { MAX_COMPARE, matchPlans, pickerLabel, type PickerPlan } from '../site/comparePicker.ts';

/** The picker, once started. */
export interface Picker {
  /** Chosen plans, in the order they were added. */
  chosen(): string[];
  /** Replaces the choice (from the address), without calling back. */
  set(docs: string[]): void;
}

/**
 * Shows the picker in place of the checkboxes. `onChange` gets the chosen
 * plans after every addition or removal.
 */
export function initPicker(
  form: HTMLFormElement,
  plans: PickerPlan[],
  onChange: (docs: string[]) => void,
  announce: (text: string) => void,
): Picker | null {
  const root = form.querySelector<HTMLElement>('[data-picker]');
  const input = form.querySelector<HTMLInputElement>('#plan-search');
  const list = form.querySelector<HTMLUListElement>('#plan-listbox');
  const chips = form.querySelector<HTMLUListElement>('[data-chosen]');
  const checks = form.querySelector<HTMLElement>('[data-checks]');
  if (!root || !input || !list || !chips || !checks) return null;
  const doc = form.ownerDocument;
  const byDoc = new Map(plans.map((p) => [p.doc, p]));
  const boxes = new Map(
    [...checks.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((b) => [
      b.value,
      b,
    ]),
  );
  let order: string[] = [...boxes.values()].filter((b) => b.checked).map((b) => b.value);
  const combobox = new Combobox(input, list, { firstOptionSelectionMode: 'active' });
  let open = false;

  const close = (): void => {
    if (!open) return;
    open = false;
    combobox.stop();
    list.hidden = true;
    list.replaceChildren();
  };

  const refresh = (): void => {
    const found = matchPlans(plans, input.value, new Set(order));
    list.replaceChildren(
      ...found.map((p) => {
        const li = doc.createElement('li');
        li.setAttribute('role', 'option');
        li.id = `plan-option-${p.doc}`;
        li.dataset['doc'] = p.doc;
        li.append(pickerLabel(p), ' ');
        const title = doc.createElement('span');
        title.className = 'muted';
        title.textContent = `《${p.title}》`;
        li.append(title);
        return li;
      }),
    );
    if (!found.length) {
      close();
      if (input.value.trim()) announce(`没有找到“${input.value.trim()}”的方案`);
      return;
    }
    list.hidden = false;
    if (open) combobox.resetSelection();
    else {
      combobox.start();
      open = true;
    }
    announce(`找到 ${found.length} 份方案，按 ↓ 选择`);
  };

  const renderChips = (): void => {
    chips.replaceChildren(
      ...order.map((d) => {
        const p = byDoc.get(d);
        const li = doc.createElement('li');
        const name = p ? pickerLabel(p) : d;
        li.append(name);
        const remove = doc.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `移除 ${name}`);
        remove.addEventListener('click', () => {
          const at = order.indexOf(d);
          setOrder(order.filter((x) => x !== d));
          announce(`已移除 ${name}`);
          onChange(order);
          // Keep the keyboard where it was: the next chip's button, else the search box.
          const next = chips.querySelectorAll('button')[Math.min(at, order.length - 1)];
          (next ?? input).focus();
        });
        li.append(remove);
        return li;
      }),
    );
    const full = order.length >= MAX_COMPARE;
    input.disabled = full;
    input.placeholder = full ? `已选满 ${MAX_COMPARE} 份，移除一份后可再添加` : '';
  };

  const setOrder = (docs: string[]): void => {
    order = docs.filter((d) => boxes.has(d));
    for (const [d, b] of boxes) b.checked = order.includes(d);
    renderChips();
  };

  list.addEventListener('combobox-commit', (ev) => {
    const d = (ev.target as HTMLElement).dataset['doc'];
    if (!d || order.includes(d) || order.length >= MAX_COMPARE) return;
    const p = byDoc.get(d);
    setOrder([...order, d]);
    input.value = '';
    close();
    announce(`已加入 ${p ? pickerLabel(p) : d}，共 ${order.length} 份`);
    onChange(order);
    if (input.disabled) chips.querySelector('button')?.focus();
    else input.focus();
  });
  input.addEventListener('input', refresh);
  input.addEventListener('focus', () => {
    if (input.value.trim()) refresh();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && open) {
      ev.preventDefault();
      close();
    } else if (ev.key === 'ArrowDown' && !open) refresh();
  });
  // A click on an option must not blur the input first (the click commits it).
  list.addEventListener('pointerdown', (ev) => ev.preventDefault());
  input.addEventListener('blur', close);

  root.hidden = false;
  checks.hidden = true;
  renderChips();
  return { chosen: () => [...order], set: setOrder };
}
