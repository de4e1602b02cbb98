/**
 * Choosing plans to compare by name: what the picker searches (county,
 * prefecture, province, year, title, the county's pinyin), how a query ranks
 * the plans, and what an address's `?plans=` keeps and drops. Pure functions,
 * shared by the page (server) and the picker (browser).
 */

/** The most plans the compare table shows side by side. */
export const MAX_COMPARE = 4;

/** A plan as the picker lists and searches it. */
export interface PickerPlan {
  doc: string;
  county: string;
  prefecture: string;
  province: string;
  year: number;
  title: string;
  /** The county's pinyin id (`pingjiang`), so Latin typing finds it too. */
  slug: string;
}

/** A plan's line in the picker: `平江县 2026 · 岳阳市`. */
export const pickerLabel = (p: PickerPlan): string => `${p.county} ${p.year} · ${p.prefecture}`;

const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b-\u200f\u2060\ufeff]+/g, ' ')
    .trim();

/** How well one query word fits a plan: lower is better, null when it fits nowhere. */
function wordScore(p: PickerPlan, w: string): number | null {
  const county = fold(p.county);
  if (county.startsWith(w)) return 0;
  if (county.includes(w)) return 1;
  if (p.slug.startsWith(w)) return 1;
  if (String(p.year) === w) return 2;
  if (fold(p.prefecture).includes(w)) return 3;
  if (fold(p.province).includes(w)) return 4;
  if (fold(p.title).includes(w)) return 5;
  return null;
}

/**
 * The plans a query finds, best first: every word of the query must fit the
 * county, its pinyin, the year, the prefecture, the province or the title.
 * Ties: county pinyin, then the newest plan first. Plans in `exclude` (already
 * chosen) are left out.
 */
export function matchPlans(
  plans: PickerPlan[],
  query: string,
  exclude: ReadonlySet<string> = new Set(),
  limit = 20,
): PickerPlan[] {
  const words = fold(query)
    .split(/[ ,，、;；]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const scored: { p: PickerPlan; score: number }[] = [];
  for (const p of plans) {
    if (exclude.has(p.doc)) continue;
    let score = 0;
    for (const w of words) {
      const s = wordScore(p, w);
      if (s === null) {
        score = -1;
        break;
      }
      score += s;
    }
    if (score >= 0) scored.push({ p, score });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.p.slug.localeCompare(b.p.slug) ||
        b.p.year - a.p.year ||
        a.p.doc.localeCompare(b.p.doc),
    )
    .slice(0, limit)
    .map((s) => s.p);
}

/** What an address's `?plans=` asks for, and what of it cannot be shown. */
export interface PlansParam {
  /** Known, distinct plans in the order asked, at most MAX_COMPARE. */
  docs: string[];
  /** Ids that name no plan of the site. */
  unknown: string[];
  /** Known plans past the first MAX_COMPARE. */
  overflow: string[];
}

/** Reads `?plans=a,b` (or `?plans=a&plans=b`, as the plain form sends it). */
export function readPlansParam(search: string, known: ReadonlySet<string>): PlansParam {
  const asked = new URLSearchParams(search)
    .getAll('plans')
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const distinct = [...new Set(asked)];
  const valid = distinct.filter((d) => known.has(d));
  return {
    docs: valid.slice(0, MAX_COMPARE),
    unknown: distinct.filter((d) => !known.has(d)),
    overflow: valid.slice(MAX_COMPARE),
  };
}

/** The sentence that says what an address asked for and did not get; empty when nothing was dropped. */
export function droppedMessage(r: PlansParam): string {
  const parts: string[] = [];
  if (r.unknown.length) parts.push(`未找到这些方案编号，已忽略：${r.unknown.join('、')}`);
  if (r.overflow.length)
    parts.push(`一次最多比较 ${MAX_COMPARE} 份方案，已略去：${r.overflow.join('、')}`);
  if (parts.length && r.docs.length < 2) parts.push('已收录的方案不足两份，显示默认比较');
  return parts.length ? `${parts.join('。')}。` : '';
}

/** The picker's plans as JSON for a <script type="application/json">: `<` escaped, so a title such as `</script>` cannot end the element. */
export function pickerJson(plans: PickerPlan[]): string {
  return JSON.stringify(plans)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
