// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
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
