/** What changed between two plans of one county, only where the targets are comparable. */
import { firstPerKey, type Row } from './comparable.ts';
import { num, unitBase } from './format.ts';

/** One comparable target in both plans, and how much it moved. */
export interface Change<T extends Row = Row> {
  key: string;
  before: T;
  after: T;
  /** after.value − before.value */
  delta: number;
}

/** What changed between two plans of one county: only same metric + kind + unit base. */
export function changes<T extends Row>(
  before: T[],
  after: T[],
): { changed: Change<T>[]; dropped: T[]; added: T[] } {
  const a = firstPerKey(before);
  const b = firstPerKey(after);
  const changed: Change<T>[] = [];
  for (const [k, r] of b) {
    const old = a.get(k);
    if (old) changed.push({ key: k, before: old, after: r, delta: r.value - old.value });
  }
  return {
    changed,
    dropped: [...a].filter(([k]) => !b.has(k)).map(([, r]) => r),
    added: [...b].filter(([k]) => !a.has(k)).map(([, r]) => r),
  };
}

/**
 * A change as the county page words it: ↑ +2 个百分点 for rates and shares
 * (a change of a percentage is counted in points), ↓ 5家 for counts, ＝ when
 * equal; with the CSS class that colours it.
 */
export function describeChange(c: Change): {
  className: 'change-up' | 'change-down' | '';
  text: string;
} {
  if (c.delta === 0) return { className: '', text: '＝ ' };
  const unit =
    c.after.kind === 'growth' || c.after.kind === 'share' ? ' 个百分点' : unitBase(c.after.unit);
  return c.delta > 0
    ? { className: 'change-up', text: `↑ +${num(c.delta)}${unit}` }
    : { className: 'change-down', text: `↓ ${num(c.delta)}${unit}` };
}
