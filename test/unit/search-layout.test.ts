import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/build.ts';
import { SearchEngine } from '../../src/search/query.ts';
import { foldForSearch } from '../../src/search/fold.ts';
import { mulberry32 } from '../../src/pipeline/synthetic.ts';
import type { Manifest, PlaceTable, SearchDoc, SearchInput } from '../../src/search/types.ts';
import { engine, input, memoryIndex, metrics } from './search-fixture.ts';

/** A larger seeded corpus: 60 plans over four years, sentences drawn from a pool. */
function corpus(seed = 7): SearchInput {
  const rnd = mulberry32(seed);
  const pool = [
    '高新技术企业达到 40 家，高企数量稳步增长',
    '培育科技型中小企业，科小入库 30 家',
    '全社会研发经费投入增长 10%，研发投入强度提高',
    '开展知识产权质押融资，扩大科技金融覆盖面',
    '发展云母新材料产业，延伸产业链',
    '建设重点实验室和新型研发机构',
    '高企高企高企，高企',
    '推动芦笋、油茶等特色产业',
  ];
  const docs: SearchDoc[] = [];
  for (let i = 0; i < 60; i++) {
    const year = 2023 + (i % 4);
    docs.push({
      doc: `county${i}-${year}`,
      county: `县${i}`,
      prefecture: `市${i % 5}`,
      province: '湖南省',
      year,
      slug: `county${i}`,
      title: `县${i}方案`,
      paragraphs: Array.from({ length: 3 + Math.floor(rnd() * 6) }, (_, k) => ({
        anchor: `p-${k + 1}`,
        heading: `第${k + 1}节`,
        text: Array.from(
          { length: 1 + Math.floor(rnd() * 3) },
          () => pool[Math.floor(rnd() * pool.length)]!,
        ).join('；'),
        targets: [],
      })),
    });
  }
  // Paragraphs quoting a high-tech firm target, for the paragraph–metric table.
  for (const d of docs)
    d.paragraphs.forEach((p, k) => {
      if (p.text.includes('高新技术企业达到'))
        p.targets.push({
          id: `t-${k + 1}`,
          metric: 'hightech_firms',
          label: '高新技术企业',
          quote: '高新技术企业达到 40 家',
        });
    });
  return { docs, metrics, targets: [] };
}

/** An engine over `data`, its manifest optionally altered (strip) before use. */
function open(data: SearchInput, opts = {}, strip?: (m: Manifest) => Manifest) {
  const { built, fetched, load } = memoryIndex(data, opts);
  const manifest = JSON.parse(built.files.get('manifest.json')!) as Manifest;
  const places = JSON.parse(built.files.get('places.json')!) as PlaceTable;
  return { e: new SearchEngine(strip ? strip(manifest) : manifest, places, load), fetched, built };
}

