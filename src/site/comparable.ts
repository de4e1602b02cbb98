/**
 * When two targets can be compared: same metric, same kind, same unit base
 * (件/万人 ~ 件), same scope (规模以上 is never the whole) and, for a share, the
 * same denominator (rankable.ts). A growth rate never sits next to a level, 专利
 * never next to 发明专利. Every comparison the site draws (benchmarks, changes,
 * the compare table, the metric charts) goes through this key.
 */
import type { Kind } from '../pipeline/schema.ts';
import { comparabilityKey } from './rankable.ts';

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
  county: string;
  slug: string;
  prefecture: string;
  year: number;
  deadline: number | null;
  /** null (or absent) for a county-wide figure, else the subset or sub-area (规模以上, 园区). */
  scope?: string | null;
}

/** Key under which two targets are comparable. `other` is a catch-all, so there the wording must match too. */
export const compareKey = (t: Pick<Row, 'metric' | 'kind' | 'unit' | 'label' | 'scope'>): string =>
  comparabilityKey(t);

/** A plan's first target per comparable key (later mentions of the same key are usually sub-targets). */
export function firstPerKey<T extends Row>(rows: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(compareKey(r))) m.set(compareKey(r), r);
  return m;
}
