/**
 * The harness's static server as a process of its own (as a real host is):
 * `node test/e2e/serve-cli.ts <dir>` precompresses the site, prints its URL on
 * one line, and serves until killed. The search benchmark times requests
 * against it, so the server never shares an event loop with Playwright.
 */
import { serve } from './harness.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: serve-cli.ts <dir>');
  process.exit(2);
}
const served = await serve(dir, { precompress: true });
console.log(served.url);
