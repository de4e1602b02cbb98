/**
 * Long lists split into pages without splitting a group: a list of plans
 * grouped by province becomes pages of whole provinces, each page at most
 * `max` items unless one group alone is larger (it then has a page to itself).
 */

/** One page: its 1-based number and its groups. */
export interface Page<G> {
  number: number;
  groups: G[];
  /** Items on the page. */
  items: number;
}

/** Splits groups, in order, into pages of at most `max` items (see the module comment). */
export function pageGroups<G>(
  groups: readonly G[],
  size: (g: G) => number,
  max: number,
): Page<G>[] {
  if (max < 1) throw new Error(`pageGroups: max must be at least 1, not ${max}`);
  const pages: Page<G>[] = [];
  let current: Page<G> | null = null;
  for (const g of groups) {
    const n = size(g);
    if (!current || (current.items > 0 && current.items + n > max)) {
      current = { number: pages.length + 1, groups: [], items: 0 };
      pages.push(current);
    }
    current.groups.push(g);
    current.items += n;
  }
  return pages.length ? pages : [{ number: 1, groups: [], items: 0 }];
}
