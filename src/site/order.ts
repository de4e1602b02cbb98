/**
 * The order plans and targets are listed in everywhere: plans by county
 * (pinyin slug), then year, then id; targets by their plan, then where the
 * plan first mentions them (ids are content hashes and say nothing of order).
 */
import type { PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { firstMention } from '../pipeline/targets.ts';

type PlanKey = Pick<PlanRecord, 'doc' | 'meta'>;

/** Comparator for Array.prototype.sort over plan records. */
export function planOrder(a: PlanKey, b: PlanKey): number {
  return (
    a.meta.slug.localeCompare(b.meta.slug) ||
    a.meta.year - b.meta.year ||
    a.doc.localeCompare(b.doc)
  );
}

type TargetKey = Pick<TargetRecord, 'doc' | 'spans'>;

/** Comparator for targets, given the plans in their order. */
export function targetOrder(
  plans: readonly Pick<PlanRecord, 'doc'>[],
): (a: TargetKey, b: TargetKey) => number {
  const rank = new Map(plans.map((p, i) => [p.doc, i]));
  return (a, b) =>
    (rank.get(a.doc) ?? 0) - (rank.get(b.doc) ?? 0) || firstMention(a) - firstMention(b);
}
