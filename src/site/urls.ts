/**
 * Every address the site links to, built in one place: pages, a target's
 * sentence in the plan reader, downloads, the compare and search views. Each
 * path segment is percent-encoded, so an id can never break out of its part
 * of the URL. The routes in src/pages answer these paths; test/unit/urls.test.ts
 * holds the two together.
 *
 * Every path starts with the site's base path (astro.config.mjs `base`, from
 * BASE_PATH or the path of SITE_URL; `/` by default), so the site works when
 * an institute hosts it under `/county-plans/`. Vite puts the base into
 * import.meta.env.BASE_URL for pages and browser code alike.
 */

const seg = encodeURIComponent;

/** `/` or `/sub/path/`: a base path with one slash at each end. */
export function normalizeBase(base: string | undefined): string {
  const inner = (base ?? '').split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

/** The site's base path, `/` or `/county-plans/`. */
export const BASE = normalizeBase(import.meta.env?.BASE_URL);

/** A path inside the site: `about/` → `/county-plans/about/`. */
export const sitePath = (path: string): string => BASE + path.replace(/^\/+/, '');

/** The home page. */
export const homeUrl = (): string => BASE;

/** The method page, or a section of it: `aboutUrl('unreviewed')` → `/about/#unreviewed`. */
export const aboutUrl = (section?: string): string =>
  sitePath(`about/${section ? `#${seg(section)}` : ''}`);

/** The downloads page, or one of its files: `dataUrl('targets.csv')`. */
export const dataUrl = (file = ''): string =>
  sitePath(`data/${file.split('/').map(seg).join('/')}`);

/** The metric index. */
export const metricsIndexUrl = (): string => sitePath('metrics/');

/** A file in public/ (favicon.svg). */
export const assetUrl = (file: string): string => sitePath(seg(file));

/** A file of the static search index (`manifest.json`, `b/12.json`). */
export const searchIndexUrl = (path = ''): string => sitePath(`search-index/${path}`);

/** A plan's reader page: `/plans/pingjiang-2026/`. */
export const planUrl = (doc: string): string => sitePath(`plans/${seg(doc)}/`);

/** A place in a plan's text (a paragraph `p-12`, a heading `h-3`, a target `t-1`). */
export const anchorUrl = (doc: string, anchor: string): string => `${planUrl(doc)}#${seg(anchor)}`;

/**
 * A reader address that marks `words` on arrival (`?hl=…&hl=…` before the
 * fragment; client/highlight-words.ts reads it): a search result's link.
 */
export function highlightUrl(href: string, words: string[]): string {
  if (!words.length) return href;
  const hash = href.indexOf('#');
  const [path, fragment] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  const query = new URLSearchParams(words.map((w) => ['hl', w])).toString();
  return `${path}${path.includes('?') ? '&' : '?'}${query}${fragment}`;
}

/** A target's sentence, its permanent address for citation: `/plans/pingjiang-2026/#t-1`. */
export const targetUrl = (t: { doc: string; id: string }): string => anchorUrl(t.doc, t.id);

/**
 * Extensions a static host serves as something a browser never runs on the
 * site's origin (text/plain, application/pdf, a Word download).
 */
const INERT_EXTENSIONS = new Set(['txt', 'pdf', 'docx']);

/**
 * The name a plan's original is served under. A host picks the type from the
 * extension, so an original named .html (or .htm, .md, .svg …) would be served
 * as a page and its scripts would run on the site's origin: such a file is
 * served as `<file>.txt`, plain text, bytes unchanged (its SHA-256 still checks).
 */
export function originalServedName(file: string): string {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  return INERT_EXTENSIONS.has(ext) ? file : `${file}.txt`;
}

/** A plan's original file, byte for byte as published, under its served name. */
export const planOriginalUrl = (doc: string, file: string): string =>
  `${planUrl(doc)}${seg(originalServedName(file))}`;

/** The plain text the site read from a plan. */
export const planTextUrl = (doc: string): string => `${planUrl(doc)}text.txt`;

/** A plan's targets as the compare view fetches them. */
export const planDataUrl = (doc: string): string => sitePath(`data/plans/${seg(doc)}.json`);

/** A metric's page: `/metrics/rd_spending/`. */
export const metricUrl = (key: string): string => sitePath(`metrics/${seg(key)}/`);

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
export const countyUrl = (slug: string): string => sitePath(`counties/${seg(slug)}/`);

/** Every county, grouped by province: `/counties/`. */
export const countiesUrl = sitePath('counties/');

/** Every plan, grouped by province; page 2 on is `/plans/page/2/`. */
export const plansIndexUrl = (page = 1): string =>
  sitePath(page <= 1 ? 'plans/' : `plans/page/${page}/`);

/** A province by its GB/T 2260 code: `/provinces/430000/`. */
export const provinceUrl = (code: string): string => sitePath(`provinces/${seg(code)}/`);

/** A prefecture by its GB/T 2260 code: `/prefectures/430600/`. */
export const prefectureUrl = (code: string): string => sitePath(`prefectures/${seg(code)}/`);

/** The compare view of the given plans: `/compare/?plans=a,b`. */
export const compareUrl = (docs: string[]): string =>
  sitePath(docs.length ? `compare/?plans=${docs.map(seg).join(',')}` : 'compare/');

/** A prefecture's counties side by side, built without JavaScript: `/compare/430600/`. */
export const comparePrefectureUrl = (code: string): string => sitePath(`compare/${seg(code)}/`);

/** The search page for a query and its filters, as the page reads them back. */
export function searchUrl(q: string, filters: Record<string, string | number | undefined> = {}) {
  const u = new URLSearchParams();
  if (q) u.set('q', q);
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) u.set(k, String(v));
  const s = u.toString();
  return sitePath(`search/${s ? `?${s}` : ''}`);
}

/** The addresses search results link to (src/search is given these). */
export const siteUrls = { plan: anchorUrl, metric: metricUrl, county: countyUrl };

/**
 * An address as a reader outside the site needs it: absolute against the
 * configured site URL (SITE_URL), else left root-relative (never a made-up
 * domain). `path` is a path this module built, base included.
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

/**
 * A link target for a URL taken from plan data (front matter `source`): only an
 * http(s) URL is one; anything else (`javascript:`, `data:`, a bare word) is
 * null and must be shown as text.
 */
export function safeExternalUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
