/**
 * Words that decide how a number is read. These are grammar of Chinese plan
 * language, shared by every county, so they live in code; what an indicator
 * is called lives in the curator's taxonomy (content/metrics.yaml).
 */

/** Explicit new-addition wording: the target counts additions even when 达 follows. */
export const STRONG_INCREASE = ['新增', '净增', '新入驻', '新认定', '新进', '新培育', '新引进'];

/** Verbs that create something new: increase, unless a stock verb (达) binds the number. */
export const INCREASE_VERBS = [
  '培育',
  '培养',
  '引进',
  '引育',
  '创建',
  '争创',
  '建设',
  '建成',
  '新建',
  '孵化',
  '备案',
  '布局',
  '组建',
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
  '攻克',
  '突破',
  '实现',
  '报送',
  '推荐',
  '加快',
  '设立',
  '达到',
  '达',
  '超过',
  '保持',
];

/** Verbs that bind the number right after them to a stock: 达 95 家, 突破 100 家. */
export const STATIVE_PREDICATES = [
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

/** Leading words that are not part of an indicator's name. */
export const FILLER =
  /^(?:力争|确保|争取|努力|全力|着力|力求|全年|年内|年度|当年|今年|每年|每月|每季度|全市|全县|全区|全镇|全州|全省|其中|重点|计划|同比|年均|要|并|再|积极|支持|鼓励|推动|推进|引导|加大|加强|到\d{4}年(?:底|末)?|\d{4}年(?:底|末)?|[:：])+/;

/** Predicate right before a number, with the qualifier it implies. */
export const PREDICATE =
  /(分别达到|分别达|分别为|同比增长|年均增长|增长|增速|增幅|提高到|提高至|提升到|提升至|提高|提升|达到|达|突破|超过|超|不少于|不低于|不超过|完成|实现|入库|保持在|控制在|最高可按|最高可达|最高|约|各|共计|共|累计|新增|净增)\s*$/;

export const AT_LEAST_WORDS = /^(突破|超过|超|不少于|不低于)$/;
export const AT_MOST_WORDS = /^(不超过|最高可按|最高可达|最高|控制在)$/;

/** Growth wording for a percentage. */
export const GROWTH_WORDS = /增长|增速|增幅/;

/** Action verbs that show a number is a commitment, without deciding its kind. */
export const SIGNAL_VERBS = [
  '筛选',
  '打造',
  '推广',
  '制定',
  '建立',
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
];

/** Commitment words: a number in a sentence that says 力争 … is a target. */
export const COMMITMENT = /力争|确保|争取|目标|任务/;
