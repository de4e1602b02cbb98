/**
 * Forms that lost their layout (form.ts): performance-target forms and task
 * tables pasted as text. Rows are lines; cells are separated by |, by white
 * space, or stand one per line. Forms written for these tests in the shape of
 * 绩效目标申报表 and 重点工作任务分解表 that county bureaus publish.
 */
import { describe, expect, it } from 'vitest';
import { readingOf, targetsOf, targetWith } from './plan-helper.ts';
import { isFormParagraph, labelCells, markCells } from '../../src/pipeline/form.ts';

const reading = readingOf;

describe('a form is told from wrapped prose', () => {
  it('| cells, a header row, or short lines with value cells make a form', () => {
    expect(isFormParagraph(['新增高新技术企业数量 | 8家以上 |'])).toBe(true);
    expect(isFormParagraph(['一级指标 二级指标 三级指标 指标值', '产出指标 数量指标 x 5家'])).toBe(
      true,
    );
    expect(isFormParagraph(['产出指标', '数量指标', '科技型中小企业入库数', '120家'])).toBe(true);
  });

  it('a page-broken sentence is prose', () => {
    expect(
      isFormParagraph([
        '全面落实创新驱动发展战略，大力培育高新技术企业，推动全县科技型中小企',
        '业评价入库数量稳步增长。',
      ]),
    ).toBe(false);
  });

  it('white space between cells becomes a cell boundary; between a number and its unit it stays', () => {
    expect(markCells('产出指标 数量指标 新认定高新技术企业 ≥ 8 家')).toBe(
      '产出指标|数量指标|新认定高新技术企业|≥ 8 家',
    );
  });

  it('a value cell takes the nearest naming cells, category cells skipped', () => {
    const text = '产出指标|数量指标|技术合同成交额|全年技术合同登记数量|≥3亿元';
    const cells = labelCells(text, text.indexOf('≥'));
    expect(cells.map((c) => c.text)).toEqual(['全年技术合同登记数量', '技术合同成交额']);
  });
});

describe('a performance-target form, cells separated by white space', () => {
  const ts = targetsOf(
    [
      '绩效目标',
      '一级指标 二级指标 三级指标 指标内容 指标值',
      '产出指标 数量指标 高新技术企业净增数量 高新技术企业净增数 ≥8家',
      '科技型中小企业入库数量 科技型中小企业评价入库数 ≥120家',
      '技术合同成交额 全年技术合同登记数量 ≥3亿元',
      '质量指标 项目验收合格率 ≥95%',
      '满意度指标 服务对象满意度 ≥90%',
    ].join('\n'),
  );

  it.each([
    ['≥8家', 'hightech_firms/increase 8家 at_least'],
    ['≥120家', 'tech_sme/level 120家 at_least'],
    ['≥3亿元', 'tech_contract_value/level 3亿元 at_least'],
    ['≥95%', 'other/share 95% at_least'],
    ['≥90%', 'other/share 90% at_least'],
  ])('%s → %s', (quote, expected) => {
    expect(reading(targetWith(ts, quote))).toBe(expected);
  });

  it('rows are never deadlines or leads of each other, and each is high', () => {
    expect(ts.every((t) => t.deadline === null && t.lead.length === 0)).toBe(true);
    expect(ts.every((t) => t.confidence === 'high')).toBe(true);
  });
});

describe('a form pasted one cell per line', () => {
  const ts = targetsOf(
    [
      '绩效指标',
      '一级指标',
      '二级指标',
      '指标内容',
      '指标值',
      '产出指标',
      '数量指标',
      '新增科技型中小企业',
      '40',
      '质量指标',
      '科技项目验收通过率',
      '≥90%',
      '项目资金',
      '520',
    ].join('\n\n'),
  );

  it('a bare value takes its indicator’s unit, read low', () => {
    expect(targetWith(ts, '40')).toMatchObject({
      metric: 'tech_sme',
      kind: 'increase',
      value: 40,
      unit: '家',
      confidence: 'low',
    });
  });

  it('a value cell with its unit reads the cell before it; quotes never cross a line', () => {
    const rate = targetWith(ts, '≥90%');
    expect(rate).toMatchObject({ metric: 'other', kind: 'share', qualifier: 'at_least' });
    expect(rate.quotes).toEqual(['科技项目验收通过率', '≥90%']);
  });

  it('a bare amount of an unknown indicator is no target', () => {
    expect(ts.some((t) => t.value === 520)).toBe(false);
  });
});

describe('a restatement in a form row merges with the text', () => {
  it('the most specific qualifier wins, and 个/项 merge when the labels agree', () => {
    const ts = targetsOf(
      [
        '整体目标 | 1、培育高新技术企业12家;2、开展产学研合作项目15个。 |',
        '产出指标 | 数量指标 | 培育高新技术企业数量 | 12家以上 |',
        '产学研合作项目数量 | 全年开展产学研合作项目数量 | 15项以上 |',
      ].join('\n'),
    );
    expect(ts).toHaveLength(2);
    expect(targetWith(ts, '培育高新技术企业12家')).toMatchObject({ qualifier: 'at_least' });
    expect(targetWith(ts, '产学研合作项目15个')).toMatchObject({
      unit: '个',
      qualifier: 'at_least',
    });
  });
});
