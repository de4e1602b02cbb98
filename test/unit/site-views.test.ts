/** The pages' computations (src/site/*View.ts, overview, exports) on hand-built records. */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { peerIndex } from '../../src/site/benchmark.ts';
import { describeChange } from '../../src/site/changes.ts';
import { compareView, defaultComparePlans, planCompareData } from '../../src/site/compareView.ts';
import { countyView } from '../../src/site/countyView.ts';
import { metricView } from '../../src/site/metricView.ts';
import {
  headlineMetrics,
  inDisplayOrder,
  metricInfo,
  metricOrder,
} from '../../src/site/metrics.ts';
import { metricList, overviewView } from '../../src/site/overview.ts';
import { planOrder, targetOrder } from '../../src/site/order.ts';
import { planView } from '../../src/site/planView.ts';
import { METRICS, metric, plan, target } from '../support/site-fixture.ts';

const P24 = plan('pingjiang-2024');
const P26 = plan('pingjiang-2026');
const LX = plan('linxiang-2024');
const YJ = plan('yuanjiang-2024');

const rd24 = target('pingjiang-2024', 'rd_spending', 'growth', 30, { lead: ['县科技局'] });
const ht24 = target('pingjiang-2024', 'hightech_firms', 'increase', 10, { lead: ['县科技局'] });
const pt24 = target('pingjiang-2024', 'patents', 'increase', 100, { unit: '件' });
const rd26 = target('pingjiang-2026', 'rd_spending', 'growth', 8.5, {
  lead: ['县发改局', '县科技局'],
});
const ht26 = target('pingjiang-2026', 'hightech_firms', 'level', 100);
const rdLX = target('linxiang-2024', 'rd_spending', 'growth', 18.1);
const htLX = target('linxiang-2024', 'hightech_firms', 'level', 95);
const rdYJ = target('yuanjiang-2024', 'rd_spending', 'growth', 12);
const ALL = [rd24, ht24, pt24, rd26, ht26, rdLX, htLX, rdYJ];

describe('metric names and order', () => {
  it('puts headline metrics first, the taxonomy next, other last', () => {
    expect(headlineMetrics(METRICS).map((m) => m.key)).toEqual(['rd_spending', 'hightech_firms']);
    expect(metricOrder(METRICS)).toEqual(['rd_spending', 'hightech_firms', 'patents', 'other']);
    expect(inDisplayOrder([...METRICS].reverse()).map((m) => m.key)).toEqual(metricOrder(METRICS));
  });

  it('names a key the taxonomy does not know', () => {
    expect(metricInfo(METRICS, 'patents').zh).toBe('专利');
    expect(metricInfo([], 'other')).toEqual({ key: 'other', zh: '其他', en: 'Other' });
    expect(metricInfo([], 'new_metric')).toEqual({
      key: 'new_metric',
      zh: 'new_metric',
      en: 'new_metric',
    });
  });
});

