/** The order plans are listed in everywhere: by county (pinyin slug), then year, then id. */
import type { PlanRecord } from '../pipeline/schema.ts';

/** Comparator for Array.prototype.sort over plan records. */
export function planOrder(
  a: Pick<PlanRecord, 'doc' | 'meta'>,
  b: Pick<PlanRecord, 'doc' | 'meta'>,
) {
  return (
    a.meta.slug.localeCompare(b.meta.slug) ||
    a.meta.year - b.meta.year ||
    a.doc.localeCompare(b.doc)
  );
}
