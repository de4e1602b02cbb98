/**
 * Every address the site links to, built in one place: pages, a target's
 * sentence in the plan reader, downloads, the compare and search views. Each
 * path segment is percent-encoded, so an id can never break out of its part
 * of the URL. The routes in src/pages answer these paths; test/unit/urls.test.ts
 * holds the two together.
 */

const seg = encodeURIComponent;

/** A plan's reader page: `/plans/pingjiang-2026/`. */
export const planUrl = (doc: string): string => `/plans/${seg(doc)}/`;

/** A place in a plan's text (a paragraph `p-12`, a heading `h-3`, a target `t-1`). */
export const anchorUrl = (doc: string, anchor: string): string => `${planUrl(doc)}#${seg(anchor)}`;

/** A target's sentence, its permanent address for citation: `/plans/pingjiang-2026/#t-1`. */
export const targetUrl = (t: { doc: string; id: string }): string => anchorUrl(t.doc, t.id);

/** A plan's original file, byte for byte as published. */
export const planOriginalUrl = (doc: string, file: string): string => `${planUrl(doc)}${seg(file)}`;

/** The plain text the site read from a plan. */
export const planTextUrl = (doc: string): string => `${planUrl(doc)}text.txt`;

/** A plan's targets as the compare view fetches them. */
export const planDataUrl = (doc: string): string => `/data/plans/${seg(doc)}.json`;

/** A metric's page: `/metrics/rd_spending/`. */
export const metricUrl = (key: string): string => `/metrics/${seg(key)}/`;

/** A metric's full ranking in one province: `/metrics/rd_spending/430000/`. */
export const metricProvinceUrl = (key: string, code: string): string =>
  `${metricUrl(key)}${seg(code)}/`;

/** The id of a county's row in a province ranking (one row per county and comparable group). */
export const rankingRowId = (group: string, slug: string): string => `r-${group}-${slug}`;

/**
 * A county's row in a metric's ranking for its province: the row is the
 * :target (highlighted without JS), and `?county=` tells the page's script
 * whose county to mark (src/client/myCounty.ts).
 */
export const rankingRowUrl = (key: string, code: string, group: string, slug: string): string =>
  `${metricProvinceUrl(key, code)}?county=${seg(slug)}#${seg(rankingRowId(group, slug))}`;

/** A county's page, all its plans: `/counties/pingjiang/`. */
export const countyUrl = (slug: string): string => `/counties/${seg(slug)}/`;

/** Every county, grouped by province: `/counties/`. */
export const countiesUrl = '/counties/';

/** Every plan, grouped by province; page 2 on is `/plans/page/2/`. */
export const plansIndexUrl = (page = 1): string => (page <= 1 ? '/plans/' : `/plans/page/${page}/`);

/** A province by its GB/T 2260 code: `/provinces/430000/`. */
export const provinceUrl = (code: string): string => `/provinces/${seg(code)}/`;

/** A prefecture by its GB/T 2260 code: `/prefectures/430600/`. */
export const prefectureUrl = (code: string): string => `/prefectures/${seg(code)}/`;

/** The compare view of the given plans: `/compare/?plans=a,b`. */
export const compareUrl = (docs: string[]): string => `/compare/?plans=${docs.map(seg).join(',')}`;

/** The search page for a query and its filters, as the page reads them back. */
export function searchUrl(q: string, filters: Record<string, string | number | undefined> = {}) {
  const u = new URLSearchParams();
  if (q) u.set('q', q);
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) u.set(k, String(v));
  const s = u.toString();
  return `/search/${s ? `?${s}` : ''}`;
}

/** The addresses search results link to (src/search is given these). */
export const siteUrls = { plan: anchorUrl, metric: metricUrl, county: countyUrl };
