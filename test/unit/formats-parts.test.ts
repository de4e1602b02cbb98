/**
 * The pure parts of the format readers: PDF line rules, radical mapping, the
 * HTML table walker, charset declarations and content sniffing.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { PlanInputError } from '../../src/pipeline/errors.ts';
import { normalizeRadicals } from '../../src/pipeline/formats/cjk-radicals.ts';
import { hastToBlocks } from '../../src/pipeline/formats/hast-to-blocks.ts';
import { decodeHtml, declaredCharset } from '../../src/pipeline/formats/html-charset.ts';
import { findArticle } from '../../src/pipeline/formats/html.ts';
import {
  dropPageFurniture,
  isPageNumber,
  joinParagraphs,
  pdfLinesToText,
  type PdfLine,
} from '../../src/pipeline/formats/pdf-lines.ts';
import { detectFormat } from '../../src/pipeline/formats/sniff.ts';
import { renderBlocks } from '../../src/pipeline/formats/text-blocks.ts';

/** A page line laid out on a 400-unit text width at 16 units per character. */
function line(
  text: string,
  options: { indent?: boolean; full?: boolean; y?: number } = {},
): PdfLine {
  const left = options.indent ? 32 : 0;
  const right = options.full ? 400 : left + 16 * [...text].length;
  return { text, left, right, y: options.y ?? 400, fontSize: 16 };
}

describe('PDF lines', () => {
  it('knows page numbers in their usual shapes', () => {
    for (const n of [
      '- 3 -',
      '— 3 —',
      '－12－',
      '第 3 页',
      '第3页 共12页',
      '3/12',
      '7',
      'Page 2 of 9',
    ])
      expect(isPageNumber(n), n).toBe(true);
    for (const t of ['2024年', '一、工作目标', '3家', '- 3 - 项'])
      expect(isPageNumber(t), t).toBe(false);
  });

  it('drops page numbers and a header repeated at the same height on most pages, keeps body lines that repeat elsewhere', () => {
    const pages = [1, 2, 3].map((n) => [
      line('某县人民政府办公室', { y: 800 }),
      line(`第${n}页正文开头，内容各不相同`, { full: true, y: 760 - 10 * n }),
      line('（县科工信局牵头）', { y: 100 + 20 * n }),
      line(`- ${n} -`, { y: 40 }),
    ]);
    const kept = dropPageFurniture(pages).map((p) => p.map((l) => l.text));
    expect(kept[0]).toEqual(['第1页正文开头，内容各不相同', '（县科工信局牵头）']);
    expect(kept[2]).toEqual(['第3页正文开头，内容各不相同', '（县科工信局牵头）']);
    expect(kept.flat()).not.toContain('某县人民政府办公室');
    expect(kept.flat().some((t) => /^- \d -$/.test(t))).toBe(false);
  });

  it('keeps a lone number inside the page (a table cell), not at its edges', () => {
    const page = [line('甲'), line('乙'), line('45'), line('丙'), line('丁')];
    expect(dropPageFurniture([page])[0]!.map((l) => l.text)).toContain('45');
  });

  it('rejoins lines wrapped at the margin, without a space between CJK characters', () => {
    const lines = [
      line('一、工作目标', { indent: true }),
      line('全面落实“三高四新”战略定位，全社会研发经费投入增', { indent: true, full: true }),
      line('长15%以上，新增有效发明专利20件以上。'),
      line('（一）关键核心技术攻坚行动。', { indent: true }),
    ];
    expect(joinParagraphs([lines])).toEqual([
      '一、工作目标',
      '全面落实“三高四新”战略定位，全社会研发经费投入增长15%以上，新增有效发明专利20件以上。',
      '（一）关键核心技术攻坚行动。',
    ]);
  });

  it('with indented paragraphs, a full line ending in 。 still continues on an unindented next line', () => {
    const lines = [
      line('第一句写满了一整行并且正好在行尾结束。', { indent: true, full: true }),
      line('第二句接着写。'),
      line('新段落。', { indent: true }),
    ];
    expect(joinParagraphs([lines])).toEqual([
      '第一句写满了一整行并且正好在行尾结束。第二句接着写。',
      '新段落。',
    ]);
  });

  it('without indentation, sentence punctuation and headings end a paragraph', () => {
    const lines = [
      line('第一段写满一整行但是句子还没有结', { full: true }),
      line('束，这里结束；', { full: true }),
      line('第二段开始。'),
      line('二、工作任务'),
      line('1.种业领域。开展选育和栽培技术攻关，推动育种精准', { full: true }),
      line('化。'),
    ];
    expect(joinParagraphs([lines])).toEqual([
      '第一段写满一整行但是句子还没有结束，这里结束；',
      '第二段开始。',
      '二、工作任务',
      '1.种业领域。开展选育和栽培技术攻关，推动育种精准化。',
    ]);
  });

  it('joins a paragraph across a page break and puts a space only between Latin words', () => {
    const pages = [
      [
        line('平江县人民政府', { y: 800 }),
        line('推进 digital', { full: true }),
        line('- 1 -', { y: 40 }),
      ],
      [
        line('平江县人民政府', { y: 800 }),
        line('transformation 与数字化转型。'),
        line('- 2 -', { y: 40 }),
      ],
    ];
    expect(pdfLinesToText(pages)).toBe('推进 digital transformation 与数字化转型。\n');
  });

  it('maps CJK radical code points to ordinary characters', () => {
    expect(normalizeRadicals('⼈⺠政府⻓期推进⼀批⻔类，⻢上⻅效')).toBe(
      '人民政府长期推进一批门类，马上见效',
    );
    expect(normalizeRadicals('普通文字不变 ABC')).toBe('普通文字不变 ABC');
  });
});

