/**
 * The number grammar of plan targets, on NFKC text: Arabic numbers with
 * decimals and thousands separators, Chinese numerals (二十, 两, 十余),
 * ranges (1-2家, 3至5项), approximations (20余台), and the unit that follows.
 */

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Parses a Chinese numeral such as 二十, 一百零五, 两千, 十二; null when it is not one. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch in CN_BIG_UNITS) {
      section += digit ?? 0;
      total += (section || 1) * CN_BIG_UNITS[ch]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Parses an Arabic number as written in NFKC text ("1,200", "18.1"). */
export function parseArabic(s: string): number | null {
  const t = s.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Parses an Arabic number or a Chinese numeral. */
export function parseNumber(s: string): number | null {
  return parseArabic(s) ?? parseChineseNumeral(s);
}

/**
 * Units a target can carry, longest first so 亿元 wins over 元 and 个百分点 over 个.
 * Kept as data here because they are grammar, not taxonomy.
 */
export const UNITS = [
  '个百分点',
  '百分点',
  '万人次',
  '人次',
  '家次',
  '项次',
  '台次',
  '场次',
  '批次',
  '户次',
  '个次',
  '亿美元',
  '万美元',
  '亿元',
  '万元',
  '亿',
  '千元',
  '元',
  '万平方米',
  '平方公里',
  '平方米',
  '万亩',
  '亩',
  '万吨',
  '吨',
  '公里',
  '千米',
  '人年',
  '台(套)',
  '台套',
  '%',
  '‰',
  '家',
  '件',
  '项',
  '名',
  '人',
  '个',
  '次',
  '场',
  '篇',
  '台',
  '套',
  '所',
  '座',
  '条',
  '批',
  '户',
  '款',
  '种',
  '支',
  '处',
  '位',
  '期',
  '届',
  '部',
  '门',
  '本',
  '栋',
  '辆',
  '株',
  '头',
];

/** Units that count things; the only ones a Chinese numeral may carry as a target. */
export const COUNT_UNITS = new Set([
  '人年',
  '家',
  '件',
  '项',
  '名',
  '人',
  '个',
  '次',
  '场',
  '篇',
  '台',
  '套',
  '所',
  '座',
  '户',
  '款',
  '种',
  '支',
  '处',
  '位',
]);

const ARABIC = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const CHINESE = '[零〇一二两三四五六七八九十百千]+';
/** White space inside a mention never includes a line break: a unit on the next line is another cell. */
const SP = '[^\\S\\n]*';
const RANGE_SEP = String.raw`${SP}(?:-|~|—|–|至|到)${SP}`;
const UNIT_ALT = UNITS.map((u) => u.replace(/[()%]/g, (c) => '\\' + c)).join('|');
const AFTER_QUAL = '以上|以下|以内|左右|上下|多';

/**
 * One number mention: value (or range), unit, and qualifier words glued to it.
 * Offsets are in the NFKC text it was found in.
 */
export interface NumberMention {
  start: number;
  end: number;
  /** Where the number itself ends (before 余, the unit and 以上). */
  numberEnd: number;
  raw: string;
  value: number;
  valueMax: number | null;
  unit: string;
  /** 以上, 左右, 余 … as written right after the number or unit. */
  after: string;
  chinese: boolean;
}

/** "2个亿", "3个多亿": 个 is a classifier there, the unit is 亿 (spoken style, seen in work plans). */
const SPOKEN_YI = '个多?亿元?';

const MENTION_RE = new RegExp(
  String.raw`(${ARABIC}|${CHINESE})(?:${RANGE_SEP}(${ARABIC}|${CHINESE}))?(余|多)?${SP}(${SPOKEN_YI}|(?:万|亿)?(?:${UNIT_ALT}))?(${AFTER_QUAL})?`,
  'g',
);

/** The unit as a reader writes it: 个亿 is 亿, 个多亿 is 亿 (with 多 read as a qualifier). */
function unitOf(raw: string): { unit: string; approx: string } {
  const u = raw.replace(/\s+/g, '');
  const spoken = /^个(多)?(亿元?)$/.exec(u);
  if (spoken) return { unit: spoken[2]!, approx: spoken[1] ?? '' };
  return { unit: u, approx: '' };
}

/** Every number mention in a text, with its unit when one follows. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  MENTION_RE.lastIndex = 0;
  for (let m = MENTION_RE.exec(text); m; m = MENTION_RE.exec(text)) {
    const [whole, a, b, approx, unit, after] = m;
    const chinese = !/\d/.test(a!);
    // A lone Chinese numeral without a unit is a word (一批, 三高四新), not a number.
    if (chinese && !unit) continue;
    // 十 alone inside words such as 十大 or 十四五 has no unit either; skip digits glued to letters.
    const value = parseNumber(a!);
    if (value === null) continue;
    const valueMax = b ? parseNumber(b) : null;
    if (b && (valueMax === null || valueMax <= value)) continue;
    let numberEnd = m.index + a!.length;
    if (b) numberEnd = m.index + whole.indexOf(b, a!.length) + b.length;
    out.push({
      start: m.index,
      end: m.index + whole.length,
      numberEnd,
      raw: whole,
      value,
      valueMax: b ? valueMax : null,
      unit: unitOf(unit ?? '').unit,
      after: [approx ?? '', unitOf(unit ?? '').approx, after ?? ''].join(''),
      chinese,
    });
  }
  return out;
}
