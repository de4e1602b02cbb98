import { describe, expect, it } from 'vitest';
import { foldForSearch, foldForSearchWithSpans, NUM } from '../../src/search/fold.ts';
import { bigrams, cover, parseQuery, segmentWords } from '../../src/search/tokenize.ts';
import { buildSynonyms } from '../../src/search/synonyms.ts';
import { metrics } from './search-fixture.ts';

describe('foldForSearch', () => {
  it('folds full-width to half-width and drops spaces', () => {
    expect(foldForSearch('增长３０％以上')).toBe(foldForSearch('增长 30%以上'));
    expect(foldForSearch('ＡＢＣ 科技')).toBe('abc科技');
  });
  it('marks number boundaries so 30% does not match inside 130%', () => {
    expect(foldForSearch('30%')).toBe(`${NUM}30${NUM}%`);
    expect(foldForSearch('增长130%')).not.toContain(foldForSearch('30%'));
    expect(foldForSearch('增长8.5%')).toBe(`增长${NUM}8.5${NUM}%`);
    expect(foldForSearch('增长8.5%')).not.toContain(foldForSearch('5%'));
  });
  it('maps normalized offsets back to the original text', () => {
    const src = '突破 １００ 家';
    const n = foldForSearchWithSpans(src);
    const i = n.text.indexOf(foldForSearch('100家'));
    expect(src.slice(n.start[i], n.end[i + foldForSearch('100家').length - 1])).toBe('１００ 家');
  });
});

describe('bigrams and cover', () => {
  it('lists every overlapping bigram with its position', () => {
    expect([...bigrams('云母新材')]).toEqual([
      ['云母', 0],
      ['母新', 1],
      ['新材', 2],
    ]);
  });
  it('covers a string with bigrams at even offsets plus the tail', () => {
    expect(cover('知识产权质押')).toEqual([
      { bigram: '知识', offset: 0 },
      { bigram: '产权', offset: 2 },
      { bigram: '质押', offset: 4 },
    ]);
    expect(cover('新材料')).toEqual([
      { bigram: '新材', offset: 0 },
      { bigram: '材料', offset: 1 },
    ]);
    expect(cover('茶')).toEqual([]);
  });
});

describe('query parsing', () => {
  it('segments a query without spaces into words, keeping single characters attached', () => {
    expect(segmentWords('云母新材料')).toEqual(['云母', '新材料']);
    expect(segmentWords('高企')).toEqual(['高企']);
    expect(segmentWords('增长30%')).toEqual(['增长', '30%']);
    expect(segmentWords('100家')).toEqual(['100家']);
  });
  it('splits on spaces (half- or full-width) and drops punctuation-only pieces', () => {
    const q = parseQuery('云母　新材料 ，');
    expect(q.terms.map((t) => t.text)).toEqual(['云母', '新材料']);
    expect(q.phrase).toBe(foldForSearch('云母新材料，'));
  });
  it('keeps taxonomy wordings whole and expands them both ways', () => {
    const syn = buildSynonyms(metrics);
    const a = parseQuery('高企', syn).terms[0]!;
    expect(a.alts).toContain('高新技术企业');
    const b = parseQuery('高新技术企业', syn).terms[0]!;
    expect(b.alts).toContain('高企');
    const c = parseQuery('平江科小', syn).terms.map((t) => t.text);
    expect(c).toEqual(['平江', '科小']);
    expect(parseQuery('科小', syn).terms[0]!.alts).toContain('科技型中小企业');
  });
});
