/**
 * The order plans and targets are listed in everywhere: plans by county
 * (pinyin slug), then year, then id; targets by their plan, then by number
 * (t-2 before t-10).
 */
import type { PlanRecord, TargetRecord } from '../pipeline/schema.ts';

type PlanKey = Pick<PlanRecord, 'doc' | 'meta'>;

/** Comparator for Array.prototype.sort over plan records. */
export function planOrder(a: PlanKey, b: PlanKey): number {
  return (
    a.meta.slug.localeCompare(b.meta.slug) ||
    a.meta.year - b.meta.year ||
    a.doc.localeCompare(b.doc)
  );
}

/** The number of a target id (`t-12` → 12; 0 for any other shape). */
const targetNumber = (id: string): number => Number(id.replace(/^t-/, '')) || 0;

/** Comparator for targets, given the plans in their order. */
export function targetOrder(
  plans: readonly Pick<PlanRecord, 'doc'>[],
): (a: Pick<TargetRecord, 'doc' | 'id'>, b: Pick<TargetRecord, 'doc' | 'id'>) => number {
  const rank = new Map(plans.map((p, i) => [p.doc, i]));
  return (a, b) =>
    (rank.get(a.doc) ?? 0) - (rank.get(b.doc) ?? 0) || targetNumber(a.id) - targetNumber(b.id);
}
