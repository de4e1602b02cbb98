/**
 * Block structure: the heading levels the plans use, inline headings, the
 * title line, attachment labels and the repair of sentences cut by page breaks.
 * The sample lines are taken from content/plans (pingjiang-2024, pingjiang-2026,
 * longhui-2023), shortened.
 */
import { describe, expect, it } from 'vitest';
import { structure, blockText, detectHeading, type Block } from '../../src/pipeline/structure.ts';
import { processPlanText } from '../../src/pipeline/index.ts';
import { FRONT } from './plan-helper.ts';

const view = (body: string) =>
  structure(body).map((b: Block) => ({
    kind: b.kind,
    depth: b.depth,
    display: b.display,
    text: blockText(body, b),
    line: b.line,
  }));

describe('heading levels', () => {
  it.each([
    ['一、工作目标', 1, '一、工作目标'],
    ['十二、保障措施', 1, '十二、保障措施'],
    ['（一）主要指标', 2, '（一）主要指标'],
    ['(二)重点任务', 2, '(二)重点任务'],
    ['1. 对接高能级创新体系', 3, '1. 对接高能级创新体系'],
    ['2.产业领域', 3, '2.产业领域'],
    ['（1）精准引育科技人才', 4, '（1）精准引育科技人才'],
    ['第一章 总体要求', 1, '第一章 总体要求'],
  ])('%s is a depth %d heading', (line, depth, display) => {
    const h = detectHeading(line);
    expect(h).not.toBeNull();
    expect(h!.depth).toBe(depth);
    expect(h!.display).toBe(display);
  });

  it('(1) **bold run。** body: the bold run is the heading, the rest a paragraph', () => {
    const body =
      '一、任务\n\n(1) **壮大科技型企业集群。**深入实施科技型企业高质量发展行动，新增高新技术企业10家。\n';
    const blocks = view(body);
    expect(blocks[1]).toMatchObject({
      kind: 'heading',
      depth: 4,
      display: '(1) 壮大科技型企业集群',
    });
    expect(blocks[2]).toMatchObject({
      kind: 'paragraph',
      text: '深入实施科技型企业高质量发展行动，新增高新技术企业10家。',
    });
  });

  it('inline heading "（一）标题。正文": heading then paragraph on the same line', () => {
    const body =
      '二、工作任务\n（一）产业创新提速。大力推进我市“一主两特”产业体系建设，新增规模工业企业45家。\n';
    const blocks = view(body);
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toMatchObject({
      kind: 'heading',
      depth: 2,
      display: '（一）产业创新提速',
      line: 2,
    });
    expect(blocks[2]).toMatchObject({
      kind: 'paragraph',
      text: '大力推进我市“一主两特”产业体系建设，新增规模工业企业45家。',
      line: 2,
    });
  });

  it('numbered inline heading "1.种业领域。开展…"', () => {
    const blocks = view('一、任务\n1.种业领域。开展优质新品种选育，力争培育新品种1个以上。\n');
    expect(blocks[1]).toMatchObject({ kind: 'heading', depth: 3, display: '1.种业领域' });
    expect(blocks[2]!.kind).toBe('paragraph');
  });

  it('a long numbered sentence without a short title is a paragraph, not a heading', () => {
    const line =
      '1.加快临规企业、潜力企业“小升规”，提高规上工业企业研发机构、研发活动覆盖面，全县规工企业中有研发活动企业占比达到50%以上';
    expect(detectHeading(line)).toBeNull();
  });

  it('a year or decimal at line start is no heading (2024.5 / 18.1%)', () => {
    expect(detectHeading('18.1%的增长来自企业')).toBeNull();
  });
});

describe('title and labels', () => {
  it('附件 3 is a label, the next short line the title, then the preamble', () => {
    const body =
      '\n\n附件 3\n\n培育好强科创兴产业的动能实施方案\n\n为深入贯彻落实省委、省政府决策部署，立足我县实际，制定本方案。\n\n一、培育好强科创动能\n';
    const blocks = view(body);
    expect(blocks.map((b) => b.kind)).toEqual(['label', 'title', 'paragraph', 'heading']);
    expect(blocks[0]).toMatchObject({ display: '附件 3', line: 3 });
    expect(blocks[1]).toMatchObject({ display: '培育好强科创兴产业的动能实施方案', line: 5 });
  });

  it('附表： before a table caption is a label too', () => {
    expect(view('一、目标\n 附表：\n')[1]).toMatchObject({ kind: 'label' });
  });

  it('the processed plan keeps the title block for meta when front matter has no title', () => {
    const r = processPlanText(
      '---\ncounty: 平江县\nyear: 2024\n---\n平江县科技创新行动方案\n一、目标\n新增高新技术企业10家。\n',
      'pj-2024',
    );
    expect(r.extraction.meta.title).toBe('平江县科技创新行动方案');
    expect(r.extraction.meta.inferred).toContain('title');
  });
});

describe('page-break repair', () => {
  const cut =
    '（一）关键技术攻关提效。力争培育国家专精特新“小巨人”企业 2 家以上。建设油茶对比实验林，筛选适宜平江油\n\n茶种植的 4 个优良品种（县林业局牵头）。支持企业降碳减污。\n';

  it('a sentence cut by a page break is one paragraph with two fragments', () => {
    const body = `二、工作任务\n\n${cut}`;
    const paras = view(body).filter((b) => b.kind === 'paragraph');
    expect(paras).toHaveLength(1);
    expect(paras[0]!.text).toBe(
      '力争培育国家专精特新“小巨人”企业 2 家以上。建设油茶对比实验林，筛选适宜平江油茶种植的 4 个优良品种（县林业局牵头）。支持企业降碳减污。',
    );
    const block = structure(body).find((b) => b.kind === 'paragraph')!;
    expect(block.fragments).toHaveLength(2);
  });

  it('a paragraph ending in 。 is not joined with the next one', () => {
    const body = '一、目标\n\n新增高新技术企业10家。\n\n科技型中小企业达到200家。\n';
    const paras = view(body).filter((b) => b.kind === 'paragraph');
    expect(paras.map((p) => p.text)).toEqual([
      '新增高新技术企业10家。',
      '科技型中小企业达到200家。',
    ]);
  });

  it('a paragraph ending in ）(its responsibility note) is not joined either', () => {
    const body =
      '一、目标\n\n新增高新技术企业10家（县科工信局牵头）\n\n科技型中小企业达到200家。\n';
    expect(view(body).filter((b) => b.kind === 'paragraph')).toHaveLength(2);
  });

  it('quotes never cross the break: the target quote stays inside one fragment', () => {
    const r = processPlanText(`${FRONT}二、工作任务\n\n${cut}`, 'pj-2024');
    const t = r.extraction.targets.find((x) => x.value === 4)!;
    expect(t).toBeDefined();
    expect(t.unit).toBe('个');
    for (const q of t.quotes) {
      expect(q).not.toMatch(/\n/);
      expect(r.document.text).toContain(q);
    }
    expect(t.quotes[0]).toContain('4 个优良品种');
    for (const s of t.spans) expect(r.document.text.slice(s.start, s.end)).toBe(s.quote);
    expect(t.lead).toEqual(['县林业局']);
  });

  it('the joined paragraph is one tree paragraph holding both fragments and no page-break white space', () => {
    const r = processPlanText(`${FRONT}二、工作任务\n\n${cut}`, 'pj-2024');
    const para = r.document.tree.children.find((n) => n.type === 'paragraph')!;
    const text = JSON.stringify(para);
    expect(text).toContain('筛选适宜平江油');
    expect(text).not.toContain('平江油\\n');
  });
});
