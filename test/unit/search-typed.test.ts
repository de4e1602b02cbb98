/** What people type (issue 15): R&D, one character, pinyin, abbreviations; and a failed load. */
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldForSearchWithSpans } from '../../src/search/fold.ts';
import { parseQuery } from '../../src/search/tokenize.ts';
import { buildSynonyms } from '../../src/search/synonyms.ts';
import { SearchEngine } from '../../src/search/query.ts';
import type { SearchDoc, SearchInput } from '../../src/search/types.ts';
import { engine, input, memoryIndex, metrics } from './search-fixture.ts';

describe('R&D', () => {
  it('folds R&D and 研究与试验发展 to 研发, in text and in queries', () => {
    expect(foldForSearch('R&D投入')).toBe(foldForSearch('研发投入'));
    expect(foldForSearch('Ｒ ＆ Ｄ 经费')).toBe(foldForSearch('研发经费'));
    expect(foldForSearch('研究与试验发展经费')).toBe(foldForSearch('研发经费'));
    expect(parseQuery('R & D').terms.map((t) => t.text)).toEqual(['研发']);
  });

  it('leaves r&d inside a longer Latin word alone', () => {
    expect(foldForSearch('hr&dev')).toBe('hr&dev');
  });

  it('highlights the original spelling, whatever folded to 研发', () => {
    for (const src of ['加大R&D投入', '加大研究与试验发展投入']) {
      const f = foldForSearchWithSpans(src);
      const i = f.text.indexOf('研发');
      expect(src.slice(f.start[i], f.end[i + 1])).toBe(src.slice(2, -2));
    }
  });

  it('finds the plans that write 研发 (and their R&D targets) for the query R&D', async () => {
    const { engine: e } = await engine();
    const r = await e.search('R&D');
    expect(new Set(r.docs)).toEqual(
      new Set(['pingjiang-2026', 'pingjiang-2024', 'yuanjiang-2024']),
    );
    expect(r.suggestions).toEqual([]);
  });
});

describe('one character', () => {
  /** Plans with a few characters repeated, some rare. */
  function chars(): SearchInput {
    const words = ['油茶', '茶叶', '矿产', '云母', '茶茶茶', '芦笋', '铁矿', '人才'];
    const docs: SearchDoc[] = Array.from({ length: 12 }, (_, i) => ({
      doc: `c${i}-2025`,
      county: `县${i}`,
      prefecture: '市',
      province: '湖南省',
      year: 2025,
      slug: `c${i}`,
      title: '方案',
      paragraphs: Array.from({ length: 4 }, (_, k) => ({
        anchor: `p-${k + 1}`,
        heading: '任务',
        text: `发展${words[(i * 3 + k) % words.length]!}和${words[(i + k * 5) % words.length]!}`,
        targets: [],
      })),
    }));
    return { docs, metrics, targets: [] };
  }

  it('finds every paragraph holding a Han character, with its count, small or heavy', async () => {
    const data = chars();
    // A low threshold puts the frequent characters in files of their own.
    for (const heavyNumbers of [6, 4000]) {
      const { load, built } = memoryIndex(data, { heavyNumbers });
      const e = await SearchEngine.open(load);
      if (heavyNumbers === 6) expect(built.manifest.heavyChars.length).toBeGreaterThan(0);
      const texts = data.docs.flatMap((d) => d.paragraphs.map((p) => foldForSearch(p.text)));
      for (const c of ['茶', '矿', '笋', '才', '发', '鲸']) {
        const m = (await e.match(c))!;
        const expected = texts.flatMap((t, pid) => (t.includes(c) ? [pid] : []));
        expect([...m.pids]).toEqual(expected);
        expect([...m.counts]).toEqual(
          expected.map((pid) => Math.min(5, [...texts[pid]!].filter((x) => x === c).length)),
        );
      }
    }
  });

  it('answers a one-character query with its passages, a one-letter one not at all', async () => {
    const { engine: e } = await engine();
    const r = await e.search('笋');
    expect(r.docs).toEqual(['yuanjiang-2024']);
    expect(r.skipped).toEqual([]);
    expect(r.passages[0]!.snippet.some((s) => s.hit && s.text === '笋')).toBe(true);
    expect((await e.search('a')).skipped).toEqual(['a']);
  });
});

describe('pinyin', () => {
  it('reads a county name in pinyin as the county, joined across a space', async () => {
    const { engine: e } = await engine();
    for (const q of ['pingjiang', 'ping jiang', 'PingJiang']) {
      const r = await e.search(q);
      expect(r.quick[0]).toMatchObject({ kind: 'county', title: '平江县' });
    }
    const parsed = parseQuery('yuanjiang 云母', buildSynonyms(metrics), (w) =>
      w === 'yuanjiang' ? ['沅江'] : [],
    );
    expect(parsed.terms.map((t) => t.alts)).toEqual([['yuanjiang', '沅江'], ['云母']]);
  });

  it('counts a county named in pinyin as present in its plans', async () => {
    const { engine: e } = await engine();
    const r = await e.search('pingjiang 云母');
    expect(r.tiers[0] + r.tiers[1]).toBeGreaterThan(0);
    expect(r.docs).toEqual(['pingjiang-2026']);
  });

  it('lists counties whose pinyin a longer prefix begins, not for two letters', async () => {
    const { engine: e } = await engine();
    expect((await e.search('pingj')).quick.map((q) => q.title)).toContain('平江县');
    expect((await e.search('pi')).quick.filter((q) => q.kind === 'county')).toEqual([]);
  });
});

describe('abbreviations', () => {
  it('finds 科小 and 科技型中小企业 both ways, 高企 and 高新技术企业 too', async () => {
    const { engine: e } = await engine();
    expect(new Set((await e.search('高企')).docs)).toEqual(
      new Set(['pingjiang-2026', 'pingjiang-2024', 'yuanjiang-2024']),
    );
    expect((await e.search('高新技术企业')).docs).toContain('yuanjiang-2024');
  });
});

describe('a failed load', () => {
  it('rejects, so the page can say so, and a later open succeeds', async () => {
    const { load } = memoryIndex(input);
    let offline = true;
    const flaky = (path: string): Promise<string> =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : load(path);
    await expect(SearchEngine.open(flaky)).rejects.toThrow('Failed to fetch');
    offline = false;
    const e = await SearchEngine.open(flaky);
    expect((await e.search('云母')).docs).toEqual(['pingjiang-2026']);
  });

  it('forgets a block that failed, so the next query fetches it again', async () => {
    const { load } = memoryIndex(input);
    let failBlocks = false;
    const e = await SearchEngine.open((path) =>
      failBlocks && path.startsWith('d/') ? Promise.reject(new Error('offline')) : load(path),
    );
    failBlocks = true;
    await expect(e.search('云母')).rejects.toThrow('offline');
    failBlocks = false;
    expect((await e.search('云母')).docs).toEqual(['pingjiang-2026']);
  });
});
