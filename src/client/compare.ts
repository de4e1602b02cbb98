/**
 * Compare island: keeps the selected plans in the address (`?plans=a,b`),
 * fetches each plan's small JSON and re-renders with the same pure function
 * the server used for the default view. Plans are chosen by name with the
 * picker (comparePicker.ts); an address naming unknown or too many plans says
 * which it dropped.
 */
import { droppedMessage, readPlansParam, type PickerPlan } from '../site/comparePicker.ts';
import { compareTableHtml, type ComparePlan, type CompareTarget } from '../site/compareTable.ts';
import type { MetricName } from '../site/metrics.ts';
import { compareUrl, planDataUrl } from '../site/urls.ts';
import { initPicker } from './comparePicker.ts';

interface PlanData {
  plan: ComparePlan;
  targets: CompareTarget[];
}
const cache = new Map<string, Promise<PlanData>>();
const fetchPlan = (doc: string): Promise<PlanData> => {
  let p = cache.get(doc);
  if (!p) {
    p = fetch(planDataUrl(doc)).then((r) => {
      if (!r.ok) throw new Error(`${doc}: ${r.status}`);
      return r.json() as Promise<PlanData>;
    });
    cache.set(doc, p);
  }
  return p;
};

/** Starts the compare island on the compare page (does nothing elsewhere). */
export function initCompare(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('#compare-form');
  const box = doc.querySelector<HTMLElement>('#compare-table');
  if (!form || !box) return;
  const names = JSON.parse(form.dataset['names'] ?? '[]') as MetricName[];
  const plans = JSON.parse(doc.querySelector('#picker-plans')?.textContent ?? '[]') as PickerPlan[];
  const known = new Set(plans.map((p) => p.doc));
  const status = form.querySelector<HTMLOutputElement>('[data-status]')!;
  const copy = form.querySelector<HTMLButtonElement>('[data-copy]')!;
  const submit = form.querySelector<HTMLButtonElement>('[data-submit]');
  const defaults = (form.dataset['default'] ?? '').split(',').filter(Boolean);
  let note = '';
  const say = (text: string): void => {
    status.textContent = note ? `${note} ${text}` : text;
  };

  async function show(docs: string[]): Promise<void> {
    picker?.set(docs);
    if (box!.dataset['docs'] === docs.join(',')) return;
    say('加载中…');
    try {
      const data = await Promise.all(docs.map(fetchPlan));
      // Static HTML from an escaping pure function (see compareTable.ts).
      box!.innerHTML = compareTableHtml(
        data.map((d) => d.plan),
        data.flatMap((d) => d.targets),
        names,
      );
      box!.dataset['docs'] = docs.join(',');
      say(`已比较 ${docs.length} 份方案`);
    } catch (e) {
      say(`无法加载：${String(e)}`);
    }
  }

  const choose = (docs: string[]): void => {
    note = '';
    if (docs.length < 2) {
      say('请至少选择两份方案。');
      return;
    }
    history.pushState(null, '', compareUrl(docs));
    void show(docs);
  };

  const picker = initPicker(form, plans, choose, say);
  // The picker applies each change at once; the button is for the plain form.
  if (picker && submit) submit.hidden = true;

  const fromAddress = (): string[] => {
    const asked = readPlansParam(location.search, known);
    note = droppedMessage(asked);
    return asked.docs.length >= 2 ? asked.docs : defaults;
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const checked = [...form.querySelectorAll<HTMLInputElement>('input[name="plans"]:checked')].map(
      (b) => b.value,
    );
    choose(picker?.chosen() ?? checked);
  });
  window.addEventListener('popstate', () => void show(fromAddress()));
  copy.hidden = !navigator.clipboard;
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(location.href).then(() => say('链接已复制'));
  });
  const first = fromAddress();
  void show(first).then(() => {
    if (note) status.textContent = note;
  });
}
