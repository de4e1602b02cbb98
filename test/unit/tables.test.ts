/**
 * Tables inside plan text: the cell-per-line pipe table of linxiang-2024, the same
 * table as markdown rows, and the tab table of longhui-2023. Fixtures are excerpts
 * of those plans; expected rows are what the tables say when read by a person.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/pipeline/lines.ts';
import { findTables, type Table } from '../../src/pipeline/tables.ts';
import { processPlanText } from '../../src/pipeline/index.ts';
import { FRONT, targetWith } from './plan-helper.ts';

const tablesOf = (body: string): Table[] => findTables(body, splitLines(body));
const rowTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.text));

const LINXIANG = `科技创新主要指标责任分解一览表
指标名称 |
目标任务 |
责任单位 |
全社会研发投入 |
同比增长18.1% |
市科工局、市统计局 |
地方财政科技支出 |
2亿元 |
市财政局 |
新增规模工业企业 |
45家 |
临湘高新区10家 |
市科工局5家 |
||
市农业农村局5家 |
||
市浮标产业发展中心20家 |
||
羊楼司竹木家居产业发展中心5家 |
新增省级高新技术企业 |
30家 |
临湘高新区15家 |
市农业农村局15家 |
||
认定省级创新型中小企业 |
15家 |
市科工局 |
`;

const MARKDOWN = `科技创新主要指标责任分解一览表
| 指标名称 | 目标任务 | 责任单位 |
| --- | --- | --- |
| 全社会研发投入 | 同比增长18.1% | 市科工局、市统计局 |
| 地方财政科技支出 | 2亿元 | 市财政局 |
| 新增规模工业企业 | 45家 | 临湘高新区10家 |
| | | 市科工局5家 |
| | | 市农业农村局5家 |
| | | 市浮标产业发展中心20家 |
| | | 羊楼司竹木家居产业发展中心5家 |
| 新增省级高新技术企业 | 30家 | 临湘高新区15家 |
| | | 市农业农村局15家 |
| 认定省级创新型中小企业 | 15家 | 市科工局 |
`;

const EXPECTED_ROWS = [
  ['全社会研发投入', '同比增长18.1%', '市科工局、市统计局'],
  ['地方财政科技支出', '2亿元', '市财政局'],
  [
    '新增规模工业企业',
    '45家',
    '临湘高新区10家',
    '市科工局5家',
    '市农业农村局5家',
    '市浮标产业发展中心20家',
    '羊楼司竹木家居产业发展中心5家',
  ],
  ['新增省级高新技术企业', '30家', '临湘高新区15家', '市农业农村局15家'],
  ['认定省级创新型中小企业', '15家', '市科工局'],
];

const SCALE_ALLOCATIONS = [
  { unit: '临湘高新区', value: 10 },
  { unit: '市科工局', value: 5 },
  { unit: '市农业农村局', value: 5 },
  { unit: '市浮标产业发展中心', value: 20 },
  { unit: '羊楼司竹木家居产业发展中心', value: 5 },
];

describe('cell-per-line pipe table (linxiang)', () => {
  it('is one table with header roles indicator / target / responsible', () => {
    const tables = tablesOf(LINXIANG);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.style).toBe('pipe');
    expect(t.header.map((c) => c.text)).toEqual(['指标名称', '目标任务', '责任单位']);
    expect(t.roles).toEqual(['indicator', 'target', 'responsible']);
    expect(t.firstLine).toBe(1);
  });

  it('rebuilds the rows around the value cells; || continuation cells join their row', () => {
    expect(rowTexts(tablesOf(LINXIANG)[0]!)).toEqual(EXPECTED_ROWS);
  });

  it('yields one target per row with allocations summing to the target', () => {
    const r = processPlanText(`${FRONT}${LINXIANG}`, 'lx-2024');
    const ts = r.extraction.targets;
    expect(ts).toHaveLength(5);
    const scale = targetWith(ts, '45家');
    expect(scale).toMatchObject({ value: 45, unit: '家', kind: 'increase' });
    expect(scale.allocations).toEqual(SCALE_ALLOCATIONS);
    expect(scale.allocations.reduce((s, a) => s + a.value, 0)).toBe(45);
    expect(scale.lead).toEqual(SCALE_ALLOCATIONS.map((a) => a.unit));
    const ht = targetWith(ts, '30家');
    expect(ht).toMatchObject({ metric: 'hightech_firms', kind: 'increase', value: 30 });
    expect(ht.allocations).toEqual([
      { unit: '临湘高新区', value: 15 },
      { unit: '市农业农村局', value: 15 },
    ]);
    const rd = targetWith(ts, '同比增长18.1%');
    expect(rd).toMatchObject({ metric: 'rd_spending', kind: 'growth', value: 18.1, unit: '%' });
    expect(rd.lead).toEqual(['市科工局', '市统计局']);
    expect(rd.allocations).toEqual([]);
    // The quotes are the indicator cell and the target cell, as written.
    expect(rd.quotes).toEqual(['全社会研发投入', '同比增长18.1%']);
  });

  it('the caption line before the table becomes the table section', () => {
    const r = processPlanText(`${FRONT}${LINXIANG}`, 'lx-2024');
    expect(r.blocks[0]).toMatchObject({ kind: 'caption' });
    expect(r.extraction.targets.every((t) => t.section === '科技创新主要指标责任分解一览表')).toBe(
      true,
    );
  });

  it('each row has its own anchor tbl-1-rN', () => {
    const r = processPlanText(`${FRONT}${LINXIANG}`, 'lx-2024');
    expect(targetWith(r.extraction.targets, '45家').spans.map((s) => s.anchor)).toEqual([
      'tbl-1-r3',
      'tbl-1-r3',
    ]);
  });
});

describe('markdown pipe table with continuation rows', () => {
  it('parses to the same rows as the cell-per-line form', () => {
    const tables = tablesOf(MARKDOWN);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.roles).toEqual(['indicator', 'target', 'responsible']);
    expect(rowTexts(tables[0]!)).toEqual(EXPECTED_ROWS);
  });

  it('gives the same targets and allocations', () => {
    const a = processPlanText(`${FRONT}${LINXIANG}`, 'lx-2024').extraction.targets;
    const b = processPlanText(`${FRONT}${MARKDOWN}`, 'lx-2024').extraction.targets;
    const key = (t: (typeof a)[number]) => ({
      metric: t.metric,
      kind: t.kind,
      value: t.value,
      unit: t.unit,
      qualifier: t.qualifier,
      lead: t.lead,
      allocations: t.allocations,
    });
    expect(b.map(key)).toEqual(a.map(key));
  });
});

const LONGHUI = [
  '隆回县打好“科技创新攻坚仗”重点工作任务责任分表',
  '\t序号',
  '\t重点工作任务',
  '\t主要责任单位',
  '\t主要责任人',
  '\t牵头县级领导 ',
  '',
  '\t一、关键核心技术攻坚行动',
  '',
  '\t1',
  '\t全社会研发经费投入增长15%。',
  '\t县科工信局',
  '县加大全社会研发投入其它成员单位',
  '各乡镇街道',
  '隆回高新区',
  '按职责和属地管理原则分工负责',
  '\t戴  飞',
  '各成员单位主要负责人',
  '\t刘咏波',
  '',
  '\t2',
  '\t新增有效发明专利20件以上。',
  '\t县市监局',
  '\t陈林习',
  '\t蒋  吉',
  '',
  '\t二、创新成果转化攻坚行动',
  '',
  '\t3',
  '\t净增高新技术企业10家以上，新增省级专精特新“小巨人”2家以上。',
  '\t县科工信局',
  '各乡镇街道',
  '\t戴  飞',
  '\t刘咏波',
  '',
].join('\n');

describe('tab table with group rows and multi-line cells (longhui)', () => {
  it('header and roles from 序号, 重点工作任务, 主要责任单位, 主要责任人, 牵头县级领导', () => {
    const tables = tablesOf(LONGHUI);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.style).toBe('tab');
    expect(t.header.map((c) => c.text)).toEqual([
      '序号',
      '重点工作任务',
      '主要责任单位',
      '主要责任人',
      '牵头县级领导',
    ]);
    expect(t.roles).toEqual(['seq', 'task', 'responsible', 'person', 'person']);
  });

  it('group rows and multi-line cells', () => {
    const t = tablesOf(LONGHUI)[0]!;
    expect(t.rows.map((r) => r.group)).toEqual([true, false, false, true, false]);
    expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['一、关键核心技术攻坚行动']);
    expect(rowTexts(t)[1]).toEqual([
      '1',
      '全社会研发经费投入增长15%。',
      '县科工信局\n县加大全社会研发投入其它成员单位\n各乡镇街道\n隆回高新区\n按职责和属地管理原则分工负责',
      '戴  飞\n各成员单位主要负责人',
      '刘咏波',
    ]);
    expect(rowTexts(t)[2]).toEqual([
      '2',
      '新增有效发明专利20件以上。',
      '县市监局',
      '陈林习',
      '蒋  吉',
    ]);
  });

  it('task cells give targets with the row responsible units as lead, persons never', () => {
    const r = processPlanText(`${FRONT}${LONGHUI}`, 'lh-2023');
    const ts = r.extraction.targets;
    const patents = targetWith(ts, '新增有效发明专利20件以上');
    expect(patents).toMatchObject({
      metric: 'invention_patents',
      kind: 'increase',
      value: 20,
      unit: '件',
      qualifier: 'at_least',
      lead: ['县市监局'],
    });
    const ht = targetWith(ts, '净增高新技术企业10家以上');
    expect(ht).toMatchObject({
      metric: 'hightech_firms',
      kind: 'increase',
      value: 10,
      qualifier: 'at_least',
    });
    expect(ht.lead).toEqual(['县科工信局', '各乡镇街道']);
    const giants = targetWith(ts, '2家以上');
    expect(giants).toMatchObject({ value: 2, kind: 'increase', qualifier: 'at_least' });
    const rd = targetWith(ts, '全社会研发经费投入增长15%');
    expect(rd).toMatchObject({ metric: 'rd_spending', kind: 'growth', value: 15 });
    expect(rd.lead).toContain('县科工信局');
    expect(rd.lead).toContain('隆回高新区');
    expect(rd.lead.join()).not.toMatch(/戴|刘咏波|分工负责/);
    // Sequence numbers are not targets.
    expect(ts.some((t) => t.unit === '')).toBe(false);
    expect(ts).toHaveLength(4);
  });
});
