/**
 * Word's automatic numbering put back into the text. A heading that prints
 * as "一、工作目标" or "（二）…" often holds only "工作目标" in document.xml,
 * its number drawn from numbering.xml (a list level's format and text such
 * as `%1、`, `（%1）`, `%1.`); mammoth drops that number. This computes every
 * numbered paragraph's label as Word does (counters per list, deeper levels
 * restarting under a shallower one, start values and overrides) and writes
 * it into the paragraph as text before mammoth reads the file.
 */
import JSZip from 'jszip';

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  suffix: 'tab' | 'space' | 'nothing';
  /** Print all levels' numbers as decimal (w:isLgl). */
  legal: boolean;
}

interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  /** numId → its abstract list and any start overrides per level. */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

/** Paragraph styles that carry numbering (Heading 1 → list 3, level 0), following basedOn. */
type StyleNumbering = Map<
  string,
  { numId: string | undefined; ilvl: number | undefined; basedOn: string | undefined }
>;

function attr(xml: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];
}

function child(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}\\b[^>]*?/?>`).exec(xml)?.[0];
}

function childVal(xml: string, tag: string): string | undefined {
  const element = child(xml, tag);
  return element ? attr(element, 'w:val') : undefined;
}

function elements(xml: string, tag: string): string[] {
  return xml.match(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`, 'g')) ?? [];
}

export function parseNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of elements(xml, 'w:abstractNum')) {
    const id = attr(abstract, 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const lvl of elements(abstract, 'w:lvl')) {
      const suffix = childVal(lvl, 'w:suff');
      levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), {
        numFmt: childVal(lvl, 'w:numFmt') ?? 'decimal',
        lvlText: childVal(lvl, 'w:lvlText') ?? '',
        start: Number(childVal(lvl, 'w:start') ?? 1),
        suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
        legal: child(lvl, 'w:isLgl') !== undefined,
      });
    }
    abstracts.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const num of elements(xml, 'w:num')) {
    const id = attr(num, 'w:numId');
    const abstractId = childVal(num, 'w:abstractNumId');
    if (id === undefined || abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const override of elements(num, 'w:lvlOverride')) {
      const start = childVal(override, 'w:startOverride');
      if (start !== undefined) starts.set(Number(attr(override, 'w:ilvl') ?? 0), Number(start));
    }
    nums.set(id, { abstractId, starts });
  }
  return { abstracts, nums };
}

export function parseStyleNumbering(xml: string): StyleNumbering {
  const styles: StyleNumbering = new Map();
  for (const style of elements(xml, 'w:style')) {
    const id = attr(style, 'w:styleId');
    if (id === undefined) continue;
    const numPr = elements(style, 'w:numPr')[0] ?? '';
    const ilvl = childVal(numPr, 'w:ilvl');
    styles.set(id, {
      numId: childVal(numPr, 'w:numId'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      basedOn: childVal(style, 'w:basedOn'),
    });
  }
  return styles;
}

const CHINESE_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五 (chineseCounting and its Thousand form). */
export function chineseNumber(
  n: number,
  digits = CHINESE_DIGITS,
  units = ['', '十', '百', '千'],
): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += (d === 1 && unit === units[1] && out === '' ? '' : digits[d]) + unit;
  });
  return out;
}

function letters(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = base[(k - 1) % 26]! + out;
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of table) for (; n >= value; n -= value) out += numeral;
  return out;
}

