/**
 * Issue 15's views as a person meets them in Chromium: county maps (a path per
 * county of the prefecture, a link per county with a plan, with JavaScript off
 * too), no SVG text under 11 px on a 390 px phone, the compare picker driven by
 * the keyboard, an address with unknown or too many plans, and the reader's
 * text on the first phone screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtDownloads, ensureBuilt, launch, openPage, serve, type Served } from './harness.ts';
import type { PlanRecord } from '../../src/pipeline/schema.ts';
import { prefectureOutlines } from '../../src/site/boundaries.ts';

let site: Served;
let browser: Browser;
let plans: PlanRecord[];

beforeAll(async () => {
  ensureBuilt();
  ({ plans } = builtDownloads());
  site = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Pingjiang's prefecture (岳阳市, 430600) as the boundary data draws it. */
const yueyang = () => prefectureOutlines('430600');
/** Counties of 岳阳市 with a plan, by the slug their page lives at. */
const yueyangSlugs = () => [
  ...new Set(plans.filter((p) => p.meta.prefecture === '岳阳市').map((p) => p.meta.slug)),
];

/** Every county map on the page: how many county paths it has and where its links go. */
const maps = (page: Page) =>
  page.$$eval('svg.county-map', (svgs) =>
    svgs.map((s) => ({
      // county shapes: hatched ones without a plan and coloured ones inside links
      counties: s.querySelectorAll('path.map-none, a.map-county path').length,
      names: [...s.querySelectorAll('path.map-none > title, a.map-county path > title')].map(
        (t) => t.textContent ?? '',
      ),
      links: [...s.querySelectorAll('a.map-county')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        name: a.getAttribute('aria-label') ?? '',
      })),
    })),
  );

describe('county maps', () => {
  for (const viewport of [DESKTOP, PHONE])
    for (const javaScriptEnabled of [true, false])
      it(`${viewport.width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: a path per county of 岳阳市, every county with a plan a link`, async () => {
        const want = yueyang().length;
        expect(want).toBeGreaterThan(5);
        const { page, context } = await openPage(browser, site.url, {
          viewport,
          javaScriptEnabled,
        });
        for (const path of ['/counties/pingjiang/', '/metrics/rd_spending/']) {
          await page.goto(site.url + path);
          const found = await maps(page);
          expect(found.length, path).toBeGreaterThan(0);
          // The county page's maps are of 岳阳市 alone; the metric page's map of Hunan
          // (plans from several of its prefectures) draws 岳阳市's counties among the others.
          const names = yueyang().map((o) => o.name);
          const drawsYueyang = (m: (typeof found)[number]) =>
            names.every((n) => m.names.some((t) => t.startsWith(n)));
          const ofYueyang = found.filter(drawsYueyang);
          expect(ofYueyang.length, path).toBeGreaterThan(0);
          if (path.startsWith('/counties/'))
            for (const m of found) expect(m.counties, path).toBe(want);
          for (const m of ofYueyang) {
            const hrefs = m.links.map((l) => l.href);
            expect(m.counties, path).toBeGreaterThanOrEqual(want);
            expect(new Set(hrefs).size, path).toBe(hrefs.length);
            for (const l of m.links) expect(l.name, `${path} ${l.href}`).toMatch(/\S{2,}/);
          }
          // On the county page every county of the prefecture with a plan is a link on every map.
          if (path.startsWith('/counties/'))
            for (const m of found)
              expect(m.links.map((l) => l.href).sort(), path).toEqual(
                yueyangSlugs()
                  .map((s) => `/counties/${s}/`)
                  .sort(),
              );
          // A map is shown whole: not wider than the page.
          const widths = await page.$$eval('svg.county-map', (svgs) =>
            svgs.map((s) => s.getBoundingClientRect().right),
          );
          for (const w of widths) expect(w, path).toBeLessThanOrEqual(viewport.width);
          expect(await page.locator('figure.map .map-note').first().textContent()).toContain(
            '示意图',
          );
        }
        await context.close();
      });
});

