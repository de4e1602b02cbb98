/**
 * Label analysis (label.ts): what stands around an indicator goes to its own
 * field, so the taxonomy sees the head noun. Wordings from INDICATORS.md and
 * sentences written for these tests in the style of other provinces' plans.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLabel, densityFrame, foldForMatch, shareFrame } from '../../src/pipeline/label.ts';

describe('what heads a label is stripped into its own field', () => {
  it.each([
    ['1、新增高新技术企业', '高新技术企业', ['新增'], []],
    ['(3)到2026年全区培育科技型中小企业', '科技型中小企业', ['培育'], ['到2026年']],
    ['二是2024年力争引育高层次人才团队', '高层次人才团队', ['引育'], ['2024年']],
    ['其中:每年新认定省级专精特新中小企业', '省级专精特新中小企业', ['新认定'], ['每年']],
    ['全县年均净增', '', ['净增'], ['年均']],
  ])('%s → %s', (region, label, verbs, time) => {
    const a = analyzeLabel(region);
    expect(a.label).toBe(label);
    expect(a.verbs).toEqual(verbs);
    expect(a.time).toEqual(time);
  });

  it('records the whole unit (全县, 全区) without making it part of the indicator', () => {
    const a = analyzeLabel('确保全县高新技术企业');
    expect(a.whole).toBe('全县');
    expect(a.label).toBe('高新技术企业');
  });

  it('stray spaces and 力争 between the indicator and its predicate do not stay in the label', () => {
    expect(analyzeLabel('规上工业企业 有研发活动数占比 ').label).toBe(
      '规上工业企业有研发活动数占比',
    );
    expect(analyzeLabel('高新技术产业产值占比力争').label).toBe('高新技术产业产值占比');
    expect(analyzeLabel('科技型中小企业数量至少').label).toBe('科技型中小企业数量');
  });
});

describe('measure tails are stripped one at a time and kept as hints', () => {
  it('新增申报成功数: the head is 高新技术企业, the tail says increase', () => {
    const a = analyzeLabel('高新技术企业新增申报成功数');
    expect(a.candidates).toContain('高新技术企业');
    expect(a.tails[0]).toEqual({ word: '新增申报成功数', signal: 'increase' });
  });

  it.each([
    ['科技型中小企业评价入库数量', '科技型中小企业', 'level'],
    ['发明专利申请量', '发明专利', 'count'],
    ['研发活动覆盖率', '研发活动', 'share'],
    ['高新技术企业数量', '高新技术企业', 'count'],
    ['全县高新技术产业投资年均增速', '高新技术产业投资', 'growth'],
    ['有效发明专利拥有量', '有效发明专利', 'stock'],
  ])('%s: head %s, signal %s', (region, head, signal) => {
    const a = analyzeLabel(region);
    expect(a.candidates).toContain(head);
    expect(a.tails.map((t) => t.signal)).toContain(signal);
  });

  it('the whole label is tried first, so a wording holding a tail still matches (研发投入强度)', () => {
    expect(analyzeLabel('研发投入强度').candidates[0]).toBe('研发投入强度');
  });
});

describe('R&D spellings and parentheses fold before matching', () => {
  it.each([
    ['全社会研究与试验发展(R&D)经费支出', '全社会研发经费支出'],
    ['全社会研究与试验发展经费投入(R&D)', '全社会研发经费投入'],
    ['全社会研究与开发经费支出', '全社会研发经费支出'],
    ['规模以上工业企业r&d经费支出', '规模以上工业企业研发经费支出'],
    ['R & D经费投入强度(R&D经费与GDP之比)', '研发经费投入强度'],
    ['省级(重点)企业研究院', '省级企业研究院'],
    ['省级科技企业孵化器(众创空间)', '省级科技企业孵化器'],
    ['“专精特新”中小企业', '专精特新中小企业'],
  ])('%s → %s', (raw, folded) => {
    expect(foldForMatch(raw)).toBe(folded);
  });
});

describe('share frames keep the denominator', () => {
  it.each([
    ['全社会研发经费投入占GDP比重', '全社会研发经费投入', 'GDP'],
    ['高新技术产业增加值占规上工业增加值的比重', '高新技术产业增加值', '规上工业增加值'],
    ['研发经费支出与地区生产总值之比', '研发经费支出', '地区生产总值'],
    ['规上工业总产值中战略性新兴产业占比', '战略性新兴产业', '规上工业总产值'],
    ['有研发机构的规上工业企业占比', '有研发机构的规上工业企业', ''],
    ['占地区生产总值比重', '', '地区生产总值'],
  ])('%s → subject %s, denominator %s', (label, subject, denominator) => {
    expect(shareFrame(label)).toEqual({ subject, denominator });
  });

  it('中 of 中小企业 or 中心 is not "among"', () => {
    expect(shareFrame('科技型中小企业占比')).toEqual({
      subject: '科技型中小企业',
      denominator: '',
    });
  });
});

describe('density frames give the base of the ratio', () => {
  it.each([
    ['每万人口高价值发明专利拥有量', '万人'],
    ['万人有效发明专利拥有量', '万人'],
    ['每万名就业人员中研发人员', '万人'],
    ['每亿元研发投入高价值专利产出', '亿元'],
    ['每万家企业法人中高新技术企业数', '万家'],
    ['千家工商注册企业中科技型中小企业数量', '千家'],
  ])('%s → per %s', (label, base) => {
    expect(densityFrame(label)).toEqual({ base });
  });

  it('万人计划 and 千人计划 are programmes, not densities', () => {
    expect(densityFrame('万人计划专家')).toBeNull();
    expect(densityFrame('千人计划人才')).toBeNull();
  });
});