describe('search index layout', () => {
  it('looks a glossary wording up in one group file, with the same matches as the bigrams give', async () => {
    const data = corpus();
    const withGroups = open(data);
    const bigramsOnly = open(data, {}, (m) => ({ ...m, synonyms: [] }));
    const wordings = [...new Set(metrics.flatMap((m) => [m.zh, ...m.wordings]).map(foldForSearch))];
    for (const w of wordings) {
      const plain = (m: Awaited<ReturnType<SearchEngine['match']>>) =>
        m && { pids: [...m.pids], counts: [...m.counts] };
      const a = plain(await withGroups.e.match(w));
      const b = plain(await bigramsOnly.e.match(w));
      expect(a, w).toEqual(b);
      expect(a!.pids.length, w).toBeGreaterThan(0);
    }
    // Every occurrence counts, as with bigram positions.
    const m = await withGroups.e.match(foldForSearch('高企'));
    expect(Math.max(...m!.counts)).toBeGreaterThanOrEqual(4);
    expect(withGroups.fetched.filter((p) => p.startsWith('w/')).length).toBeLessThanOrEqual(
      metrics.length,
    );
    expect(withGroups.fetched.some((p) => p.startsWith('b/') || p.startsWith('g/'))).toBe(false);
    expect(bigramsOnly.fetched.some((p) => p.startsWith('w/'))).toBe(false);
  });

  it('finds a phrase from its words’ positions exactly where the whole string occurs', async () => {
    const { e } = open(corpus());
    const plain = (m: Awaited<ReturnType<SearchEngine['match']>>) =>
      m && { pids: [...m.pids], counts: [...m.counts] };
    const sequences = [
      ['知识产权', '质押融资'],
      ['云母', '新材料', '产业'],
      // A glossary wording (group file positions) followed by a plain word.
      ['高新技术企业', '达到'],
      ['高企', '高企'],
      ['芦笋', '油茶'],
      ['科技', '金融', '覆盖面'],
    ];
    for (const words of sequences) {
      const seq = plain(await e.matchSequence(words));
      const whole = plain(await e.match(words.join('')));
      expect(seq, words.join('|')).toEqual(whole);
    }
    expect((await e.matchSequence(['高企', '高企']))!.pids.length).toBeGreaterThan(0);
    expect((await e.matchSequence(['芦笋', '油茶']))!.pids.length).toBe(0);
    // The query's phrase costs no file beyond its words' own (the join 到高 would).
    const fresh = open(corpus());
    await fresh.e.search('高新技术企业 达到', { limit: 0 });
    const n = fresh.fetched.length;
    expect(n).toBeGreaterThan(0);
    const r = await fresh.e.search('达到 高新技术企业', { limit: 0 });
    expect(fresh.fetched.length).toBe(n);
    expect(r.tiers[0]).toBe(0);
  });

  it('fetches one file for a term and all its synonyms', async () => {
    const { e, fetched } = open(corpus());
    await e.search('高企', { limit: 0 });
    expect(fetched.filter((p) => /^[bgw]\//.test(p))).toEqual(['w/0.json']);
  });

  it('pages through results in the order of one long list', async () => {
    const { e } = open(corpus());
    for (const q of ['高企', '云母 产业', '研发投入', '芦笋 企业']) {
      const all = await e.search(q, { limit: 1000 });
      expect(all.passages.length, q).toBeGreaterThan(10);
      const pages: string[] = [];
      for (let offset = 0; offset < all.passages.length; offset += 7) {
        const r = await e.search(q, { limit: 7, offset });
        pages.push(...r.passages.map((p) => `${p.doc}#${p.anchor}`));
      }
      expect(pages, q).toEqual(all.passages.map((p) => `${p.doc}#${p.anchor}`));
      // Tiers never go back up, and newer plans lead among equals.
      const tiers = all.passages.map((p) => p.tier);
      expect(tiers, q).toEqual([...tiers].sort());
    }
  });

  it('lays plans out newest first and finds each paragraph in its text file, however small', async () => {
    const data = corpus();
    const big = open(data);
    const small = open(data, { chunkBytes: 300 });
    const years = big.built.manifest.years.map(([y]) => y);
    expect(years).toEqual([2026, 2025, 2024, 2023]);
    const texts = (b: typeof big) => [...b.built.files.keys()].filter((f) => f.startsWith('t/'));
    expect(texts(small).length).toBeGreaterThan(texts(big).length * 4);
    for (const q of ['云母', '知识产权质押', '高企']) {
      const a = await big.e.search(q, { limit: 1000 });
      const b = await small.e.search(q, { limit: 1000 });
      expect(b.passages, q).toEqual(a.passages);
      for (const p of a.passages) {
        const doc = data.docs.find((d) => d.doc === p.doc)!;
        const para = doc.paragraphs.find((x) => x.anchor === p.anchor)!;
        expect(p.snippet.map((s) => s.text).join(''), q).toBe(para.text);
      }
    }
  });

  it('lists a one-word metric query’s targets from the small head file', async () => {
    const { engine: e, fetched } = await engine();
    const r = await e.search('高企');
    expect(fetched).toContain('m/hightech_firms.head.json');
    expect(fetched).not.toContain('m/hightech_firms.json');
    expect(r.targetTotal).toBe(2);
    // Another word filters every target, so the full list is needed.
    const f = await e.search('高企 沅江');
    expect(fetched).toContain('m/hightech_firms.json');
    expect(f.targetTotal).toBe(1);
    expect(f.quick.filter((q) => q.kind === 'target').map((q) => q.href)).toEqual([
      '/plans/yuanjiang-2024/#t-1',
    ]);
  });

  it('counts and filters by the metrics of the targets a passage quotes', async () => {
    const { engine: e } = await engine();
    const r = await e.search('100家');
    expect(r.facets.metric).toEqual([
      ['hightech_firms', 1],
      ['rd_spending', 1],
    ]);
    const f = await e.search('100家', { filters: { metric: 'rd_spending' } });
    expect(f.passages.map((p) => `${p.doc}#${p.anchor}`)).toEqual(['pingjiang-2024#p-1']);
    expect((await e.search('100家', { filters: { metric: 'tech_sme' } })).total).toBe(0);
  });

  it('offers a county for a near miss of its name', async () => {
    const data: SearchInput = {
      ...input,
      docs: [
        ...input.docs,
        {
          ...input.docs[0]!,
          doc: 'alukeerqin-2025',
          county: '阿鲁科尔沁旗',
          prefecture: '赤峰市',
          province: '内蒙古自治区',
          slug: 'alukeerqin',
        },
      ],
    };
    const { engine: e } = await engine({}, data);
    const county = (r: { quick: { kind: string; href: string }[] }) =>
      r.quick.filter((q) => q.kind === 'county').map((q) => q.href);
    expect(county(await e.search('阿鲁科尔泌旗'))).toEqual(['/counties/alukeerqin/']);
    expect(county(await e.search('科尔沁'))).toEqual(['/counties/alukeerqin/']);
    expect(county(await e.search('云母'))).toEqual([]);
  });

  it('reads every plan back from its block: paragraphs, place, id, year, quoted metrics', async () => {
    const data = corpus();
    const { e, built, fetched } = open(data, { blockDocs: 16 });
    expect(built.manifest.blocks.length).toBe(4);
    // Plans are laid out newest first; within a year in the input's order.
    const layout = [...data.docs].sort((a, b) => b.year - a.year);
    await e.docs.ensureDocs(layout.map((_, i) => i));
    expect(fetched.filter((f) => f.startsWith('d/')).sort()).toEqual([
      'd/0.json',
      'd/1.json',
      'd/2.json',
      'd/3.json',
    ]);
    let pid = 0;
    layout.forEach((d, i) => {
      expect(e.docs.docId(i)).toBe(d.doc);
      expect(e.docs.year(i)).toBe(d.year);
      expect(e.docs.place(i).county).toBe(d.county);
      d.paragraphs.forEach((p) => {
        expect(e.docs.docOf(pid)).toBe(i);
        const quoted =
          p.targets.length > 0 ? [metrics.findIndex((m) => m.key === p.targets[0]!.metric)] : [];
        expect(e.docs.paragraphMetrics(pid)).toEqual(quoted);
        pid++;
      });
    });
    expect(pid).toBe(built.manifest.paragraphs);
  });

  it('fetches only the blocks a query’s hits fall in', async () => {
    const data = corpus();
    // One plan of its own word, in the last block.
    data.docs[59]!.paragraphs[0]!.text += '；独有的苎麻纺织';
    const { e, fetched } = open(data, { blockDocs: 16 });
    const r = await e.search('苎麻纺织');
    expect(r.docs).toEqual([data.docs[59]!.doc]);
    expect(fetched.filter((f) => f.startsWith('d/'))).toHaveLength(1);
  });

  it('keeps the manifest the same size however many plans there are', () => {
    const small = corpus();
    const big: SearchInput = {
      ...small,
      docs: [0, 1, 2].flatMap((k) => small.docs.map((d) => ({ ...d, doc: `${d.doc}-${k}` }))),
    };
    const a = buildIndex(small, { blockDocs: 1000 });
    const b = buildIndex(big, { blockDocs: 1000 });
    const size = (x: typeof a) => x.files.get('manifest.json')!.length;
    // Only the heavy lists grow, as words cross the threshold; nothing grows per plan.
    const heavy = (x: typeof a) => JSON.stringify([x.manifest.heavy, x.manifest.heavyChars]).length;
    expect(b.manifest.docs).toBe(3 * a.manifest.docs);
    expect(size(b) - heavy(b) - (size(a) - heavy(a))).toBeLessThan(20);
  });

  it('keeps the fixture’s plans and paragraphs, whatever the layout', () => {
    for (const chunkBytes of [100, 96_000]) {
      const built = buildIndex(input, { chunkBytes });
      const n = built.manifest.paragraphs;
      expect(n).toBe(input.docs.reduce((a, d) => a + d.paragraphs.length, 0));
      const rows = [...built.files]
        .filter(([f]) => f.startsWith('t/'))
        .flatMap(([, text]) =>
          text
            .split('\n')
            .slice(1)
            .map((line) => JSON.parse(line) as unknown),
        );
      expect(rows).toHaveLength(n);
    }
  });
});
