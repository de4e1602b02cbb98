/**
 * A 300-plan synthetic site (the real pipeline over `npm run synth`) in
 * Chromium: the province, prefecture and index pages together link every plan
 * and county; a metric page shows its distribution and its top and bottom 20
 * with the reader's county marked; county peer groups count counties, each
 * once, never a county's plans.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  astroBuild,
  buildDir,
  buildEnv,
  launch,
  openPage,
  ROOT,
  serve,
  type Served,
} from './harness.ts';
import type { PlanRecord, TargetRecord } from '../../src/pipeline/schema.ts';
import { compareKey } from '../../src/site/comparable.ts';
import { isRankable } from '../../src/site/rankable.ts';

const COUNT = 300;
const BUNDLED = join(ROOT, 'content/plans');
let dir: string;
let site: Served;
let browser: Browser;
let plans: PlanRecord[];
let targets: TargetRecord[];

function run(args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync('npm', args, {
    cwd: ROOT,
    env: buildEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0)
    throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

beforeAll(async () => {
  dir = buildDir('scale');
  const plansDir = join(dir, 'plans');
  const dataDir = join(dir, 'data');
  run(['run', 'synth', '--', '--count', String(COUNT), '--out', plansDir]);
  // The bundled plans too: 平江's two plans are a county with two plans, among its 岳阳 peers.
  for (const f of readdirSync(BUNDLED))
    cpSync(join(BUNDLED, f), join(plansDir, f), { errorOnExist: true, force: false });
  run(['run', 'data'], { PLANS_DIR: plansDir, DATA_DIR: dataDir });
  plans = JSON.parse(readFileSync(join(dataDir, 'plans.json'), 'utf8')) as PlanRecord[];
  targets = JSON.parse(readFileSync(join(dataDir, 'targets.json'), 'utf8')) as TargetRecord[];
  const out = join(dir, 'site');
  astroBuild(out, dataDir);
  site = await serve(out);
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The distinct `/plans/<doc>/` and `/counties/<slug>/` links in a page's <main>. */
function linksIn(html: string): { plans: string[]; counties: string[] } {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  const hrefs = [...main.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const pick = (re: RegExp) =>
    [...new Set(hrefs.flatMap((h) => re.exec(h)?.[1] ?? []))].map(decodeURIComponent);
  return { plans: pick(/^\/plans\/([^/]+)\/$/), counties: pick(/^\/counties\/([^/]+)\/$/) };
}

/** A page's links as served (plain HTTP: 200 region pages in Chromium would take a minute). */
async function linksOf(path: string): Promise<{ plans: string[]; counties: string[] }> {
  const res = await fetch(`${site.url}${path}`);
  expect(res.status, path).toBe(200);
  return linksIn(await res.text());
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe(`a ${COUNT}-plan site`, () => {
  it('has the plans it was built from', () => {
    expect(plans).toHaveLength(COUNT + readdirSync(BUNDLED).length);
  });

  it('links every plan from the province pages, from the prefecture pages, and from /plans/', async () => {
    const byRegion = async (
      codes: Set<string>,
      url: (c: string) => string,
      of: keyof PlanRecord,
    ) => {
      const seen = new Set<string>();
      for (const code of codes) {
        const { plans: linked } = await linksOf(url(code));
        const own = plans.filter((p) => p[of] === code).map((p) => p.doc);
        // Each region page links all of its own plans (and only those among plan links).
        expect(sorted(linked), url(code)).toEqual(sorted(own));
        for (const d of linked) seen.add(d);
      }
      return seen;
    };
    const all = sorted(plans.map((p) => p.doc));
    const provinces = new Set(plans.map((p) => p.province_code));
    const prefectures = new Set(plans.map((p) => p.prefecture_code));
    expect(provinces.size).toBeGreaterThan(5);
    expect(sorted(await byRegion(provinces, (c) => `/provinces/${c}/`, 'province_code'))).toEqual(
      all,
    );
    expect(
      sorted(await byRegion(prefectures, (c) => `/prefectures/${c}/`, 'prefecture_code')),
    ).toEqual(all);

    // /plans/ and any further pages of it.
    const indexed = new Set<string>();
    const pages = ['/plans/'];
    for (let i = 0; i < pages.length; i++) {
      const res = await fetch(`${site.url}${pages[i]!}`);
      const html = await res.text();
      for (const d of linksIn(html).plans) indexed.add(d);
      for (const [, n] of html.matchAll(/href="(\/plans\/page\/\d+\/)"/g))
        if (!pages.includes(n!)) pages.push(n!);
    }
    expect(sorted(indexed)).toEqual(all);

    const { counties } = await linksOf('/counties/');
    expect(sorted(counties)).toEqual(sorted(new Set(plans.map((p) => p.meta.slug))));
  });

  it('groups /plans/ by province without JavaScript, and filters it with JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site.url}/plans/`);
    const groups = await plain.$$eval('[data-filter-group]', (gs) =>
      gs.map((g) => g.getAttribute('data-filter-group')!),
    );
    expect(sorted(groups)).toEqual(sorted(new Set(plans.map((p) => p.meta.province))));
    expect(await plain.locator('form[data-list-filter]').isVisible()).toBe(false);
    await noJs.close();

    const { page, context, errors } = await openPage(browser, site.url);
    await page.goto(`${site.url}/plans/`);
    const p = plans[0]!;
    await page.locator('form[data-list-filter] input').fill(p.meta.county);
    const shown = await page.$$eval('[data-filter-item]:not([hidden]) a[href^="/plans/"]', (as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    const want = plans.filter((q) => q.meta.county.includes(p.meta.county)).map((q) => q.doc);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(plans.length);
    for (const d of want) expect(shown).toContain(`/plans/${d}/`);
    expect(page.url()).toContain('q=');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a metric page shows its distribution and its top and bottom 20, the reader’s county marked', async () => {
    // The metric whose largest comparable group has the most counties.
    const groups = new Map<string, Set<string>>();
    for (const t of targets) {
      const k = compareKey(t);
      (groups.get(k) ?? groups.set(k, new Set()).get(k)!).add(t.slug);
    }
    const [key] = [...groups].sort((a, b) => b[1].size - a[1].size)[0]!;
    const metric = key.split('|')[0]!;
    expect(groups.get(key)!.size).toBeGreaterThan(40);

    const { page, context, errors } = await openPage(browser, site.url);
    await page.goto(`${site.url}/metrics/${metric}/`);
    const section = page.locator('section[aria-labelledby^="g-"]').first();
    const svg = section.locator('figure.chart svg').first();
    expect(await svg.isVisible()).toBe(true);
    // One box per province with counties in the group, and the national one.
    const provinces = new Set(targets.filter((t) => compareKey(t) === key).map((t) => t.doc));
    const provinceNames = new Set(
      plans.filter((p) => provinces.has(p.doc)).map((p) => p.meta.province),
    );
    const svgText = (await svg.textContent()) ?? '';
    for (const name of provinceNames) expect(svgText).toContain(name.slice(0, 2));
    const tables = section.locator('table.ranking');
    expect(await tables.count()).toBe(2);
    const rowsOf = (i: number) =>
      tables
        .nth(i)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.county!));
    const top = await rowsOf(0);
    const bottom = await rowsOf(1);
    expect(top).toHaveLength(20);
    expect(bottom).toHaveLength(20);
    expect(top.filter((s) => bottom.includes(s))).toEqual([]);
    // No 3,000 bars: at national size the page draws boxes, not one bar per county.
    expect(await page.locator('g.bar-main a').count()).toBe(0);

    // The reader's county, said once with ?county=, is marked in the lists.
    const mine = bottom[3]!;
    await page.goto(`${site.url}/metrics/${metric}/?county=${mine}`);
    await expect
      .poll(() => page.locator(`tr.mine[data-county="${mine}"]`).count())
      .toBeGreaterThan(0);
    expect(await page.locator('[data-my-county]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('county peer groups count counties, each once, by prefecture, province and all', async () => {
    const counts = new Map<string, number>();
    for (const p of plans) counts.set(p.meta.slug, (counts.get(p.meta.slug) ?? 0) + 1);
    const multi = [...counts].filter(([, n]) => n > 1).map(([s]) => s);
    expect(multi).toContain('pingjiang');
    const planOf = new Map(plans.map((p) => [p.doc, p]));
    const byId = new Map(targets.map((t) => [`${t.doc}#${t.id}`, t]));
    const region = {
      prefecture: (doc: string) => planOf.get(doc)!.prefecture_code,
      province: (doc: string) => planOf.get(doc)!.province_code,
      all: () => '',
    };

    const { page, context } = await openPage(browser, site.url);
    let checked = 0;
    for (const slug of multi) {
      await page.goto(`${site.url}/counties/${slug}/`);
      const rows = await page.$$eval('[data-peer-group] tbody tr', (trs) =>
        trs.map((tr) => ({
          scope: tr.closest('[data-peer-group]')!.getAttribute('data-peer-group')!,
          href: tr.querySelector('td.num a')!.getAttribute('href')!,
          rank: tr.querySelectorAll('td.num')[1]!.textContent.trim(),
        })),
      );
      for (const r of rows) {
        const [, doc, id] = /^\/plans\/([^/]+)\/#(.+)$/.exec(r.href)!;
        const t = byId.get(`${decodeURIComponent(doc!)}#${decodeURIComponent(id!)}`)!;
        const where = region[r.scope as keyof typeof region];
        const peers = new Set(
          targets
            // Peers are counties with a rankable target of the same comparable group (rankable.ts).
            .filter(
              (u) =>
                isRankable(u) && compareKey(u) === compareKey(t) && where(u.doc) === where(t.doc),
            )
            .map((u) => u.slug),
        );
        const of = Number(/\/\s*([\d,]+)$/.exec(r.rank)![1]!.replace(/,/g, ''));
        expect(of, `${slug} ${r.scope} ${r.href}`).toBe(peers.size);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    await context.close();
  });
});