/** One counter value in a level's number format; null for bullets and `none`. */
export function formatNumber(n: number, numFmt: string): string | null {
  switch (numFmt) {
    case 'bullet':
    case 'none':
      return null;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseNumber(n);
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order and gives each its printed label. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly seenNums = new Set<string>();
  private readonly numbering: Numbering;

  constructor(numbering: Numbering) {
    this.numbering = numbering;
  }

  /** The label of the next paragraph of list `numId` at level `ilvl`, or null (no such list, a bullet). */
  next(numId: string, ilvl: number): string | null {
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return null;
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    // lists sharing one abstract definition continue each other, unless a list restarts it
    let counts = this.counters.get(num.abstractId);
    if (!counts || (!this.seenNums.has(numId) && num.starts.size > 0)) {
      counts = Array.from({ length: 9 }, (_, l) => startOf(l) - 1);
      this.counters.set(num.abstractId, counts);
    }
    this.seenNums.add(numId);
    counts[ilvl] = (counts[ilvl] ?? 0) + 1;
    for (let l = ilvl + 1; l < counts.length; l++) counts[l] = startOf(l) - 1;
    let missing = false;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = Math.max(counts[l] ?? 0, startOf(l));
      const format = level.legal ? 'decimal' : (levels.get(l)?.numFmt ?? 'decimal');
      const formatted = formatNumber(value, format);
      if (formatted === null) missing = true;
      return formatted ?? '';
    });
    if (missing || level.numFmt === 'bullet' || text === '') return null;
    if (level.suffix === 'space') return `${text} `;
    // a tab after "1." prints as space; after 一、 or （一） it adds nothing a reader sees
    if (level.suffix === 'tab' && /[0-9A-Za-z.)]$/.test(text)) return `${text} `;
    return text;
  }
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A paragraph's own properties, without the record of earlier ones (w:pPrChange). */
function ownProperties(pPr: string): string {
  return pPr.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
}

function styleNumbering(
  styles: StyleNumbering,
  styleId: string | undefined,
): { numId?: string | undefined; ilvl?: number | undefined } {
  const seen = new Set<string>();
  for (let id = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
    seen.add(id);
    const style = styles.get(id);
    if (style?.numId !== undefined) return { numId: style.numId, ilvl: style.ilvl };
  }
  return {};
}

/** document.xml with each numbered paragraph's label written in as its first run. */
export function numberParagraphs(
  body: string,
  numbering: Numbering,
  styles: StyleNumbering,
): string {
  const counter = new NumberingCounter(numbering);
  const out: string[] = [];
  let at = 0;
  // each paragraph start tag (not <w:pPr>, <w:pStyle>, nor an empty <w:p/>)
  const paragraph = /<w:p(?=[\s>])[^>]*?(?<!\/)>/g;
  for (let m = paragraph.exec(body); m; m = paragraph.exec(body)) {
    const openEnd = m.index + m[0].length;
    const pPr = /^<w:pPr\b[\s\S]*?<\/w:pPr>/.exec(body.slice(openEnd, openEnd + 20000));
    // w:pPrChange holds an older w:pPr: the paragraph's own properties end at the last </w:pPr> before its first run
    let pPrText = pPr?.[0] ?? '';
    if (pPrText.includes('<w:pPrChange')) {
      const close = body.indexOf('</w:pPrChange>', openEnd);
      const end = close === -1 ? -1 : body.indexOf('</w:pPr>', close);
      pPrText = end === -1 ? pPrText : body.slice(openEnd, end + '</w:pPr>'.length);
    }
    const own = ownProperties(pPrText);
    const numPr = elements(own, 'w:numPr')[0];
    const fromStyle = styleNumbering(styles, childVal(own, 'w:pStyle'));
    const numId = (numPr && childVal(numPr, 'w:numId')) ?? fromStyle.numId;
    const ilvlText = numPr && childVal(numPr, 'w:ilvl');
    const ilvl = ilvlText !== undefined ? Number(ilvlText) : (fromStyle.ilvl ?? 0);
    if (numId === undefined || numId === '0') continue;
    const label = counter.next(numId, ilvl);
    if (label === null) continue;
    const insertAt = openEnd + pPrText.length;
    out.push(body.slice(at, insertAt));
    out.push(`<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`);
    at = insertAt;
  }
  out.push(body.slice(at));
  return out.join('');
}

/**
 * The .docx with its automatic numbers written into the text, or the same
 * bytes when it has no numbering. Throws what JSZip throws for a broken zip.
 */
export async function restoreNumbering(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return bytes;
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const numbered = numberParagraphs(
    documentXml,
    parseNumbering(numberingXml),
    parseStyleNumbering(stylesXml),
  );
  if (numbered === documentXml) return bytes;
  zip.file('word/document.xml', numbered);
  return zip.generateAsync({ type: 'uint8array' });
}
