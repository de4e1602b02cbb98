/**
 * Enumerations (enumeration.ts): 分别 pairs coordinated labels with values in
 * order and lends its predicate to all of them, a 分别 clause without a subject
 * takes the subject of the clause before it, coordinated modifiers share one
 * head, 各 gives every item the same value. Sentences in the style of 安徽,
 * 江苏, 山东 and 四川 plans, written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { readingOf, targetsOf, targetWith } from './plan-helper.ts';

const reading = readingOf;

describe('分别', () => {
  it('A、B分别新增 X、Y: each label with its value, both increases', () => {
    const ts = targetsOf('力争国家高新技术企业、科技型中小企业分别新增 40家、120家。');
    expect(ts.map(reading)).toEqual([
      'hightech_firms/increase 40家 reach',
      'tech_sme/increase 120家 reach',
    ]);
  });

  it('the predicate after 分别 holds for every value: 分别超过 makes both at_least', () => {
    const ts = targetsOf('全县高新技术企业和科技型中小企业分别超过80家和300家。');
    expect(ts.map(reading)).toEqual([
      'hightech_firms/level 80家 at_least',
      'tech_sme/level 300家 at_least',
    ]);
  });

  it('a 分别 clause with no subject takes the subject of the clause before it', () => {
    const ts = targetsOf(
      '到2026年，全区高新技术企业和科技型中小企业在2023年的基础上实现翻番，分别达到150家和600家。',
    );
    expect(ts.map(reading)).toEqual([
      'hightech_firms/level 150家 reach',
      'tech_sme/level 600家 reach',
    ]);
    expect(ts.every((t) => t.deadline === 2026)).toBe(true);
    expect(ts.every((t) => t.confidence === 'high')).toBe(true);
  });

  it('coordinated modifiers share the last item’s head: 企业、高校研发经费支出分别达…', () => {
    const ts = targetsOf('企业、高校研发经费支出分别达 30 亿元、2 亿元。');
    expect(ts.find((t) => t.value === 30)).toMatchObject({
      metric: 'enterprise_rd',
      label: '企业研发经费支出',
    });
    // A university's R&D is not the county's: the strict R&D wording stays low.
    expect(ts.find((t) => t.value === 2)).toMatchObject({ confidence: 'low' });
  });

  it('发明专利申请量和授权量分别达到 X、Y: both invention patents', () => {
    const ts = targetsOf('发明专利申请量和授权量分别达到600件、180件。');
    expect(ts.map((t) => t.metric)).toEqual(['invention_patents', 'invention_patents']);
  });
});

describe('各', () => {
  it('A、B各N家: every item gets the value', () => {
    const ts = targetsOf('争创国家级众创空间、科技企业孵化器各1家。');
    expect(ts.map(reading)).toEqual([
      'innovation_platforms/increase 1家 reach',
      'innovation_platforms/increase 1家 reach',
    ]);
  });
});

describe('an enumeration shares its verb, and 以上 binds only its own item', () => {
  it('引育A4个、B100名、C820名以上', () => {
    const ts = targetsOf('力争引育创新创业团队5个、科技领军人才30名、高技能人才600名以上。');
    expect(ts.map(reading)).toEqual([
      'talent/increase 5个 reach',
      'talent/increase 30名 reach',
      'talent/increase 600名 at_least',
    ]);
  });

  it('a bare item after a creating verb’s clause is read as an addition, but low', () => {
    const ts = targetsOf('争取建成省级重点实验室2家，市级工程技术研究中心5家。');
    expect(targetWith(ts, '重点实验室2家')).toMatchObject({ kind: 'increase', confidence: 'high' });
    expect(targetWith(ts, '研究中心5家')).toMatchObject({ kind: 'increase', confidence: 'low' });
  });

  it('the subject does not carry over a semicolon', () => {
    const ts = targetsOf('技术合同成交额突破8亿元；力争超过10亿元。');
    expect(targetWith(ts, '10亿元').metric).toBe('other');
  });
});

describe('parallel subjects and values without 分别', () => {
  it('A、B达 X家、Y家 pairs them in order, as 分别 would', () => {
    const ts = targetsOf('全县高新技术企业、科技型中小企业达 85 家、260 家。');
    expect(ts.map(reading)).toEqual([
      'hightech_firms/level 85家 reach',
      'tech_sme/level 260家 reach',
    ]);
  });

  it('a short second item shares the first item’s subject: 技术合同成交额、登记项数', () => {
    const ts = targetsOf('技术合同成交额、登记项数分别为 12亿元、350 项。');
    expect(ts.map(reading)).toEqual([
      'tech_contract_value/level 12亿元 reach',
      'tech_contract_count/level 350项 reach',
    ]);
  });

  it('同口径增长 is the subject’s growth (carried, so low)', () => {
    const ts = targetsOf('全社会研发投入 8.6 亿元，同口径增长 12%。');
    expect(targetWith(ts, '12%')).toMatchObject({
      metric: 'rd_spending',
      kind: 'growth',
      confidence: 'low',
    });
  });

  it('a growth whose label two metrics name alike is low', () => {
    const ts = targetsOf('技术合同登记增长 20%。');
    expect(ts[0]!.confidence).toBe('low');
  });
});