function blocksOfHtml(html: string) {
  return hastToBlocks(unified().use(rehypeParse, { fragment: true }).parse(html));
}

describe('HTML to blocks', () => {
  it('expands rowspan and colspan into empty cells, joins cell paragraphs with ；, escapes |', () => {
    const blocks = blocksOfHtml(`<table><caption>指标表</caption>
      <tr><th>指标</th><th>目标</th><th>单位</th></tr>
      <tr><td rowspan="2">技术合同</td><td rowspan="2">50亿元</td><td><p>高新区10亿元</p><p>农业局8亿元</p></td></tr>
      <tr><td>住建局 | 水利局</td></tr>
      <tr><td colspan="2">合计</td><td>2家</td></tr></table>`);
    expect(renderBlocks(blocks)).toBe(
      '指标表\n\n| 指标 | 目标 | 单位 |\n| 技术合同 | 50亿元 | 高新区10亿元；农业局8亿元 |\n|  |  | 住建局 ｜ 水利局 |\n| 合计 |  | 2家 |\n',
    );
  });

  it('makes each <br>-separated line and block its own paragraph, dropping indentation', () => {
    const blocks = blocksOfHtml(
      '<div>　　一、工作目标<br/>&nbsp;&nbsp;全社会研发投入<span>增长</span> 18%。<p>（一）产业创新提速。</p></div>',
    );
    expect(renderBlocks(blocks)).toBe(
      '一、工作目标\n\n全社会研发投入增长 18%。\n\n（一）产业创新提速。\n',
    );
  });

  it('clips an absurd rowspan from untrusted HTML to the table', () => {
    const blocks = blocksOfHtml(
      '<table><tr><td rowspan="99999999">甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>',
    );
    expect(renderBlocks(blocks)).toBe('| 甲 | 乙 |\n|  | 丙 |\n');
  });

  it('falls back to the element with the most Chinese text when no known container exists', () => {
    const body =
      '为加快创新驱动发展，奋力抢占产业、技术、平台、人才制高点，以科技创新推动产业创新，支撑经济高质量发展，特制订本方案。';
    const tree = unified()
      .use(rehypeParse)
      .parse(
        `<body><div class="menu-x">网站首页 政务公开 互动交流</div><div class="wrap"><div class="main-text"><p>${body}</p><p>${body}</p></div></div></body>`,
      );
    const article = findArticle(tree);
    expect(article?.properties.className).toEqual(['main-text']);
  });
});

describe('HTML charset', () => {
  const gbkBytes = (ascii: string, gbkBody: number[]) =>
    new Uint8Array([...new TextEncoder().encode(ascii), ...gbkBody]);
  // 科技 in GBK
  const KEJI = [0xbf, 0xc6, 0xbc, 0xbc];

  it('reads <meta charset> and <meta http-equiv content-type>', () => {
    expect(declaredCharset(new TextEncoder().encode('<html><head><meta charset="GBK">'))).toBe(
      'gbk',
    );
    expect(
      declaredCharset(
        new TextEncoder().encode(
          '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
        ),
      ),
    ).toBe('gb2312');
    expect(declaredCharset(new TextEncoder().encode('<html><head><title>x</title>'))).toBeNull();
  });

  it('decodes a gb2312-declared page as GB18030', () => {
    const page = decodeHtml(gbkBytes('<meta charset="gb2312"><p>', KEJI), 'x.html');
    expect(page).toEqual({ text: '<meta charset="gb2312"><p>科技', encoding: 'gb18030' });
  });

  it('lets a BOM win over a wrong declaration, and detects when the declaration lies', () => {
    const utf8 = new TextEncoder().encode('<meta charset="gbk"><p>科技</p>');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'x.html').text).toBe(
      '<meta charset="gbk"><p>科技</p>',
    );
    expect(decodeHtml(gbkBytes('<meta charset="utf-8"><p>', KEJI), 'x.html')).toEqual({
      text: '<meta charset="utf-8"><p>科技',
      encoding: 'gb18030',
    });
  });
});

describe('format sniffing', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('trusts the content over the extension', () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'a.txt', '.txt')).toBe('docx');
    expect(detectFormat(bytes('%PDF-1.7\n'), 'a.bin', '.bin')).toBe('pdf');
    expect(
      detectFormat(bytes('\n<!-- saved from url -->\n<!DOCTYPE html><html>'), 'a.txt', '.txt'),
    ).toBe('html');
    expect(detectFormat(bytes('---\ncounty: 平江县\n---\n一、工作目标'), 'a.md', '.md')).toBe('md');
  });

  it('rejects unknown types and formats whose bytes contradict the extension', () => {
    expect(() => detectFormat(bytes('plain'), 'a.rtf', '.rtf')).toThrow(PlanInputError);
    expect(() => detectFormat(bytes('plain'), 'a.pdf', '.pdf')).toThrow(
      /does not start with %PDF-/,
    );
    expect(() => detectFormat(bytes('plain'), 'a.docx', '.docx')).toThrow(/not a zip package/);
  });
});
