/** Downloads: targets.csv's columns, links, source and data version, and spreadsheet safety. */
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula } from '../../src/site/csv.ts';
import { TARGETS_CSV_COLUMNS, targetsCsv, versionedJson } from '../../src/site/exports.ts';
import { absoluteUrl, safeExternalUrl } from '../../src/site/urls.ts';
import { METRICS, plan, target } from '../support/site-fixture.ts';

const VERSION = { version: '3f9a2c1b', date: '2026-12-01', plans: 1, targets: 2 };
const P26 = plan('pingjiang-2026', {
  meta: {
    ...plan('pingjiang-2026').meta,
    code: '430626',
    source: 'https://www.pingjiang.gov.cn/a.html',
  },
});
const rd = target('pingjiang-2026', 'rd_spending', 'growth', 8.5, {
  lead: ['县发改局', '县科技局'],
});
const hostile = target('pingjiang-2026', 'other', 'level', 3, {
  label: '=1+2',
  quotes: ['=HYPERLINK("http://evil.example","x")+3家'],
});

/** The CSV's rows as records keyed by column name (a simple split: no commas in these cells). */
function records(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
  const names = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i]!, v])));
}

describe('targets.csv', () => {
  it('has the columns a researcher needs, each documented in Chinese and English', () => {
    const names = TARGETS_CSV_COLUMNS.map((c) => c.name);
    for (const n of [
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
      'confidence',
      'url',
      'source_url',
      'original_sha256',
      'data_version',
    ])
      expect(names).toContain(n);
    for (const c of TARGETS_CSV_COLUMNS) expect(c.zh && c.en).toBeTruthy();
  });

  it('writes one row per target with names, code, source, anchor URL and data version', () => {
    const [row] = records(
      targetsCsv([rd], [P26], METRICS, 'https://inst.example.cn/plans-site/', VERSION),
    );
    expect(row).toMatchObject({
      target_id: rd.id,
      doc: 'pingjiang-2026',
      county_code: '430626',
      metric_zh: '全社会研发经费投入',
      kind_zh: '增速',
      lead: '县发改局；县科技局',
      source_url: 'https://www.pingjiang.gov.cn/a.html',
      data_version: '3f9a2c1b',
      url: `https://inst.example.cn/plans/pingjiang-2026/#${rd.id}`,
    });
  });

  it('carries root-relative links when no site URL is configured, never a placeholder domain', () => {
    const csv = targetsCsv([rd], [P26], METRICS, undefined, VERSION);
    expect(records(csv)[0]!.url).toBe(`/plans/pingjiang-2026/#${rd.id}`);
    expect(csv).not.toContain('example.org');
  });

  it('neutralises cells a spreadsheet would read as a formula', () => {
    const csv = targetsCsv([hostile], [P26], METRICS, undefined, VERSION);
    expect(csv).toContain(",'=1+2,");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")+3家"`);
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('leaves a source that is not an http(s) URL out', () => {
    const bad = plan('pingjiang-2026', { meta: { ...P26.meta, source: 'javascript:alert(1)' } });
    const csv = targetsCsv([rd], [bad], METRICS, undefined, VERSION);
    expect(records(csv)[0]!.source_url).toBe('');
    expect(csv).not.toContain('javascript:');
  });
});

describe('formula neutralisation', () => {
  it('prefixes text beginning = + - @ tab or CR with an apostrophe, and nothing else', () => {
    for (const s of ['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutralizeFormula(s)).toBe(`'${s}`);
    for (const s of ['增长15%', '1=1', '', "'quoted"]) expect(neutralizeFormula(s)).toBe(s);
  });

  it('keeps numbers numbers: a negative value is a value, not a formula', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe("'-5");
  });
});

describe('links from plan data', () => {
  it('are links only when http(s)', () => {
    expect(safeExternalUrl('http://yuanjiang.gov.cn/a.html')).toBe(
      'http://yuanjiang.gov.cn/a.html',
    );
    for (const s of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '未注明',
      '',
    ])
      expect(safeExternalUrl(s)).toBeNull();
  });

  it('are made absolute only against a configured site URL', () => {
    expect(absoluteUrl('/plans/a/#t-1', 'https://x.cn/sub/')).toBe('https://x.cn/plans/a/#t-1');
    expect(absoluteUrl('/plans/a/#t-1', undefined)).toBe('/plans/a/#t-1');
  });
});

describe('JSON downloads', () => {
  it('carry the data version beside their records', () => {
    expect(JSON.parse(versionedJson(VERSION, 'targets', [rd]))).toEqual({
      data_version: VERSION,
      targets: [JSON.parse(JSON.stringify(rd))],
    });
  });
});
