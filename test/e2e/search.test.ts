/**
 * Search on the built site, in Debian's Chromium. Uses the shared harness
 * (build once, serve dist/). SEARCH_E2E_DIST serves another built directory
 * instead (e.g. a site built from a fixture data dir); the ground truth for
 * "every plan that mentions it" comes from the data directory the site was
 * built from (E2E_DATA_DIR, DATA_DIR or .data).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readDataset } from '../../src/pipeline/dataset.ts';
import { axe, DIST, ensureBuilt, launch, openPage, serve, type Served } from './harness.ts';

const dist = process.env.SEARCH_E2E_DIST ? resolve(process.env.SEARCH_E2E_DIST) : DIST;
const dataDir = resolve(process.env.E2E_DATA_DIR ?? process.env.DATA_DIR ?? '.data');

let served: Served;
let browser: Browser;

beforeAll(async () => {
  if (!process.env.SEARCH_E2E_DIST) ensureBuilt();
  served = await serve(dist);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Shown {
  status: string;
  passages: { href: string; plan: string; marks: string[]; text: string }[];
  quick: { kind: string; href: string; title: string }[];
}

async function results(page: Page): Promise<Shown> {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-status]')?.textContent ?? '';
    return s.length > 0 && !s.includes('正在搜索');
  });
  return page.evaluate(() => ({
    status: document.querySelector('[data-status]')!.textContent ?? '',
    passages: [...document.querySelectorAll('[data-results] .sr-passage')].map((p) => ({
      href: p.querySelector('a.sr-link')!.getAttribute('href')!,
      plan: p.querySelector('.sr-plan')!.textContent ?? '',
      marks: [...p.querySelectorAll('.sr-snippet mark')].map((m) => m.textContent ?? ''),
      text: p.querySelector('.sr-snippet')!.textContent ?? '',
    })),
    quick: [...document.querySelectorAll('[data-quick] .sr-quick')].map((q) => ({
      kind: [...q.classList].find((c) => c.startsWith('sr-quick-'))!.slice(9),
      href: q.querySelector('a')!.getAttribute('href')!,
      title: q.querySelector('.sr-title')!.textContent ?? '',
    })),
  }));
}

async function search(q: string): Promise<Shown & { page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser, served.url);
  await page.goto(`${served.url}/search/?q=${encodeURIComponent(q)}`);
  return { ...(await results(page)), page, errors };
}

/** Load every result page ("更多结果") so sets can be compared. */
async function allResults(page: Page): Promise<Shown> {
  for (let i = 0; i < 50; i++) {
    const more = page.locator('[data-more]');
    if (!(await more.isVisible())) break;
    const n = await page.locator('[data-results] .sr-passage').count();
    await more.click();
    await page.waitForFunction(
      (k) => document.querySelectorAll('[data-results] .sr-passage').length > k,
      n,
    );
  }
  return results(page);
}

const docOf = (href: string) => /^\/plans\/([^/]+)\//.exec(href)?.[1] ?? '';

function docsMentioning(word: string): string[] {
  if (!readDataset.exists(dataDir)) return [];
  return readDataset
    .plans(dataDir)
    .map((p) => p.doc)
    .filter((doc) =>
      readDataset.document(doc, dataDir).text.normalize('NFKC').replace(/\s+/g, '').includes(word),
    )
    .sort();
}

