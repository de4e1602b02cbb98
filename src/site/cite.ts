/**
 * Citations a researcher can paste: one line per target (plan, county, year,
 * the quote, the sentence's permanent address, the data version, the access
 * date) and the plan itself as BibTeX and CSL-JSON. Plan text is untrusted: the
 * pages render these as text (never HTML), and BibTeX fields are escaped.
 */
import type { DataVersion } from '../pipeline/dataset.ts';
import type { PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { ACCESS_DATE_SLOT } from './citeSlot.ts';
import { versionLabel } from './exports.ts';
import { absoluteUrl, planUrl, safeExternalUrl, targetUrl } from './urls.ts';

export { ACCESS_DATE_SLOT };

/** The site's name as citations give it. */
export const SITE_NAME = '县域科技创新目标对比';

/** Who published the plan: the front matter's publisher, else the county's government. */
export function planAuthor(plan: PlanRecord): string {
  return plan.meta.publisher ?? `${plan.meta.county}人民政府`;
}

/**
 * A target's citation line:
 * `平江县《…方案》（2026年）：“…”。县域科技创新目标对比，目标 t-…，数据版本 …，<url>，访问日期 …。`
 */
export function targetCitation(
  plan: PlanRecord,
  t: Pick<TargetRecord, 'doc' | 'id' | 'quotes'>,
  version: DataVersion,
  site: URL | string | undefined,
  accessed: string = ACCESS_DATE_SLOT,
): string {
  const m = plan.meta;
  const source = safeExternalUrl(m.source);
  return [
    `${m.county}《${m.title}》（${m.year}年）：“${t.quotes[0] ?? ''}”。`,
    `${SITE_NAME}，目标 ${t.id}，数据版本 ${versionLabel(version)}，`,
    `${absoluteUrl(targetUrl(t), site)}，访问日期 ${accessed}。`,
    source ? `原文发布：${source}` : '',
  ].join('');
}

/** Text safe inside a BibTeX `{…}` field: braces balanced away, TeX specials escaped. */
function bib(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The plan as a BibTeX @misc entry keyed by its plan id. */
export function planBibtex(
  plan: PlanRecord,
  version: DataVersion,
  site: URL | string | undefined,
): string {
  const m = plan.meta;
  const url = safeExternalUrl(m.source) ?? absoluteUrl(planUrl(plan.doc), site);
  const fields: [string, string | undefined][] = [
    ['title', m.title],
    // Double braces: a corporate author, not a person's name to split.
    ['author', `{${bib(planAuthor(plan))}}`],
    ['year', String(m.year)],
    ['date', m.published],
    ['address', [m.province, m.prefecture, m.county].filter(Boolean).join('')],
    ['url', url],
    ['urldate', m.retrieved],
    [
      'note',
      `${SITE_NAME}，${absoluteUrl(planUrl(plan.doc), site)}，数据版本 ${versionLabel(version)}；原件 SHA-256 ${plan.original.sha256}`,
    ],
  ];
  const body = fields
    .filter((f): f is [string, string] => Boolean(f[1]))
    .map(([k, v]) => `  ${k} = {${k === 'author' ? v : bib(v)}}`)
    .join(',\n');
  return `@misc{${plan.doc.replace(/[^\w.:-]/g, '_')},\n${body}\n}`;
}

/** A YYYY-MM-DD (or YYYY) date as CSL date-parts. */
function dateParts(date: string | number | undefined): { 'date-parts': number[][] } | undefined {
  if (date === undefined) return undefined;
  const parts = String(date).split('-').map(Number);
  return parts.every(Number.isInteger) ? { 'date-parts': [parts] } : undefined;
}

/** The plan as one CSL-JSON item (what Zotero and citation processors read). */
export function planCslJson(
  plan: PlanRecord,
  version: DataVersion,
  site: URL | string | undefined,
): string {
  const m = plan.meta;
  const item = {
    id: plan.doc,
    type: 'document',
    title: m.title,
    author: [{ literal: planAuthor(plan) }],
    issued: dateParts(m.published ?? m.year),
    'publisher-place': [m.province, m.prefecture, m.county].filter(Boolean).join(''),
    URL: safeExternalUrl(m.source) ?? absoluteUrl(planUrl(plan.doc), site),
    accessed: dateParts(m.retrieved),
    note: `${SITE_NAME}，${absoluteUrl(planUrl(plan.doc), site)}，数据版本 ${versionLabel(version)}`,
  };
  return JSON.stringify([item], null, 2);
}
