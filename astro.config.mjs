// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Plan pages are generated from pipeline output; keep builds reproducible.
  vite: { build: { assetsInlineLimit: 0 } },
});
