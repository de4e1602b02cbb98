/**
 * Words that decide how a number is read. These are grammar of Chinese plan
 * language, shared by every county, so they live in code; what an indicator
 * is called lives in the curator's taxonomy (content/metrics.yaml).
 */

/** Explicit new-addition wording: the target counts additions even when 达 follows. */
export const STRONG_INCREASE = [
  '新增',
  '净增',
  '新入驻',
  '新认定',
  '新进',
  '新培育',
  '新引进',
  '新招引',
  '新建成',
  '新组建',
  '新成立',
  '新入库',
];

/** Verbs that create something new: increase, unless a stock verb (达) binds the number. */
export const INCREASE_VERBS = [
  '培育',
  '培养',
  '引进',
  '引育',
  '招引',
  '创建',
  '争创',
  '建设',
  '建成',
  '新建',
  '孵化',
  '备案',
  '布局',
  '组建',
  '成立',
  '建立',
  ...STRONG_INCREASE,
];

/** Activity or stock verbs: the target is a level (a total in the period or a stock). */
export const LEVEL_VERBS = [
  '申报',
  '参加',
  '开展',
  '举办',
  '完成',
  '转化',
  '登记',
  '评价',
  '选派',
  '获得',
  '立项',
  '带动',
  '入库',
  '认定',
  '发放',
  '实施',
  '组织',
  '促成',
  '达成',
  '攻克',
  '突破',
  '实现',
  '报送',
  '推荐',
  '加快',
  '设立',
  '服务',
  '达到',
  '达',
  '超过',
  '保持',
  '增加到',
  '增加至',
];

/** Every target verb, longest first, so an alternation of them prefers 新认定 over 认定. */
export const ALL_VERBS: readonly string[] = [...new Set([...INCREASE_VERBS, ...LEVEL_VERBS])].sort(
  (a, b) => b.length - a.length,
);

/** Verbs that bind the number right after them to a stock: 达 95 家, 突破 100 家. */
export const STATIVE_PREDICATES = [
  '增加到',
  '增加至',
  '达到',
  '达',
  '突破',
  '超过',
  '超',
  '入库',
  '保持',
  '完成',
  '实现',
  '不少于',
  '不低于',
];

/** Enumerators that open an item: 1、 (2) ③ 一是 其中: — never part of an indicator. */
export const ENUMERATOR =
  /^(?:\d{1,2}\s*[、.．]|\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]+是|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|其中[:：]?)/;

/** Time phrases at the head of a label: 到2025年, 2024年, 全年, 每年, 年均, 未来3年 … */
export const TIME_PHRASE =
  /^(?:(?:较|比|相比|与)\s*["“]?[\u4e00-\u9fa5\d]{0,6}["”]?(?:末|初|年底|同期|上年|去年)(?:相比)?|截至?\s*\d{4}\s*年(?:底|末)?|(?:到|至|截至|截止到?|力争到?|争取到?|预计到?|计划到?)?\s*\d{4}\s*年(?:底|末|前|以前|内)?前?|全年|年内|年度|当年|今年|明年|目前|当前|现已|已经|每年|每年度|年均|逐年|同比|同口径|比上年|较上年|(?:未来|近|今后)[\d一二三四五]+年(?:里|内|间)?|[\d一二三四五]+年内|十四五(?:期间|末)?|期间|期末)/;

/** Commitment words and auxiliaries before the indicator: 力争, 确保, 将, 要 … */
export const COMMITMENT_WORD =
  /^(?:力争|确保|争取|努力|全力|着力|力求|计划|预计|拟|要|将|并|再|积极|支持|鼓励|推动|推进|引导|加大|加强|重点|大力|持续|不断|进一步|共同|[:：,，])/;

/** The whole of the plan's unit (全县, 全区 …): a county-wide figure, never a scope. */
export const WHOLE_UNIT =
  /^(?:各区县|各县区|各县市区|各县\(市、区\)|全县|全区|全市|全镇|全州|全省|全旗|县域|全域|本县|本区|本市|我县|我区|我市|县本级|区本级|市本级)/;

/** Leading words that are not part of an indicator's name (the old single-pass filler). */
export const FILLER = new RegExp(
  `^(?:${[ENUMERATOR, TIME_PHRASE, COMMITMENT_WORD, WHOLE_UNIT].map((r) => r.source.slice(1)).join('|')})+`,
);

/** Predicate right before a number, with the qualifier it implies (分别 and 力争 may precede it). */
export const PREDICATE =
  /(?:分别|力争|将|要|至少|最少|最多)?(同比增长|年均增长|比上年增长|增长|年均递增|逐年递增|递增|增速|增幅|提高到|提高至|提升到|提升至|跃升到|跃升至|增加到|增加至|增加|提高|提升|达到|达|突破|超过|超|不少于|不低于|不超过|低于|完成|实现|入库|保持在|稳定在|控制在|最高可按|最高可达|最高|约|各|共计|共|累计|新增|净增|为|≥|>=|≧|＞|>|≤|<=|≦|<)\s*$/;

export const AT_LEAST_WORDS = /^(突破|超过|超|不少于|不低于|≥|>=|≧|＞|>)$/;
export const AT_MOST_WORDS = /^(不超过|低于|最高可按|最高可达|最高|控制在|≤|<=|≦|<)$/;

/** Growth wording for a percentage. */
export const GROWTH_WORDS = /增长|递增|增速|增幅|增加(?![值到至])/;

/** Action verbs that show a number is a commitment, without deciding its kind. */
export const SIGNAL_VERBS = [
  '筛选',
  '打造',
  '推广',
  '制定',
  '研发',
  '研制',
  '开发',
  '推出',
  '选育',
  '攻关',
  '形成',
  '落地',
  '培训',
  '招引',
  '签约',
  '举行',
  '跃升',
  '提高',
  '提升',
];

/** Commitment words: a number in a sentence that says 力争 … is a target. */
export const COMMITMENT = /力争|确保|争取|目标|任务/g;
