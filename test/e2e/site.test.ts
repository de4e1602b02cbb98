/**
 * The built site as a person meets it in Chromium: every page type renders
 * without console errors or off-site requests and passes axe (no serious or
 * critical violations); charts show without JavaScript; metric bars match the
 * data; compare keeps its selection in the address; a target link lands on
 * the highlighted sentence; hostile plan text stays text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Browser } from 'playwright-core';
import {
  astroBuild,
  axe,
  buildDir,
  builtDownloads,
  DIST,
  ensureBuilt,
  launch,
  openPage,
  ROOT,
  serve,
  type Served,
} from './harness.ts';
import type { PlanRecord, TargetRecord } from '../../src/pipeline/schema.ts';
import { compareKey } from '../../src/site/comparable.ts';

let site: Served;
let browser: Browser;
let plans: PlanRecord[];
let targets: TargetRecord[];

beforeAll(async () => {
  ensureBuilt();
  ({ plans, targets } = builtDownloads());
  site = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A county with two plans if there is one (exercises "what changed"), else the first. */
const county = () => {
  const counts = new Map<string, number>();
  for (const p of plans) counts.set(p.meta.slug, (counts.get(p.meta.slug) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
};

const pageTypes = () => [
  '/',
  '/metrics/',
  '/metrics/rd_spending/',
  `/metrics/rd_spending/${plans[0]!.province_code}/`,
  `/counties/${county()}/`,
  '/counties/',
  '/plans/',
  `/provinces/${plans[0]!.province_code}/`,
  `/prefectures/${plans[0]!.prefecture_code}/`,
  `/plans/${plans[0]!.doc}/`,
  '/compare/',
  `/compare/?plans=${plans
    .slice(0, 2)
    .map((p) => p.doc)
    .join(',')}`,
  '/about/',
  '/data/',
  '/no-such-page/',
];

describe('every page type', () => {
  it('renders with no console error, no off-site request, and no serious axe violation', async () => {
    const problems: string[] = [];
    for (const path of pageTypes()) {
      const { page, context, errors, external } = await openPage(browser, site.url);
      const res = await page.goto(site.url + path, { waitUntil: 'networkidle' });
      expect(res?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.locator('form[action="/search/"] input[name="q"]').count(), path).toBe(1);
      const errs = path === '/no-such-page/' ? errors.filter((e) => !/404/.test(e)) : errors;
      if (errs.length) problems.push(`${path}: console ${errs.join(' | ')}`);
      if (external.length) problems.push(`${path}: off-site ${external.join(' ')}`);
      for (const v of await axe(page))
        problems.push(`${path}: axe ${v.impact} ${v.id} ${v.help} ${v.nodes.join(' ')}`);
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('fits a phone screen: only tables and charts scroll sideways, never the page', async () => {
    const wide: string[] = [];
    for (const path of pageTypes()) {
      const { page, context } = await openPage(browser, site.url, {
        viewport: { width: 390, height: 844 },
      });
      await page.goto(site.url + path);
      const tooWide = await page.evaluate(() => {
        const d = (
          globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }
        ).document;
        return (
          d.documentElement.scrollWidth >
          (globalThis as unknown as { innerWidth: number }).innerWidth + 1
        );
      });
      if (tooWide) wide.push(path);
      await context.close();
    }
    expect(wide).toEqual([]);
  });
});

describe('metric page', () => {
  it('/metrics/rd_spending/ draws each comparable group and ranks each county once in it', async () => {
    const { page, context } = await openPage(browser, site.url);
    await page.goto(`${site.url}/metrics/rd_spending/`);
    const rd = targets.filter((t) => t.metric === 'rd_spending');
    expect(rd.length).toBeGreaterThan(0);
    // Each county once per comparable group (its newest plan with the target).
    const want = new Map<string, Set<string>>();
    for (const t of rd) {
      const key = compareKey(t);
      (want.get(key) ?? want.set(key, new Set()).get(key)!).add(t.slug);
    }
    const sections = await page.$$eval('section[aria-labelledby^="g-"]', (els) =>
      els.map((el) => ({
        charts: el.querySelectorAll('figure.chart svg').length,
        counties: [...el.querySelectorAll('table.ranking tbody tr')].map(
          (tr) => (tr as HTMLElement).dataset.county ?? '',
        ),
      })),
    );
    expect(sections.length).toBe(want.size);
    for (const s of sections) {
      expect(s.charts).toBeGreaterThan(0);
      expect(new Set(s.counties).size).toBe(s.counties.length);
    }
    expect(sections.map((s) => [...s.counties].sort()).sort()).toEqual(
      [...want.values()].map((slugs) => [...slugs].sort()).sort(),
    );
    await context.close();
  });

  it('a target link lands on the highlighted sentence in the reader', async () => {
    const { page, context, errors } = await openPage(browser, site.url);
    await page.goto(`${site.url}/metrics/rd_spending/`);
    const link = page.locator('table.ranking td.num a[href*="#"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/plans\/[^/]+\/#t-[0-9a-f]{8}(-\d+)?$/);
    await link.click();
    await page.waitForURL(`**${href}`);
    const id = href.split('#')[1]!;
    const mark = page.locator(`mark.target[id="${id}"]`);
    await expect.poll(() => mark.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await mark.isVisible()).toBe(true);
    const style = await mark.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(style).toBe('solid');
    const box = (await mark.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    // Its reading (metric, kind, value) is shown while it is the :target.
    expect(await mark.locator('.reading').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('target highlights are keyboard focusable and show their reading', async () => {
    const { page, context } = await openPage(browser, site.url);
    await page.goto(`${site.url}/plans/${plans[0]!.doc}/`);
    const mark = page.locator('mark.target').first();
    await mark.focus();
    expect(await mark.evaluate((el) => el === document.activeElement)).toBe(true);
    const reading = mark.locator('.reading');
    expect(await reading.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(20);
    expect(await reading.textContent()).toMatch(/增速|总量|新增|占比|密度/);
    await context.close();
  });
});

describe('compare', () => {
  it('round-trips the selection through the address', async () => {
    const docs = plans.slice(0, 3).map((p) => p.doc);
    const { page, context, errors } = await openPage(browser, site.url);
    await page.goto(`${site.url}/compare/?plans=${docs[0]},${docs[1]}`);
    const heads = () =>
      page.$$eval('#compare-table thead th a', (as) => as.map((a) => a.getAttribute('href')));
    await expect.poll(heads).toEqual([`/plans/${docs[0]}/`, `/plans/${docs[1]}/`]);
    // Add the third by name with the picker (its first match is active: Enter adds it).
    const third = plans[2]!.meta;
    await page.locator('#plan-search').fill(`${third.county} ${third.year}`);
    await page.locator('#plan-search').press('Enter');
    await expect.poll(() => page.url()).toBe(`${site.url}/compare/?plans=${docs.join(',')}`);
    await expect.poll(heads).toEqual(docs.map((d) => `/plans/${d}/`));
    // A copied link reproduces the view in a fresh page.
    const fresh = await openPage(browser, site.url);
    await fresh.page.goto(page.url());
    await expect
      .poll(() =>
        fresh.page.$$eval('#compare-table thead th a', (as) =>
          as.map((a) => a.getAttribute('href')),
        ),
      )
      .toEqual(docs.map((d) => `/plans/${d}/`));
    await fresh.context.close();
    await page.goBack();
    await expect.poll(heads).toEqual([`/plans/${docs[0]}/`, `/plans/${docs[1]}/`]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('charts, tables and the compare default are in the HTML', async () => {
    const { page, context } = await openPage(browser, site.url, { javaScriptEnabled: false });
    await page.goto(`${site.url}/metrics/rd_spending/`);
    expect(
      await page.locator('figure.chart svg[role="group"] g.bar-main rect').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('figure.chart svg title').first().textContent()).toContain('研发');
    await page.goto(`${site.url}/compare/`);
    expect(await page.locator('#compare-table tbody tr').count()).toBeGreaterThan(0);
    await page.goto(`${site.url}/counties/${county()}/`);
    // Both peer groups are shown when the toggle cannot run.
    expect(await page.locator('[data-peer-group="prefecture"]').first().isVisible()).toBe(true);
    expect(await page.locator('[data-peer-group="all"]').first().isVisible()).toBe(true);
    await context.close();
  });

  it('the peer toggle shows one group at a time with JavaScript', async () => {
    const { page, context } = await openPage(browser, site.url);
    await page.goto(`${site.url}/counties/${county()}/`);
    await page.click('button[data-peer="all"]');
    expect(await page.locator('[data-peer-group="prefecture"]').first().isVisible()).toBe(false);
    expect(await page.locator('[data-peer-group="all"]').first().isVisible()).toBe(true);
    await context.close();
  });
});

describe('county brief', () => {
  it('prints as a one- or two-page A4 brief for every county', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const page = await browser.newPage();
    for (const slug of [...new Set(plans.map((p) => p.meta.slug))]) {
      await page.goto(`${site.url}/counties/${slug}/`);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      expect(pages, slug).toBeGreaterThanOrEqual(1);
      expect(pages, slug).toBeLessThanOrEqual(2);
    }
    await page.close();
  });

  it('carries its address, the data version, page numbers and each plan’s source on paper only', async () => {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const version = (
      JSON.parse(readFileSync(join(DIST, 'data/version.json'), 'utf8')) as { version: string }
    ).version;
    const page = await browser.newPage();
    await page.goto(`${site.url}/counties/pingjiang/`);
    expect(await page.locator('.print-provenance').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const brief = page.locator('.print-provenance');
    expect(await brief.isVisible()).toBe(true);
    const text = await brief.innerText();
    expect(text).toContain('/counties/pingjiang/');
    expect(text).toContain(version);
    for (const p of plans.filter((x) => x.meta.slug === 'pingjiang'))
      expect(text).toContain(p.meta.title);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    // Chromium's PDF text maps some glyphs to CJK radicals (⻚ for 页); read them as the PDF reader does.
    const { normalizeRadicals } = await import('../../src/pipeline/formats/cjk-radicals.ts');
    expect(normalizeRadicals(pdfText).replace(/\s+/g, '')).toMatch(/第1页，共[12]页/);
    await page.close();
  });
});

describe('downloads', () => {
  it("serves every plan's original file byte for byte and the CSV with a BOM", async () => {
    const { createHash } = await import('node:crypto');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(plans.length).toBeGreaterThanOrEqual(5);
    for (const p of plans) {
      const res = await fetch(`${site.url}/plans/${p.doc}/${encodeURIComponent(p.original.file)}`);
      expect(res.status, p.doc).toBe(200);
      const served = sha(Buffer.from(await res.arrayBuffer()));
      // the file as given in content/plans, the recorded hash and the served bytes all agree
      expect(served, p.doc).toBe(sha(readFileSync(join(ROOT, 'content/plans', p.original.file))));
      expect(served, p.doc).toBe(p.original.sha256);
    }
    const csv = Buffer.from(await (await fetch(`${site.url}/data/targets.csv`)).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n').length).toBeGreaterThan(targets.length);
  });
});

describe('hostile plan text', () => {
  it('renders <img onerror> and <script> in a plan as text, and neutralises formulas in targets.csv', async () => {
    // Build a separate site from a temporary corpus; content/plans and .data stay untouched.
    const tmp = buildDir('xss');
    try {
      const plansDir = join(tmp, 'plans');
      mkdirSync(plansDir);
      cpSync(join(ROOT, 'test/e2e/fixtures/xss-plan.txt'), join(plansDir, 'ceshi-2025.txt'));
      const dataDir = join(tmp, 'data');
      const { spawnSync } = await import('node:child_process');
      const r = spawnSync('npm', ['run', 'data'], {
        cwd: ROOT,
        env: { ...process.env, PLANS_DIR: plansDir, DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      const out = join(tmp, 'dist');
      astroBuild(out, dataDir);
      const xsite = await serve(out);
      try {
        const { page, context, errors } = await openPage(browser, xsite.url);
        await page.goto(`${xsite.url}/plans/ceshi-2025/`);
        expect(
          await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        ).toBeUndefined();
        expect(
          await page.locator('main img, main script:not([type]), main b[onmouseover]').count(),
        ).toBe(0);
        const text = (await page.locator('.plan-text').textContent()) ?? '';
        expect(text).toContain('<img src=x onerror=window.__xss=3>');
        expect(text).toContain('<script>window.__xss=2</script>');
        expect(await page.locator('h1').textContent()).toContain(
          '<img src=x onerror=window.__xss=1>',
        );
        expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
        await page.goto(`${xsite.url}/`);
        expect(
          await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        ).toBeUndefined();
        expect(errors).toEqual([]);
        await context.close();
        // targets.csv as downloaded: text a spreadsheet would run as a formula starts with '.
        const csv = await (await fetch(`${xsite.url}/data/targets.csv`)).text();
        const rows = csvParse(csv.replace(/^\uFEFF/, ''));
        const row = (metric: string) => rows.find((r) => r['metric'] === metric)!;
        expect(row('tech_contract_value')['quote']).toBe("'=1+2 技术合同成交额达到 5 亿元");
        expect(row('tech_contract_value')['lead']).toBe("'@县科技局");
        expect(row('tech_sme')['quote']).toBe("'+新增科技型中小企业 8 家");
        expect(row('tech_sme')['lead']).toBe("'-县财政局");
        for (const r of rows)
          for (const c of rows.columns)
            if (!/^-?\d+(\.\d+)?$/.test(r[c]!))
              expect(r[c], `${c}: ${r[c]}`).not.toMatch(/^[=+\-@]/);
      } finally {
        await xsite.close();
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
