/**
 * Deadlines from the governing year phrase (deadline.ts), on sentences written
 * in the style of 河北, 浙江, 江苏 and 四川 plans: 到YYYY年 governs the paragraph
 * after it until another year is named, a year label governs its sentence, a
 * base year or a date never does, and an annual plan's 全年 is no deadline.
 */
import { describe, expect, it } from 'vitest';
import { runPlan, targetsOf, targetWith } from './plan-helper.ts';
import { yearPhrases } from '../../src/pipeline/deadline.ts';
import { nameZones } from '../../src/pipeline/clauses.ts';

describe('到YYYY年 governs the rest of its paragraph', () => {
  const ts = targetsOf(
    '到2026年，全区高新技术企业达到120家。科技型中小企业突破500家，技术合同成交额达到15亿元。到2028年，高新技术企业达到160家。',
  );

  it('the sentences after it take its year', () => {
    expect(targetWith(ts, '突破500家').deadline).toBe(2026);
    expect(targetWith(ts, '15亿元').deadline).toBe(2026);
  });

  it('until another year is named', () => {
    expect(targetWith(ts, '160家').deadline).toBe(2028);
  });

  it('a paragraph of its own does not lend its year to the next paragraph', () => {
    const two = targetsOf('到2025年，全县高新技术企业达到50家。\n每年新增科技型中小企业20家。');
    expect(targetWith(two, '20家').deadline).toBeNull();
  });

  it('an introducing paragraph ending in ： lends its year to the list under it', () => {
    const list = targetsOf(
      '到2025年，力争实现以下目标：\n全社会研发经费投入强度达到2.5%以上。\n高新技术企业总数突破100家。',
    );
    expect(targetWith(list, '2.5%').deadline).toBe(2025);
    expect(targetWith(list, '100家').deadline).toBe(2025);
  });
});

describe('a year label governs its own sentence', () => {
  it('2024年新增… and 力争2024年…', () => {
    const ts = targetsOf('2024年新增省级科技企业孵化器2家。力争2025年有效发明专利达到800件。');
    expect(targetWith(ts, '孵化器2家').deadline).toBe(2024);
    expect(targetWith(ts, '800件').deadline).toBe(2025);
  });

  it('but not the next sentence', () => {
    const ts = targetsOf('力争2024年全社会研发投入增长12%。新增高新技术企业15家。');
    expect(targetWith(ts, '12%').deadline).toBe(2024);
    expect(targetWith(ts, '15家').deadline).toBeNull();
  });
});

describe('years that are never deadlines', () => {
  it('a base year: 在2022年的基础上, 较2020年, 比2021年', () => {
    const ts = targetsOf(
      '高新技术企业数量在2022年的基础上翻一番，达到200家。技术合同成交额较2020年增长50%。',
    );
    expect(targetWith(ts, '200家').deadline).toBeNull();
    expect(targetWith(ts, '50%').deadline).toBeNull();
  });

  it('a base year does not interrupt what 到YYYY年 governs', () => {
    const ts = targetsOf('到2027年，全县科技型企业在2022年的基础上实现倍增，超过900家。');
    expect(targetWith(ts, '900家').deadline).toBe(2027);
  });

  it('an annual plan says 全年, which is no deadline', () => {
    const ts = targetsOf('全年认定高新技术企业30家以上，入库科技型中小企业150家。');
    expect(ts.every((t) => t.deadline === null)).toBe(true);
  });

  it('a date, a plan period and an annual label are skipped', () => {
    const text = '2024年8月12日印发。实施方案(2023—2027年)。2021年度绩效目标。';
    expect(yearPhrases(text, nameZones(text))).toEqual([]);
  });

  it('每年 makes a recurring target: no deadline even under 到YYYY年', () => {
    const ts = targetsOf('到2025年，每年新增高新技术企业10家以上。');
    expect(targetWith(ts, '10家').deadline).toBeNull();
  });
});

describe('a completion date in a task row', () => {
  it('2023年12月底 at the end of a row is that row’s deadline', () => {
    const ts = targetsOf(
      [
        '序号 重点工作任务 牵头单位 配合单位 完成时限',
        '5 新培育国家高新技术企业20家以上。 区科技局 区财政局、区税务局 2024年12月底',
        '6 新增省级工程技术研究中心3个。 区科技局 区经信局 2024年6月底',
      ].join('\n'),
    );
    expect(targetWith(ts, '20家').deadline).toBe(2024);
    expect(targetWith(ts, '3个').deadline).toBe(2024);
    expect(targetWith(ts, '20家').lead).toEqual(['区科技局']);
  });
});

describe('short numbered goals, which the structure takes for headings', () => {
  const r = runPlan(
    '到2025年，主要目标如下：\n（1）全社会研发经费投入强度达到2.5%。\n（2）高新技术企业达到100家\n1. 新增科技型中小企业50家。',
  );
  const ts = r.extraction.targets;

  it('are read, under the year of the list they belong to', () => {
    expect(ts.map((t) => `${t.metric} ${t.value}${t.unit} ${t.deadline}`)).toEqual([
      'rd_spending 2.5% 2025',
      'hightech_firms 100家 2025',
      'tech_sme 50家 2025',
    ]);
  });

  it('and their figures are marked in the reader’s heading', () => {
    const headings = r.document.tree.children.filter((c) => c.type === 'heading');
    const marks = headings.flatMap((h) => h.children.filter((c) => c.type === 'targetMark'));
    expect(marks).toHaveLength(3);
  });
});
