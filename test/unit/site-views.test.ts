/** The pages' computations (src/site/*View.ts, overview, exports) on hand-built records. */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/site/changes.ts';
import { compareView, defaultComparePlans, planCompareData } from '../../src/site/compareView.ts';
import { countyView } from '../../src/site/countyView.ts';
import { buildSiteIndex } from '../../src/site/indexes.ts';
import { metricProvinceView, metricView } from '../../src/site/metricView.ts';
import {
  headlineMetrics,
  inDisplayOrder,
  metricInfo,
  metricOrder,
} from '../../src/site/metrics.ts';
import { metricList, overviewView } from '../../src/site/overview.ts';
import { PeerIndex } from '../../src/site/peers.ts';
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

/** The build's index and peer groups over some plans and targets. */
function site(plans = [P24, P26, LX, YJ], targets = ALL) {
  const index = buildSiteIndex(plans, targets);
  return {
    index,
    peers: new PeerIndex(
      index.targetsByDoc.values().flatMap((ts) => ts),
      index.regionOfDoc,
    ),
  };
}

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
  const view = countyView([P24, P26], mine, site().peers, METRICS);

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

  it('benchmarks the newest plan first in its prefecture, province and all counties', () => {
    expect(view.benches.map((b) => b.p.doc)).toEqual(['pingjiang-2026', 'pingjiang-2024']);
    const newest = view.benches[0]!;
    expect(newest.groups.map((g) => [g.scope, g.caption])).toEqual([
      ['prefecture', '同一地级市（岳阳市）Same prefecture'],
      ['province', '同省（湖南省）Same province'],
      ['all', '全部县 All counties'],
    ]);
    const rd = (scope: string) =>
      newest.groups
        .find((g) => g.scope === scope)!
        .rows.find((b) => b.target.metric === 'rd_spending')!;
    // Same prefecture (岳阳市): 临湘 only; all counties: 临湘 and 沅江; never 平江 2024.
    expect([rd('prefecture').rank, rd('prefecture').of]).toEqual([2, 2]);
    expect([rd('all').rank, rd('all').of, rd('all').leader.doc]).toEqual([3, 3, 'linxiang-2024']);
    expect(newest.groups[2]!.rows.map((b) => b.target.metric)).toEqual([
      'rd_spending',
      'hightech_firms',
    ]);
  });

  it("benchmarks an older plan as it stood, never next to the county's newer plan", () => {
    const older = view.benches[1]!.groups.find((g) => g.scope === 'all')!;
    const rd = older.rows.find((b) => b.target.metric === 'rd_spending')!;
    // 平江 2024's 30% against 临湘 18.1% and 沅江 12%: first of three, 平江 2026 not counted.
    expect([rd.target.doc, rd.rank, rd.of, rd.gap, rd.leader.doc]).toEqual([
      'pingjiang-2024',
      1,
      3,
      0,
      'pingjiang-2024',
    ]);
    expect(rd.summary.median).toBe(18.1);
  });

  it('lists lead units by how many targets they lead, and counts the unled', () => {
    expect(view.leads.map((l) => [l.unit, l.ts.length])).toEqual([
      ['县科技局', 3],
      ['县发改局', 1],
    ]);
    expect(view.unled).toBe(2);
  });

  it('refuses a county without plans', () => {
    expect(() => countyView([], [], site([], []).peers, METRICS)).toThrow(/at least one plan/);
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
  const rdDF = target('dengfeng-2025', 'rd_spending', 'growth', 18.1);
  const DF = plan('dengfeng-2025');
  const plans = [P24, P26, LX, YJ, DF];
  const all = [...ALL, rdLevel, rdAgain, rdDF];
  const { index, peers } = site(plans, all);
  const view = metricView('rd_spending', METRICS, index, peers);

  it('shows each comparable group apart, levels before growth rates', () => {
    expect(view.groups.map((g) => [g.kind, g.unit, g.summary.n])).toEqual([
      ['level', '亿元', 1],
      ['growth', '%', 4],
    ]);
    expect(view.groups.map((g) => g.slug)).toEqual([
      'rd_spending-level-4ebf5143',
      'rd_spending-growth-25',
    ]);
    expect(view.groups[1]!.title).toBe('增速（%）');
  });

  it('ranks counties, not plans: each by its newest plan, ties sharing a rank', () => {
    const growth = view.groups[1]!;
    // 平江 by its 2026 plan (8.5), never also by 2024 (30); 临湘 by its first target (18.1).
    expect(growth.top.map((r) => [r.county.slug, r.target.value, r.rank, r.tied])).toEqual([
      ['dengfeng', 18.1, 1, true],
      ['linxiang', 18.1, 1, true],
      ['yuanjiang', 12, 3, false],
      ['pingjiang', 8.5, 4, false],
    ]);
    expect(growth.bottom).toEqual([]);
    expect(growth.summary).toMatchObject({ n: 4, median: 15.05, max: 18.1, min: 8.5 });
    expect(growth.bars).toContain('id="chart-rd_spending-growth-25"');
    expect(growth.bars!.match(/<a /g)).toHaveLength(4);
  });

  it('draws the distribution by province, national first, and summarizes each province', () => {
    const growth = view.groups[1]!;
    expect(growth.chart.svg).toContain('id="dist-rd_spending-growth-25"');
    expect(growth.chart.svg).toContain('全国（4）');
    expect(growth.chart.svg).toContain('湖南省（3）');
    expect(growth.chart.svg).toContain('河南省（1）');
    expect(growth.chart.rows.map((r) => r.slice(0, 2))).toEqual([
      ['全国', 4],
      ['河南省', 1],
      ['湖南省', 3],
    ]);
    expect(
      growth.provinces.map((p) => [p.name, p.summary.median, p.best.county.slug, p.best.rank]),
    ).toEqual([
      ['河南省', 18.1, 'dengfeng', 1],
      ['湖南省', 12, 'linxiang', 1],
    ]);
  });

  it('counts plans, counties and wordings, and warns about differences', () => {
    expect(view.targetCount).toBe(7);
    expect(view.planCount).toBe(5);
    expect(view.countyCount).toBe(4);
    expect(view.wordings).toEqual([
      { label: 'rd_spending', n: 6, kinds: ['growth', 'level'] },
      { label: '研发投入', n: 1, kinds: ['growth'] },
    ]);
    expect(view.noDifferences).toBe(false);
    expect(view.provinces.map((p) => [p.code, p.counties])).toEqual([
      ['410000', 1],
      ['430000', 3],
    ]);
    expect(metricView('patents', METRICS, index, peers).noDifferences).toBe(true);
  });

  it('lists `other` without groups (it is not one measure) and a key the taxonomy lacks', () => {
    const other = target('longhui-2023', 'other', 'level', 3, { label: '优良品种' });
    const s = site([plan('longhui-2023')], [other]);
    expect(metricView('other', METRICS, s.index, s.peers).groups).toEqual([]);
    expect(metricProvinceView('other', '430000', METRICS, s.index, s.peers).unranked).toEqual([
      other,
    ]);
    const unknown = metricView('new_metric', METRICS, s.index, s.peers);
    expect([unknown.definition, unknown.targetCount, unknown.info.zh]).toEqual([
      undefined,
      0,
      'new_metric',
    ]);
  });

  it("ranks a province's counties with their national and provincial places", () => {
    const v = metricProvinceView('rd_spending', '430000', METRICS, index, peers);
    const growth = v.groups.find((g) => g.kind === 'growth')!;
    expect(
      growth.rows.map((r) => [r.county.slug, r.provincial.rank, r.national.rank, r.national.tied]),
    ).toEqual([
      ['linxiang', 1, 1, true],
      ['yuanjiang', 2, 3, false],
      ['pingjiang', 3, 4, false],
    ]);
    expect(growth.national.n).toBe(4);
    expect(v.unranked).toEqual([]);
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
  it('counts the country, distributes the headline metrics and shows the newest plans', () => {
    const extra = [1, 2].map((i) => target('pingjiang-2026', 'rd_spending', 'growth', i));
    const { index, peers } = site([P24, P26, LX], [...ALL.filter((t) => t !== rdYJ), ...extra]);
    const v = overviewView(index, peers, METRICS);
    expect([v.plans, v.counties, v.prefectures, v.provinces.length]).toEqual([3, 2, 1, 1]);
    expect(v.provinces).toEqual([
      { code: '430000', name: '湖南省', prefectures: 1, counties: 2, plans: 3 },
    ]);
    expect(v.heads.map((m) => m.key)).toEqual(['rd_spending', 'hightech_firms']);
    // 平江 counts once (its 2026 plan's first growth target, 8.5), beside 临湘's 18.1.
    const rd = v.distributions[0]!;
    expect([rd.metric.key, rd.title, rd.summary.n, rd.summary.median, rd.otherGroups]).toEqual([
      'rd_spending',
      '增速（%）',
      2,
      13.3,
      0,
    ]);
    expect(rd.svg).toMatch(/^<svg aria-hidden="true"/);
    expect(v.newest.map((r) => r.plan.doc)).toEqual([
      'pingjiang-2026',
      'linxiang-2024',
      'pingjiang-2024',
    ]);
    const row = v.newest[0]!;
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
