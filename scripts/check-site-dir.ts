/**
 * Runs before `astro build` (npm run build): the site folder (dist/, or
 * SITE_OUT_DIR) and the cache folder Astro uses with it must be writable.
 * Astro itself reports an unwritable folder with a stack trace after minutes
 * of work; this says it at once, in one line naming the folder and the reason.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from './lib/cli.ts';

const root = resolve(import.meta.dirname, '..');

/** The folders `astro build` writes, as astro.config.mjs sets them. */
function siteFolders(): string[] {
  const out = process.env.SITE_OUT_DIR;
  return out ? [resolve(root, out), resolve(root, `${out}.cache`)] : [join(root, 'dist')];
}

await runCli('build', () => {
  for (const folder of siteFolders()) {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  }
  return Promise.resolve();
});
