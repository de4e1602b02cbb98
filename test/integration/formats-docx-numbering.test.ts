/**
 * Word's automatic numbering: headings numbered from numbering.xml (一、
 * （一） 1. （1）) read as they print, on the bundled plans written with
 * list numbers instead of typed ones, and the counting rules on their own.
 */
import JSZip from 'jszip';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chineseNumber,
  formatNumber,
  NumberingCounter,
  numberParagraphs,
  parseNumbering,
  parseStyleNumbering,
} from '../../src/pipeline/formats/docx-numbering.ts';
import { readPlanSource } from '../../src/pipeline/formats/index.ts';
import { processPlanFile } from '../../src/pipeline/index.ts';
import type { Target } from '../../src/pipeline/schema.ts';
import {
  loadBundledPlan,
  makeDocx,
  PLANS_DIR,
  sidecarYaml,
  type BundledPlan,
} from '../support/make-format-fixtures.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-numbering-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraphsOf = (plan: BundledPlan) =>
  plan.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.caption ? [b.caption] : []));
const targetKey = (t: Target) =>
  `${t.metric}|${t.kind}|${t.value}|${t.unit}|${t.section}|${t.allocations.map((a) => `${a.unit}=${a.value}`).join(',')}`;

describe('Word automatic numbering (numbering.xml)', () => {
  for (const stem of ['pingjiang-2026', 'linxiang-2024']) {
    it(`${stem}: numbered headings read as they print, with the .txt plan's sections and targets`, async () => {
      const plan = loadBundledPlan(stem);
      const bytes = await makeDocx(plan, { numbering: true });
      // the fixture really numbers its headings from the list definition, not typed text
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      expect((xml.match(/<w:numPr>/g) ?? []).length).toBeGreaterThanOrEqual(10);
      expect(xml).not.toMatch(/>一、工作目标|>二、/);
      const path = join(dir, `${stem}.docx`);
      writeFileSync(path, bytes);
      writeFileSync(join(dir, `${stem}.yaml`), sidecarYaml(plan));
      const { text } = await readPlanSource(path);
      const paragraphs = text
        .split('\n\n')
        .map((b) => b.trim())
        .filter((b) => b !== '' && !b.startsWith('|'));
      expect(paragraphs).toEqual(paragraphsOf(plan));
      const txt = await processPlanFile(new URL(`${stem}.txt`, PLANS_DIR).pathname);
      const docx = await processPlanFile(path);
      expect(docx.extraction.targets.map(targetKey).sort()).toEqual(
        txt.extraction.targets.map(targetKey).sort(),
      );
    });
  }
});

const NUMBERING = `<w:numbering>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

describe('numbering rules', () => {
  it('writes Chinese counting numbers as they print', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [10, '十'],
      [11, '十一'],
      [20, '二十'],
      [21, '二十一'],
      [100, '一百'],
      [105, '一百零五'],
      [110, '一百一十'],
    ];
    for (const [n, zh] of cases) expect(chineseNumber(n), String(n)).toBe(zh);
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(28, 'upperLetter')).toBe('AB');
    expect(formatNumber(1, 'bullet')).toBeNull();
  });

  it('counts per list, restarts deeper levels, continues lists sharing a definition, honours overrides', () => {
    const counter = new NumberingCounter(parseNumbering(NUMBERING));
    const labels = [
      counter.next('1', 0),
      counter.next('1', 1),
      counter.next('1', 1),
      counter.next('1', 2),
      counter.next('1', 0),
      counter.next('1', 1),
      counter.next('1', 3),
      counter.next('2', 0), // another list of the same definition continues it
      counter.next('3', 0), // a list with a start override starts again
      counter.next('4', 0), // a bullet has no number to write
      counter.next('9', 0), // no such list
    ];
    expect(labels).toEqual([
      '一、',
      '（一）',
      '（二）',
      '1. ',
      '二、',
      '（一）',
      '2.1 ',
      '三、',
      '一、',
      null,
      null,
    ]);
  });

  it('writes the label into the paragraph, from its own numPr or its style, and leaves others alone', () => {
    const styles = parseStyleNumbering(
      `<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
       <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>`,
    );
    const document = [
      '<w:body>',
      '<w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>工作目标</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>主要指标</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>正文</w:t></w:r></w:p>',
      '<w:p/>',
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>',
      '</w:body>',
    ].join('');
    const out = numberParagraphs(document, parseNumbering(NUMBERING), styles);
    const texts = [...out.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) =>
      [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(texts).toEqual(['一、工作目标', '（一）主要指标', '正文', '不编号']);
  });
});
