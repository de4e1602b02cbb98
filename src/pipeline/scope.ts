/**
 * Scope: the part of the plan's unit that a figure covers (FORMAT.md v2).
 * null is the whole county; otherwise the subset or sub-area as worded —
 * a size class (规模以上高新技术企业 → 规模以上), a sub-area (园区企业研发费用 → 园区).
 * A denominator is never a scope, and neither is 全县 / 全区 / 全市.
 */

/** Metrics defined on above-scale firms: 规模以上 names them, it does not narrow them. */
const SIZE_DEFINED = new Set([
  'scale_firms',
  'industrial_value_added',
  'rd_active_firms',
  'patent_firms',
  'other',
]);

const SIZE_CLASS = /^(规模以上工业|规模以上|规上工业|规上|规模工业)/;
const SUB_AREA =
  /^((?:[\u4e00-\u9fa5]{0,6}?)(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|农高区|工业园区|产业园区|园区))/;

/** The scope a label itself names, or null. `metric` decides whether a size class narrows it. */
export function scopeOfLabel(label: string, metric: string): string | null {
  const folded = label.normalize('NFKC').replace(/\s+/g, '');
  // 占规上工业增加值比重: what follows 占 is the denominator, not the figure's scope.
  const subject = folded.split('占')[0] ?? folded;
  const area = SUB_AREA.exec(subject);
  if (area) return area[1]!;
  const size = SIZE_CLASS.exec(subject);
  if (size && !SIZE_DEFINED.has(metric)) return size[1]!;
  return null;
}

const SECTOR_PREDICATE = /^(?:要|将|以|力争|培育|引进|新增|加快|实现|提质|发展|年均|到|在)/;
const SECTOR_SUBJECT = new RegExp(
  `^(?:其中)?[:：]?\\s*([\\u4e00-\\u9fa5()]{2,12}?产业)(?=${SECTOR_PREDICATE.source.slice(1)})`,
);

/** Where a sector's sentence ends: a sentence end or a semicolon (…储能延伸；电子信息产业…). */
export const SECTOR_STOPS = '。；;！？!?\n';

/** How far before a figure its sentence's sector subject may stand. */
const SECTOR_REACH = 240;

/** Industry names that say how a plan ranks its industries, not which one a figure is for. */
const GENERIC_SECTOR = /^(?:主导|优势|特色|新兴|重点|支柱|传统|未来|首位|全|各|相关)产业$/;

/**
 * A sector that is the subject of the sentence holding `pos`: 精细化工产业要…达20家,
 * 其中:浮标(钓具)产业要培育…, 医药健康产业提质增效明显,…新增…. The sector only counts
 * when it is followed by its own predicate, so 高新技术产业增加值达… names an indicator,
 * not a scope; `label` (the target's indicator) must not contain it either.
 */
export function sectorOfSentence(
  text: string,
  pos: number,
  label: string,
  sentenceFrom?: number,
): string | null {
  // Read at most SECTOR_REACH characters back: a sector names the subject near its figures.
  const floor = Math.max(0, pos - SECTOR_REACH);
  let from = sentenceFrom ?? (floor === 0 ? 0 : -1);
  if (sentenceFrom === undefined) {
    for (let i = pos - 1; i >= floor; i--) {
      if (SECTOR_STOPS.includes(text[i]!)) {
        from = i + 1;
        break;
      }
    }
  } else if (from < floor) from = -1;
  const reach = text.slice(Math.max(from, floor), pos);
  // A sentence head out of reach can only be replaced by a 其中: split within it.
  if (from === -1 && !/其中[:：]/.test(reach)) return null;
  const head = SECTOR_SUBJECT.exec(reach.replace(/^[^:：]*其中[:：]/, ''));
  if (!head) return null;
  const sector = head[1]!;
  if (GENERIC_SECTOR.test(sector)) return null;
  // 高新技术产业增加值: the sector is part of the indicator's name, not its subject.
  const inLabel = label.indexOf(sector);
  if (inLabel !== -1 && !SECTOR_PREDICATE.test(label.slice(inLabel + sector.length))) return null;
  return sector;
}

/** Sub-area scopes carry to the later clauses of their sentence; size classes never do. */
export function isSubArea(scope: string): boolean {
  return SUB_AREA.test(scope);
}
