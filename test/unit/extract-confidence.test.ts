/**
 * Confidence (confidence.ts): high only where metric and kind were decided by an
 * unambiguous rule. Registry traps that end in a canonical head are `other` with
 * high confidence; guesses — the noun after the number, a subject carried from
 * another clause, a defaulted kind, a modifier the rule did not read — are low.
 * Wordings from INDICATORS.md's traps and sentences in other provinces' style.
 */
import { describe, expect, it } from 'vitest';
import { oneTarget, targetsOf, targetWith } from './plan-helper.ts';

const one = oneTarget;

describe('registry traps: the longest wording wins and the target is other, high', () => {
  it.each([
    ['新增科技小巨人企业5家。', '河北/福建 科技小巨人, not 专精特新“小巨人”'],
    ['省科技型中小企业达到260家。', '浙江’s own registry, not the national 科技型中小企业'],
    ['科技型企业超过900家。', '重庆 科技型企业, not 科技型中小企业'],
    ['高新技术企业培育库入库企业达到80家。', 'a reserve pool, not certified firms'],
    ['有效期内省高新技术企业培育企业达到40家。', 'firms being coached, not certified'],
    ['新增市级专精特新中小企业10家。', '专精特新 counts province level and above'],
    ['高技术制造业增加值占规上工业增加值比重达到20%。', '高技术 is the NBS class, not 高新技术'],
    ['高新技术产业投资增长25%。', 'investment, not value added'],
  ])('%s (%s)', (sentence) => {
    expect(one(sentence)).toMatchObject({ metric: 'other', confidence: 'high' });
  });
});

describe('canonical readings are high', () => {
  it.each([
    ['全社会研究与试验发展(R&D)经费支出占地区生产总值比重达到2.6%。', 'rd_spending', 'share'],
    ['规上工业企业研发费用占营业收入比重达到3%。', 'enterprise_rd', 'share'],
    ['每万人口有效发明专利拥有量达到12件。', 'invention_patents', 'density'],
    ['每万人高价值发明专利拥有量达到6件。', 'high_value_patents_density', 'density'],
    ['专利授权量突破1500件。', 'patents', 'level'],
    ['高新技术产业产值占规模以上工业总产值比重达到45%。', 'hightech_output', 'share'],
    ['技术市场交易额达到5亿元。', 'tech_contract_value', 'level'],
    ['登记技术合同300项。', 'tech_contract_count', 'level'],
    ['有研发机构的规上工业企业占比达到40%。', 'rd_active_firms', 'share'],
    ['新增上市公司2家。', 'listed_firms', 'increase'],
    ['新认定省级企业技术中心3家。', 'innovation_platforms', 'increase'],
  ])('%s → %s/%s', (sentence, metric, kind) => {
    expect(one(sentence)).toMatchObject({ metric, kind, confidence: 'high' });
  });
});

describe('guesses are low', () => {
  it('the noun after the number names the indicator', () => {
    expect(one('培育 3 家知识产权优势企业。')).toMatchObject({ confidence: 'low' });
  });

  it('a label carried from the clause before', () => {
    const ts = targetsOf('高新技术产业增加值达到60亿元，占GDP比重达到25%。');
    expect(targetWith(ts, '25%')).toMatchObject({
      metric: 'hightech_value_added',
      kind: 'share',
      confidence: 'low',
    });
  });

  it('a per-亿元 ratio of patents is no per-capita metric: other, low', () => {
    expect(one('每亿元研发投入发明专利产出达到15件。')).toMatchObject({
      metric: 'other',
      kind: 'density',
      unit: '件/亿元',
      confidence: 'low',
    });
  });

  it('a count of a per-capita metric is not that metric', () => {
    expect(one('高价值发明专利拥有量达到300件。')).toMatchObject({
      metric: 'other',
      confidence: 'low',
    });
  });

  it('a label that resembles a metric but matches none', () => {
    expect(one('高新技术企业营业收入增长20%。')).toMatchObject({
      metric: 'other',
      confidence: 'low',
    });
  });

  it('a university’s R&D is not the county’s', () => {
    expect(one('高校研发经费支出达到2亿元。')).toMatchObject({ confidence: 'low' });
  });

  it('a wording marked ambiguous across provinces', () => {
    expect(one('认定省级科技型中小企业350家。')).toMatchObject({
      metric: 'tech_sme',
      confidence: 'low',
    });
  });
});

describe('applications are not certified firms', () => {
  it('申报 N 家 is other, by an explicit rule (high); 申报成功 counts', () => {
    expect(one('组织20家企业申报高新技术企业。')).toMatchObject({
      metric: 'other',
      confidence: 'high',
    });
    expect(one('推荐申报国家高新技术企业30家。')).toMatchObject({ metric: 'other' });
    expect(one('高新技术企业新增申报成功数达到8家。')).toMatchObject({
      metric: 'hightech_firms',
      kind: 'increase',
    });
  });
});

describe('a growth rate keeps its metric whatever units the metric is counted in', () => {
  it('入库数…同比增长20% is tech_sme growth, low: tech_sme is compared as counts', () => {
    const ts = targetsOf('科技型中小企业评价入库数突破200家，同比增长20%。');
    expect(targetWith(ts, '20%')).toMatchObject({
      metric: 'tech_sme',
      kind: 'growth',
      confidence: 'low',
    });
  });

  it('高新技术企业增长率 is hightech_firms growth, low', () => {
    expect(one('高新技术企业增长率达到15%。')).toMatchObject({
      metric: 'hightech_firms',
      kind: 'growth',
      confidence: 'low',
    });
  });
});

describe('short forms of canonical wordings', () => {
  it.each([
    ['每万人口高价值专利拥有量达到6件。', 'high_value_patents_density', 'density'],
    ['规模以上工业企业研发经费内部支出达到5亿元。', 'enterprise_rd', 'level'],
  ])('%s → %s/%s', (sentence, metric, kind) => {
    expect(one(sentence)).toMatchObject({ metric, kind, confidence: 'high' });
  });
});
