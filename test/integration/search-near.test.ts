import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import { NearLookup } from '../../src/search/near.ts';
import { divisions } from '../../src/pipeline/meta.ts';
import { metrics } from '../unit/search-fixture.ts';

/** What fuse.js finds scanning every record (the behaviour NearLookup must keep). */
function fuseAll(texts: string[], q: string, limit: number): string[] {
  const fuse = new Fuse(
    texts.map((text) => ({ text })),
    { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.3 },
  );
  return fuse
    .search(q, { limit })
    .filter((r) => (r.score ?? 1) < 0.2)
    .map((r) => r.item.text);
}

describe('near lookup', () => {
  const counties = [...new Set(divisions().counties.map((c) => c.county))];
  const near = new NearLookup(counties, (c) => c);

  it('finds the same close matches as fuse.js over every record', () => {
    const queries: string[] = [];
    counties.forEach((c, i) => {
      if (i % 40 !== 0) return;
      const chars = [...c];
      queries.push(c, chars.slice(1).join(''), chars.slice(0, -1).join(''));
      // One character replaced: a typo.
      chars[Math.floor(chars.length / 2)] = '泌';
      queries.push(chars.join(''));
    });
    queries.push('科技金融', '高新技术企业', 'ab');
    expect(counties.length).toBeGreaterThan(2800);
    for (const q of queries) expect(near.search(q, 3), q).toEqual(fuseAll(counties, q, 3));
  });

  it('finds a county from a typo and nothing for an unrelated word', () => {
    expect(near.search('阿鲁科尔泌旗', 3)).toContain('阿鲁科尔沁旗');
    expect(near.search('云母新材料', 3)).toEqual([]);
  });

  it('works for metric wordings too', () => {
    const words = metrics.flatMap((m) => [m.zh, ...m.wordings]);
    const lookup = new NearLookup(words, (w) => w);
    for (const q of ['研发投入', '高新技木企业', '科技型中小企', '质押融资'])
      expect(lookup.search(q, 5), q).toEqual(fuseAll(words, q, 5));
  });
});
