/**
 * Builds Word, PDF and web-page versions of the bundled plans at test time, so
 * the format readers are tested against files made the way counties make them
 * (a real Word table with merged cells, a paginated PDF with wrapped lines and
 * page numbers, a GBK page inside a site's navigation) without committing
 * binaries. The plan text comes from content/plans/*.txt.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { BundledPlan, PlanBlock } from './bundled-plan.ts';

export const PLANS_DIR = new URL('../../content/plans/', import.meta.url);

export type { BundledPlan, PlanBlock } from './bundled-plan.ts';

/** A cell line of the plain-text table layout: `text |`, or `||` for a continuation row. */
const TABLE_CELL_LINE = / \|$/;
const CONTINUATION_LINE = /^\|\|$/;
/** Header cells of the indicator tables (指标名称 | 目标任务 | 责任单位). */
const HEADER_CELL = /名称|目标|任务|单位|序号|指标/;

function isTableLine(line: string): boolean {
  return TABLE_CELL_LINE.test(line) || CONTINUATION_LINE.test(line);
}

/**
 * The plain-text table layout of the bundled plans: one cell per line ending
 * in " |"; a row of the third column alone (the other cells merged from above)
 * is its cell line followed by "||". The header row fixes the column count.
 */
export function parsePlainTable(lines: string[]): string[][] {
  const cells = lines.map((l) => l.trim());
  let columns = 0;
  while (
    columns < cells.length &&
    !CONTINUATION_LINE.test(cells[columns]!) &&
    HEADER_CELL.test(cells[columns]!)
  )
    columns++;
  if (columns < 2) throw new Error(`no table header in: ${cells.slice(0, 4).join(' ')}`);
  const rows: string[][] = [];
  let pending: string[] = [];
  for (const cell of cells) {
    if (CONTINUATION_LINE.test(cell)) {
      rows.push([...Array<string>(columns - pending.length).fill(''), ...pending]);
      pending = [];
      continue;
    }
    pending.push(cell.replace(/\s*\|$/, '').trim());
    if (pending.length === columns) {
      rows.push(pending);
      pending = [];
    }
  }
  if (pending.length > 0)
    rows.push([...pending, ...Array<string>(columns - pending.length).fill('')]);
  return rows;
}

/** Paragraph text as every reader gives it: whitespace collapsed, indentation dropped. */
export function normalizeLine(line: string): string {
  return line.replace(/[ \t\u00a0]+/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function loadBundledPlan(stem: string): BundledPlan {
  const raw = readFileSync(new URL(`${stem}.txt`, PLANS_DIR), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!match) throw new Error(`${stem}.txt has no front matter`);
  const meta = parseYaml(match[1]!) as Record<string, unknown>;
  const lines = raw.slice(match[0].length).split('\n');
  const blocks: PlanBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (isTableLine(lines[i]!)) {
      let end = i;
      while (end < lines.length && (isTableLine(lines[end]!) || lines[end]!.trim() === '')) end++;
      const previous = blocks.at(-1);
      const caption = previous?.kind === 'paragraph' ? previous.text : null;
      if (caption !== null) blocks.pop();
      blocks.push({
        kind: 'table',
        caption,
        rows: parsePlainTable(lines.slice(i, end).filter((l) => l.trim() !== '')),
      });
      i = end - 1;
      continue;
    }
    const text = normalizeLine(lines[i]!);
    if (text !== '') blocks.push({ kind: 'paragraph', text });
  }
  return { stem, meta, raw, blocks };
}

/** The sidecar `<stem>.yaml` that goes beside a converted plan. */
export function sidecarYaml(plan: BundledPlan): string {
  return (
    Object.entries(plan.meta)
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
      .join('\n') + '\n'
  );
}

// ---- Word ----

const TOP_HEADING = /^[一二三四五六七八九十]+、/;
const SUB_HEADING = /^[（(][一二三四五六七八九十]+[）)][^。]*。/;

function wordParagraph(text: string): Paragraph {
  if (TOP_HEADING.test(text) && text.length < 30)
    return new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
  const lead = SUB_HEADING.exec(text);
  if (lead) {
    // an inline heading in bold, then the paragraph, as county offices write it
    return new Paragraph({
      children: [
        new TextRun({ text: lead[0], bold: true }),
        new TextRun(text.slice(lead[0].length)),
      ],
    });
  }
  return new Paragraph({ children: [new TextRun(text)], indent: { firstLine: 640 } });
}

/** A row whose leading cells are empty continues the merged cells of the row above (vertical merge). */
function wordTable(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          children: row.map((cell, c) => {
            const continues = cell === '' && r > 0 && row.slice(c).some((later) => later !== '');
            const startsMerge =
              cell !== '' &&
              rows[r + 1]?.[c] === '' &&
              rows[r + 1]!.slice(c).some((later) => later !== '');
            return new TableCell({
              children: [new Paragraph(cell)],
              ...(continues
                ? { verticalMerge: VerticalMergeType.CONTINUE }
                : startsMerge
                  ? { verticalMerge: VerticalMergeType.RESTART }
                  : {}),
            });
          }),
        }),
    ),
  });
}

