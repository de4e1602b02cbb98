import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/build.ts';
import { engine, input } from './search-fixture.ts';

const where = (r: { passages: { doc: string; anchor: string }[] }) =>
  r.passages.map((p) => `${p.doc}#${p.anchor}`);

describe('search ranking', () => {
  it('finds a word far from the start of a paragraph', async () => {
    const { engine: e } = await engine();
    expect(where(await e.search('云母'))).toEqual(['pingjiang-2026#p-2', 'pingjiang-2026#p-3']);
    expect(where(await e.search('芦笋'))).toEqual(['yuanjiang-2024#p-2']);
  });
  it('ranks the contiguous phrase above the words apart, in either order', async () => {
    const { engine: e } = await engine();
    const a = await e.search('云母 新材料');
    expect(where(a)).toEqual(['pingjiang-2026#p-2', 'pingjiang-2026#p-3']);
    expect(a.passages.map((p) => p.tier)).toEqual([0, 1]);
    const b = await e.search('新材料 云母');
    expect(new Set(where(b))).toEqual(new Set(where(a)));
  });
  it('ranks the exact wording above a synonym, and finds the synonym', async () => {
    const { engine: e } = await engine();
    const r = await e.search('高企');
    expect(where(r)[0]).toBe('yuanjiang-2024#p-1');
    expect(r.passages.map((p) => p.tier)).toEqual([0, 1, 1]);
    expect(where(r)).toContain('pingjiang-2024#p-1');
    expect(r.passages[1]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual([
      '高新技术企业',
    ]);
  });
  it('lists passages with some of the words (fuzzy) only when none has all', async () => {
    const { engine: e } = await engine();
    const r = await e.search('材料 企业');
    expect(r.passages[0]!.tier).toBe(1);
    expect(r.tiers[2]).toBe(0);
    const f = await e.search('芦笋 企业');
    expect(f.tiers[0] + f.tiers[1]).toBe(0);
    expect(f.passages.length).toBeGreaterThan(1);
    expect(f.passages.every((p) => p.tier === 2)).toBe(true);
    expect(f.passages[0]!.snippet.some((s) => s.hit)).toBe(true);
  });
  it('matches numbers with units as whole numbers, whatever the width or spacing', async () => {
    const { engine: e } = await engine();
    const r = await e.search('30%');
    expect(where(r)).toEqual(['pingjiang-2024#p-1']);
    expect(r.passages[0]!.targets.map((t) => t.id)).toEqual(['t-1']);
    expect(where(await e.search('３０％'))).toEqual(['pingjiang-2024#p-1']);
    expect(where(await e.search('100家'))).toHaveLength(2);
  });
  it('finds every plan that mentions a phrase and counts facets', async () => {
    const { engine: e } = await engine();
    const r = await e.search('知识产权质押');
    expect(new Set(r.passages.map((p) => p.doc))).toEqual(
      new Set(['pingjiang-2026', 'yuanjiang-2024']),
    );
    expect(r.facets.county).toEqual([
      ['平江县', 1],
      ['沅江市', 1],
    ]);
    expect(r.facets.year).toEqual([
      ['2024', 1],
      ['2026', 1],
    ]);
    const f = await e.search('知识产权质押', { filters: { county: '沅江市' } });
    expect(where(f)).toEqual(['yuanjiang-2024#p-2']);
  });
  it('treats a county name as matching its plans in a multi-word query', async () => {
    const { engine: e } = await engine();
    const r = await e.search('平江 人才');
    expect(where(r)).toEqual(['pingjiang-2024#p-2']);
    expect(r.quick.some((q) => q.kind === 'county' && q.href === '/counties/pingjiang/')).toBe(
      true,
    );
  });
  it('offers the metric page and every plan’s targets for an abbreviation', async () => {
    const { engine: e } = await engine();
    const r = await e.search('高企');
    expect(r.quick[0]).toMatchObject({ kind: 'metric', href: '/metrics/hightech_firms/' });
    expect(r.quick.filter((q) => q.kind === 'target').map((q) => q.href)).toEqual([
      '/plans/pingjiang-2024/#t-2',
      '/plans/yuanjiang-2024/#t-1',
    ]);
  });
  it('suggests glossary terms when nothing matches', async () => {
    const { engine: e } = await engine();
    const r = await e.search('高新技木企业');
    expect(r.tiers[0] + r.tiers[1]).toBe(0);
    expect(r.suggestions).toContain('高新技术企业');
  });
  it('fetches only the shards the query needs', async () => {
    const { engine: e, fetched } = await engine({ shardBytes: 200 });
    const built = buildIndex(input, { shardBytes: 200 });
    await e.search('云母');
    const shards = fetched.filter((p) => p.startsWith('b/') || p.startsWith('g/'));
    expect(shards).toHaveLength(1);
    expect(built.manifest.shards).toBeGreaterThan(8);
    // Cached: the same query again fetches nothing new.
    const n = fetched.length;
    await e.search('云母');
    expect(fetched.length).toBe(n);
  });
});