describe('text on a 390 px phone', () => {
  it('no SVG text of any chart or map renders below 11 px', async () => {
    const county = plans.find((p) => p.meta.slug === 'pingjiang') ?? plans[0]!;
    const paths = [
      '/',
      '/metrics/rd_spending/',
      '/metrics/hightech_firms/',
      `/counties/${county.meta.slug}/`,
      `/plans/${county.doc}/`,
      '/compare/',
    ];
    const small: string[] = [];
    let seen = 0;
    const { page, context } = await openPage(browser, site.url, { viewport: PHONE });
    for (const path of paths) {
      const res = await page.goto(site.url + path);
      expect(res?.status(), path).toBe(200);
      // Open folded data tables and details so every chart is laid out.
      await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
      const sizes = await page.$$eval('svg text', (texts) =>
        texts
          .filter((t) => (t.textContent ?? '').trim() && t.getClientRects().length)
          .map((t) => {
            const ctm = (t as SVGGraphicsElement).getScreenCTM();
            const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
            return {
              text: (t.textContent ?? '').trim().slice(0, 20),
              px: parseFloat(getComputedStyle(t).fontSize) * scale,
            };
          }),
      );
      seen += sizes.length;
      for (const s of sizes)
        if (s.px < 11) small.push(`${path}: “${s.text}” ${s.px.toFixed(1)} px`);
    }
    await context.close();
    expect(seen).toBeGreaterThan(50);
    expect(small).toEqual([]);
  });

  it('no page text renders below 11 px either', async () => {
    const small: string[] = [];
    const { page, context } = await openPage(browser, site.url, { viewport: PHONE });
    for (const path of ['/', '/metrics/rd_spending/', '/counties/pingjiang/', '/compare/'].concat(
      plans.map((p) => `/plans/${p.doc}/`),
    )) {
      await page.goto(site.url + path);
      await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
      small.push(
        ...(await page.evaluate(() => {
          const out: string[] = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const el = n.parentElement;
            const text = (n.textContent ?? '').trim();
            if (!el || !text || el.closest('svg, .sr-only') || !el.getClientRects().length)
              continue;
            const px = parseFloat(getComputedStyle(el).fontSize);
            if (px < 11)
              out.push(`${location.pathname} <${el.tagName}> “${text.slice(0, 20)}” ${px} px`);
          }
          return out;
        })),
      );
    }
    await context.close();
    expect(small).toEqual([]);
  });

  it('the plan reader’s text starts on the first screen', async () => {
    const { page, context } = await openPage(browser, site.url, { viewport: PHONE });
    for (const p of plans) {
      await page.goto(`${site.url}/plans/${p.doc}/`);
      const box = await page.locator('.plan-text').first().boundingBox();
      expect(box, p.doc).not.toBeNull();
      expect(box!.y, p.doc).toBeLessThan(900);
    }
    await context.close();
  });
});