describe('countyView', () => {
  const mine = [rd24, ht24, pt24, rd26, ht26];
  const view = countyView([P24, P26], mine, peerIndex(ALL), METRICS);

  it('names the county by its newest plan and lists targets by metric in display order', () => {
    expect(view.latest.doc).toBe('pingjiang-2026');
    expect(view.byMetric.map(([m, ts]) => [m, ts.length])).toEqual([
      ['rd_spending', 2],
      ['hightech_firms', 2],
      ['patents', 1],
    ]);
  });

  it('compares consecutive plans only where metric, kind and unit agree', () => {
    expect(view.diffs).toHaveLength(1);
    const d = view.diffs[0]!;
    expect([d.prev.doc, d.p.doc]).toEqual(['pingjiang-2024', 'pingjiang-2026']);
    expect(d.changed.map((c) => [c.after.metric, c.delta])).toEqual([['rd_spending', -21.5]]);
    // 新增 10 家 and 总量 100 家 are different kinds: one dropped, one added, never a change.
    expect(d.added.map((t) => `${t.metric}/${t.kind}`)).toEqual(['hightech_firms/level']);
    expect(d.dropped.map((t) => `${t.metric}/${t.kind}`).sort()).toEqual([
      'hightech_firms/increase',
      'patents/increase',
    ]);
  });

  it('benchmarks the newest plan first, against other counties only', () => {
    expect(view.benches.map((b) => b.p.doc)).toEqual(['pingjiang-2026', 'pingjiang-2024']);
    const newest = view.benches[0]!;
    // Same prefecture (岳阳市): 临湘 only; all plans: 临湘 and 沅江; never 平江 2024.
    const rd = (bs: typeof newest.all) => bs.find((b) => b.target.metric === 'rd_spending')!;
    expect([rd(newest.prefecture).rank, rd(newest.prefecture).of]).toEqual([2, 2]);
    expect([rd(newest.all).rank, rd(newest.all).of, rd(newest.all).leader.doc]).toEqual([
      3,
      3,
      'linxiang-2024',
    ]);
    expect(newest.all.map((b) => b.target.metric)).toEqual(['rd_spending', 'hightech_firms']);
  });

  it('lists lead units by how many targets they lead, and counts the unled', () => {
    expect(view.leads.map((l) => [l.unit, l.ts.length])).toEqual([
      ['县科技局', 3],
      ['县发改局', 1],
    ]);
    expect(view.unled).toBe(2);
  });

  it('refuses a county without plans', () => {
    expect(() => countyView([], [], new Map(), METRICS)).toThrow(/at least one plan/);
  });
});

describe('describeChange', () => {
  const change = (kind: 'growth' | 'level', before: number, after: number, unit = '家') => {
    const a = target('pingjiang-2024', 'x', kind, before, { unit });
    const b = target('pingjiang-2026', 'x', kind, after, { unit });
    return { key: 'x', before: a, after: b, delta: after - before };
  };

  it('counts a change of a rate in points and of a count in its unit', () => {
    expect(describeChange(change('growth', 30, 8.5, '%'))).toEqual({
      className: 'change-down',
      text: '↓ -21.5 个百分点',
    });
    expect(describeChange(change('level', 1.7, 4.5, '件/万人'))).toEqual({
      className: 'change-up',
      text: '↑ +2.8件',
    });
    expect(describeChange(change('level', 5, 5))).toEqual({ className: '', text: '＝ ' });
  });
});

describe('metricView', () => {
  const rdLevel = target('yuanjiang-2024', 'rd_spending', 'level', 5, { unit: '亿元' });
  const rdAgain = target('linxiang-2024', 'rd_spending', 'growth', 10, { label: '研发投入' });
  const all = [...ALL, rdLevel, rdAgain];
  const view = metricView('rd_spending', METRICS, all);

  it('charts each kind and unit apart, levels before growth rates', () => {
    expect(view.charts.map((c) => [c.kind, c.unit, c.targets.length])).toEqual([
      ['level', '亿元', 1],
      ['growth', '%', 5],
    ]);
    expect(view.groups).toBe(2);
    expect(view.charts.map((c) => c.slug)).toEqual([
      'rd_spending-level-4ebf5143',
      'rd_spending-growth-25',
    ]);
  });

  it('draws one bar per plan (its first target) and tabulates them highest first', () => {
    const growth = view.charts[1]!;
    expect(growth.table.rows.map((r) => [r[0], r[4]])).toEqual([
      ['pingjiang-2024', '30'],
      ['linxiang-2024', '18.1'],
      ['yuanjiang-2024', '12'],
      ['pingjiang-2026', '8.5'],
    ]);
    expect(growth.svg).toContain('id="chart-rd_spending-growth-25"');
    expect(growth.svg.match(/<a /g)).toHaveLength(4);
    expect(growth.caption).toMatch(/^全社会研发经费投入（增速，%）：每份方案一条/);
  });

  it('counts plans and wordings, and warns about differences', () => {
    expect(view.targets).toHaveLength(6);
    expect(view.planCount).toBe(4);
    expect(view.wordings).toEqual([
      { label: 'rd_spending', n: 5, kinds: ['growth', 'level'] },
      { label: '研发投入', n: 1, kinds: ['growth'] },
    ]);
    expect(view.noDifferences).toBe(false);
    expect(metricView('patents', METRICS, ALL).noDifferences).toBe(true);
  });

  it('lists `other` without charts (it is not one measure) and a key the taxonomy lacks', () => {
    const other = target('longhui-2023', 'other', 'level', 3, { label: '优良品种' });
    const v = metricView('other', METRICS, [other]);
    expect(v.charts).toEqual([]);
    expect(v.targets).toEqual([other]);
    const unknown = metricView('new_metric', METRICS, []);
    expect([unknown.definition, unknown.targets, unknown.info.zh]).toEqual([
      undefined,
      [],
      'new_metric',
    ]);
  });
});

