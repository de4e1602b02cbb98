/**
 * Link check over the built site: every internal href and src in every HTML
 * page points at a file that exists, and every #fragment at an id on that page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { DIST, ensureBuilt, listFiles } from './harness.ts';

beforeAll(() => ensureBuilt());

/** The file a site path serves, as the static server resolves it. */
function fileFor(path: string): string | null {
  const p = join(DIST, decodeURIComponent(path));
  if (existsSync(p) && statSync(p).isFile()) return p;
  if (path.endsWith('/') && existsSync(join(p, 'index.html'))) return join(p, 'index.html');
  return null;
}

describe('internal links', () => {
  it('have no broken target or anchor', () => {
    const pages = listFiles(DIST).filter((f) => f.endsWith('.html') && f !== '404.html');
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let s = ids.get(file);
      if (!s) {
        const { document } = parseHTML(readFileSync(file, 'utf8'));
        s = new Set([...document.querySelectorAll('[id]')].map((e) => e.getAttribute('id')!));
        ids.set(file, s);
      }
      return s;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const rel of pages) {
      const file = join(DIST, rel);
      const here = '/' + rel.replace(/index\.html$/, '');
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const refs = [
        ...[...document.querySelectorAll('a[href], link[href]')].map((e) =>
          e.getAttribute('href')!,
        ),
        ...[...document.querySelectorAll('script[src], img[src]')].map((e) =>
          e.getAttribute('src')!,
        ),
      ];
      for (const ref of refs) {
        if (/^(data:|mailto:|https?:|javascript:)/i.test(ref)) continue;
        const url = new URL(ref, `http://site${here}`);
        // The search page belongs to the search owner and reads ?q= at run time.
        const target = url.pathname === here ? file : fileFor(url.pathname);
        checked++;
        if (!target) {
          broken.push(`${here} → ${ref} (no such file)`);
          continue;
        }
        const frag = decodeURIComponent(url.hash.slice(1));
        if (frag && target.endsWith('.html') && !idsOf(target).has(frag))
          broken.push(`${here} → ${ref} (no id "${frag}")`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});
