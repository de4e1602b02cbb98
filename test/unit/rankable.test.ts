/** Which targets the site ranks, and which it puts side by side (src/site/rankable.ts). */
import { describe, expect, it } from 'vitest';
import { countyView } from '../../src/site/countyView.ts';
import { buildSiteIndex } from '../../src/site/indexes.ts';
import { metricProvinceView, metricView } from '../../src/site/metricView.ts';
import { PeerIndex } from '../../src/site/peers.ts';
import {
  comparabilityKey,
  isRankable,
  isUnreviewed,
  scopeClass,
  shareBasis,
  unrankableReason,
} from '../../src/site/rankable.ts';
import { renderPlan } from '../../src/site/renderPlan.ts';
import type { PlanRecord, TargetRecord } from '../../src/pipeline/schema.ts';
import { METRICS, plan, target } from '../support/site-fixture.ts';

/** The build's index and peer groups over these plans, ranked by the site's rule (isRankable). */
function site(plans: PlanRecord[], targets: TargetRecord[]) {
  const index = buildSiteIndex(plans, targets);
  return { index, peers: new PeerIndex(targets, index.regionOfDoc, isRankable) };
}

const ht = (value: number, extra = {}) =>
  target('pingjiang-2024', 'hightech_firms', 'level', value, extra);

describe('isRankable', () => {
  it('ranks a sure, county-wide target of a real indicator', () => {
    expect(isRankable(ht(100))).toBe(true);
  });

  it('never ranks a low-confidence target: it is 待核', () => {
    const low = ht(100, { confidence: 'low' });
    expect(isRankable(low)).toBe(false);
    expect(isUnreviewed(low)).toBe(true);
    expect(unrankableReason(low)).toMatch(/^待核/);
  });

  it('a curator-confirmed target is high and ranks', () => {
    const confirmed = ht(100, { confidence: 'high', override: 'confirmed' });
    expect(isRankable(confirmed)).toBe(true);
    expect(isUnreviewed(confirmed)).toBe(false);
  });

  it('never ranks the catch-all, a percentage kind without %, or a park’s figure', () => {
    expect(isRankable(target('pingjiang-2024', 'other', 'level', 5))).toBe(false);
    expect(isRankable(target('pingjiang-2024', 'rd_spending', 'growth', 5, { unit: '亿元' }))).toBe(
      false,
    );
    expect(unrankableReason(ht(5, { scope: '园区' }))).toMatch(/园区/);
  });

  it('ranks the above-scale size class, which every county has, however it is written', () => {
    for (const scope of ['规模以上', '规上', '规上工业', '规模以上工业企业'])
      expect([scopeClass(scope), isRankable(ht(5, { scope }))]).toEqual(['规模以上', true]);
  });
});

describe('comparabilityKey', () => {
  it('keeps 规模以上 apart from the whole county', () => {
    expect(comparabilityKey(ht(100, { scope: '规模以上' }))).not.toBe(comparabilityKey(ht(100)));
    expect(comparabilityKey(ht(100, { scope: '规上' }))).toBe(
      comparabilityKey(ht(90, { scope: '规模以上' })),
    );
  });

  it('keeps 专利 apart from 发明专利', () => {
    const p = target('pingjiang-2024', 'patents', 'increase', 100, { unit: '件' });
    const ip = target('pingjiang-2024', 'invention_patents', 'increase', 100, { unit: '件' });
    expect(comparabilityKey(p)).not.toBe(comparabilityKey(ip));
  });

  it('keeps a share of GDP apart from a share of industrial value added, and reads GDP’s spellings as one', () => {
    const share = (label: string) =>
      target('pingjiang-2024', 'hightech_value_added', 'share', 22, { label });
    expect(shareBasis(share('高新技术产业增加值占地区生产总值比重'))).toBe('GDP');
    expect(shareBasis(share('高新技术产业增加值占GDP比重'))).toBe('GDP');
    expect(shareBasis(share('高新技术产业增加值占规模以上工业增加值的比重'))).toBe(
      '规上工业增加值',
    );
    expect(shareBasis(share('高新技术产业增加值占规上工业增加值比重'))).toBe('规上工业增加值');
    expect(comparabilityKey(share('高新技术产业增加值占地区生产总值比重'))).toBe(
      comparabilityKey(share('高新技术产业增加值占GDP(GDP)比重')),
    );
    expect(comparabilityKey(share('高新技术产业增加值占GDP比重'))).not.toBe(
      comparabilityKey(share('高新技术产业增加值占规上工业增加值比重')),
    );
  });
});

