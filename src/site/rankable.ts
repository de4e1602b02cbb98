/**
 * Which targets the site may rank, and which it may put side by side.
 *
 * A wrong rank is worse than none: an official may act on it. So a target is
 * ranked (benchmarks, changes, metric charts, maps) only when
 *   - the extractor was sure of its metric and kind (`confidence: high`), or a
 *     curator confirmed it with an override (which makes it high);
 *   - it names a real indicator (`other` is a catch-all);
 *   - its unit fits its kind (a growth rate or a share is a percentage);
 *   - it covers the whole county or a size class of firms that every county
 *     has (规模以上): a park's or an industry chain's figure has no peer in
 *     another county.
 * Everything else stays in the reader and the plan's list, marked 待核.
 *
 * Two rankable targets are compared only when their `comparabilityKey`s agree:
 * metric, kind, unit base, scope (规模以上 is never the whole), and for a share
 * its denominator (占GDP is never 占规上工业增加值). 专利 and 发明专利 are
 * different metric keys already (v2), so they never meet.
 */
import type { Kind, TargetRecord } from '../pipeline/schema.ts';
import { unitBase } from './format.ts';

/** The fields of a target that ranking reads. */
export type RankFields = Pick<
  TargetRecord,
  'metric' | 'kind' | 'unit' | 'label' | 'scope' | 'confidence'
>;

/** Kinds whose figure is a percentage. */
const PERCENT_KINDS = new Set<Kind>(['growth', 'share']);

/** Size classes of firms, each written several ways: the first is the name they are compared under. */
const SIZE_CLASSES: [RegExp, string][] = [
  [/^(?:规模以上|规上|规模)(?:工业)?(?:企业)?$/, '规模以上'],
];

/** Denominators of a share, folded to one name per measure. */
const DENOMINATORS: [RegExp, string][] = [
  [/^(?:全县|全市|全区|全旗|县域|本县|地区|本地|国内)?(?:地区)?生产总值$|^GDP$/i, 'GDP'],
  [/^(?:规模以上|规上|规模)工业(?:企业)?增加值$/, '规上工业增加值'],
  [/^(?:规模以上|规上|规模)?工业(?:企业)?(?:总)?产值$/, '工业产值'],
  [
    /^(?:规模以上|规上|规模)?(?:工业)?企业(?:主营业务|营业)收入$|^(?:主营业务|营业)收入$/,
    '营业收入',
  ],
  [/^(?:(?:规模以上|规上|规模)工业|规工)企业$/, '规上工业企业'],
];

/** 占Y(的)比重 / 比例 / 份额: Y is what the share is of. */
const SHARE_OF =
  /占(?:全县|全市|全区|全旗|县域|本县)?(.+?)(?:的)?(?:比重|比例|比值|占比|份额|百分比)/;

/** Y中X占比 (规上工业企业中有研发活动企业占比): Y is what the share is of. */
const SHARE_WITHIN = /^(.+?)中.+?(?:占比|比重|比例)$/;

/**
 * Denominators a share states without naming: 研发投入强度 is R&D as a share of
 * GDP (content/metrics.yaml says so in its note). Other metrics' 强度 differ
 * (企业研发投入强度 is a share of revenue), so only metrics listed here get one.
 */
const IMPLIED_DENOMINATOR: Record<string, string> = { rd_spending: 'GDP' };

/**
 * A target's scope as comparisons read it: '' for the whole county, `规模以上`
 * for any spelling of the above-scale size class, else the scope as worded.
 */
export function scopeClass(scope: string | null): string {
  if (!scope) return '';
  const s = scope.normalize('NFKC').replace(/\s+/g, '');
  for (const [re, name] of SIZE_CLASSES) if (re.test(s)) return name;
  return s;
}

/**
 * What a share is a share of, from its label (占地区生产总值比重 → GDP, 规上工业企业中…占比
 * → 规上工业企业); a share whose label names none gets its metric's implied
 * denominator, else '' (compared only with other unstated ones); '' for other kinds.
 */
export function shareBasis(t: Pick<TargetRecord, 'kind' | 'label'> & { metric?: string }): string {
  if (t.kind !== 'share') return '';
  // Kept small (no pipeline import): the compare page's browser code reads this too.
  const folded = t.label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((?:GDP|R&D)\)/gi, '');
  const raw = SHARE_OF.exec(folded)?.[1] ?? SHARE_WITHIN.exec(folded)?.[1] ?? '';
  if (!raw) return (t.metric !== undefined ? IMPLIED_DENOMINATOR[t.metric] : undefined) ?? '';
  for (const [re, name] of DENOMINATORS) if (re.test(raw)) return name;
  return raw;
}

/**
 * The key two targets must share to be compared or ranked together: metric,
 * kind, unit base, scope class and share basis. `other` is a catch-all, so
 * there the wording must match too.
 */
export function comparabilityKey(
  t: Pick<TargetRecord, 'metric' | 'kind' | 'unit' | 'label'> & {
    scope?: string | null | undefined;
  },
): string {
  const base = `${t.metric}|${t.kind}|${unitBase(t.unit)}`;
  const scope = scopeClass(t.scope ?? null);
  const basis = shareBasis(t);
  return `${base}${scope ? `|@${scope}` : ''}${basis ? `|/${basis}` : ''}${t.metric === 'other' ? `|${t.label}` : ''}`;
}

/** Why a target is not ranked, in the words the site shows; null when it is rankable. */
export function unrankableReason(t: RankFields): string | null {
  if (t.confidence !== 'high') return '待核：指标或类型的识别不确定，未经人工核对';
  if (t.metric === 'other') return '未归入具体指标';
  if (PERCENT_KINDS.has(t.kind) && unitBase(t.unit) !== '%') return '单位与类型不符';
  const scope = scopeClass(t.scope);
  if (scope && !SIZE_CLASSES.some(([, name]) => name === scope))
    return `只覆盖${scope}，其他县没有可比的同口径数字`;
  return null;
}

/** Decides whether a target may be ranked (PeerIndex takes one; tests pass others). */
export type Rankable = (t: TargetRecord) => boolean;

/**
 * Whether the site may rank this target against other counties' (see the
 * module comment). The one ranking predicate: every peer group, metric
 * ranking, distribution and top/bottom list is built through PeerIndex
 * (peers.ts), which asks it.
 */
export function isRankable(t: RankFields): boolean {
  return unrankableReason(t) === null;
}

/** Whether the target is shown as 待核 (unreviewed): low confidence, not confirmed by a curator. */
export function isUnreviewed(t: Pick<TargetRecord, 'confidence'>): boolean {
  return t.confidence !== 'high';
}
