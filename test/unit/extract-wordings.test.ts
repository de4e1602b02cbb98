/**
 * Wordings common in other counties' plans (written for these tests, in the
 * style of 三年行动方案 goal lists), beyond what the bundled plans use.
 */
import { describe, expect, it } from 'vitest';
import { readingOf, targetsOf, targetWith } from './plan-helper.ts';

const reading = readingOf;

describe('subject carried within a sentence', () => {
  const ts = targetsOf(
    '高新技术企业总数突破200家，年均净增20家。技术合同成交额突破5亿元，同比增长20%。',
  );

  it('年均净增20家 is an increase of the same indicator', () => {
    expect(reading(targetWith(ts, '净增20家'))).toBe('hightech_firms/increase 20家 reach');
  });

  it("同比增长20% after an amount is that amount's growth", () => {
    expect(reading(targetWith(ts, '增长20%'))).toBe('tech_contract_value/growth 20% reach');
  });

  it('the subject does not cross into the next sentence', () => {
    const other = targetsOf('高新技术企业总数突破200家。增长20%以上。');
    expect(targetWith(other, '增长20%').metric).toBe('other');
  });
});

describe('a bare level word narrows the previous indicator', () => {
  it('其中国家级1-2个 keeps metric and kind of 创新平台', () => {
    const ts = targetsOf('新建省级以上创新平台10个以上，其中国家级1-2个。');
    expect(reading(targetWith(ts, '10个以上'))).toBe('innovation_platforms/increase 10个 at_least');
    const national = targetWith(ts, '国家级1-2个');
    expect(reading(national)).toBe('innovation_platforms/increase 1-2个 range');
    expect(national.label).toBe('国家级创新平台');
  });
});

describe('amounts and areas are not increases because something is built', () => {
  it('新建…平方米 is a level, 新建…个 an increase, 新增…亿元 an increase', () => {
    const ts = targetsOf(
      '新建实验楼3000平方米，新建孵化器2个，新增科技型企业知识价值信用贷款1亿元。',
    );
    expect(targetWith(ts, '3000平方米').kind).toBe('level');
    expect(targetWith(ts, '孵化器2个').kind).toBe('increase');
    expect(reading(targetWith(ts, '1亿元'))).toBe('knowledge_value_loans/increase 1亿元 reach');
  });
});

describe('more indicator wordings', () => {
  const ts = targetsOf(
    '研发投入强度达到2.5%。科技型中小企业评价入库数达到300家。有研发机构的规上工业企业占比达到40%。' +
      '知识价值信用贷款累计发放5亿元。组织开展各类培训30场次。设立1亿元科技创新引导基金。',
  );

  it.each([
    ['研发投入强度达到2.5%', 'rd_spending/share 2.5% reach'],
    ['评价入库数达到300家', 'tech_sme/level 300家 reach'],
    ['占比达到40%', 'rd_active_firms/share 40% reach'],
    ['累计发放5亿元', 'knowledge_value_loans/level 5亿元 reach'],
    ['培训30场次', 'other/level 30场次 reach'],
    ['设立1亿元', 'other/level 1亿元 reach'],
  ])('%s → %s', (quote, expected) => {
    expect(reading(targetWith(ts, quote))).toBe(expected);
  });

  it('names the fund after the number, not the verb before it', () => {
    expect(targetWith(ts, '设立1亿元').label).toBe('科技创新引导基金');
  });
});

describe('an indicator table with unit, baseline and year columns', () => {
  const ts = targetsOf(
    [
      '主要指标表',
      '| 序号 | 指标名称 | 单位 | 2022年基数 | 2025年目标 | 责任单位 |',
      '| --- | --- | --- | --- | --- | --- |',
      '| 1 | 高新技术企业数量 | 家 | 120 | 200 | 县科技局 |',
      '| 2 | 全社会研发经费投入强度 | % | 2.1 | 2.5 | 县科技局、县统计局 |',
    ].join('\n'),
  );

  it('reads the target column with the unit column, not the baseline, and the year as deadline', () => {
    expect(ts.map((t) => `${reading(t)} ${t.deadline}`)).toEqual([
      'hightech_firms/level 200家 reach 2025',
      'rd_spending/share 2.5% reach 2025',
    ]);
  });

  it('takes the responsible column as lead, never the unit of measure', () => {
    expect(ts.map((t) => t.lead)).toEqual([['县科技局'], ['县科技局', '县统计局']]);
  });
});

describe('short labels complete the sentence subject; R&D spellings; the governing verb', () => {
  const ts = targetsOf(
    '高新技术产业增加值增长10%，占GDP比重提升至25%；登记技术合同150项，成交额8亿元；R&D投入强度提高0.2个百分点；建设省级科技成果转化中试基地1个。',
  );

  it.each([
    ['占GDP比重提升至25%', 'hightech_value_added/share 25% reach'],
    ['成交额8亿元', 'tech_contract_value/level 8亿元 reach'],
    ['登记技术合同150项', 'tech_contract_count/level 150项 reach'],
    ['提高0.2个百分点', 'rd_spending/increase 0.2个百分点 reach'],
    ['中试基地1个', 'innovation_platforms/increase 1个 reach'],
  ])('%s → %s', (quote, expected) => {
    expect(reading(targetWith(ts, quote))).toBe(expected);
  });
});