describe('compareView', () => {
  it('shows by default the plans covering most headline metrics, newest first on ties', () => {
    expect(defaultComparePlans([P24, P26, LX, YJ], ALL, METRICS)).toEqual([
      'pingjiang-2026',
      'linxiang-2024',
      'pingjiang-2024',
    ]);
    expect(defaultComparePlans([YJ], ALL, METRICS)).toEqual(['yuanjiang-2024']);
  });

  it('renders the default table and hands the island the metric names in row order', () => {
    const v = compareView([P24, P26, LX, YJ], ALL, METRICS);
    expect(v.names.map((n) => n.key)).toEqual(metricOrder(METRICS));
    // Names only: the page embeds them for the island, definitions would only weigh it down.
    expect(Object.keys(v.names[0]!)).toEqual(['key', 'zh', 'en']);
    expect(v.html.match(/<th scope="col"><a href="\/plans\/([^/]+)\//g)).toHaveLength(3);
    expect(v.html).toContain('href="/plans/pingjiang-2026/#');
  });

  it("gives the island one plan's targets with only the fields the table reads", () => {
    const data = planCompareData(LX, ALL);
    expect(data.plan).toEqual({
      doc: 'linxiang-2024',
      county: '临湘市',
      slug: 'linxiang',
      prefecture: '岳阳市',
      year: 2024,
      title: '临湘市创新行动方案',
    });
    expect(data.targets.map((t) => t.id)).toEqual([rdLX.id, htLX.id]);
    expect(Object.keys(data.targets[0]!)).not.toContain('quotes');
  });
});

describe('overviewView and metricList', () => {
  it('builds the headline matrix with at most two targets a cell', () => {
    const extra = [1, 2].map((i) => target('pingjiang-2026', 'rd_spending', 'growth', i));
    const v = overviewView([P24, P26, LX], [...ALL, ...extra], METRICS);
    expect(v.counties).toBe(2);
    expect(v.heads.map((m) => m.key)).toEqual(['rd_spending', 'hightech_firms']);
    const row = v.rows.find((r) => r.plan.doc === 'pingjiang-2026')!;
    expect(row.cells.map((c) => [c.metric, c.shown.length, c.more])).toEqual([
      ['rd_spending', 2, 1],
      ['hightech_firms', 1, 0],
    ]);
  });

  it('lists every metric with plan and target counts, keys only targets use included', () => {
    const odd = target('yuanjiang-2024', 'digital_economy', 'share', 40);
    const rows = metricList([...METRICS, metric('talent', '人才')], [...ALL, odd]);
    expect(rows.map((r) => [r.key, r.plans, r.targets])).toEqual([
      ['rd_spending', 4, 4],
      ['hightech_firms', 3, 3],
      ['patents', 1, 1],
      ['talent', 0, 0],
      ['other', 0, 0],
    ]);
  });
});

describe('planView', () => {
  const marked = target('pingjiang-2026', 'rd_spending', 'growth', 8.5);
  const lost = target('pingjiang-2026', 'hightech_firms', 'level', 100);
  const tree = {
    type: 'root',
    children: [
      {
        type: 'heading',
        depth: 2,
        children: [{ type: 'text', value: '一、工作目标' }],
        data: { id: 'h-1', hProperties: { id: 'h-1' } },
      },
      {
        type: 'paragraph',
        data: { id: 'p-1', hProperties: { id: 'p-1' } },
        children: [
          { type: 'text', value: '力争' },
          {
            type: 'targetMark',
            data: { hName: 'mark', hProperties: { id: marked.id, dataTarget: marked.id } },
            children: [{ type: 'text', value: '研发经费增长8.5%<b>' }],
          },
        ],
      },
    ],
  } as unknown as Root;
  const v = planView(tree, [marked, lost], METRICS);

  it('renders the text escaped, with the reading on each mark', () => {
    expect(v.html).toContain('<h3 id="h-1">一、工作目标</h3>');
    expect(v.html).toContain('8.5%&#x3C;b>');
    expect(v.html).toContain('全社会研发经费投入 rd_spending · 增速 Growth rate · 8.5%以上');
  });

  it('lists the contents and the targets the text has no mark for', () => {
    expect(v.toc).toEqual([{ id: 'h-1', depth: 2, text: '一、工作目标' }]);
    expect([...v.unmarked]).toEqual([lost.id]);
  });

  // linxiang-2024: 争创国家级专精特新小巨人企业、单项产品冠军企业各1家 holds two targets, one inside the other.
  it('counts a mark inside another mark as marked, and gives it its own reading', () => {
    const outer = target('linxiang-2024', 'rd_spending', 'growth', 1);
    const inner = target('linxiang-2024', 'hightech_firms', 'increase', 1);
    const nested = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          data: { id: 'p-1', hProperties: { id: 'p-1' } },
          children: [
            {
              type: 'targetMark',
              data: { hName: 'mark', hProperties: { id: outer.id, dataTarget: outer.id } },
              children: [
                { type: 'text', value: '争创小巨人企业、' },
                {
                  type: 'targetMark',
                  data: { hName: 'mark', hProperties: { id: inner.id, dataTarget: inner.id } },
                  children: [{ type: 'text', value: '单项冠军企业各1家' }],
                },
              ],
            },
          ],
        },
      ],
    } as unknown as Root;
    const n = planView(nested, [outer, inner], METRICS);
    expect([...n.unmarked]).toEqual([]);
    expect(n.html.match(/class="reading"/g)).toHaveLength(2);
    expect(n.html).toContain('高新技术企业 hightech_firms · 新增');
  });
});

describe('plan and target order', () => {
  it('lists plans by county slug, then year, then id', () => {
    const plans = [YJ, P26, LX, P24, plan('pingjiang-2024', { doc: 'pingjiang-2024-b' })];
    expect(plans.sort(planOrder).map((p) => p.doc)).toEqual([
      'linxiang-2024',
      'pingjiang-2024',
      'pingjiang-2024-b',
      'pingjiang-2026',
      'yuanjiang-2024',
    ]);
  });

  it('lists targets by plan, then by first mention in the plan (ids are hashes, not ordinals)', () => {
    const at = (doc: string, id: string, ...starts: number[]) => ({
      doc,
      id,
      spans: starts.map((start) => ({ quote: 'q', anchor: 'p-1', start, end: start + 1 })),
    });
    const ts = [
      at('b', 't-10000000', 400),
      at('a', 't-0000000f', 90, 20),
      at('b', 't-ffffffff', 30),
      at('a', 't-00000001', 50),
    ];
    expect(
      ts.sort(targetOrder([{ doc: 'b' }, { doc: 'a' }])).map((t) => `${t.doc}/${t.id}`),
    ).toEqual(['b/t-ffffffff', 'b/t-10000000', 'a/t-0000000f', 'a/t-00000001']);
  });
});
