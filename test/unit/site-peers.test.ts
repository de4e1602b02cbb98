/**
 * Peer groups, rankings and their statistics (peers.ts, ranking.ts, stats.ts,
 * comparable.ts): counties counted once, ties said alike, only comparable
 * targets ranked together, and one predicate deciding what may be ranked.
 */
import { describe, expect, it } from 'vitest';
import { compareKey, denominatorOf, groupTitle } from '../../src/site/comparable.ts';
import { buildSiteIndex } from '../../src/site/indexes.ts';
import { PeerIndex } from '../../src/site/peers.ts';
import { rankByValue, rankLabel, rankOf, topAndBottom } from '../../src/site/ranking.ts';
import { median, statText, summarize } from '../../src/site/stats.ts';
import type { PlanRecord, TargetRecord } from '../../src/pipeline/schema.ts';
import { plan, target } from '../support/site-fixture.ts';

function peersOf(
  plans: PlanRecord[],
  targets: TargetRecord[],
  rankable?: (t: TargetRecord) => boolean,
) {
  const index = buildSiteIndex(plans, targets);
  return new PeerIndex([...index.targetsByDoc.values()].flat(), index.regionOfDoc, rankable);
}

describe('comparable keys', () => {
  const base = {
    metric: 'hightech_firms',
    kind: 'level' as const,
    unit: '家',
    label: '高新技术企业',
  };

  it('keep a scope apart: a 规模以上 subset is never ranked with all firms', () => {
    expect(compareKey({ ...base, scope: '规模以上' })).not.toBe(
      compareKey({ ...base, scope: null }),
    );
    expect(compareKey({ ...base, scope: null })).toBe('hightech_firms|level|家');
    expect(groupTitle({ ...base, scope: '规模以上' })).toBe('总量（家，仅规模以上）');
  });

  it('compare shares only when their denominators agree, whatever the wording', () => {
    const share = (label: string, metric = 'hightech_value_added') =>
      ({ metric, kind: 'share' as const, unit: '%', label }) as const;
    const gdp = compareKey(share('高新技术产业增加值占GDP比重'));
    expect(compareKey(share('高新技术产业增加值占地区生产总值比重'))).toBe(gdp);
    expect(compareKey(share('高新技术产业增加值占全县GDP的比重'))).toBe(gdp);
    expect(compareKey(share('高新技术产业增加值占规上工业增加值比重'))).not.toBe(gdp);
    expect(denominatorOf(share('高新技术产业增加值占规上工业增加值比重'))).toBe('规上工业增加值');
    expect(denominatorOf(share('规工企业中有研发活动企业占比'))).toBe('规上工业企业');
    // Unstated: compared only with other unstated ones, unless the metric implies one.
    expect(denominatorOf(share('高新技术产业增加值占比'))).toBe('');
    expect(denominatorOf(share('研发投入强度', 'rd_spending'))).toBe('GDP');
    expect(compareKey(share('研发投入强度', 'rd_spending'))).toBe(
      compareKey(share('全社会研发经费投入占GDP比重', 'rd_spending')),
    );
    expect(denominatorOf({ ...base })).toBeNull();
    expect(groupTitle(share('高新技术产业增加值占GDP比重'))).toBe('占比（%，占GDP）');
  });
});

describe('ranks and statistics', () => {
  it('give equal values the same rank (1, 2, 2, 4) and say 并列', () => {
    const r = rankByValue(
      [5, 9, 7, 7],
      (v) => v,
      (a, b) => a - b,
    );
    expect(r.map((x) => [x.item, x.rank, x.tied])).toEqual([
      [9, 1, false],
      [7, 2, true],
      [7, 2, true],
      [5, 4, false],
    ]);
    expect(rankLabel(r[1]!)).toBe('并列 2');
    expect(rankLabel(r[0]!)).toBe('1');
    expect(rankOf({ rank: 2, tied: true, of: 1234 })).toBe('并列 2 / 1,234');
  });

  it('take the top and bottom n, or everything when they would overlap', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i);
    expect(topAndBottom(xs, 20)).toEqual({ top: xs.slice(0, 20), bottom: xs.slice(30) });
    expect(topAndBottom(xs.slice(0, 40), 20)).toEqual({ top: xs.slice(0, 40), bottom: [] });
  });

  it('compute quartiles by linear interpolation, the median of an even count in between', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      n: 4,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
    });
    expect(summarize([7])).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7 });
    expect(summarize([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
    expect(statText(11.125)).toBe('11.13');
  });
});