/** Chinese numerals as list numbers print them, 1 to 20. */
const CHINESE_NUMERALS = [
  ...'一二三四五六七八九十'.split(''),
  ...'一二三四五六七八九'.split('').map((d) => `十${d}`),
  '二十',
];

/**
 * The numbered levels of an office's headings, as the bundled plans type
 * them: 一、 （一） 1. （1）. `forms` are the typed shapes a level accepts;
 * the list uses the first one the plan has.
 */
const NUMBER_LEVELS = [
  {
    forms: [/^([一二三四五六七八九十]+)、/],
    chinese: true,
    texts: ['%1、'],
    suffix: LevelSuffix.NOTHING,
  },
  {
    forms: [/^（([一二三四五六七八九十]+)）/, /^\(([一二三四五六七八九十]+)\)/],
    chinese: true,
    texts: ['（%1）', '(%1)'],
    suffix: LevelSuffix.NOTHING,
  },
  { forms: [/^(\d+)\. /], chinese: false, texts: ['%1.'], suffix: LevelSuffix.SPACE },
  {
    forms: [/^（(\d+)）/, /^\((\d+)\) /],
    chinese: false,
    texts: ['（%1）', '(%1) '],
    suffix: LevelSuffix.NOTHING,
  },
];

/**
 * Which paragraphs Word would number, and their text without the typed
 * number: a paragraph whose typed number is exactly what the list would print
 * there (counters per level, deeper levels restarting under a shallower one);
 * any other keeps its typed number, as a hand-numbered paragraph does.
 */
function automaticNumbers(plan: BundledPlan): {
  levels: (typeof NUMBER_LEVELS)[number]['texts'][number][];
  numbered: Map<number, { level: number; rest: string }>;
} {
  const paragraphs = plan.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const chosen = NUMBER_LEVELS.map((level) => {
    const form = level.forms.findIndex((re) => paragraphs.some((p) => re.test(p)));
    return Math.max(0, form);
  });
  const counters = [0, 0, 0, 0];
  const numbered = new Map<number, { level: number; rest: string }>();
  plan.blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph') return;
    NUMBER_LEVELS.forEach((level, l) => {
      if (numbered.has(i)) return;
      const m = level.forms[chosen[l]!]!.exec(block.text);
      if (!m) return;
      const expected = counters[l]! + 1;
      const printed = level.chinese ? CHINESE_NUMERALS[expected - 1] : String(expected);
      if (m[1] !== printed) return;
      counters[l] = expected;
      for (let k = l + 1; k < counters.length; k++) counters[k] = 0;
      numbered.set(i, { level: l, rest: block.text.slice(m[0].length) });
    });
  });
  return { levels: NUMBER_LEVELS.map((level, l) => level.texts[chosen[l]!]!), numbered };
}

function numberedParagraph(text: string, level: number): Paragraph {
  const numbering = { reference: 'plan-headings', level };
  if (level === 0) return new Paragraph({ text, heading: HeadingLevel.HEADING_1, numbering });
  const lead = /^[^。]*。/.exec(text);
  if (level === 1 && lead && lead[0].length < 30)
    return new Paragraph({
      numbering,
      children: [
        new TextRun({ text: lead[0], bold: true }),
        new TextRun(text.slice(lead[0].length)),
      ],
    });
  return new Paragraph({ numbering, children: [new TextRun(text)] });
}

/**
 * A .docx of the plan: headings, paragraphs, and its tables as real Word
 * tables with merged cells. With `numbering`, the headings' numbers (一、
 * （一） 1. （1）) are Word's automatic list numbers from numbering.xml, not
 * typed text, as a plan written with heading styles has them.
 */
