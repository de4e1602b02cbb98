// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Where the site is published, from the environment (README: Deploy):
 *   SITE_URL   the site's public address, e.g. https://inst.example.cn/county-plans/ —
 *              downloads and citations then carry absolute links; without it they
 *              carry root-relative ones (never a made-up domain)
 *   BASE_PATH  the path the site is served under, e.g. /county-plans/; defaults to
 *              the path of SITE_URL, else /
 */
function siteUrl() {
  const raw = process.env.SITE_URL?.trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL, not ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`SITE_URL must be an http(s) URL, not ${JSON.stringify(raw)}`);
  return url;
}

const site = siteUrl();
const basePath = process.env.BASE_PATH?.trim() || site?.pathname || '/';
if (!basePath.startsWith('/'))
  throw new Error(`BASE_PATH must start with /, e.g. /county-plans/ (it is ${basePath})`);
const base = `/${basePath.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');

export default defineConfig({
  ...(site ? { site: site.href } : {}),
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // SITE_OUT_DIR lets tests and benchmarks build twice side by side (reproducibility
  // check, fixture corpora) without clobbering dist/.
  outDir: process.env.SITE_OUT_DIR || './dist',
  // Each side-by-side build gets its own content store, so builds running at the
  // same time from different data never share node_modules/.astro/data-store.json.
  ...(process.env.SITE_OUT_DIR ? { cacheDir: `${process.env.SITE_OUT_DIR}.cache` } : {}),
  // Plan pages are generated from pipeline output; keep builds reproducible.
  vite: { build: { assetsInlineLimit: 0 } },
});
