/**
 * Provenance in the built site, as a researcher checks it in Chromium: every
 * table row of the reader has its cells; every target id is on its plan page
 * once, and the link the CSV gives for it lands on an element holding its
 * quote; targets.csv has the documented columns, one row per target; no
 * placeholder domain anywhere in dist/. (The formula-injection case needs a
 * hostile plan, so it runs on site.test.ts's hostile build.)
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { csvParse, type DSVRowArray } from 'd3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanRecord, TargetRecord } from '../../src/pipeline/schema.ts';
import {
  builtDownloads,
  DIST,
  ensureBuilt,
  launch,
  listFiles,
  openPage,
  serve,
  type Served,
} from './harness.ts';

let site: Served;
let browser: Browser;
let page: Page;
let plans: PlanRecord[];
let targets: TargetRecord[];

beforeAll(async () => {
  ensureBuilt();
  ({ plans, targets } = builtDownloads());
  site = await serve();
  browser = await launch();
  page = (await openPage(browser, site.url)).page;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Text as compared with a quote: NFKC, no white space. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** targets.csv as the site serves it: its bytes, header and rows. */
async function downloadCsv(): Promise<{ bytes: Buffer; rows: DSVRowArray }> {
  const bytes = Buffer.from(await (await fetch(`${site.url}/data/targets.csv`)).arrayBuffer());
  return { bytes, rows: csvParse(bytes.toString('utf8').replace(/^\uFEFF/, '')) };
}

describe('plan reader tables', () => {
  it('every row of every table has its cells, with text, and takes room on the page', async () => {
    let tables = 0;
    for (const p of plans) {
      await page.goto(`${site.url}/plans/${p.doc}/`);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLTableElement>('.plan-text table')].map((table) => {
          const width = (row: HTMLTableRowElement) =>
            [...row.cells].reduce((n, c) => n + c.colSpan, 0);
          const head = table.rows[0];
          return {
            id: table.id,
            columns: head ? width(head) : 0,
            rows: [...table.tBodies].flatMap((b) =>
              [...b.rows].map((r) => ({
                id: r.id,
                width: width(r),
                text: (r.textContent ?? '').trim().length,
                height: r.getBoundingClientRect().height,
              })),
            ),
          };
        }),
      );
      for (const t of found) {
        tables++;
        expect(t.rows.length, `${p.doc} #${t.id}`).toBeGreaterThan(0);
        for (const r of t.rows) {
          const where = `${p.doc} #${r.id}`;
          expect(r.id, where).toMatch(/^tbl-\d+-r\d+$/);
          expect(r.width, where).toBe(t.columns);
          expect(r.text, where).toBeGreaterThan(0);
          expect(r.height, where).toBeGreaterThan(10);
        }
      }
    }
    // linxiang-2024 and longhui-2023 each end with an indicator table.
    expect(tables).toBeGreaterThanOrEqual(2);
  });
});

describe('target ids', () => {
  it('every target id is on its plan page once, and its CSV link lands on its quote', async () => {
    const { rows } = await downloadCsv();
    const byId = new Map(targets.map((t) => [`${t.doc}/${t.id}`, t]));
    expect(rows.length).toBe(targets.length);
    for (const p of plans) {
      const own = rows.filter((r) => r['doc'] === p.doc);
      expect(own.length, p.doc).toBe(p.target_count);
      await page.goto(`${site.url}/plans/${p.doc}/`);
      // No element id is used twice on the page, target or not.
      const repeated = await page.evaluate(() => {
        const seen = new Map<string, number>();
        for (const e of document.querySelectorAll('[id]'))
          seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
        return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
      });
      expect(repeated, p.doc).toEqual([]);
      for (const row of own) {
        const t = byId.get(`${p.doc}/${row['target_id']}`)!;
        expect(t, `${p.doc} ${row['target_id']}`).toBeDefined();
        const url = new URL(row['url']!, site.url);
        expect(url.pathname, t.id).toBe(`/plans/${p.doc}/`);
        expect(decodeURIComponent(url.hash), t.id).toBe(`#${t.id}`);
        // Follow the link as a reader does (same page, so only the fragment changes).
        const landed = await page.evaluate(async (hash) => {
          location.hash = hash;
          await new Promise((ok) => requestAnimationFrame(ok));
          const el = document.querySelector(':target');
          if (!el) return null;
          const copy = el.cloneNode(true) as Element;
          for (const r of copy.querySelectorAll('.reading')) r.remove();
          const box = el.getBoundingClientRect();
          return {
            count: document.querySelectorAll(`[id="${CSS.escape(el.id)}"]`).length,
            text: copy.textContent ?? '',
            height: box.height,
            onScreen: box.top >= 0 && box.top < innerHeight,
          };
        }, url.hash);
        const where = `${p.doc} ${t.id} «${t.quotes[0]}»`;
        expect(landed, where).not.toBeNull();
        expect(landed!.count, where).toBe(1);
        expect(fold(landed!.text), where).toContain(fold(t.quotes[0]!));
        expect(landed!.height, where).toBeGreaterThan(0);
        expect(landed!.onScreen, where).toBe(true);
      }
    }
  });
});

