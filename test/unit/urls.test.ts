/** The site's URL builders: each address is answered by a route, and ids stay inside their segment. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchorUrl,
  compareUrl,
  countiesUrl,
  countyUrl,
  dataUrl,
  metricProvinceUrl,
  metricUrl,
  normalizeBase,
  originalServedName,
  planDataUrl,
  planOriginalUrl,
  planTextUrl,
  plansIndexUrl,
  planUrl,
  prefectureUrl,
  provinceUrl,
  rankingRowUrl,
  searchIndexUrl,
  searchUrl,
  targetUrl,
} from '../../src/site/urls.ts';

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');

/** Each route file as a pattern over URL paths, as Astro maps files to paths. */
function routes(): { file: string; re: RegExp }[] {
  return readdirSync(PAGES, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name))
    .map((e) => {
      const file = path.relative(PAGES, path.join(e.parentPath, e.name));
      const route = file
        .replace(/\.(astro|ts)$/, '')
        .replace(/(^|\/)index$/, '$1')
        .split('/')
        .map((part) =>
          part
            .replace(/\./g, '\\.')
            .replace(/\[\.\.\.\w+\]/g, '.+')
            .replace(/\[\w+\]/g, '[^/]+'),
        )
        .join('/');
      // A page (.astro) is served as a folder with a trailing slash; an endpoint as a file.
      const slash = file.endsWith('.astro') && !route.endsWith('/') && route !== '' ? '/' : '';
      return { file, re: new RegExp(`^/${route}${slash}$`) };
    });
}

const routeOf = (url: string): string[] => {
  const { pathname } = new URL(url, 'https://example.org');
  return routes()
    .filter((r) => r.re.test(pathname))
    .map((r) => r.file);
};

describe('site URLs', () => {
  it('each builder gives a path that exactly one route answers', () => {
    const t = { doc: 'pingjiang-2026', id: 't-1' };
    expect(routeOf(planUrl(t.doc))).toEqual(['plans/[doc]/index.astro']);
    expect(routeOf(targetUrl(t))).toEqual(['plans/[doc]/index.astro']);
    expect(routeOf(planTextUrl(t.doc))).toEqual(['plans/[doc]/[file].ts']);
    expect(routeOf(planOriginalUrl(t.doc, 'pingjiang-2026.pdf'))).toEqual([
      'plans/[doc]/[file].ts',
    ]);
    expect(routeOf(planDataUrl(t.doc))).toEqual(['data/plans/[doc].json.ts']);
    expect(routeOf(metricUrl('rd_spending'))).toEqual(['metrics/[key].astro']);
    expect(routeOf(countyUrl('pingjiang'))).toEqual(['counties/[slug].astro']);
    expect(routeOf(countiesUrl)).toEqual(['counties/index.astro']);
    expect(routeOf(plansIndexUrl(1))).toEqual(['plans/index.astro']);
    expect(routeOf(plansIndexUrl(3))).toEqual(['plans/page/[page].astro']);
    expect(routeOf(provinceUrl('430000'))).toEqual(['provinces/[code].astro']);
    expect(routeOf(prefectureUrl('430600'))).toEqual(['prefectures/[code].astro']);
    expect(routeOf(metricProvinceUrl('rd_spending', '430000'))).toEqual([
      'metrics/[key]/[province].astro',
    ]);
    expect(routeOf(rankingRowUrl('rd_spending', '430000', 'g1', 'pingjiang'))).toEqual([
      'metrics/[key]/[province].astro',
    ]);
    expect(routeOf(compareUrl(['a-2024', 'b-2024']))).toEqual(['compare/index.astro']);
    expect(routeOf(searchUrl('云母', { county: '平江县' }))).toEqual(['search/index.astro']);
  });

  it('the route matcher tells routes apart and rejects what no route serves', () => {
    expect(routeOf('/')).toEqual(['index.astro']);
    expect(routeOf('/metrics/')).toEqual(['metrics/index.astro']);
    expect(routeOf('/plans/')).toEqual(['plans/index.astro']);
    expect(routeOf('/plans/page/2/')).toEqual(['plans/page/[page].astro']);
    expect(routeOf('/plans/a/b/c')).toEqual([]);
  });

  it('keeps hostile ids inside their segment', () => {
    const doc = 'a/../b?c#d';
    expect(planUrl(doc)).toBe('/plans/a%2F..%2Fb%3Fc%23d/');
    expect(new URL(anchorUrl(doc, 'x#y'), 'https://e.org').hash).toBe('#x%23y');
    expect(routeOf(planOriginalUrl('p', '../../etc/passwd'))).toEqual(['plans/[doc]/[file].ts']);
    expect(compareUrl(['a,b', 'c'])).toBe('/compare/?plans=a%2Cb,c');
  });

  it('writes a search the page can read back, without empty filters', () => {
    const url = new URL(
      searchUrl('知识产权 质押', { county: '平江县', year: 2026, metric: undefined }),
      'https://e.org',
    );
    expect(url.pathname).toBe('/search/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '知识产权 质押',
      county: '平江县',
      year: '2026',
    });
    expect(searchUrl('')).toBe('/search/');
  });
});

describe('base path and originals', () => {
  it('normalises a base path to one slash at each end', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('county-plans')).toBe('/county-plans/');
    expect(normalizeBase('//inst/county-plans//')).toBe('/inst/county-plans/');
  });

  it('builds every path from the base (here /, as vitest runs)', () => {
    expect(dataUrl('targets.csv')).toBe('/data/targets.csv');
    expect(searchIndexUrl('manifest.json')).toBe('/search-index/manifest.json');
    expect(routeOf(dataUrl('targets.csv'))).toEqual(['data/targets.csv.ts']);
  });

  it('serves an original a browser would run as a page under a plain-text name', () => {
    for (const f of ['p.html', 'p.HTM', 'p.xhtml', 'p.svg', 'p.md', 'p'])
      expect(originalServedName(f)).toBe(`${f}.txt`);
    for (const f of ['p.txt', 'p.pdf', 'p.docx']) expect(originalServedName(f)).toBe(f);
    expect(planOriginalUrl('p-2024', 'p-2024.html')).toBe('/plans/p-2024/p-2024.html.txt');
  });
});
