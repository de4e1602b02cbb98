/**
 * The compare table as an HTML string, built by one pure function that both
 * the server (default view, no JS) and the compare island use, so the two never
 * disagree. Every value is escaped here; this is the only place that builds HTML
 * from strings, and test/unit/site-compare.test.ts checks it with hostile text.
 */
import { alignPlans, type CompareRow } from './align.ts';
import { readPlansParam } from './comparePicker.ts';
import type { Row } from './comparable.ts';
import { formatTarget, KIND_LABEL, type Valued } from './format.ts';
import { escapeHtml } from './html.ts';
import { metricInfo, type MetricName } from './metrics.ts';
import { metricUrl, planUrl, targetUrl } from './urls.ts';

export interface ComparePlan {
  doc: string;
  county: string;
  slug: string;
  prefecture: string;
  year: number;
  title: string;
}
export type CompareTarget = Row & Valued;

const esc = (s: string | number): string => escapeHtml(String(s));

/** Why a row holds one plan while another plan states the metric on its own row. */
const STATUS_NOTE: Partial<Record<CompareRow<CompareTarget>['status'], string>> = {
  'kinds-differ': '另一方案为不同类型或单位，未并列 Other plan: another kind or unit',
  'scope-differs': '另一方案口径不同（如规模以上与全部），未并列 Other plan: another scope',
};

/** The compare table of the given plans (in column order), rows in the metrics' order. */
export function compareTableHtml(
  plans: ComparePlan[],
  targets: CompareTarget[],
  metrics: MetricName[],
): string {
  const docs = plans.map((p) => p.doc);
  const order = metrics.map((m) => m.key);
  const rows = alignPlans(docs, targets, order);
  const head = plans
    .map(
      (p) =>
        `<th scope="col"><a href="${esc(planUrl(p.doc))}">${esc(p.county)} ${esc(p.year)}</a><br><span class="en">${esc(p.prefecture)}</span></th>`,
    )
    .join('');
  const body = rows
    .map((r) => {
      const m = metricInfo(metrics, r.metric);
      const kind = r.kind
        ? `<span class="kind kind-${esc(r.kind)}">${esc(KIND_LABEL[r.kind].zh)}</span>`
        : '';
      const scope = r.scope ? ` <span class="scope">${esc(r.scope)}</span>` : '';
      const status = STATUS_NOTE[r.status]
        ? `<br><span class="note">${STATUS_NOTE[r.status]}</span>`
        : '';
      const cells = r.cells
        .map((ts, i) => {
          if (!ts.length) return '<td class="muted">—</td>';
          const hi = r.higher.includes(docs[i]!);
          const items = ts
            .map(
              (t) =>
                // The plan's own wording under its value, so a cell says which target it is.
                `<a href="${esc(targetUrl(t))}">${esc(formatTarget(t))}</a><span class="cell-label">${esc(t.label)}</span>`,
            )
            .join('<br>');
          return `<td class="num${hi ? ' higher' : ''}">${items}${hi ? ' <span class="sr-only">（较高）</span><span aria-hidden="true">▲</span>' : ''}</td>`;
        })
        .join('');
      return `<tr data-status="${r.status}"><th scope="row"><a href="${esc(metricUrl(r.metric))}">${esc(m.zh)}</a>${r.metric === 'other' ? `：${esc(r.label)}` : ''}${scope} ${kind}${status}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="compare"><caption class="sr-only">方案目标对比</caption><thead><tr><th scope="col">指标 Metric / 类型 Kind</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** `?plans=a,b,c` → known, distinct docs, at most 4; null when fewer than 2 (readPlansParam says what was dropped). */
export function parsePlansParam(search: string, known: Set<string>): string[] | null {
  const { docs } = readPlansParam(search, known);
  return docs.length >= 2 ? docs : null;
}
