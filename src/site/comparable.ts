/**
 * When two targets can be compared: same metric, same kind, same unit base
 * (件/万人 ~ 件), same scope (规模以上 is never the whole, a park's figure is
 * not the county's) and, for a share, the same denominator (占GDP is not
 * 占规上工业增加值; rankable.ts reads both). A growth rate never sits next to a
 * level, 专利 never next to 发明专利. Every comparison the site draws (rankings,
 * benchmarks, changes, the compare table, the metric charts) goes through this key.
 */
import type { Kind } from '../pipeline/schema.ts';
import { KIND_LABEL } from './format.ts';
import { comparabilityKey, scopeClass, shareBasis } from './rankable.ts';

/** The fields of a target that comparisons read. */
export interface Row {
  doc: string;
  id: string;
  metric: string;
  kind: Kind;
  value: number;
  value_max: number | null;
  unit: string;
  label: string;
  /** null: the whole county; else the subset or sub-area the figure covers. */
  scope: string | null;
  county: string;
  slug: string;
  prefecture: string;
  year: number;
  deadline: number | null;
}

/**
 * What a share is a share of (占GDP → GDP, 规工企业中…占比 → 规上工业企业), its
 * metric's implied one when the label names none, else '' (unstated); null for
 * other kinds. One reading with the comparison key's (rankable.ts shareBasis).
 */
export function denominatorOf(t: Pick<Row, 'kind' | 'label' | 'metric'>): string | null {
  return t.kind === 'share' ? shareBasis(t) : null;
}

/** Key under which two targets are comparable. `other` is a catch-all, so there the wording must match too. */
export const compareKey = (
  t: Pick<Row, 'metric' | 'kind' | 'unit' | 'label'> & { scope?: string | null },
): string => comparabilityKey(t);

/** A comparable group as a heading says it: 占比（%，仅规模以上，占GDP）. */
export function groupTitle(
  t: Pick<Row, 'metric' | 'kind' | 'unit' | 'label'> & { scope?: string | null },
): string {
  const denominator = denominatorOf(t);
  const scope = scopeClass(t.scope ?? null);
  const parts = [
    t.unit,
    ...(scope ? [`仅${scope}`] : []),
    ...(denominator ? [`占${denominator}`] : []),
  ];
  return `${KIND_LABEL[t.kind].zh}（${parts.join('，')}）`;
}

/** A plan's first target per comparable key (later mentions of the same key are usually sub-targets). */
export function firstPerKey<T extends Row>(rows: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) {
    const k = compareKey(r);
    if (!m.has(k)) m.set(k, r);
  }
  return m;
}
