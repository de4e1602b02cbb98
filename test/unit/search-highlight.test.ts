import { describe, expect, it } from 'vitest';
import { findRanges, segmentsToHtml, snippet } from '../../src/search/highlight.ts';
import { escapeHtml } from '../../src/site/html.ts';
import { foldForSearch } from '../../src/search/fold.ts';

describe('highlighting', () => {
  it('finds normalized needles in original text, across spaces and widths', () => {
    const text = '高新技术企业突破 １００ 家。';
    const [r] = findRanges(text, [foldForSearch('100家')]);
    expect(text.slice(r![0], r![1])).toBe('１００ 家');
  });
  it('merges overlapping hits', () => {
    expect(findRanges('云母新材料', [foldForSearch('云母新材料'), foldForSearch('云母')])).toEqual([
      [0, 5],
    ]);
  });
  it('marks every hit and keeps the rest as plain text', () => {
    expect(snippet('推动云母深加工，云母新材料。', ['云母'])).toEqual([
      { text: '推动', hit: false },
      { text: '云母', hit: true },
      { text: '深加工，', hit: false },
      { text: '云母', hit: true },
      { text: '新材料。', hit: false },
    ]);
  });
  it('cuts long text around the hit with ellipses, at word boundaries', () => {
    const text = `${'科技创新平台建设工作。'.repeat(20)}推动知识产权质押融资扩面增量。${'人才引进培养工作。'.repeat(20)}`;
    const segs = snippet(text, [foldForSearch('知识产权质押')]);
    expect(segs[0]!.text.startsWith('…')).toBe(true);
    expect(segs[segs.length - 1]!.text.endsWith('…')).toBe(true);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['知识产权质押']);
    const joined = segs.map((s) => s.text).join('');
    expect(joined.length).toBeLessThan(140);
    // A window starting right after a full stop, not mid-word.
    expect(joined.slice(1).startsWith('推动') || joined.slice(1).startsWith('科技')).toBe(true);
  });
  it('escapes HTML in text and in hits', () => {
    expect(escapeHtml(`<img src=x onerror="alert(1)">&'`)).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;',
    );
    const html = segmentsToHtml(snippet('a<b>c<img src=x>', [foldForSearch('<img')]));
    expect(html).toBe('a&lt;b&gt;c<mark>&lt;img</mark> src=x&gt;');
  });
});
