/**
 * Plan language beyond the bundled plans: class nouns after examples (等平台),
 * base years without a deadline, 递增, goals headings that carry a year, and
 * the plan's own programme counts. Sentences written for these tests in the
 * manner of 重庆, 四川, 河南 and 安徽 plans.
 */
import { describe, expect, it } from 'vitest';
import { oneTarget, readingOf, targetsOf } from './plan-helper.ts';
import { processPlanText } from '../../src/pipeline/index.ts';

const FRONT =
  '---\ncounty: 测试县\nprefecture: 测试市\nprovince: 四川省\nyear: 2023\ntitle: 测试\n---\n';
const docTargets = (body: string) =>
  processPlanText(`${FRONT}${body}\n`, 'language-2023').extraction.targets;

describe('examples, then the class they are counted under (X等平台)', () => {
  it('星创天地等平台认定1家以上: the class 平台 of 星创天地 is an innovation platform, added', () => {
    const t = oneTarget('星创天地等平台认定1家以上。');
    expect(readingOf(t)).toBe('innovation_platforms/increase 1家 at_least');
    expect(t.confidence).toBe('high');
  });

  it('several examples of one class: 众创空间、星创天地等平台', () => {
    expect(oneTarget('新增众创空间、星创天地等平台2家。')).toMatchObject({
      metric: 'innovation_platforms',
      kind: 'increase',
    });
  });

  it('an example that is the metric itself counts more than it: 高新技术企业等企业', () => {
    expect(oneTarget('新增高新技术企业等企业20家。').metric).not.toBe('hightech_firms');
  });

  it('examples of different metrics name no class: 高新技术企业、孵化器等主体', () => {
    expect(oneTarget('培育高新技术企业、孵化器等创新主体20家。').metric).toBe('other');
  });
});

describe('a base year is no deadline', () => {
  const sentence =
    '全区高新技术企业和科技型中小企业在2022年的基础上实现“双倍增”，分别超过570家和5600家。';

  it('with no deadline named, the figures are low: their year is unknown', () => {
    const ts = targetsOf(sentence);
    expect(ts.map((t) => `${t.metric} ${t.value} ${t.deadline} ${t.confidence}`)).toEqual([
      'hightech_firms 570 null low',
      'tech_sme 5600 null low',
    ]);
  });

  it('with 到2027年 before it, the deadline is 2027 and the figures high', () => {
    const ts = targetsOf(`到2027年，${sentence}`);
    expect(ts.map((t) => `${t.value} ${t.deadline} ${t.confidence}`)).toEqual([
      '570 2027 high',
      '5600 2027 high',
    ]);
  });

  it('较2020年 before a count is a base too', () => {
    expect(targetsOf('技术合同成交额较2020年翻一番，达到8亿元。')[0]).toMatchObject({
      value: 8,
      deadline: null,
      confidence: 'low',
    });
  });
});

describe('递增 is growth', () => {
  it('年均递增15%以上 of R&D spending', () => {
    expect(readingOf(oneTarget('全社会研发经费投入年均递增15%以上。'))).toBe(
      'rd_spending/growth 15% at_least',
    );
  });

  it('每年递增10% of technology contracts', () => {
    expect(oneTarget('技术合同成交额每年递增10%。')).toMatchObject({
      metric: 'tech_contract_value',
      kind: 'growth',
    });
  });
});

describe('nouns that begin like verbs', () => {
  it('新进规模工业企业 are scale firms added', () => {
    expect(oneTarget('新进规模工业企业20家。')).toMatchObject({
      metric: 'scale_firms',
      kind: 'increase',
    });
  });

  it('新增孵化器: 孵化 is no verb where it leaves one character', () => {
    expect(oneTarget('新增孵化器2家。')).toMatchObject({
      metric: 'innovation_platforms',
      kind: 'increase',
    });
  });
});

describe('a goals heading carries its year to the section', () => {
  it('主要目标（2025年）: its list is due in 2025; the tasks after it name no year', () => {
    const ts = docTargets(
      '一、总体要求\n二、主要目标（2025年）\n高新技术企业达到100家。\n技术合同成交额达到5亿元。\n' +
        '三、重点任务\n新增科技企业孵化器2家。',
    );
    expect(ts.map((t) => `${t.value}${t.unit} ${t.deadline}`)).toEqual([
      '100家 2025',
      '5亿元 2025',
      '2家 null',
    ]);
  });

  it('到2025年主要目标 governs its subsections', () => {
    const ts = docTargets(
      '二、到2025年主要目标\n（一）创新主体\n高新技术企业达到100家。\n（二）创新投入\n研发投入强度达到2.5%。',
    );
    expect(ts.map((t) => t.deadline)).toEqual([2025, 2025]);
  });

  it('a heading without goals (重点任务) carries no year', () => {
    const ts = docTargets('二、2025年重点工作\n高新技术企业达到100家。');
    expect(ts.map((t) => t.deadline)).toEqual([null]);
  });

  it('a lead-in year still governs the list after it', () => {
    const ts = docTargets(
      '二、发展目标\n力争到2025年，实现以下目标：\n1.高新技术企业达到100家。\n2.技术合同成交额达到5亿元。',
    );
    expect(ts.map((t) => t.deadline)).toEqual([2025, 2025]);
  });
});

describe('the plan’s own programmes are no indicators', () => {
  it('实施…项目N个 stays low', () => {
    expect(oneTarget('实施重大科技专项项目10个。')).toMatchObject({
      metric: 'other',
      confidence: 'low',
    });
    expect(oneTarget('组织实施“揭榜挂帅”项目5项。').confidence).toBe('low');
  });

  it('a project count the taxonomy names stays high (科技成果转化项目)', () => {
    expect(oneTarget('组织实施科技成果转化项目15个以上。')).toMatchObject({
      metric: 'tech_achievements',
      confidence: 'high',
    });
  });

  it('an indicator next to a programme keeps its confidence', () => {
    const ts = targetsOf('实施科技计划项目20项，新增高新技术企业10家。');
    expect(ts.map((t) => `${t.metric} ${t.confidence}`)).toEqual([
      'other low',
      'hightech_firms high',
    ]);
  });
});