describe('compare picker', () => {
  const heads = (page: Page) =>
    page.$$eval('#compare-table thead th a', (as) => as.map((a) => a.getAttribute('href')));
  const options = (page: Page) =>
    page.$$eval('#plan-listbox [role="option"]', (os) => os.map((o) => o.textContent ?? ''));

  for (const viewport of [DESKTOP, PHONE])
    it(`${viewport.width} px: typing 平江 offers 平江县 2024 and 2026, and the keyboard adds and removes plans`, async () => {
      const others = plans.filter((p) => p.meta.slug !== 'pingjiang').slice(0, 2);
      const { page, context, errors } = await openPage(browser, site.url, { viewport });
      await page.goto(`${site.url}/compare/?plans=${others.map((p) => p.doc).join(',')}`);
      await expect.poll(() => heads(page)).toEqual(others.map((p) => `/plans/${p.doc}/`));
      // The picker replaces the plain form's checkboxes.
      expect(await page.locator('[data-checks]').isVisible()).toBe(false);
      const input = page.getByRole('combobox', { name: /添加方案/ });
      await input.focus();
      await page.keyboard.type('平江');
      await expect.poll(() => options(page)).toHaveLength(2);
      const texts = await options(page);
      expect(texts[0]).toContain('平江县 2026');
      expect(texts[1]).toContain('平江县 2024');
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      // ↓ ↓ moves to the second option, the active one is announced to screen readers.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const active = await input.getAttribute('aria-activedescendant');
      expect(active).toBe('plan-option-pingjiang-2024');
      expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');
      const want = [...others.map((p) => p.doc), 'pingjiang-2024'];
      await expect.poll(() => page.url()).toBe(`${site.url}/compare/?plans=${want.join(',')}`);
      await expect.poll(() => heads(page)).toEqual(want.map((d) => `/plans/${d}/`));
      expect(await page.locator('[data-chosen] li').allTextContents()).toHaveLength(3);
      // The listbox closed, the focus stays in the box for the next plan.
      expect(await page.locator('#plan-listbox').isVisible()).toBe(false);
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      // A chosen plan is not offered again; Escape closes the list.
      await page.keyboard.type('平江');
      await expect.poll(() => options(page)).toHaveLength(1);
      await page.keyboard.press('Escape');
      expect(await page.locator('#plan-listbox').isVisible()).toBe(false);
      // Remove the first plan with the keyboard: its chip's button, then Enter.
      await page
        .getByRole('button', { name: new RegExp(`移除 ${others[0]!.meta.county}`) })
        .focus();
      await page.keyboard.press('Enter');
      const left = want.slice(1);
      await expect.poll(() => heads(page)).toEqual(left.map((d) => `/plans/${d}/`));
      expect(page.url()).toBe(`${site.url}/compare/?plans=${left.join(',')}`);
      // The phone layout does not scroll sideways with the list open.
      await input.fill('');
      await page.keyboard.type('岳阳');
      await expect.poll(async () => (await options(page)).length).toBeGreaterThan(0);
      const listBox = (await page.locator('#plan-listbox').boundingBox())!;
      expect(listBox.x + listBox.width).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await context.close();
    });

  it('an address with unknown or too many plans says which were dropped', async () => {
    const { page, context } = await openPage(browser, site.url);
    const all = plans.map((p) => p.doc);
    expect(all.length).toBeGreaterThan(4);
    await page.goto(`${site.url}/compare/?plans=no-such-plan,${all.join(',')}`);
    const status = page.locator('#compare-form [data-status]');
    await expect.poll(() => status.textContent()).toContain('no-such-plan');
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('未找到');
    expect(text).toContain(`已略去：${all.slice(4).join('、')}`);
    await expect.poll(() => heads(page)).toEqual(all.slice(0, 4).map((d) => `/plans/${d}/`));
    await context.close();
  });

  it('without JavaScript a prefecture’s counties are compared on a page of their own', async () => {
    const { page, context } = await openPage(browser, site.url, {
      javaScriptEnabled: false,
      viewport: PHONE,
    });
    await page.goto(`${site.url}/compare/`);
    const link = page.locator('[data-checks] a', { hasText: '各县并排比较' });
    expect(await link.count()).toBeGreaterThanOrEqual(1);
    await link.first().click();
    await page.waitForURL(/\/compare\/\d{6}\/$/);
    const heads = await page.locator('table.compare thead th a').allTextContents();
    // 岳阳市: 平江 by its newest plan and 临湘, one column each.
    expect(heads.map((h) => h.trim()).sort()).toEqual(['临湘市 2024', '平江县 2026']);
    expect(await page.locator('table.compare tbody tr').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('without JavaScript the plans are a plain form of checkboxes', async () => {
    const { page, context } = await openPage(browser, site.url, {
      javaScriptEnabled: false,
      viewport: PHONE,
    });
    await page.goto(`${site.url}/compare/`);
    expect(await page.locator('[data-picker]').isVisible()).toBe(false);
    const boxes = page.locator('[data-checks] input[type="checkbox"][name="plans"]');
    expect(await boxes.count()).toBe(plans.length);
    expect(await page.locator('[data-checks] input:checked').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('checkbox', { name: /平江县 2026/ }).check();
    await page.getByRole('button', { name: /比较/ }).click();
    await page.waitForURL(/plans=pingjiang-2026/);
    expect(await page.locator('#compare-table tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });
});