describe('PeerIndex', () => {
  const plans = [
    'pingjiang-2024',
    'pingjiang-2026',
    'linxiang-2024',
    'yuanjiang-2024',
    'dengfeng-2025',
    'gongyi-2025',
  ].map((d) => plan(d));
  const rd = (doc: string, value: number, extra: Partial<TargetRecord> = {}) =>
    target(doc, 'rd_spending', 'growth', value, extra);
  const targets = [
    rd('pingjiang-2024', 30),
    rd('pingjiang-2026', 8.5),
    rd('pingjiang-2026', 2, { label: '其中' }), // a later mention: not the county's figure
    rd('linxiang-2024', 12),
    rd('yuanjiang-2024', 12),
    rd('dengfeng-2025', 20),
    rd('gongyi-2025', 15),
  ];
  const peers = peersOf(plans, targets);
  const key = compareKey(targets[0]!);

  it('counts each county once, by the first target of its newest plan with one', () => {
    const all = peers.group(key, 'all')!;
    expect(all.entries.map((e) => [e.item.slug, e.item.target.value])).toEqual([
      ['dengfeng', 20],
      ['gongyi', 15],
      ['linxiang', 12],
      ['yuanjiang', 12],
      ['pingjiang', 8.5],
    ]);
    expect(all.summary).toEqual({ n: 5, min: 8.5, q1: 12, median: 12, q3: 15, max: 20 });
    expect(peers.entryOf(key, 'pingjiang')?.target.doc).toBe('pingjiang-2026');
  });

  it('ranks within a prefecture and a province by their codes', () => {
    // 岳阳市 430600: 平江 and 临湘; 湖南省: also 沅江; 河南省 410000: 登封, 巩义.
    expect(peers.group(key, 'prefecture', '430600')!.entries.map((e) => e.item.slug)).toEqual([
      'linxiang',
      'pingjiang',
    ]);
    expect(peers.group(key, 'province', '430000')!.summary.n).toBe(3);
    expect(peers.group(key, 'province', '410000')!.entries.map((e) => e.item.slug)).toEqual([
      'dengfeng',
      'gongyi',
    ]);
    expect([...peers.provincesOf(key).keys()].sort()).toEqual(['410000', '430000']);
    expect(peers.group(key, 'province', '110000')).toBeNull();
  });

  it("gives a county's standing: rank, ties, median, quartiles, leader and gap", () => {
    const linxiang = targets[3]!;
    const s = peers.standing(linxiang, 'all')!;
    expect([s.rank, s.tied, s.of, s.leader.slug, s.gap, s.leaders]).toEqual([
      3,
      true,
      5,
      'dengfeng',
      8,
      1,
    ]);
    expect(s.summary.median).toBe(12);
    const inProvince = peers.standing(linxiang, 'province', '430000')!;
    expect([inProvince.rank, inProvince.tied, inProvince.of]).toEqual([1, true, 3]);
    expect(inProvince.leaders).toBe(2);
  });

  it("benchmarks an older plan in its county's place, not beside it", () => {
    const old = targets[0]!; // 平江 2024: 30%
    const s = peers.standing(old, 'all')!;
    expect([s.rank, s.tied, s.of, s.leader.doc, s.gap, s.leaders]).toEqual([
      1,
      false,
      5,
      'pingjiang-2024',
      0,
      1,
    ]);
    expect(s.summary).toEqual({ n: 5, min: 12, q1: 12, median: 15, q3: 20, max: 30 });
    // Tied with another county's value in the prefecture: 平江 2024 at 12 would share 临湘's rank.
    const at12 = rd('pingjiang-2024', 12, { label: '假设' });
    const tie = peers.standing(at12, 'prefecture', '430600')!;
    expect([tie.rank, tie.tied, tie.of]).toEqual([1, true, 2]);
  });

  it('has no standing where no other county has a comparable target', () => {
    const alone = target('pingjiang-2026', 'patents', 'increase', 5, { unit: '件' });
    const p = peersOf(plans, [...targets, alone]);
    expect(p.standing(alone, 'all')).toBeNull();
    expect(p.standing(targets[5]!, 'prefecture', '410100')).not.toBeNull();
  });

  it('ranks only what the rankable predicate accepts, in every group', () => {
    const noHenan = peersOf(plans, targets, (t) => t.province !== '河南省');
    expect(noHenan.group(key, 'all')!.summary.n).toBe(3);
    expect(noHenan.standing(targets[5]!, 'all')).toBeNull();
    expect(noHenan.rankable(targets[3]!)).toBe(true);
  });

  it('lists a metric’s groups with the most counties first', () => {
    const share = target('linxiang-2024', 'rd_spending', 'share', 2.5, { label: '研发投入强度' });
    const p = peersOf(plans, [...targets, share]);
    expect(p.keysOf('rd_spending')).toEqual(['rd_spending|growth|%', 'rd_spending|share|%|/GDP']);
    expect(p.keysOf('patents')).toEqual([]);
  });
});
