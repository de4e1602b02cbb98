/**
 * The number grammar (numbers.ts) on its own, and through the extractor for the
 * numbers that must never become targets. Expected values are read off the
 * written forms: １．５亿元 is 1.5 亿元, 一百零五 is 105, 1,200 is 1200.
 */
import { describe, expect, it } from 'vitest';
import { findNumbers, parseChineseNumeral, parseArabic } from '../../src/pipeline/numbers.ts';
import { targetsOf, targetWith } from './plan-helper.ts';

/** findNumbers runs on NFKC text, as the extractor feeds it. */
const nums = (s: string) => findNumbers(s.normalize('NFKC'));

describe('Chinese numerals', () => {
  it.each([
    ['二十', 20],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['一百零五', 105],
    ['两千', 2000],
    ['三百五十', 350],
    ['一万二千', 12000],
  ])('%s = %d', (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });

  it('rejects words that are not numerals', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('企业')).toBeNull();
    expect(parseChineseNumeral('二十家')).toBeNull();
  });
});

describe('Arabic numbers', () => {
  it('reads thousands separators and decimals', () => {
    expect(parseArabic('1,200')).toBe(1200);
    expect(parseArabic('18.1')).toBe(18.1);
    expect(parseArabic('1.2.3')).toBeNull();
  });
});

describe('findNumbers', () => {
  it('30%以上: value 30, unit %, 以上 kept as qualifier word', () => {
    const [n, ...rest] = nums('研发投入增长30%以上');
    expect(rest).toHaveLength(0);
    expect(n).toMatchObject({ value: 30, valueMax: null, unit: '%', after: '以上' });
  });

  it('full-width digits and point: １．５亿元 is 1.5 亿元', () => {
    const [n] = nums('技术合同成交额１．５亿元');
    expect(n).toMatchObject({ value: 1.5, unit: '亿元', valueMax: null });
  });

  it('full-width percent: ２０％ is 20 %', () => {
    expect(nums('增长２０％')[0]).toMatchObject({ value: 20, unit: '%' });
  });

  it.each([
    ['1－2家', 1, 2, '家'],
    ['3-5项', 3, 5, '项'],
    ['1至2个', 1, 2, '个'],
    ['3~5名', 3, 5, '名'],
    ['二至三家', 2, 3, '家'],
  ])('range %s → %d..%d %s', (s, lo, hi, unit) => {
    const found = nums(s);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: lo, valueMax: hi, unit });
  });

  it('a "range" whose upper end is not larger is not a range', () => {
    // 5-3家 reads as two numbers, never as value 5 .. 3
    for (const n of nums('5-3家')) expect(n.valueMax).toBeNull();
  });

  it.each([
    ['二十家', 20, '家', ''],
    ['两家', 2, '家', ''],
    ['十余家', 10, '家', '余'],
    ['一百零五项', 105, '项', ''],
  ])('Chinese numeral %s → %d %s', (s, v, unit, after) => {
    const found = nums(s);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: v, unit, after, chinese: true });
  });

  it('20余台（套）: 20, unit 台(套), 余', () => {
    const [n] = nums('推广农机具20余台（套）');
    expect(n).toMatchObject({ value: 20, unit: '台(套)', after: '余' });
  });

  it('1,200万元 is 1200 万元', () => {
    expect(nums('投入资金1,200万元')[0]).toMatchObject({ value: 1200, unit: '万元' });
  });

  it('longest unit wins: 亿元 over 元, 个百分点 over 个', () => {
    expect(nums('2亿元')[0]!.unit).toBe('亿元');
    expect(nums('提高0.5个百分点')[0]!.unit).toBe('个百分点');
  });

  it('a lone Chinese numeral without unit is a word, not a number (三高四新, 十大)', () => {
    expect(nums('“三高四新”战略')).toEqual([]);
    expect(nums('实施十大工程')).toEqual([]);
  });

  it('offsets point at the mention in the text', () => {
    const text = '新增高新技术企业10家以上';
    const [n] = nums(text);
    expect(text.slice(n!.start, n!.end)).toBe('10家以上');
    expect(text.slice(n!.start, n!.numberEnd)).toBe('10');
  });
});

