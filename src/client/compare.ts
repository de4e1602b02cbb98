/**
 * Compare island: keeps the selected plans in the address (`?plans=a,b`),
 * fetches each plan's small JSON and re-renders with the same pure function
 * the server used for the default view.
 */
import {
  compareTableHtml,
  parsePlansParam,
  type ComparePlan,
  type CompareTarget,
} from '../site/compareTable.ts';
import type { MetricName } from '../site/metrics.ts';
import { compareUrl, planDataUrl } from '../site/urls.ts';

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
  const names = JSON.parse(form.dataset.names ?? '[]') as MetricName[];
  const known = new Set(
    [...doc.querySelectorAll<HTMLOptionElement>('#plan-options option')].map((o) => o.value),
  );
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[name="p"]')];
  const status = form.querySelector<HTMLOutputElement>('[data-status]')!;
  const copy = form.querySelector<HTMLButtonElement>('[data-copy]')!;

  async function show(docs: string[]): Promise<void> {
    inputs.forEach((inp, i) => (inp.value = docs[i] ?? ''));
    if (box!.dataset.docs === docs.join(',')) return;
    status.textContent = '加载中…';
    try {
      const data = await Promise.all(docs.map(fetchPlan));
      // Static HTML from an escaping pure function (see compareTable.ts).
      box!.innerHTML = compareTableHtml(
        data.map((d) => d.plan),
        data.flatMap((d) => d.targets),
        names,
      );
      box!.dataset.docs = docs.join(',');
      status.textContent = `已比较 ${docs.length} 份方案`;
    } catch (e) {
      status.textContent = `无法加载：${String(e)}`;
    }
  }

  const fromAddress = () =>
    parsePlansParam(location.search, known) ??
    (form.dataset.default ?? '').split(',').filter(Boolean);

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const docs = [...new Set(inputs.map((i) => i.value.trim()).filter((v) => known.has(v)))].slice(
      0,
      4,
    );
    if (docs.length < 2) {
      status.textContent = '请至少选择两份已收录的方案。';
      return;
    }
    history.pushState(null, '', compareUrl(docs));
    void show(docs);
  });
  window.addEventListener('popstate', () => void show(fromAddress()));
  copy.hidden = !navigator.clipboard;
  copy.addEventListener('click', () => {
    void navigator.clipboard
      .writeText(location.href)
      .then(() => (status.textContent = '链接已复制'));
  });
  void show(fromAddress());
}
