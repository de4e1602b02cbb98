/**
 * Facts are not targets (tense.ts): news items, work reports and a plan's
 * review of its base say what was done before they say what will be done.
 * Sentences written for these tests in the manner of 河南 and 河北 news
 * items, 浙江 and 江西 work reports, 山东 and 重庆 plans with baselines.
 */
import { describe, expect, it } from 'vitest';
import { runPlan, targetsOf } from './plan-helper.ts';
import { headingLooksBack, presentYear } from '../../src/pipeline/tense.ts';
import { processPlanText } from '../../src/pipeline/index.ts';

const values = (body: string) => targetsOf(body).map((t) => `${t.value}${t.unit}`);

/** A document without the helper's 工作目标 heading: news and reports open with their own text. */
const FRONT =
  '---\ncounty: 测试区\nprefecture: 测试市\nprovince: 河南省\nyear: 2025\ntitle: 测试\n---\n';
const docValues = (body: string) =>
  processPlanText(`${FRONT}${body}\n`, 'tense-2025').extraction.targets.map(
    (t) => `${t.value}${t.unit}`,
  );

describe('a news item: what was done, then what will be done', () => {
  const body =
    '近年来，金河区坚持创新驱动，做到了创新主体持续壮大，拥有国家火炬特色产业基地6个，主要创新指标保持领先，' +
    '其中高新技术企业总量突破2000家，科技型中小企业超4500家。下一步，金河区将深入实施创新驱动发展战略，' +
    '力争到2025年底，高新技术企业总量达4000家，科技型中小企业达到6000家。';

  it('keeps only the figures after 下一步', () => {
    expect(docValues(body)).toEqual(['4000家', '6000家']);
  });

  it('the facts go to the review list, not lost', () => {
    const r = processPlanText(`${FRONT}${body}\n`, 'tense-2025');
    expect(r.review.map((x) => x.number)).toEqual(expect.arrayContaining(['6个', '2000家']));
  });

  it('截至目前 and 已 frame a report; 到今年年底 and 将 look forward again', () => {
    expect(
      docValues(
        '截至目前，已培育高新技术企业后备企业30家，支持20家企业设立研发机构，首批申报高新技术企业23家。' +
          '到今年年底，全市将新认定高新技术企业60家。',
      ),
    ).toEqual(['60家']);
  });

  it('a rank after the figures makes them results', () => {
    expect(docValues('新增国家高新技术企业120家、省科技型中小企业282家，均为全市第一。')).toEqual(
      [],
    );
  });

  it('a paragraph that opens with its results (成效明显) reports them', () => {
    expect(
      docValues('一是创新主体培育成效明显。新增高新技术企业15家，入库科技型中小企业60家。'),
    ).toEqual([]);
  });

  it('funds won (争取上级资金) in a report are a result, not a modal 争取', () => {
    expect(
      docValues('2024年，通过多方努力，帮助企业争取上级科技项目资金5600万元，创历史新高。'),
    ).toEqual([]);
  });
});

describe('a work report: its results section is no plan, its plan section is', () => {
  const body =
    '一、2023年工作完成情况\n（一）超额完成年度任务\n全年新增高新技术企业35家，技术合同成交额达到12亿元，年度任务完成率118%。\n' +
    '二、2024年工作计划\n全年新增高新技术企业40家，技术合同成交额达到15亿元。';

  it('reads only the plan section', () => {
    expect(docValues(body)).toEqual(['40家', '15亿元']);
  });

  it('headings: results, plans, or neither', () => {
    expect(headingLooksBack('一、2023年工作完成情况')).toBe(true);
    expect(headingLooksBack('（一）“十三五”期间科技工作取得显著成绩')).toBe(true);
    expect(headingLooksBack('一、发展基础与形势')).toBe(true);
    expect(headingLooksBack('二、2024年工作计划')).toBe(false);
    expect(headingLooksBack('二、主要目标')).toBe(false);
    expect(headingLooksBack('区科技局2023年工作总结和2024年工作计划')).toBeNull();
    expect(headingLooksBack('（一）超额完成年度任务')).toBeNull();
    expect(headingLooksBack('三、保障措施')).toBe(false);
    expect(headingLooksBack('（二）培育创新主体')).toBeNull();
  });
});