describe('numbers read as targets, and numbers that are not targets', () => {
  it('30%以上 becomes an at_least target of 30 %', () => {
    const t = targetWith(targetsOf('全社会研发经费投入增长30%以上。'), '30%以上');
    expect(t).toMatchObject({ value: 30, unit: '%', qualifier: 'at_least', kind: 'growth' });
  });

  it('１．５亿元 keeps the full-width quote but reads 1.5', () => {
    const t = targetWith(targetsOf('技术合同成交额达到１．５亿元。'), '１．５亿元');
    expect(t).toMatchObject({ value: 1.5, unit: '亿元' });
  });

  it('1－2家 with a full-width dash is a range target', () => {
    const t = targetWith(targetsOf('新增两化融合贯标企业1－2家。'), '1－2家');
    expect(t).toMatchObject({ value: 1, value_max: 2, qualifier: 'range', unit: '家' });
  });

  it('1,200万元 target value is 1200', () => {
    const t = targetWith(
      targetsOf('力争全年新增科技型企业知识价值信用贷款1,200万元。'),
      '1,200万元',
    );
    expect(t.value).toBe(1200);
    expect(t.unit).toBe('万元');
  });

  it('Chinese numerals right after a target verb are targets: 新增两家 / 培育二十家', () => {
    const ts = targetsOf(
      '新增两家省级工程技术研究中心，培育二十家科技型中小企业，引进十余名高层次人才。',
    );
    expect(targetWith(ts, '两家')).toMatchObject({ value: 2, unit: '家' });
    expect(targetWith(ts, '二十家')).toMatchObject({ value: 20, unit: '家' });
    expect(targetWith(ts, '十余名')).toMatchObject({
      value: 10,
      unit: '名',
      qualifier: 'at_least',
    });
  });

  it('一百零五项 after 完成 is a target of 105', () => {
    const t = targetWith(targetsOf('完成一百零五项科技成果登记。'), '一百零五项');
    expect(t.value).toBe(105);
  });

  it('Chinese numeral after the indicator (新增高新技术企业二十家) is a target too', () => {
    const ts = targetsOf('新增高新技术企业二十家。');
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({
      metric: 'hightech_firms',
      value: 20,
      unit: '家',
      kind: 'increase',
    });
  });

  it('20余台（套） is an at_least target of 20 台(套)', () => {
    const t = targetWith(targetsOf('推广智能农机装备20余台（套）。'), '20余台');
    expect(t).toMatchObject({ value: 20, unit: '台(套)', qualifier: 'at_least' });
  });

  it('一批 / 一家 are articles, not targets', () => {
    expect(targetsOf('培育一批掌握独门绝技的企业，打造一家示范园区。')).toEqual([]);
  });

  it('4+4 (a programme name) is not a target', () => {
    expect(targetsOf('主动对接省“4+4 科创工程”，对接4+4科创工程建设。')).toEqual([]);
  });

  it('〔2023〕2号 (a document number) is not a target', () => {
    expect(targetsOf('根据湘政办发〔2023〕2号文件精神，制定本方案。')).toEqual([]);
  });
});

describe('spoken amounts, person-years, signs and line breaks', () => {
  it('2个亿 is 2 亿 (个 is a classifier there), 3个多亿 is more than 3 亿', () => {
    const [n] = findNumbers('技术交易额达2个亿');
    expect(n).toMatchObject({ value: 2, unit: '亿', after: '' });
    expect(findNumbers('成交额3个多亿')[0]).toMatchObject({ value: 3, unit: '亿', after: '多' });
  });

  it('人年 is one unit, not 人 followed by a year', () => {
    expect(findNumbers('研发人员达到209人年以上')[0]).toMatchObject({
      value: 209,
      unit: '人年',
      after: '以上',
    });
  });

  it('a unit never comes from the next line (a form’s next cell)', () => {
    const [n] = findNumbers('2021.1-2021.12\n项目资金');
    expect(n!.unit).toBe('');
    expect(findNumbers('资金总额\n936\n万元')[0]!.unit).toBe('');
  });

  it('≥6家 in a form is an at_least target of 6 家', () => {
    const t = targetsOf('高新技术企业新增申报成功数 ≥6家。')[0]!;
    expect(t).toMatchObject({
      value: 6,
      unit: '家',
      qualifier: 'at_least',
      metric: 'hightech_firms',
    });
  });

  it('至少达到 is at_least; dates and index numbers are never targets', () => {
    expect(targetsOf('高新技术企业数量至少达到34家。')[0]).toMatchObject({ qualifier: 'at_least' });
    expect(targetsOf('发文日期: 2023-07-12，索引号: 113416020031652149。')).toEqual([]);
  });
});
