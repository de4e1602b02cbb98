/**
 * Kind, qualifier, deadline and lead rules of the extractor, each on a short
 * sentence written for the rule (wordings as they occur in the bundled plans).
 */
import { describe, expect, it } from 'vitest';
import { oneTarget, targetsOf, targetWith } from './plan-helper.ts';

const one = oneTarget;

describe('kind', () => {
  it('新增…N家 is an increase', () => {
    expect(one('新增高新技术企业10家。')).toMatchObject({
      metric: 'hightech_firms',
      kind: 'increase',
      value: 10,
      unit: '家',
    });
  });

  it('…达N家 is a level', () => {
    expect(one('全县高新技术企业达95家。')).toMatchObject({
      metric: 'hightech_firms',
      kind: 'level',
      value: 95,
    });
  });

  it('培育…达N家 is a level: 达 binds the number to a stock', () => {
    expect(one('力争全年培育科技型中小企业达350家。')).toMatchObject({
      metric: 'tech_sme',
      kind: 'level',
      value: 350,
    });
  });

  it('培育…N家 without 达 is an increase', () => {
    expect(one('培育科技型中小企业30家。')).toMatchObject({
      metric: 'tech_sme',
      kind: 'increase',
      value: 30,
    });
  });

  it('净增…超N家 is an increase even with 超, and at_least', () => {
    expect(one('全县净增高新技术企业超10家。')).toMatchObject({
      kind: 'increase',
      qualifier: 'at_least',
      value: 10,
    });
  });

  it('增长N% is growth', () => {
    expect(one('全社会研发经费投入增长15%。')).toMatchObject({
      metric: 'rd_spending',
      kind: 'growth',
      value: 15,
      unit: '%',
    });
  });

  it('占…比重N% is a share of the subject before 占', () => {
    expect(one('高新技术产业增加值占地区生产总值比重22%。')).toMatchObject({
      metric: 'hightech_value_added',
      kind: 'share',
      value: 22,
      unit: '%',
    });
  });

  it('每万人…拥有量N件 is a density in 件/万人', () => {
    expect(one('每万人高价值发明专利拥有量达到5件。')).toMatchObject({
      kind: 'density',
      unit: '件/万人',
      value: 5,
    });
  });

  it('提高N个百分点 is an increase in 个百分点', () => {
    expect(one('研发投入强度提高0.2个百分点。')).toMatchObject({
      kind: 'increase',
      unit: '个百分点',
      value: 0.2,
    });
  });

  it('研发投入强度提高N个百分点 maps to rd_spending (the taxonomy wording, not "other")', () => {
    expect(one('研发投入强度提高0.2个百分点。').metric).toBe('rd_spending');
  });
});

describe('qualifier', () => {
  it.each([
    ['新增有效发明专利20件以上。', 'at_least'],
    ['技术合同成交额超50亿元。', 'at_least'],
    ['技术合同成交额超过50亿元。', 'at_least'],
    ['技术合同成交额突破50亿元。', 'at_least'],
    ['新增高新技术企业10家左右。', 'about'],
    ['科技成果转化项目约30项。', 'about'],
    ['新增高新技术企业10家。', 'reach'],
    ['全县高新技术企业达95家。', 'reach'],
  ])('%s → %s', (sentence, qualifier) => {
    expect(one(sentence).qualifier).toBe(qualifier);
  });

  it('最高可按 is at_most', () => {
    const t = targetWith(targetsOf('对首次认定的企业最高可按20万元给予奖励。'), '20万元');
    expect(t).toMatchObject({ qualifier: 'at_most', value: 20, unit: '万元' });
  });

  it.each([
    ['新增两化融合贯标企业1－2家。', 1, 2],
    ['实施重点研发项目3至5项。', 3, 5],
    ['组织1-2家企业参加岳麓山种业创新中心建设。', 1, 2],
  ])('range %s', (sentence, lo, hi) => {
    expect(one(sentence)).toMatchObject({ qualifier: 'range', value: lo, value_max: hi });
  });
});

