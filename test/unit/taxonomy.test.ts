/**
 * The taxonomy is data: a curator's new wording in YAML maps without any code
 * change, the wording must end the label, units disambiguate, and a broken
 * taxonomy stops with the line of the problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaxonomy, matchMetric } from '../../src/pipeline/taxonomy.ts';
import {
  DEFAULT_TAXONOMY_FILE,
  getTaxonomy,
  processPlanText,
  PlanInputError,
} from '../../src/pipeline/index.ts';
import { FRONT } from './plan-helper.ts';
import { analyzeLabel } from '../../src/pipeline/label.ts';
import { chooseMetric } from '../../src/pipeline/metric.ts';

const SHIPPED = readFileSync(DEFAULT_TAXONOMY_FILE, 'utf8');
const SENTENCE = '一、工作目标\n新增瞪羚企业8家。\n';

const MINIMAL = `gazelle_firms:
  zh: 瞪羚企业
  en: Gazelle firms
  definition_zh: 高成长的瞪羚企业数量。
  definition_en: Number of high-growth gazelle firms.
  wordings: [瞪羚企业]
  kinds: [increase, level]
other:
  zh: 其他
  en: Other
  definition_zh: 其他指标。
  definition_en: Other indicators.
  kinds: [level, increase, growth, share, density]
`;

describe('a curator adds a wording in YAML', () => {
  it('with the shipped taxonomy the wording is "other"', () => {
    const t = processPlanText(`${FRONT}${SENTENCE}`, 'x').extraction.targets;
    expect(t).toHaveLength(1);
    expect(t[0]!.metric).toBe('other');
  });

  it('a new metric in a YAML string maps the wording, no code change', () => {
    const taxonomy = parseTaxonomy(MINIMAL, 'metrics.yaml');
    const t = processPlanText(`${FRONT}${SENTENCE}`, 'x', { taxonomy }).extraction.targets;
    expect(t[0]).toMatchObject({ metric: 'gazelle_firms', kind: 'increase', value: 8, unit: '家' });
  });

  it('a synonym added to an existing metric of the shipped file maps the new wording', () => {
    const sentence = '一、工作目标\n新增科技骨干企业5家。\n';
    const before = processPlanText(`${FRONT}${sentence}`, 'x').extraction.targets[0]!;
    expect(before.metric).toBe('other');
    const withSynonym = SHIPPED.replace(
      /(\nhightech_firms:[\s\S]*?\n {2}wordings: \[)/,
      '$1科技骨干企业, ',
    );
    expect(withSynonym).not.toBe(SHIPPED);
    const taxonomy = parseTaxonomy(withSynonym, 'metrics.yaml');
    const after = processPlanText(`${FRONT}${sentence}`, 'x', { taxonomy }).extraction.targets[0]!;
    expect(after).toMatchObject({ metric: 'hightech_firms', kind: 'increase', value: 5 });
    expect(taxonomy.byKey.get('hightech_firms')!.wordings).toContain('科技骨干企业');
  });
});

describe('matching rules', () => {
  const tax = getTaxonomy();

  it('the wording must end the label: 园区企业研发费用 is not rd_spending, 研发投入 is', () => {
    expect(matchMetric(tax, '园区企业研发费用', '%')?.key ?? 'other').not.toBe('rd_spending');
    expect(matchMetric(tax, '全社会研发经费投入', '%')?.key).toBe('rd_spending');
  });

  it('发明专利优势企业 is not an invention patent count', () => {
    expect(matchMetric(tax, '发明专利优势企业', '家')?.key).not.toBe('invention_patents');
  });

  it('units disambiguate 技术合同: 亿元 is the value, 项 the count', () => {
    expect(matchMetric(tax, '技术合同登记', '项')?.key).toBe('tech_contract_count');
    expect(matchMetric(tax, '技术合同成交额', '亿元')?.key).toBe('tech_contract_value');
  });

  it('quote marks do not change the indicator: “专精特新”中小企业', () => {
    expect(matchMetric(tax, '省级“专精特新”中小企业', '家')?.key).toBe('specialized_sme');
  });

  it('the longest wording wins: 高新技术产业增加值 over 高新技术', () => {
    expect(matchMetric(tax, '高新技术产业增加值', '亿元')?.key).toBe('hightech_value_added');
  });
});

describe('a broken taxonomy errors with the line', () => {
  it('invalid YAML names the line of the error', () => {
    const broken = MINIMAL.replace('  wordings: [瞪羚企业]', '  wordings: [瞪羚企业\n  bad: : x');
    let err: unknown;
    try {
      parseTaxonomy(broken, 'metrics.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanInputError);
    expect((err as PlanInputError).file).toBe('metrics.yaml');
    expect([6, 7]).toContain((err as PlanInputError).line);
  });

  it('an entry missing kinds names the line of its key', () => {
    const lines = MINIMAL.split('\n');
    const noKinds = lines.filter((l) => l !== '  kinds: [increase, level]').join('\n');
    const text = `# curator notes\n\n${noKinds}`;
    expect(() => parseTaxonomy(text, 'metrics.yaml')).toThrow(
      /^metrics\.yaml:3: metric gazelle_firms: kinds/,
    );
  });

  it('an unknown kind is refused with the line of its metric', () => {
    const text = MINIMAL.replace('kinds: [increase, level]', 'kinds: [increase, stock]');
    expect(() => parseTaxonomy(text, 'metrics.yaml')).toThrow(
      /^metrics\.yaml:1: metric gazelle_firms/,
    );
  });

  it('a taxonomy without "other" is refused', () => {
    const text = MINIMAL.slice(0, MINIMAL.indexOf('other:'));
    expect(() => parseTaxonomy(text, 'metrics.yaml')).toThrow(/other/);
  });
});

describe('INDICATORS.md wordings land on their keys (label analysis, then the taxonomy)', () => {
  const tax = getTaxonomy();
  const keyOf = (wording: string, unit: string) =>
    chooseMetric({ taxonomy: tax, analysis: analyzeLabel(wording), unit, segment: wording }).key;

  it.each([
    // §2.1: the wordings the matcher missed when that note was written
    ['全社会研究与试验发展(R&D)经费支出', '亿元', 'rd_spending'],
    ['全社会研究与试验发展（R&D）经费支出', '亿元', 'rd_spending'],
    ['全社会研究与试验发展(R&D)经费支出占地区生产总值(GDP)比重', '%', 'rd_spending'],
    ['研发经费', '亿元', 'rd_spending'],
    ['R&D经费', '亿元', 'rd_spending'],
    ['全社会研究与开发经费支出占GDP比重', '%', 'rd_spending'],
    ['R&D占GDP比重', '%', 'rd_spending'],
    ['全社会R&D占比', '%', 'rd_spending'],
    ['规上工业企业R&D经费支出占主营业务收入的比重', '%', 'enterprise_rd'],
    ['企业研发投入', '亿元', 'enterprise_rd'],
    ['科技小巨人企业', '家', 'other'],
    ['省科技型中小企业', '家', 'other'],
    ['科技型中小企业评价入库数量', '家', 'tech_sme'],
    ['每万人口有效发明专利量', '件', 'invention_patents'],
    ['发明专利申请量', '件', 'invention_patents'],
    ['发明专利授权', '件', 'invention_patents'],
    ['PCT国际专利申请量', '件', 'patents'],
    ['高新技术产业产值', '亿元', 'hightech_output'],
    ['高新技术产业产值占规模以上工业产值比重', '%', 'hightech_output'],
    ['高新产值', '亿元', 'hightech_output'],
    ['高新技术产业增加值占规上工业增加值比重', '%', 'hightech_value_added'],
    ['高技术制造业增加值占规模以上工业增加值的比重', '%', 'other'],
    ['技术交易额', '亿元', 'tech_contract_value'],
    ['登记认证技术合同金额', '亿元', 'tech_contract_value'],
    ['研发机构设置率', '%', 'rd_active_firms'],
    ['规模以上工业企业中有研发机构的企业报统数占比', '%', 'rd_active_firms'],
    ['地方财政科技支出占地方财政支出比值', '%', 'fiscal_st_spending'],
    ['本级财政科学技术支出占当年本级财政一般公共预算支出比重', '%', 'fiscal_st_spending'],
    ['企业研究院', '家', 'innovation_platforms'],
    ['每万名就业人员中研发人员数', '人', 'other'],
    ['科技进步贡献率', '%', 'other'],
    ['公民具备科学素质的比例', '%', 'other'],
    // handled then, still handled
    ['研发投入强度', '%', 'rd_spending'],
    ['研发经费投入总量', '亿元', 'rd_spending'],
    ['有效期内高新技术企业', '家', 'hightech_firms'],
    ['入库科技型中小企业', '家', 'tech_sme'],
    ['技术合同认定登记成交额', '亿元', 'tech_contract_value'],
    ['技术市场交易额', '亿元', 'tech_contract_value'],
    ['规上工业企业研发活动覆盖率', '%', 'rd_active_firms'],
    ['有研发机构的规上工业企业占比', '%', 'rd_active_firms'],
    // §3 variants
    ['规模以上工业企业研究与试验发展(R&D)经费支出占营业收入的比重', '%', 'enterprise_rd'],
    ['园区企业研发费用', '亿元', 'enterprise_rd'],
    ['研究与试验发展(R&D)经费投入强度(R&D经费与GDP之比)', '%', 'rd_spending'],
    ['全社会研发投入(R&D)', '亿元', 'rd_spending'],
    ['技术合同成交总金额', '亿元', 'tech_contract_value'],
    ['数字经济核心产业增加值占GDP比重', '%', 'digital_economy'],
    ['专利授权量', '件', 'patents'],
    ['发明专利有效量', '件', 'invention_patents'],
    ['县财政科技支出占本级一般公共预算支出比重', '%', 'fiscal_st_spending'],
    ['省级重点企业研究院', '家', 'innovation_platforms'],
    ['国家企业技术中心', '家', 'innovation_platforms'],
  ])('%s (%s) → %s', (wording, unit, key) => {
    expect(keyOf(wording, unit)).toBe(key);
  });
});
