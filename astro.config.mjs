// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // SITE_OUT_DIR lets tests and benchmarks build twice side by side (reproducibility
  // check, fixture corpora) without clobbering dist/.
  outDir: process.env.SITE_OUT_DIR || './dist',
  // Plan pages are generated from pipeline output; keep builds reproducible.
  vite: { build: { assetsInlineLimit: 0 } },
});
