/**
 * Goals paragraphs written for these tests in the manner of plans from other
 * provinces (河北 跃升计划 targets by year, 浙江 "315" goals, 江苏 and 广东 output
 * shares, 河南 coverage rates, 山东 强县 indicators, 重庆 双倍增, 四川 averages).
 * Each asserts the reading a curator would give — metric, kind, value, unit,
 * qualifier, deadline — and that no high-confidence reading is wrong.
 */
import { describe, expect, it } from 'vitest';
import { readingOf, targetsOf, targetWith } from './plan-helper.ts';
import type { Target } from '../../src/pipeline/schema.ts';

const reading = (t: Target) =>
  `${t.metric}/${t.kind} ${t.value}${t.value_max !== null ? `-${t.value_max}` : ''}${t.unit} ${t.qualifier} ${t.deadline ?? '-'}`;

const expectReadings = (ts: Target[], expected: [string, string][]) => {
  for (const [quote, r] of expected) expect(reading(targetWith(ts, quote)), quote).toBe(r);
};

describe('河北: yearly targets of a 县域科技创新跃升 plan', () => {
  const ts = targetsOf(
    '1. 2025年地方财政科技支出不低于5000万元；2025年规上工业企业R&D经费支出占营业收入的比重不低于1.2%；' +
      '2. 2025年高新技术企业数量至少达到60家；千家工商注册企业中科技型中小企业数量不低于150家；' +
      '3. 2025年科技小巨人企业达到30家；建成省级以上企业技术中心8家以上。',
  );

  it('reads every figure with its year', () => {
    expectReadings(ts, [
      ['5000万元', 'fiscal_st_spending/level 5000万元 at_least 2025'],
      ['1.2%', 'enterprise_rd/share 1.2% at_least 2025'],
      ['60家', 'hightech_firms/level 60家 at_least 2025'],
      ['150家', 'other/density 150家/千家 at_least 2025'],
      ['30家', 'other/level 30家 reach 2025'],
      ['8家以上', 'innovation_platforms/increase 8家 at_least 2025'],
    ]);
  });

  it('the per-firm density and the 科技小巨人 registry are never the canonical metrics', () => {
    expect(targetWith(ts, '150家').confidence).toBe('low');
    expect(targetWith(ts, '30家')).toMatchObject({ metric: 'other', confidence: 'high' });
  });
});

describe('浙江: a "315" goals paragraph', () => {
  const ts = targetsOf(
    '到2027年，全社会研发经费支出占地区生产总值比重达到3.5%，高新技术产业增加值占规上工业增加值比重达到70%，' +
      '新增国家高新技术企业60家、省科技型中小企业300家，新建省级重点企业研究院3家，每万人高价值发明专利拥有量达到8件。',
  );

  it('reads the share denominators, the 浙江 registry and the density', () => {
    expectReadings(ts, [
      ['3.5%', 'rd_spending/share 3.5% reach 2027'],
      ['70%', 'hightech_value_added/share 70% reach 2027'],
      ['60家', 'hightech_firms/increase 60家 reach 2027'],
      ['300家', 'other/increase 300家 reach 2027'],
      ['3家', 'innovation_platforms/increase 3家 reach 2027'],
      ['8件', 'high_value_patents_density/density 8件/万人 reach 2027'],
    ]);
    expect(ts.every((t) => t.confidence === 'high')).toBe(true);
  });

  it('the label keeps the share’s denominator', () => {
    expect(targetWith(ts, '70%').label).toContain('规上工业增加值');
  });
});

describe('江苏 and 广东: output shares and patent counts', () => {
  const ts = targetsOf(
    '力争高新技术产业产值占规模以上工业总产值比重达到50%以上，高新技术企业有效发明专利拥有量突破3000件，' +
      'PCT国际专利申请量达到120件，技术合同认定登记成交额增长20%。',
  );

  it('output is not value added, all-type patents are not invention patents', () => {
    expectReadings(ts, [
      ['50%以上', 'hightech_output/share 50% at_least -'],
      ['3000件', 'invention_patents/level 3000件 at_least -'],
      ['120件', 'patents/level 120件 reach -'],
      ['20%', 'tech_contract_value/growth 20% reach -'],
    ]);
  });

  it('a patent count of high-tech firms is read low: the firms narrow the count', () => {
    expect(targetWith(ts, '3000件').confidence).toBe('low');
  });
});

