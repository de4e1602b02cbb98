/** Chart downloads carry the data version: a CSV column, and a footnote and metadata in the SVG. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartCsvUrl, stampSvg, versionNote } from '../../src/site/chartDownloads.ts';

const V = { version: '96c7058e', date: '2026-12-02' };
const SVG = readFileSync(
  join(import.meta.dirname, '../output/ranked-bars-growth.svg'),
  'utf8',
).trim();
const decode = (url: string) => decodeURIComponent(url.slice(url.indexOf(',') + 1));

describe('chart CSV download', () => {
  it('adds a data_version column to every row, keeping the header and cells (formulas neutralised)', () => {
    const url = chartCsvUrl(
      ['方案', '目标'],
      [
        ['平江县 2026', 8.5],
        ['=1+1', null],
      ],
      V,
    );
    expect(url.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    const csv = decode(url);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csvParse(csv.slice(1));
    expect(rows.columns).toEqual(['方案', '目标', 'data_version']);
    expect(rows.map((r) => [r['方案'], r['目标'], r['data_version']])).toEqual([
      ['平江县 2026', '8.5', '96c7058e'],
      ["'=1+1", '', '96c7058e'],
    ]);
  });
});

describe('chart SVG download', () => {
  const stamped = stampSvg(SVG, V);
  const head = (s: string) => s.slice(0, s.indexOf('>') + 1);

  it('grows by one 18 px line that holds the data version, and says it in metadata', () => {
    const [, w = 0, h = 0] = /viewBox="0 0 (\d+) (\d+)"/.exec(head(SVG))!.map(Number);
    expect(head(stamped)).toContain(`viewBox="0 0 ${w} ${h + 18}"`);
    expect(head(stamped)).toContain(` height="${h + 18}"`);
    expect(head(stamped)).toContain(` width="${w}"`);
    const { document } = parseHTML(`<!doctype html><html><body>${stamped}</body></html>`);
    const svg = document.querySelector('svg')!;
    const note = [...svg.querySelectorAll('text')].at(-1)!;
    expect(note.textContent).toBe(versionNote(V));
    expect(note.textContent).toContain('96c7058e（2026-12-02）');
    expect(Number(note.getAttribute('y'))).toBeGreaterThan(h);
    expect(Number(note.getAttribute('y'))).toBeLessThan(h + 18);
    expect(Number(note.getAttribute('font-size'))).toBeGreaterThanOrEqual(11);
    expect(JSON.parse(svg.querySelector('metadata')?.textContent ?? 'null')).toEqual({
      data_version: V,
    });
    // The chart itself is untouched.
    expect(stamped.replace(/<metadata>.*?<\/metadata>|<text[^>]*>[^<]*<\/text><\/svg>$/g, '')).toBe(
      SVG.slice(0, SVG.lastIndexOf('</svg>')).replace(head(SVG), head(stamped)),
    );
  });

  it('refuses what is not a chart SVG', () => {
    expect(() => stampSvg('<svg width="1"></svg>', V)).toThrow(/viewBox/);
  });
});