describe('several targets in one clause', () => {
  it('A和B分别达到 X 和 Y: two targets, paired in order', () => {
    const ts = targetsOf('高新技术企业数量和技术合同成交额分别达到120家和30亿元。');
    expect(ts).toHaveLength(2);
    expect(ts[0]).toMatchObject({
      metric: 'hightech_firms',
      value: 120,
      unit: '家',
      kind: 'level',
    });
    expect(ts[1]).toMatchObject({
      metric: 'tech_contract_value',
      value: 30,
      unit: '亿元',
      kind: 'level',
    });
  });

  it('A、B各1家: two targets with the same value', () => {
    const ts = targetsOf('争创国家级专精特新小巨人企业、单项产品冠军企业各1家。');
    expect(ts).toHaveLength(2);
    expect(ts.map((t) => t.metric)).toEqual(['little_giant', 'single_champion']);
    expect(ts.every((t) => t.value === 1 && t.unit === '家')).toBe(true);
  });

  it('an enumeration gives one target per item with its own label', () => {
    const ts = targetsOf('新增省级专精特新中小企业5家以上、国家高新技术企业10家以上。');
    expect(ts.map((t) => [t.metric, t.value])).toEqual([
      ['specialized_sme', 5],
      ['hightech_firms', 10],
    ]);
  });
});

describe('deadline', () => {
  it('到2027年 applies to the numbers after it in the same sentence, not before', () => {
    const ts = targetsOf('新增高新技术企业10家，到2027年，科技型中小企业达到300家。');
    expect(targetWith(ts, '10家').deadline).toBeNull();
    expect(targetWith(ts, '300家').deadline).toBe(2027);
  });

  it('力争2024年 before the number is its deadline', () => {
    expect(one('力争2024年新增高新技术企业10家。').deadline).toBe(2024);
  });

  it('a year in the previous sentence does not carry over', () => {
    const ts = targetsOf('2023年全县完成了各项任务。新增高新技术企业10家。');
    expect(targetWith(ts, '10家').deadline).toBeNull();
  });

  it('no year, no deadline', () => {
    expect(one('新增高新技术企业10家。').deadline).toBeNull();
  });
});

describe('lead', () => {
  it('from 牵头: only the lead units', () => {
    expect(
      one('新增高新技术企业10家（县科工信局牵头，县财政局、县税务局按职责分工负责）。').lead,
    ).toEqual(['县科工信局']);
  });

  it('several lead units before 牵头', () => {
    expect(
      one('新增高新技术企业10家。（市政府金融办、市市场监督管理局牵头，各相关部门按职责分工负责）')
        .lead,
    ).toEqual(['市政府金融办', '市市场监督管理局']);
  });

  it('from a plain unit list closing the sentence: every unit', () => {
    expect(one('新增高新技术企业10家。（县科工信局、县财政局）').lead).toEqual([
      '县科工信局',
      '县财政局',
    ]);
  });

  it('from 按职责分工负责 without 牵头: the listed units, without 等', () => {
    expect(
      one('新增有效发明专利20件以上。（县科工信局、县教育局、县市场监管局等按职责分工负责）').lead,
    ).toEqual(['县科工信局', '县教育局', '县市场监管局']);
  });

  it('none when no parenthesis names units', () => {
    expect(one('新增高新技术企业10家。').lead).toEqual([]);
  });

  it('a name in parentheses mid-sentence is no lead', () => {
    expect(one('组织1-2家企业参加岳麓山种业创新中心(岳阳分中心)建设。').lead).toEqual([]);
  });
});

describe('what is not a target, or not this metric', () => {
  it('园区企业研发费用 is not rd_spending', () => {
    const t = one('园区企业研发费用增长20%。');
    expect(t.metric).not.toBe('rd_spending');
    expect(t.kind).toBe('growth');
  });

  it('numbers inside 《》 or “” are not targets', () => {
    expect(targetsOf('落实《关于支持30家企业发展的若干措施》，推广“10项技术”经验。')).toEqual([]);
  });

  it('years, dates and document numbers are not targets', () => {
    expect(targetsOf('2024年3月，县政府印发湘政办发〔2023〕2号文件。')).toEqual([]);
  });

  it('ordinals (第3批, 前五家, 前10位) are not targets', () => {
    expect(targetsOf('获评第3批省级创新型县，综合排名进入全省前五家、全市前10位。')).toEqual([]);
  });
});