describe('河南 and 山东: coverage rates and 强县 indicators', () => {
  const ts = targetsOf(
    '规模以上工业企业研发活动覆盖率达到60%，规上工业企业研发机构建有率达到40%以上，' +
      '科技型中小企业入库数量达到500家，研发经费投入总量增长15%，“四新”经济增加值占GDP比重达到30%。',
  );

  it('reads them', () => {
    expectReadings(ts, [
      ['60%', 'rd_active_firms/share 60% reach -'],
      ['40%以上', 'rd_active_firms/share 40% at_least -'],
      ['500家', 'tech_sme/level 500家 reach -'],
      ['15%', 'rd_spending/growth 15% reach -'],
      ['30%', 'other/share 30% reach -'],
    ]);
  });
});

describe('重庆: 双倍增 with a base year and 分别', () => {
  const ts = targetsOf(
    '到2027年，全县高新技术企业和科技型企业在2022年的基础上实现倍增，分别超过120家和1500家；专精特新“小巨人”企业突破6家。',
  );

  it('pairs the subject of the clause before with both values, under 2027, never 2022', () => {
    expect(ts.map(reading)).toEqual([
      'hightech_firms/level 120家 at_least 2027',
      'other/level 1500家 at_least 2027',
      'little_giant/level 6家 at_least 2027',
    ]);
  });
});

describe('江苏: a progress sentence with a base and an addition', () => {
  const ts = targetsOf(
    '截至2023年底，全市高新技术企业达到520家，较上年末增加86家，其中规上高新技术企业210家。',
  );

  it('较上年末 is a base, 增加86家 an addition of the subject, 其中规上 a scope', () => {
    expect(targetWith(ts, '520家')).toMatchObject({ metric: 'hightech_firms', kind: 'level' });
    expect(targetWith(ts, '86家')).toMatchObject({ metric: 'hightech_firms', kind: 'increase' });
    expect(targetWith(ts, '210家')).toMatchObject({ metric: 'hightech_firms', scope: '规上' });
  });
});

describe('counts of the plan’s own parts are not targets', () => {
  it.each([
    '今年要努力实现六个目标。',
    '方案提出了18项培育措施。',
    '主要有4项具体任务。',
    '围绕三大领域实施五项工程。',
  ])('%s', (sentence) => {
    expect(targetsOf(sentence)).toEqual([]);
  });

  it('but 建设3个示范基地 is one', () => {
    expect(targetsOf('建设3个农业科技示范基地。')).toHaveLength(1);
  });
});

describe('a sub-area heading its sentence is the subject of the clauses after it; one further on is not', () => {
  it('园区企业研发费用…，新增高企5家: both the park’s', () => {
    const ts = targetsOf('园区企业研发费用达到8亿元，新增高新技术企业5家。');
    expect(ts.map((t) => t.scope)).toEqual(['园区', '园区']);
  });

  it('…，高新区内X占比…，Y: only X is the zone’s', () => {
    const ts = targetsOf(
      '高新技术企业达到300家，省级高新区内高新技术企业数量占比超过50%，高新技术产业产值占比达到40%。',
    );
    expect(targetWith(ts, '50%').scope).toBe('省级高新区');
    expect(targetWith(ts, '40%').scope).toBeNull();
  });
});

describe('江西: "from X to Y" states a figure with its baseline', () => {
  const ts = targetsOf(
    '全社会研究与开发经费支出占GDP比重由2022年的1.2%提高到2025年的2%；高新技术企业从2022年的40家增长到2025年的80家。',
  );

  it('the figure is Y, its year the deadline; the baseline X is no target', () => {
    expect(ts.map(readingOf)).toEqual([
      'rd_spending/share 2% reach',
      'hightech_firms/level 80家 reach',
    ]);
    expect(ts.map((t) => t.deadline)).toEqual([2025, 2025]);
    expect(ts.map((t) => t.label)).toEqual(['全社会研究与开发经费支出占GDP比重', '高新技术企业']);
  });

  it('增长到2025年 is the verb’s 到, not a 到YYYY年 that governs the next sentence', () => {
    const more = targetsOf(
      '高新技术企业从2022年的40家增长到2025年的80家。科技型中小企业达到200家。',
    );
    expect(targetWith(more, '200家').deadline).toBeNull();
  });
});

describe('aspect and time words around the verb', () => {
  it('建立了2个院士工作站: 建立 creates, 了 is an aspect particle', () => {
    expect(targetsOf('建立了2个院士工作站。')[0]).toMatchObject({
      metric: 'innovation_platforms',
      kind: 'increase',
    });
  });

  it('新入库 is an addition, 有效期内 a stock', () => {
    const ts = targetsOf('新入库科技型中小企业300家，有效期内高新技术企业达到120家。');
    expect(targetWith(ts, '300家')).toMatchObject({ metric: 'tech_sme', kind: 'increase' });
    expect(targetWith(ts, '120家')).toMatchObject({ metric: 'hightech_firms', kind: 'level' });
  });
});
