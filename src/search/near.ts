/**
 * Fuzzy lookup over short records (county names, metric wordings) with
 * fuse.js. A close match (score < 0.2) shares most of its characters with the
 * query, so fuse only scores the records sharing at least half of them: a
 * query costs the same with 2,800 counties as with five, and fuse's
 * per-record work stays off the path of every keystroke.
 */
import Fuse from 'fuse.js';

/** Records found by fuzzy match on a text of theirs (see the header). */
export class NearLookup<T> {
  private readonly records: { item: T; text: string }[];
  private readonly byChar = new Map<string, number[]>();

  constructor(items: T[], text: (item: T) => string) {
    this.records = items.map((item) => ({ item, text: text(item) }));
    this.records.forEach((r, k) => {
      for (const c of new Set(r.text)) {
        const list = this.byChar.get(c);
        if (list) list.push(k);
        else this.byChar.set(c, [k]);
      }
    });
  }

  /** Up to `limit` records scoring below `maxScore`, best first. */
  search(query: string, limit: number, maxScore = 0.2): T[] {
    const chars = [...new Set(query)];
    const shared = new Map<number, number>();
    for (const c of chars)
      for (const k of this.byChar.get(c) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    // In record order, so ties rank as they would over every record.
    const candidates = [...shared]
      .filter(([, n]) => n * 2 >= chars.length)
      .map(([k]) => k)
      .sort((a, b) => a - b)
      .map((k) => this.records[k]!);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(candidates, {
      keys: ['text'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
    });
    return fuse
      .search(query, { limit })
      .filter((r) => (r.score ?? 1) < maxScore)
      .map((r) => r.item.item);
  }
}
