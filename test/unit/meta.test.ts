/**
 * Plan metadata: front matter wins, inference from text and file name fills
 * the gaps and says so, slugs are unique across counties, and the code is the
 * GB/T 2260 code (平江县 430626, 岳阳县 430621 — 湖南省岳阳市 divisions).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  processCorpus,
  processPlanText,
  uniqueSlugs,
  PlanInputError,
} from '../../src/pipeline/index.ts';
import { inferYear, shortName, toPinyin } from '../../src/pipeline/meta.ts';

const BODY = '一、工作目标\n新增高新技术企业10家。\n';

describe('front matter wins', () => {
  it('all fields given: nothing inferred, values as written', () => {
    const r = processPlanText(
      `---\ncounty: 平江县\nprefecture: 岳阳市\nprovince: 湖南省\nyear: 2026\ntitle: "培育好强科创兴产业的动能实施方案"\nsource: https://example.org/p\n---\n临湘市科技方案2024年\n${BODY}`,
      'linxiang-2024',
    );
    const m = r.extraction.meta;
    // The body and the stem point at 临湘 and 2024; the front matter decides.
    expect(m).toMatchObject({
      county: '平江县',
      prefecture: '岳阳市',
      province: '湖南省',
      year: 2026,
      title: '培育好强科创兴产业的动能实施方案',
      source: 'https://example.org/p',
      code: '430626',
    });
    expect(m.inferred).toEqual([]);
  });

  it('a non-numeric year in front matter is an error naming the file', () => {
    expect(() =>
      processPlanText(`---\ncounty: 平江县\nyear: 二〇二四\n---\n${BODY}`, 'x', {
        file: 'plans/x.txt',
      }),
    ).toThrow(PlanInputError);
    expect(() =>
      processPlanText(`---\ncounty: 平江县\nyear: 二〇二四\n---\n${BODY}`, 'x', {
        file: 'plans/x.txt',
      }),
    ).toThrow(/plans\/x\.txt:\d+: .*year/);
  });
});

describe('inference from text and file name', () => {
  it('county from the text, prefecture/province from the divisions, year from the stem, title from the title line', () => {
    const r = processPlanText(
      `平江县科技创新行动方案\n为推动平江县科技创新高质量发展，制定本方案。\n${BODY}`,
      'pingjiang-2024',
    );
    const m = r.extraction.meta;
    expect(m).toMatchObject({
      county: '平江县',
      prefecture: '岳阳市',
      province: '湖南省',
      year: 2024,
      title: '平江县科技创新行动方案',
      code: '430626',
      slug: 'pingjiang',
    });
    expect([...m.inferred].sort()).toEqual(['county', 'prefecture', 'province', 'title', 'year']);
  });

  it('county from the stem pinyin when the text never names it', () => {
    const r = processPlanText(`科技创新行动方案\n${BODY}`, 'longhui-2023');
    expect(r.extraction.meta).toMatchObject({ county: '隆回县', prefecture: '邵阳市', year: 2023 });
  });

  it('front matter county with inferred year from the text when the stem has none', () => {
    const r = processPlanText(
      `---\ncounty: 平江县\n---\n科技创新行动方案\n一、目标\n到2025年，新增高新技术企业10家；2024年完成5家。\n`,
      'plan',
    );
    expect(r.extraction.meta.year).toBe(2024);
    expect(r.extraction.meta.inferred).toContain('year');
    expect(r.extraction.meta.inferred).not.toContain('county');
  });

  it('year inference: stem first, else the earliest year in the text (incl. 〔2023〕)', () => {
    expect(inferYear('到2027年……', 'pingjiang-2024')).toBe(2024);
    expect(inferYear('湘政办发〔2023〕2号；到2025年', 'plan')).toBe(2023);
    expect(inferYear('没有年份', 'plan')).toBeNull();
  });

  it('no county anywhere is an error, not a guess', () => {
    expect(() =>
      processPlanText(`科技创新行动方案\n${BODY}`, 'plan-2024', { file: 'p.txt' }),
    ).toThrow(/p\.txt:1: no county/);
  });
});

describe('slugs and codes', () => {
  it('short names and pinyin', () => {
    expect(shortName('平江县')).toBe('平江');
    expect(shortName('临湘市')).toBe('临湘');
    expect(toPinyin('平江')).toBe('pingjiang');
  });

  it('平江县 has GB/T 2260 code 430626, 岳阳县 430621', () => {
    expect(
      processPlanText(`---\ncounty: 平江县\nyear: 2024\n---\n${BODY}`, 'a').extraction.meta.code,
    ).toBe('430626');
    expect(
      processPlanText(`---\ncounty: 岳阳县\nyear: 2024\n---\n${BODY}`, 'b').extraction.meta.code,
    ).toBe('430621');
  });

  it('岳阳县 and 岳阳市 get different slugs (uniqueSlugs)', () => {
    const a = processPlanText(`---\ncounty: 岳阳县\nyear: 2024\n---\n${BODY}`, 'yueyangxian-2024');
    const b = processPlanText(`---\ncounty: 岳阳市\nyear: 2024\n---\n${BODY}`, 'yueyangshi-2024');
    uniqueSlugs([a, b]);
    expect(a.extraction.meta.slug).not.toBe(b.extraction.meta.slug);
    expect(a.extraction.meta.slug).toMatch(/^yueyang/);
    expect(b.extraction.meta.slug).toMatch(/^yueyang/);
    expect(a.document.meta.slug).toBe(a.extraction.meta.slug);
  });

  it('玉树市 and 榆树市 (both yushu-shi) are told apart by their codes', () => {
    const a = processPlanText(`---\ncounty: 玉树市\nyear: 2023\n---\n${BODY}`, 'yushu-2023');
    const b = processPlanText(`---\ncounty: 榆树市\nyear: 2026\n---\n${BODY}`, 'yushu-2026');
    uniqueSlugs([a, b]);
    expect(a.extraction.meta.slug).toBe('yushu-shi-632701');
    expect(b.extraction.meta.slug).toBe('yushu-shi-220182');
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'plans-meta-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('through processCorpus: two counties, two slugs; two plans of one county share theirs', async () => {
    const files = [
      ['yueyangxian-2024.txt', '岳阳县'],
      ['yueyangshi-2024.txt', '岳阳市'],
      ['pingjiang-2024.txt', '平江县'],
      ['pingjiang-2026.txt', '平江县'],
    ].map(([name, county]) => {
      const f = path.join(dir, name!);
      writeFileSync(f, `---\ncounty: ${county}\nyear: 2024\n---\n${BODY}`);
      return f;
    });
    const run = await processCorpus(files);
    expect(run.errors).toEqual([]);
    const slug = (doc: string) =>
      run.results.find((r) => r.extraction.doc === doc)!.extraction.meta.slug;
    expect(slug('yueyangxian-2024')).not.toBe(slug('yueyangshi-2024'));
    expect(slug('pingjiang-2024')).toBe('pingjiang');
    expect(slug('pingjiang-2026')).toBe('pingjiang');
    const all = run.results.map((r) => r.extraction.meta.slug);
    for (const s of all) expect(s).toMatch(/^[a-z0-9-]+$/);
  });
});
