/**
 * Some PDF producers map the glyphs of common characters to CJK radical code
 * points (U+2E80–U+2FDF), so copied text reads ⻓ for 长 or ⼀ for 一. The Kangxi
 * radicals (U+2F00–U+2FDF) have compatibility decompositions and map by NFKC;
 * the supplement (U+2E80–U+2EFF) mostly has none, so the ones seen in
 * government PDFs are listed here as data.
 */

/** Radical-supplement code point → the ordinary (simplified) character it stands for. */
export const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = Object.freeze({
  '\u2E81': '厂',
  '\u2E84': '乙',
  '\u2E85': '亻',
  '\u2E86': '冂',
  '\u2E87': '几',
  '\u2E8A': '卜',
  '\u2E8C': '小',
  '\u2E8D': '小',
  '\u2E8E': '兀',
  '\u2E8F': '尣',
  '\u2E90': '尢',
  '\u2E92': '巳',
  '\u2E93': '幺',
  '\u2E94': '彑',
  '\u2E95': '彐',
  '\u2E97': '心',
  '\u2E98': '扌',
  '\u2E99': '攵',
  '\u2E9B': '旡',
  '\u2E9D': '月',
  '\u2E9E': '歺',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA1': '氵',
  '\u2EA3': '灬',
  '\u2EA4': '爫',
  '\u2EA6': '丬',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EAA': '疋',
  '\u2EAB': '罒',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAE': '竹',
  '\u2EB2': '罒',
  '\u2EB3': '罒',
  '\u2EB7': '羊',
  '\u2EB9': '耂',
  '\u2EBB': '聿',
  '\u2EBC': '月',
  '\u2EBE': '艹',
  '\u2EC1': '虍',
  '\u2EC2': '衤',
  '\u2EC3': '覀',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECA': '足',
  '\u2ECB': '车',
  '\u2ECD': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EDF': '飠',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEB': '齐',
  '\u2EEC': '齐',
  '\u2EED': '齿',
  '\u2EEE': '齿',
  '\u2EEF': '龙',
  '\u2EF0': '龙',
  '\u2EF1': '龟',
  '\u2EF2': '龟',
  '\u2EF3': '龟',
});

const RADICAL_RANGE = /[\u2E80-\u2FDF]/gu;

/** Replaces radical code points by the characters they stand for; other text is unchanged. */
export function normalizeRadicals(text: string): string {
  return text.replace(RADICAL_RANGE, (ch) => {
    const listed = RADICAL_SUPPLEMENT[ch];
    if (listed) return listed;
    const nfkc = ch.normalize('NFKC');
    return nfkc !== ch ? nfkc : ch;
  });
}
