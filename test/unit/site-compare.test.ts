/** The comparison logic behind the compare table and county changes, on hand-built rows (benchmarks: site-peers.test.ts). */
import { describe, expect, it } from 'vitest';
import { alignPlans } from '../../src/site/align.ts';
import { changes } from '../../src/site/changes.ts';
import type { Row } from '../../src/site/comparable.ts';
import { compareTableHtml, parsePlansParam } from '../../src/site/compareTable.ts';
import { formatTarget } from '../../src/site/format.ts';
import { csvField, toCsv } from '../../src/site/csv.ts';

let n = 0;
const t = (
  doc: string,
  metric: string,
  kind: Row['kind'],
  value: number,
  unit = kind === 'growth' ? '%' : '家',
  extra: Partial<Row> = {},
) => ({
  doc,
  id: `t-${++n}`,
  metric,
  kind,
  value,
  value_max: null,
  unit,
  label: metric,
  scope: null as string | null,
  qualifier: 'at_least' as const,
  county: doc.split('-')[0]!,
  slug: doc.split('-')[0]!,
  prefecture: doc.startsWith('pingjiang') || doc.startsWith('linxiang') ? '岳阳市' : '益阳市',
  year: Number(doc.split('-')[1]),
  deadline: null,
  ...extra,
});

const rows = [
  t('pingjiang-2024', 'rd_spending', 'growth', 30),
  t('pingjiang-2026', 'rd_spending', 'growth', 8.5),
  t('pingjiang-2024', 'high_value_patents_density', 'density', 1.7, '件/万人'),
  t('pingjiang-2026', 'high_value_patents_density', 'density', 4.5, '件/万人'),
  t('pingjiang-2024', 'hightech_firms', 'increase', 10),
  t('pingjiang-2026', 'hightech_firms', 'level', 100),
  t('linxiang-2024', 'rd_spending', 'growth', 18.1),
  t('yuanjiang-2024', 'rd_spending', 'growth', 12),
  t('linxiang-2024', 'hightech_firms', 'level', 95),
];

describe('changes between a county plans', () => {
  it('compares only same metric and kind (平江 2024 → 2026)', () => {
    const c = changes(
      rows.filter((r) => r.doc === 'pingjiang-2024'),
      rows.filter((r) => r.doc === 'pingjiang-2026'),
    );
    expect(c.changed.map((x) => [x.after.metric, x.before.value, x.after.value])).toEqual([
      ['rd_spending', 30, 8.5],
      ['high_value_patents_density', 1.7, 4.5],
    ]);
    expect(c.added.map((r) => `${r.metric}/${r.kind}`)).toEqual(['hightech_firms/level']);
    expect(c.dropped.map((r) => `${r.metric}/${r.kind}`)).toEqual(['hightech_firms/increase']);
  });
});

describe('alignPlans and the compare table', () => {
  it('aligns rows by metric and kind, marks the higher, flags different kinds', () => {
    const a = alignPlans(['pingjiang-2026', 'linxiang-2024', 'pingjiang-2024'], rows, [
      'rd_spending',
      'hightech_firms',
    ]);
    const rd = a.find((r) => r.metric === 'rd_spending')!;
    expect(rd.status).toBe('ok');
    expect(rd.higher).toEqual(['pingjiang-2024']);
    const ht = a.filter((r) => r.metric === 'hightech_firms');
    expect(ht.map((r) => [r.kind, r.status])).toEqual([
      ['level', 'ok'],
      ['increase', 'kinds-differ'],
    ]);
    expect(ht[0]!.higher).toEqual(['pingjiang-2026']);
  });

  it('a row with one plan says why it stands alone: another kind, another scope, or no other plan at all', () => {
    const docs = ['a-2025', 'b-2025'];
    const rs = [
      t('a-2025', 'hightech_firms', 'level', 100, '家', { scope: '规模以上' }),
      t('b-2025', 'hightech_firms', 'level', 95, '家'),
      t('a-2025', 'rd_spending', 'growth', 10, '%'),
      t('b-2025', 'rd_spending', 'level', 2, '亿元'),
      t('a-2025', 'patents', 'level', 300, '件'),
    ];
    const status = alignPlans(docs, rs, []).map((r) => `${r.metric}:${r.scope}:${r.status}`);
    expect(status.sort()).toEqual([
      'hightech_firms::scope-differs',
      'hightech_firms:规模以上:scope-differs',
      'patents::single',
      'rd_spending::kinds-differ',
      'rd_spending::kinds-differ',
    ]);
    const html = compareTableHtml(
      docs.map((doc) => ({ doc, county: doc, slug: doc, prefecture: 'P', year: 2025, title: doc })),
      rs,
      [],
    );
    // No "not comparable" on the lone patents row; every cell names its target's wording.
    const patentsRow = html.split('<tr').find((r) => r.includes('300'))!;
    expect(patentsRow).not.toContain('未并列');
    expect(html).toContain('<span class="scope">规模以上</span>');
    expect(html.match(/class="cell-label"/g)).toHaveLength(rs.length);
  });

  it('escapes hostile text in every field', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = compareTableHtml(
      [
        {
          doc: 'a-2024',
          county: evil,
          slug: 'a',
          prefecture: '"><script>',
          year: 2024,
          title: evil,
        },
        { doc: 'b-2024', county: 'B', slug: 'b', prefecture: 'P', year: 2024, title: 'B' },
      ],
      [
        t('a-2024', 'other', 'level', 1, evil, { label: evil }),
        t('b-2024', 'other', 'level', 2, '家', { label: evil }),
      ],
      [],
    );
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('reads ?plans= strictly: known docs, distinct, 2 to 4', () => {
    const known = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(parsePlansParam('?plans=a,b,zz,a', known)).toEqual(['a', 'b']);
    expect(parsePlansParam('?plans=a,b,c,d,e', known)).toEqual(['a', 'b', 'c', 'd']);
    expect(parsePlansParam('?plans=a', known)).toBeNull();
    expect(parsePlansParam('', known)).toBeNull();
  });
});

describe('wording and CSV', () => {
  it('formats qualifiers as plans word them', () => {
    const v = { value: 8.5, value_max: null, unit: '%' };
    expect(formatTarget({ ...v, qualifier: 'at_least' })).toBe('8.5%以上');
    expect(formatTarget({ ...v, qualifier: 'about' })).toBe('8.5%左右');
    expect(formatTarget({ value: 1, value_max: 2, unit: '家', qualifier: 'range' })).toBe('1–2家');
    expect(
      formatTarget({ value: 0.1 + 0.2, value_max: null, unit: '亿元', qualifier: 'reach' }),
    ).toBe('0.3亿元');
  });
  it('writes RFC 4180 CSV with a BOM and CRLF', () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(
      toCsv(
        ['县', 'v'],
        [
          ['平江县', 1.5],
          [null, 'x'],
        ],
      ),
    ).toBe('\uFEFF县,v\r\n平江县,1.5\r\n,x\r\n');
  });
});