export async function makeDocx(
  plan: BundledPlan,
  options: { numbering?: boolean } = {},
): Promise<Uint8Array> {
  const auto = options.numbering ? automaticNumbers(plan) : null;
  const children: (Paragraph | Table)[] = [];
  plan.blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') {
      const numbered = auto?.numbered.get(i);
      children.push(
        numbered ? numberedParagraph(numbered.rest, numbered.level) : wordParagraph(block.text),
      );
    } else {
      if (block.caption)
        children.push(new Paragraph({ text: block.caption, alignment: AlignmentType.CENTER }));
      children.push(wordTable(block.rows));
    }
  });
  const numbering = auto && {
    config: [
      {
        reference: 'plan-headings',
        levels: NUMBER_LEVELS.map((level, l) => ({
          level: l,
          format: level.chinese ? LevelFormat.CHINESE_COUNTING : LevelFormat.DECIMAL,
          text: auto.levels[l]!.replace('%1', `%${l + 1}`),
          suffix: level.suffix,
        })),
      },
    ],
  };
  const doc = new Document({ ...(numbering ? { numbering } : {}), sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ---- PDF ----

export {
  findCjkFont,
  hasPdftoppm,
  hasTesseract,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makePdf,
  makeScannedPdf,
  printedRows,
  type PdfLayout,
  type PdfTableLayout,
  type TableStyle,
} from './make-pdf-fixtures.ts';

function ucs2Hex(text: string): string {
  return [...text]
    .map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase();
}

/**
 * A hand-written PDF whose Chinese font is not embedded: STSong-Light with the
 * UniGB-UCS2-H CMap (what older office tools and report generators write).
 * pdf-lib cannot write a non-embedded CID font, so the bytes are assembled
 * here, with a correct cross-reference table. Each line is one text line.
 */
export function makeNonEmbeddedCjkPdf(lines: string[]): Uint8Array {
  const content = [
    'BT',
    '/F1 14 Tf',
    ...lines.map((line, i) => `1 0 0 1 72 ${760 - i * 24} Tm <${ucs2Hex(line)}> Tj`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

// ---- web page ----

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Site chrome the reader must drop; tests check that none of it reaches the plan text. */
export const SITE_CHROME_TEXT = [
  '网站首页',
  '政务公开',
  '您当前的位置',
  '扫一扫在手机打开当前页',
  '打印本页',
  '关闭窗口',
  '版权所有',
  '网站标识码',
  '分享到',
  '无障碍浏览',
  '发布时间',
];

function htmlBody(plan: BundledPlan): string {
  return plan.blocks
    .map((block) => {
      if (block.kind === 'paragraph')
        return `<p style="text-indent: 2em;">${escapeHtml(block.text)}</p>`;
      const caption = block.caption
        ? `<p style="text-align:center"><strong>${escapeHtml(block.caption)}</strong></p>\n`
        : '';
      const rows = block.rows.map((row, r) => {
        const cells: string[] = [];
        row.forEach((cell, c) => {
          if (cell === '' && r > 0 && row.slice(c).some((later) => later !== '')) return; // covered by a rowspan above
          let span = 1;
          while (
            block.rows[r + span]?.[c] === '' &&
            block.rows[r + span]!.slice(c).some((later) => later !== '')
          )
            span++;
          const tag = r === 0 ? 'th' : 'td';
          cells.push(
            `<${tag}${span > 1 ? ` rowspan="${span}"` : ''}><p>${escapeHtml(cell)}</p></${tag}>`,
          );
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      return `${caption}<table border="1" cellspacing="0"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
    })
    .join('\n');
}

/** A front-matter field as text ('' when absent). */
function metaText(plan: BundledPlan, key: string): string {
  const v = plan.meta[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** A government article page, saved from the browser: GBK bytes, gb2312 declared, the plan inside `#zoom`. */
export function makeGovPageGbk(plan: BundledPlan): Uint8Array {
  const title = escapeHtml(metaText(plan, 'title') || plan.stem);
  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${title}_通知公告_${escapeHtml(metaText(plan, 'county'))}人民政府</title>
<style>.zoom p { line-height: 2; }</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a href="#">无障碍浏览</a> | <a href="#">长者模式</a></div>
<div class="header"><h1 class="logo">${escapeHtml(metaText(plan, 'county'))}人民政府门户网站</h1></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/zjxx/">走进本县</a></li></ul></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="#">通知公告</a></div>
<div class="main">
  <div class="article">
    <h2 class="title">${title}</h2>
    <div class="info">发布时间：2024-03-12 来源：县科技和工业信息化局 浏览次数：1024</div>
    <div class="TRS_Editor" id="zoom">
${htmlBody(plan)}
    </div>
    <div class="share-box"><span>分享到：</span><a href="#">微信</a><a href="#">微博</a>
      <div class="ewm"><img src="qr.png" alt="" /><p>扫一扫在手机打开当前页</p></div>
    </div>
    <div class="print-close"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer"><p>主办：${escapeHtml(metaText(plan, 'county'))}人民政府办公室 版权所有</p><p>网站标识码：4306000001 湘ICP备05001234号</p></div>
<script>document.getElementById('zoom').style.fontSize = '16px';</script>
</body>
</html>
`;
  const bytes = iconv.encode(html, 'gbk');
  if (iconv.decode(bytes, 'gbk') !== html)
    throw new Error(`${plan.stem}: the page has characters GBK cannot encode`);
  return new Uint8Array(bytes);
}

/** A page with the site's chrome and no article (a removed notice). */
export function makePageWithoutArticle(): Uint8Array {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head><body>
<div class="nav"><a href="/">网站首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a><a href="/bsfw/">办事服务</a></div>
<div class="position">您当前的位置：首页 &gt; 政务公开</div>
<div class="main"><p>对不起，您访问的页面不存在或已被删除。</p></div>
<div class="footer">版权所有 县人民政府办公室 网站标识码：4306000001</div>
</body></html>`;
  return new TextEncoder().encode(html);
}