describe('a plan states its base next to its targets', () => {
  it('截至2022年底 is the base; 到2025年 the target', () => {
    expect(
      values('截至2022年9月底，全县高新技术企业达到280家。到2025年，全县高新技术企业达到400家。'),
    ).toEqual(['400家']);
  });

  it('a year before the plan period is past; a year inside it is a target year', () => {
    const body =
      '为推进高新技术企业倍增（2023—2027年），制定本方案。2022年全区高新技术企业达到280家。' +
      '2025年，全区高新技术企业达到420家；到2027年，达到560家以上。';
    const ts = runPlan(body).extraction.targets;
    expect(ts.map((t) => `${t.value}${t.unit} ${t.deadline}`)).toEqual([
      '420家 2025',
      '560家 2027',
    ]);
  });

  it('the document’s present: the plan period, the work plan’s year, the year after a report', () => {
    expect(presentYear('行动方案（2023—2027年）')).toBe(2023);
    expect(presentYear('2024年工作要点')).toBe(2024);
    expect(presentYear('2022年工作总结和2023年工作思路')).toBe(2023);
    expect(presentYear('到2025年，高新技术企业达到100家')).toBeNull();
  });

  it('a from-to rise to a past year is history (提升至2020年的), in a plan that starts 2021', () => {
    expect(
      values(
        '规划期限为2021-2025年。研发投入强度从2015年的1.08%提升至2020年的2.12%。到2025年，研发投入强度达到2.8%。',
      ),
    ).toEqual(['2.8%']);
  });

  it('力争 after a fact looks forward again', () => {
    expect(values('目前全县已有高新技术企业后备企业30家，力争新增高新技术企业20家。')).toEqual([
      '20家',
    ]);
  });

  it('拥有 inside the indicator’s name is no state: 拥有授权发明专利的企业', () => {
    expect(values('拥有授权发明专利的规模工业企业达到40家以上。')).toEqual(['40家']);
  });

  it('a goal’s headline (不断壮大) is no report of results', () => {
    expect(values('——创新主体不断壮大。高新技术企业达到150家，科技型中小企业突破400家。')).toEqual([
      '150家',
      '400家',
    ]);
  });

  it('a review section of the plan holds no targets; the goals section after it does', () => {
    const body =
      '一、发展基础\n“十三五”期间，全县高新技术企业由12家增加到45家，技术合同成交额达到3亿元。\n' +
      '二、主要目标\n到2025年，高新技术企业达到80家，技术合同成交额达到6亿元。';
    expect(docValues(body)).toEqual(['80家', '6亿元']);
  });
});

describe('the perfective 了: a report’s result, but no fact in a section of goals', () => {
  it('新增了 in a news item is a result', () => {
    expect(docValues('全区新增了高新技术企业15家，培育了科技型中小企业80家。')).toEqual([]);
  });

  it('the same figures under a goals heading stay targets', () => {
    expect(values('新增了高新技术企业15家，培育了科技型中小企业80家。')).toEqual(['15家', '80家']);
  });
});

describe('true targets are never taken for facts', () => {
  it('到2025年…超4500家 in a news item is a target', () => {
    expect(docValues('到2025年，全市科技型中小企业超4500家，高新技术企业总量突破2000家。')).toEqual(
      ['4500家', '2000家'],
    );
  });

  it('力争 and 新增 with no look-back word are targets', () => {
    expect(docValues('力争全年新增高新技术企业30家，新增省级科技企业孵化器2家。')).toEqual([
      '30家',
      '2家',
    ]);
  });

  it('拥有量 names an indicator, not a state', () => {
    expect(values('每万人口高价值发明专利拥有量达到3件。')).toEqual(['3件/万人']);
  });
});

describe('a word that looks forward earlier in the sentence governs a look-back word', () => {
  it('力争上半年, 争取获批, 确保一季度: commitments', () => {
    expect(
      values(
        '力争上半年新增高新技术企业10家。争取获批省级重点实验室1家以上。确保一季度完成技术合同登记额2亿元。',
      ),
    ).toEqual(['10家', '1家', '2亿元']);
  });

  it('the same words with nothing looking forward report results', () => {
    expect(
      docValues(
        '上半年新增高新技术企业10家。获批省级重点实验室1家。一季度完成技术合同登记额2亿元。',
      ),
    ).toEqual([]);
  });

  it('到2025年，全区拥有…30个 is a target; 拥有 alone in a news item is a state', () => {
    expect(docValues('到2025年，全区拥有省级以上研发平台30个。')).toEqual(['30个']);
    expect(docValues('全区拥有省级以上研发平台30个。')).toEqual([]);
  });

  it('拥有 in a goals section is the goal (全区拥有…平台30个)', () => {
    expect(values('全区拥有省级以上研发平台30个。')).toEqual(['30个']);
  });

  it('每万人拥有 names a density, no state', () => {
    expect(docValues('每万人拥有发明专利达到5件。')).toEqual(['5件/万人']);
  });

  it('完成年度目标任务 is no plan word: 今年以来 still governs', () => {
    expect(docValues('今年以来，全县完成年度目标任务的80%，新增高新技术企业15家。')).toEqual([]);
  });
});
