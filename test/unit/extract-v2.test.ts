/**
 * Contract v2 (FORMAT.md): measures that look alike get their own keys, so a
 * ranking never sets them side by side, and a figure for a subset or sub-area
 * carries `scope`. Sentences in the style of county plans, not from one plan.
 */
import { describe, expect, it } from 'vitest';
import { oneTarget, targetsOf } from './plan-helper.ts';
import { scopeOfLabel, sectorOfSentence } from '../../src/pipeline/scope.ts';

const one = oneTarget;

describe('v2 metric keys', () => {
  it('专利 of all types is patents, 发明专利 stays invention_patents', () => {
    expect(one('全年新增专利120件。')).toMatchObject({
      metric: 'patents',
      kind: 'increase',
      value: 120,
    });
    expect(one('专利授权量达到800件。')).toMatchObject({ metric: 'patents', kind: 'level' });
    expect(one('新增发明专利30件。')).toMatchObject({
      metric: 'invention_patents',
      kind: 'increase',
    });
  });

  it("firms' R&D is enterprise_rd, the county's is rd_spending", () => {
    expect(one('规上工业企业研发费用达到8亿元。')).toMatchObject({
      metric: 'enterprise_rd',
      value: 8,
      unit: '亿元',
    });
    expect(one('全社会研发经费投入增长12%。')).toMatchObject({
      metric: 'rd_spending',
      kind: 'growth',
    });
  });

  it('产值 and 营业收入 are hightech_output, not value added', () => {
    expect(one('高新技术产业产值突破300亿元。')).toMatchObject({
      metric: 'hightech_output',
      kind: 'level',
      qualifier: 'at_least',
    });
    expect(one('高新技术产业增加值增长12%。')).toMatchObject({
      metric: 'hightech_value_added',
      kind: 'growth',
    });
  });

  it('数字经济 is digital_economy, not industrial value added', () => {
    expect(one('数字经济核心产业增加值增长15%。')).toMatchObject({
      metric: 'digital_economy',
      kind: 'growth',
    });
    expect(one('规模以上工业增加值增长8%。')).toMatchObject({
      metric: 'industrial_value_added',
      kind: 'growth',
    });
  });

  it('申报 N 家 counts applications, not certified firms; 申报成功 does count', () => {
    expect(one('组织8家企业申报高新技术企业。').metric).toBe('other');
    expect(one('新增申报成功高新技术企业12家。').metric).toBe('hightech_firms');
  });
});

describe('scope', () => {
  it('a size class narrows an all-firms metric, and is worded as written', () => {
    expect(one('规模以上高新技术企业数量达到60家。')).toMatchObject({
      metric: 'hightech_firms',
      scope: '规模以上',
    });
    expect(one('规上高新技术企业达到30家。')).toMatchObject({ scope: '规上' });
    expect(one('高新技术企业达到95家。').scope).toBeNull();
  });

  it('a size class is no scope where the metric is defined on scale firms', () => {
    expect(scopeOfLabel('规模以上工业增加值', 'industrial_value_added')).toBeNull();
    expect(scopeOfLabel('规上工业企业', 'scale_firms')).toBeNull();
  });

  it('a denominator is never a scope', () => {
    expect(
      scopeOfLabel('高新技术产业增加值占规上工业增加值比重', 'hightech_value_added'),
    ).toBeNull();
  });

  it('a sub-area names the scope and carries to later clauses of its sentence', () => {
    const ts = targetsOf(
      '经开区企业研发费用达到5亿元以上，新增高新技术企业8家，完成科技型中小企业入库60家。全县新增高新技术企业20家。',
    );
    expect(ts.map((t) => [t.value, t.scope])).toEqual([
      [5, '经开区'],
      [8, '经开区'],
      [60, '经开区'],
      [20, null],
    ]);
  });

  it('a sector that is the subject of its sentence is the scope; one inside the indicator is not', () => {
    expect(sectorOfSentence('新材料产业要加快集聚，力争新增规上企业10家', 22, '规上企业')).toBe(
      '新材料产业',
    );
    expect(sectorOfSentence('高新技术产业增加值达到50亿元', 12, '高新技术产业增加值')).toBeNull();
    const ts = targetsOf('全县新增规模工业企业30家，其中:食品加工产业要培育规上企业12家以上。');
    expect(ts.map((t) => [t.value, t.scope])).toEqual([
      [30, null],
      [12, '食品加工产业'],
    ]);
  });
});