describe('search page', () => {
  it('finds 云母 in the 平江 2026 plan on a fresh load of /search/?q=云母', async () => {
    const r = await search('云母');
    expect(r.passages.length).toBeGreaterThan(0);
    expect(r.passages.every((p) => docOf(p.href) === 'pingjiang-2026')).toBe(true);
    expect(r.passages[0]!.plan).toContain('平江');
    expect(r.passages[0]!.plan).toContain('2026');
    expect(r.passages.every((p) => p.marks.includes('云母'))).toBe(true);
    expect(await r.page.inputValue('#search-page-q')).toBe('云母');
    expect(r.errors).toEqual([]);
    await r.page.context().close();
  });

  it('finds 芦笋 in the 沅江 plan', async () => {
    const r = await search('芦笋');
    expect(r.passages.map((p) => docOf(p.href))).toContain('yuanjiang-2024');
    expect(r.passages.every((p) => p.plan.includes('沅江'))).toBe(true);
    await r.page.context().close();
  });

  it('finds passages that say 高新技术企业 for 高企, and offers the metric page and targets', async () => {
    const r = await search('高企');
    expect(r.passages.some((p) => p.marks.some((m) => m.includes('高新技术企业')))).toBe(true);
    expect(r.quick.some((q) => q.kind === 'metric' && q.href === '/metrics/hightech_firms/')).toBe(
      true,
    );
    expect(r.quick.filter((q) => q.kind === 'target').length).toBeGreaterThan(0);
    await r.page.context().close();
  });

  it('finds every plan that mentions 知识产权质押', async () => {
    const r = await search('知识产权质押');
    const all = await allResults(r.page);
    const found = [
      ...new Set(
        all.passages
          .filter((p) => p.marks.join('').includes('知识产权质押'))
          .map((p) => docOf(p.href)),
      ),
    ].sort();
    const expected = docsMentioning('知识产权质押');
    expect(expected.length).toBeGreaterThan(1);
    expect(found).toEqual(expected);
    await r.page.context().close();
  });

  it('matches a two-word query in either order', async () => {
    const a = await search('云母 产业');
    const b = await search('产业 云母');
    const hrefs = async (x: { page: Page }) =>
      (await allResults(x.page)).passages.map((p) => p.href).sort();
    const ha = await hrefs(a);
    expect(ha.length).toBeGreaterThan(0);
    expect(await hrefs(b)).toEqual(ha);
    await a.page.context().close();
    await b.page.context().close();
  });

  it('finds the 平江 2024 R&D target for 30%', async () => {
    const r = await search('30%');
    const hit = r.passages.find((p) => docOf(p.href) === 'pingjiang-2024');
    expect(hit).toBeDefined();
    expect(hit!.marks).toContain('30%');
    expect(hit!.text).toContain('研发经费投入');
    // Full-width query, same result.
    const w = await search('３０％');
    expect(w.passages.map((p) => p.href)).toEqual(r.passages.map((p) => p.href));
    await r.page.context().close();
    await w.page.context().close();
  });

  it('opens the reader at the marked paragraph from a result link', async () => {
    const r = await search('云母');
    const href = r.passages[0]!.href;
    await r.page.click(`[data-results] a.sr-link[href="${href}"]`);
    await r.page.waitForURL((u) => u.pathname.startsWith('/plans/pingjiang-2026/'));
    const hash = new URL(r.page.url()).hash;
    expect(hash).toMatch(/^#[ph]-\d+$/);
    const target = await r.page.evaluate(() => {
      const t = document.querySelector(':target');
      return t
        ? { id: t.id, text: t.textContent ?? '', bg: getComputedStyle(t).backgroundColor }
        : null;
    });
    expect(target?.id).toBe(hash.slice(1));
    expect(target?.text).toContain('云母');
    expect(target?.bg).not.toBe('rgba(0, 0, 0, 0)');
    await r.page.context().close();
  });

  it('marks the search words in the reader after a result is opened', async () => {
    const r = await search('云母');
    const href = r.passages[0]!.href;
    expect(new URL(href, served.url).searchParams.getAll('hl')).toEqual(['云母']);
    await r.page.click(`[data-results] a.sr-link[href="${href}"]`);
    await r.page.waitForURL((u) => u.pathname.startsWith('/plans/pingjiang-2026/'));
    await r.page.waitForSelector('.plan-text mark.search-hit');
    const marked = await r.page.evaluate(() => ({
      hits: [...document.querySelectorAll('.plan-text mark.search-hit')].map((m) => m.textContent),
      inTarget: document.querySelector(':target')?.querySelectorAll('mark.search-hit').length ?? 0,
      // Every 云母 of the plan's text is marked, and nothing else.
      all: (document.querySelector('.plan-text')!.textContent ?? '').split('云母').length - 1,
    }));
    expect(marked.hits.length).toBeGreaterThan(1);
    expect(new Set(marked.hits)).toEqual(new Set(['云母']));
    expect(marked.hits.length).toBe(marked.all);
    expect(marked.inTarget).toBeGreaterThan(0);
    expect(r.errors).toEqual([]);
    await r.page.context().close();
  });

  it('lands a hit in an indicator table on its row, with the row’s targets listed', async () => {
    const r = await search('有研发活动企业占比');
    const row = r.page.locator('[data-results] .sr-passage', {
      has: r.page.locator('a.sr-link[href*="#tbl-"]'),
    });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    const first = row.first();
    const href = (await first.locator('a.sr-link').getAttribute('href'))!;
    expect(href).toMatch(/^\/plans\/longhui-2023\/\?hl=[^#]+#tbl-1-r\d+$/);
    const listed = await first
      .locator('.sr-targets a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(listed.length).toBeGreaterThan(0);
    for (const l of listed) expect(l).toMatch(/^\/plans\/longhui-2023\/#t-[0-9a-f]{8}/);
    await first.locator('a.sr-link').click();
    await r.page.waitForURL((u) => u.hash.startsWith('#tbl-1-r'));
    await r.page.waitForSelector('.plan-text mark.search-hit');
    const landed = await r.page.evaluate(() => {
      const t = document.querySelector(':target')!;
      const box = t.getBoundingClientRect();
      return {
        tag: t.tagName,
        height: box.height,
        onScreen: box.top >= 0 && box.top < innerHeight,
        hits: [...t.querySelectorAll('mark.search-hit')].map((m) => m.textContent ?? '').join(''),
        targets: [...t.querySelectorAll('mark.target')].map((m) => m.getAttribute('data-target')),
      };
    });
    expect(landed.tag).toBe('TR');
    expect(landed.height).toBeGreaterThan(10);
    expect(landed.onScreen).toBe(true);
    expect(landed.hits).toContain('有研发活动企业占比');
    // The targets the result listed are the ones quoted in that row.
    for (const l of listed) expect(landed.targets).toContain(l.split('#')[1]);
    expect(r.errors).toEqual([]);
    await r.page.context().close();
  });

  it('shows an HTML query as text', async () => {
    const q = '<img src=x onerror=alert(1)>';
    const { page, errors } = await openPage(browser, served.url);
    let dialog = false;
    page.on('dialog', (d) => {
      dialog = true;
      void d.dismiss();
    });
    await page.goto(`${served.url}/search/?q=${encodeURIComponent(q)}`);
    const r = await results(page);
    expect(r.status).toContain(q);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).toContain(q);
    // The dropdown too.
    await page.fill('#site-search', q);
    await page.waitForSelector('.search-dropdown:not([hidden])');
    expect(await page.locator('.search-dropdown img').count()).toBe(0);
    expect(await page.locator('.search-dropdown').textContent()).toContain(q);
    expect(dialog).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('narrows by a facet, with counts, and keeps it in the address', async () => {
    const r = await search('知识产权质押');
    const facet = r.page.locator('a[data-facet="county"]').first();
    const value = await facet.getAttribute('data-value');
    await facet.click();
    await r.page.waitForURL((u) => u.searchParams.get('county') === value);
    const after = await results(r.page);
    expect(after.passages.length).toBeGreaterThan(0);
    expect(after.passages.every((p) => p.plan.startsWith(value!))).toBe(true);
    await r.page.context().close();
  });

  it('on a phone, puts the results on the first screen and the filters in a closed box', async () => {
    const { page } = await openPage(browser, served.url, { viewport: { width: 390, height: 844 } });
    const top = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
    await page.goto(`${served.url}/search/?q=${encodeURIComponent('云母')}`);
    await results(page);
    expect(await top('[data-results] .sr-passage')).toBeLessThan(844);
    await page.goto(`${served.url}/search/?q=${encodeURIComponent('高企')}`);
    await results(page);
    // The metric and its targets come first here; they too start on the first screen.
    expect(await top('[data-quick] .sr-quick')).toBeLessThan(844);
    const facet = page.locator('a[data-facet="county"]').first();
    expect(await facet.isVisible()).toBe(false);
    await page.click('.search-facets summary');
    expect(await facet.isVisible()).toBe(true);
    const value = await facet.getAttribute('data-value');
    await facet.click();
    await page.waitForURL((u) => u.searchParams.get('county') === value);
    await results(page);
    // The chosen filter shows on the closed box.
    expect(await page.locator('.search-facets summary').textContent()).toContain(value!);
    await page.context().close();
  });

  it('says so and suggests glossary terms when nothing matches', async () => {
    const r = await search('高新技木企业');
    expect(r.status).toMatch(/没有/);
    expect(await r.page.locator('.suggest a').allTextContents()).toContain('高新技术企业');
    await r.page.context().close();
  });
});

describe('what people type', () => {
  const plansOf = (shown: Shown) => [...new Set(shown.passages.map((p) => docOf(p.href)))].sort();

  it('finds R&D as the plans write it: 研发 (and R&D, 研究与试验发展)', async () => {
    const r = await search('R&D');
    const all = await allResults(r.page);
    const expected = [
      ...new Set(['研发', 'R&D', '研究与试验发展'].flatMap((w) => docsMentioning(w))),
    ].sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(plansOf(all)).toEqual(expected);
    expect(all.passages.every((p) => p.marks.some((m) => /研发|R&D|研究与试验发展/.test(m)))).toBe(
      true,
    );
    expect(r.quick.some((q) => q.kind === 'metric' && q.href === '/metrics/rd_spending/')).toBe(
      true,
    );
    expect(r.status).not.toMatch(/没有/);
    await r.page.context().close();
  });

  it('finds a one-character word (茶) in every plan that has it', async () => {
    const r = await search('茶');
    const all = await allResults(r.page);
    const expected = docsMentioning('茶');
    expect(expected.length).toBeGreaterThan(1);
    expect(plansOf(all)).toEqual(expected);
    expect(all.passages.every((p) => p.marks.some((m) => m.includes('茶')))).toBe(true);
    expect(r.status).not.toMatch(/无法单独检索|没有/);
    expect(r.errors).toEqual([]);
    await r.page.context().close();
  });

  it('finds a county by its name in pinyin (pingjiang → 平江县), with its plans’ passages', async () => {
    const r = await search('pingjiang');
    expect(r.quick[0]).toMatchObject({ kind: 'county', href: '/counties/pingjiang/' });
    expect(r.quick[0]!.title).toBe('平江县');
    expect(r.passages.length).toBeGreaterThan(0);
    expect(r.passages.every((p) => p.plan.includes('平江'))).toBe(true);
    expect(r.passages.every((p) => p.marks.includes('平江'))).toBe(true);
    // Typed with a space, or in the header box as you type.
    const spaced = await search('ping jiang');
    expect(spaced.quick[0]).toMatchObject({ kind: 'county', href: '/counties/pingjiang/' });
    await spaced.page.fill('#site-search', 'pingjiang');
    await spaced.page.waitForSelector('.search-dropdown:not([hidden]) [role="option"]');
    expect(
      await spaced.page
        .locator('.search-dropdown [role="option"]')
        .first()
        .getAttribute('data-href'),
    ).toBe('/counties/pingjiang/');
    await r.page.context().close();
    await spaced.page.context().close();
  });

  it('finds 科小 and 科技型中小企业 both ways, with the metric and its targets', async () => {
    const short = await search('科小');
    const marks = short.passages.flatMap((p) => p.marks);
    expect(marks).toContain('科小');
    expect(marks).toContain('科技型中小企业');
    expect(short.quick.some((q) => q.kind === 'metric' && q.href === '/metrics/tech_sme/')).toBe(
      true,
    );
    expect(short.quick.filter((q) => q.kind === 'target').length).toBeGreaterThan(0);
    const long = await search('科技型中小企业');
    expect(long.passages.flatMap((p) => p.marks)).toContain('科小');
    await short.page.context().close();
    await long.page.context().close();
  });
});

describe('when the index cannot be fetched', () => {
  it('says so on the search page, and searches once it can', async () => {
    const { page } = await openPage(browser, served.url);
    await page.route('**/search-index/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${served.url}/search/?q=${encodeURIComponent('云母')}`);
    const r = await results(page);
    expect(r.status).toContain('无法加载搜索索引');
    expect(r.passages).toEqual([]);
    await page.unroute('**/search-index/**');
    await page.click('.search-retry');
    await page.waitForSelector('[data-results] .sr-passage');
    expect((await results(page)).status).toContain('云母');
    await page.context().close();
  });

  it('says so in the header box', async () => {
    const { page } = await openPage(browser, served.url);
    await page.route('**/search-index/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${served.url}/`);
    await page.fill('#site-search', '云母');
    await page.waitForSelector('.search-dropdown:not([hidden])');
    await expect
      .poll(() => page.locator('.search-dropdown').textContent())
      .toContain('无法加载搜索索引');
    expect(
      await page.locator('.search-dropdown [role="option"]').last().getAttribute('data-href'),
    ).toBe('/search/?q=%E4%BA%91%E6%AF%8D');
    await page.context().close();
  });
});

describe('accessibility', () => {
  it('has no serious axe violation on a results page or with the dropdown open', async () => {
    const r = await search('高企');
    expect(await axe(r.page)).toEqual([]);
    await r.page.fill('#site-search', '芦笋');
    await r.page.waitForSelector('.search-dropdown:not([hidden]) [role="option"]');
    expect(await axe(r.page)).toEqual([]);
    await r.page.context().close();
  });
});

describe('header search box', () => {
  it('focuses on /, shows instant results, moves with arrows and opens with Enter', async () => {
    const { page, errors } = await openPage(browser, served.url);
    await page.goto(`${served.url}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('芦笋');
    await page.waitForSelector('.search-dropdown:not([hidden]) [role="option"]');
    const first = await page
      .locator('.search-dropdown [role="option"]')
      .first()
      .getAttribute('data-href');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === first);
    // The reader marks the word the result matched.
    await page.waitForSelector('.plan-text mark.search-hit');
    expect(await page.locator('.plan-text mark.search-hit').first().textContent()).toBe('芦笋');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is a plain form without JavaScript', async () => {
    const { page } = await openPage(browser, served.url, { javaScriptEnabled: false });
    await page.goto(`${served.url}/`);
    await page.fill('#site-search', '云母');
    await page.press('#site-search', 'Enter');
    await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === '云母');
    expect(await page.locator('[data-nojs]').isVisible()).toBe(true);
    await page.context().close();
  });
});
