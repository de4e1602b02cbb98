/**
 * The compare table as an HTML string, built by one pure function that both
 * the server (default view, no JS) and the compare island use, so the two never
 * disagree. Every value is escaped here; this is the only place that builds HTML
 * from strings, and test/unit/site-compare.test.ts checks it with hostile text.
 */
import { alignPlans } from './align.ts';
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
      const status =
        r.status === 'kinds-differ'
          ? '<br><span class="note">类型或单位不同，不可直接比较 Not comparable (different kind or unit)</span>'
          : '';
      const cells = r.cells
        .map((ts, i) => {
          if (!ts.length) return '<td class="muted">—</td>';
          const hi = r.higher.includes(docs[i]!);
          const items = ts
            .map(
              (t) =>
                `<a href="${esc(targetUrl(t))}" title="${esc(t.label)}">${esc(formatTarget(t))}</a>`,
            )
            .join('<br>');
          return `<td class="num${hi ? ' higher' : ''}">${items}${hi ? ' <span class="sr-only">（较高）</span><span aria-hidden="true">▲</span>' : ''}</td>`;
        })
        .join('');
      return `<tr data-status="${r.status}"><th scope="row"><a href="${esc(metricUrl(r.metric))}">${esc(m.zh)}</a>${r.metric === 'other' ? `：${esc(r.label)}` : ''} ${kind}${status}</th>${cells}</tr>`;
    })
    .join('');
  return `<table class="compare"><caption class="sr-only">方案目标对比</caption><thead><tr><th scope="col">指标 Metric / 类型 Kind</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** `?plans=a,b,c` → known, distinct docs, at most 4; null when fewer than 2 (readPlansParam says what was dropped). */
export function parsePlansParam(search: string, known: Set<string>): string[] | null {
  const { docs } = readPlansParam(search, known);
  return docs.length >= 2 ? docs : null;
}
