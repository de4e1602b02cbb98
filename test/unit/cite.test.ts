/** Citations: the target line, the plan's BibTeX and CSL-JSON (src/site/cite.ts). */
import { describe, expect, it } from 'vitest';
import { ACCESS_DATE_SLOT, planBibtex, planCslJson, targetCitation } from '../../src/site/cite.ts';
import { plan, target } from '../support/site-fixture.ts';

const VERSION = { version: '3f9a2c1b', date: '2026-12-01', plans: 5, targets: 149 };
const base = plan('yuanjiang-2024');
const YJ = plan('yuanjiang-2024', {
  meta: {
    ...base.meta,
    title: '沅江市创新提升行动实施方案',
    source: 'http://yuanjiang.gov.cn/22321/42608/42611/content_2010426.html',
    publisher: '沅江市人民政府门户网站',
    published: '2024-05-15',
    retrieved: '2026-11-24',
  },
});
const t = target('yuanjiang-2024', 'rd_spending', 'growth', 12, {
  quotes: ['力争全社会研发经费投入增长12%以上'],
});

describe('targetCitation', () => {
  it('names plan, county, year, quote, permanent address, data version and access date', () => {
    const line = targetCitation(YJ, t, VERSION, 'https://inst.example.cn/', '2026-12-02');
    expect(line).toBe(
      `沅江市《沅江市创新提升行动实施方案》（2024年）：“力争全社会研发经费投入增长12%以上”。` +
        `县域科技创新目标对比，目标 ${t.id}，数据版本 3f9a2c1b（2026-12-01），` +
        `https://inst.example.cn/plans/yuanjiang-2024/#${t.id}，访问日期 2026-12-02。` +
        `原文发布：http://yuanjiang.gov.cn/22321/42608/42611/content_2010426.html`,
    );
  });

  it('leaves a slot for the reader’s date, a relative link without a site URL, and no unsafe source', () => {
    const bad = plan('yuanjiang-2024', { meta: { ...YJ.meta, source: 'javascript:alert(1)' } });
    const line = targetCitation(bad, t, VERSION, undefined);
    expect(line).toContain(`，/plans/yuanjiang-2024/#${t.id}，访问日期 ${ACCESS_DATE_SLOT}。`);
    expect(line).not.toContain('javascript:');
  });
});

describe('planBibtex', () => {
  it('is a @misc entry with a corporate author, the source URL and the data version', () => {
    const bib = planBibtex(YJ, VERSION, undefined);
    expect(bib.startsWith('@misc{yuanjiang-2024,\n')).toBe(true);
    expect(bib).toContain('  author = {{沅江市人民政府门户网站}},');
    expect(bib).toContain(
      '  url = {http://yuanjiang.gov.cn/22321/42608/42611/content\\_2010426.html},',
    );
    expect(bib).toContain('  date = {2024-05-15},');
    expect(bib).toContain('数据版本 3f9a2c1b（2026-12-01）');
  });

  it('escapes braces and TeX specials from plan text, so a field cannot break out', () => {
    const evil = plan('yuanjiang-2024', { meta: { ...YJ.meta, title: 'a}, note = {x%$#&_~^\\' } });
    const bib = planBibtex(evil, VERSION, undefined);
    const title = /title = \{(.*)\},\n/.exec(bib)![1]!;
    // Only escaped braces, or the empty group of a TeX command (\textasciitilde{}).
    expect(title.replace(/\\text\w+\{\}/g, '')).not.toMatch(/(?<!\\)[{}]/);
    expect(title).toContain('\\}');
    expect(bib.match(/^ {2}note = /gm)).toHaveLength(1);
  });
});

describe('planCslJson', () => {
  it('is one CSL item with issued and accessed dates and the plan page when there is no source', () => {
    const [item] = JSON.parse(planCslJson(YJ, VERSION, undefined)) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'yuanjiang-2024',
      title: '沅江市创新提升行动实施方案',
      author: [{ literal: '沅江市人民政府门户网站' }],
      issued: { 'date-parts': [[2024, 5, 15]] },
      accessed: { 'date-parts': [[2026, 11, 24]] },
      URL: 'http://yuanjiang.gov.cn/22321/42608/42611/content_2010426.html',
    });
    const none = plan('yuanjiang-2024');
    const [bare] = JSON.parse(planCslJson(none, VERSION, 'https://x.cn/')) as Record<
      string,
      unknown
    >[];
    expect(bare).toMatchObject({
      URL: 'https://x.cn/plans/yuanjiang-2024/',
      author: [{ literal: '沅江市人民政府' }],
      issued: { 'date-parts': [[2024]] },
    });
  });
});