/** The columns the issue asks targets.csv for, in its words' order. */
const REQUIRED_COLUMNS = [
  'target_id',
  'doc',
  'county',
  'county_code',
  'prefecture',
  'province',
  'year',
  'metric',
  'metric_zh',
  'kind',
  'kind_zh',
  'value',
  'value_max',
  'unit',
  'qualifier',
  'deadline',
  'scope',
  'label',
  'quote',
  'section',
  'lead',
  'url',
  'source_url',
  'original_sha256',
];

describe('targets.csv', () => {
  it('has a BOM, the columns /data/ documents (all the issue asks for), and a full row per target', async () => {
    const { bytes, rows } = await downloadCsv();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await page.goto(`${site.url}/data/`);
    const documented = await page
      .locator('#csv-columns ~ .table-wrap table.columns tbody tr td:first-child code')
      .allTextContents();
    expect(rows.columns).toEqual(documented);
    const required = rows.columns.filter((c) => REQUIRED_COLUMNS.includes(c));
    expect(required).toEqual(REQUIRED_COLUMNS);
    const plan = new Map(plans.map((p) => [p.doc, p]));
    for (const r of rows) {
      const p = plan.get(r['doc']!)!;
      const t = targets.find((x) => x.doc === r['doc'] && x.id === r['target_id'])!;
      const where = `${r['doc']} ${r['target_id']}`;
      expect(t, where).toBeDefined();
      expect(r['county_code'], where).toMatch(/^\d{6}$/);
      expect(r['county_code'], where).toBe(p.meta.code);
      expect([r['county'], r['prefecture'], r['province'], Number(r['year'])], where).toEqual([
        t.county,
        t.prefecture,
        t.province,
        t.year,
      ]);
      expect([r['metric'], r['kind'], Number(r['value']), r['unit']], where).toEqual([
        t.metric,
        t.kind,
        t.value,
        t.unit,
      ]);
      expect(r['quote'], where).toBe(t.quotes[0]);
      expect(r['section'], where).toBe(t.section);
      expect(r['lead'], where).toBe(t.lead.join('；'));
      expect(r['metric_zh'], where).not.toBe('');
      expect(r['kind_zh'], where).not.toBe('');
      // The plan's official page where one was found (SOURCES.md: linxiang-2024 and
      // yuanjiang-2024), else empty, never a placeholder; the hash is the served original's.
      expect(r['source_url'], where).toBe(p.meta.source ?? '');
      if (p.meta.source) expect(r['source_url'], where).toMatch(/^https?:\/\/[^/]+\.[^/]+/);
      expect(r['original_sha256'], where).toBe(p.original.sha256);
    }
    const sourced = new Set(rows.filter((r) => r['source_url']).map((r) => r['doc']));
    expect([...sourced].sort()).toEqual(['linxiang-2024', 'yuanjiang-2024']);
  });
});

describe('chart downloads', () => {
  it('name the data version: a CSV column, and a footnote inside the saved SVG', async () => {
    const v = JSON.parse(readFileSync(join(DIST, 'data/version.json'), 'utf8')) as {
      version: string;
      date: string;
    };
    await page.goto(`${site.url}/metrics/rd_spending/`);
    const links = await page
      .locator('.chart-links a[download]')
      .evaluateAll((as) =>
        as.map((a) => ({ name: a.getAttribute('download')!, href: a.getAttribute('href')! })),
      );
    const decode = (href: string) => decodeURIComponent(href.slice(href.indexOf(',') + 1));
    const csvs = links.filter((l) => l.name.endsWith('.csv'));
    const svgs = links.filter((l) => l.name.endsWith('.svg'));
    expect(csvs.length).toBeGreaterThan(0);
    expect(svgs.length).toBeGreaterThan(0);
    for (const l of csvs) {
      const rows = csvParse(decode(l.href).replace(/^\uFEFF/, ''));
      expect(rows.columns.at(-1), l.name).toBe('data_version');
      expect(rows.length, l.name).toBeGreaterThan(0);
      for (const r of rows) expect(r['data_version'], l.name).toBe(v.version);
    }
    // Open each saved SVG on its own, as a person who downloaded it does: the note is inside it.
    for (const l of svgs) {
      await page.goto(l.href);
      const note = await page.evaluate(() => {
        const svg = document.documentElement as unknown as SVGSVGElement;
        const text = [...svg.querySelectorAll('text')].at(-1)!;
        const box = text.getBBox();
        const view = svg.viewBox.baseVal;
        return {
          text: text.textContent,
          inside:
            box.x >= view.x &&
            box.y >= view.y &&
            box.x + box.width <= view.x + view.width &&
            box.y + box.height <= view.y + view.height + 0.5,
        };
      });
      expect(note.text, l.name).toContain(`${v.version}（${v.date}）`);
      expect(note.inside, l.name).toBe(true);
    }
  });
});

/** Files a static host serves as text (the rest are images, fonts and originals). */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg', '.xml', '.txt']);

describe('dist/', () => {
  it('holds no placeholder domain, and no plan page says its source is unknown', () => {
    const text = listFiles(DIST).filter((f) => TEXT.has(extname(f)));
    expect(text.length).toBeGreaterThan(20);
    const placeholder = /\bexample\.(?:org|com|net)\b/i;
    const hits = text.filter((f) => placeholder.test(readFileSync(join(DIST, f), 'utf8')));
    expect(hits).toEqual([]);
    for (const p of plans) {
      const html = readFileSync(join(DIST, 'plans', p.doc, 'index.html'), 'utf8');
      expect(html, p.doc).not.toContain('未注明');
    }
  });
});