describe('the site ranks and compares rankable targets only', () => {
  const P24 = plan('pingjiang-2024');
  const P26 = plan('pingjiang-2026');
  const all24 = target('pingjiang-2024', 'hightech_firms', 'level', 100);
  const scale26 = target('pingjiang-2026', 'hightech_firms', 'level', 100, { scope: '规模以上' });
  const low26 = target('pingjiang-2026', 'rd_spending', 'growth', 9, { confidence: 'low' });
  const rd24 = target('pingjiang-2024', 'rd_spending', 'growth', 8);
  const lowLX = target('linxiang-2024', 'hightech_firms', 'level', 300, { confidence: 'low' });
  const htLX = target('linxiang-2024', 'hightech_firms', 'level', 95);
  const LX = plan('linxiang-2024');

  it('a 规模以上 count and an all-firms count are not a change; a 待核 target is neither change nor rank', () => {
    const mine = [all24, rd24, scale26, low26];
    const view = countyView([P24, P26], mine, site([P24, P26, LX], [...mine, htLX]).peers, METRICS);
    const d = view.diffs[0]!;
    expect(d.changed).toEqual([]);
    expect(d.added).toEqual([scale26]);
    expect(d.dropped.map((t) => t.id).sort()).toEqual([all24.id, rd24.id].sort());
    const ranked = view.benches.flatMap((b) =>
      b.groups.flatMap((g) => g.rows.map((x) => x.target.id)),
    );
    expect(ranked).not.toContain(low26.id);
  });

  it('a 待核 peer never enters a rank', () => {
    const view = countyView([P24], [all24], site([P24, LX], [all24, htLX, lowLX]).peers, METRICS);
    const all = view.benches[0]!.groups.find((g) => g.scope === 'all')!;
    const b = all.rows[0]!;
    expect([b.rank, b.of, b.leader.id]).toEqual([1, 2, all24.id]);
  });

  it('a metric chart draws no 待核 target; the province page lists it unranked', () => {
    const s = site([P24, LX], [all24, htLX, lowLX]);
    const view = metricView('hightech_firms', METRICS, s.index, s.peers);
    const g = view.groups[0]!;
    expect(g.members.map((t) => t.id).sort()).toEqual([all24.id, htLX.id].sort());
    const svg = view.groups.map((x) => `${x.chart.svg}${x.bars ?? ''}`).join('');
    expect(svg).toContain(htLX.id);
    expect(svg).not.toContain(lowLX.id);
    const province = metricProvinceView(
      'hightech_firms',
      LX.province_code,
      METRICS,
      s.index,
      s.peers,
    );
    expect(province.unranked.map((t) => t.id)).toEqual([lowLX.id]);
  });
});

describe('the reader marks a 待核 target', () => {
  it('with a class and 待核 in its reading', () => {
    const tree = {
      type: 'root' as const,
      children: [
        {
          type: 'paragraph' as const,
          children: [
            {
              type: 'text' as const,
              value: '新增专利100件',
              data: {
                hName: 'mark',
                hProperties: {
                  id: 't-aaaa0000',
                  className: ['target'],
                  'data-target': 't-aaaa0000',
                },
              },
            },
          ],
        },
      ],
    };
    const readings = new Map([
      [
        't-aaaa0000',
        {
          metricZh: '专利',
          metricEn: 'Patents',
          kind: 'increase' as const,
          value: 100,
          value_max: null,
          unit: '件',
          qualifier: 'reach' as const,
          confidence: 'low' as const,
          scope: '园区',
        },
      ],
    ]);
    const { html } = renderPlan(tree, readings);
    expect(html).toMatch(/<mark[^>]*class="target low"/);
    expect(html).toContain('【待核 · 专利 Patents');
    expect(html).toContain('范围 园区');
  });
});
