/**
 * Search passages from the plans' indicator tables: one per row, at the row's
 * own anchor, listing the targets quoted in that row; result links carry the
 * matched words (`?hl=`) for the reader to mark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processPlanText } from '../../src/pipeline/index.ts';
import { paragraphsOf, targetsByAnchor } from '../../src/search/source.ts';
import type { SearchDoc, SearchInput } from '../../src/search/types.ts';
import { highlightWords } from '../../src/client/highlight-words.ts';
import { highlightUrl } from '../../src/site/urls.ts';
import { engine, metrics } from './search-fixture.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const read = (doc: string) => {
  const r = processPlanText(readFileSync(join(CORPUS, `${doc}.txt`), 'utf8'), doc);
  const targets = r.extraction.targets.map((t) => ({ ...t, doc }));
  const paragraphs = paragraphsOf(r.document.tree, targetsByAnchor(targets).get(doc));
  return { targets, paragraphs };
};

describe('table rows as search passages', () => {
  it.each(['linxiang-2024', 'longhui-2023'])(
    '%s: each body row is a passage at its own anchor, with the targets quoted in it',
    (doc) => {
      const { targets, paragraphs } = read(doc);
      const rows = paragraphs.filter((p) => p.anchor.startsWith('tbl-'));
      const body = rows.filter((p) => /^tbl-\d+-r\d+$/.test(p.anchor));
      expect(body.length).toBeGreaterThan(10);
      // Only the header row (no id of its own) stays at the table's anchor.
      expect(rows.length - body.length).toBeLessThanOrEqual(1);
      expect(new Set(body.map((p) => p.anchor)).size).toBe(body.length);
      for (const p of body) {
        const quoted = targets.filter((t) => t.spans.some((s) => s.anchor === p.anchor));
        expect(p.targets.map((t) => t.id).sort(), p.anchor).toEqual(quoted.map((t) => t.id).sort());
      }
      expect(body.filter((p) => p.targets.length).length).toBeGreaterThan(5);
    },
  );

  it('a hit in longhui-2023’s table links to its row and lists the row’s target', async () => {
    const { paragraphs } = read('longhui-2023');
    const doc: SearchDoc = {
      doc: 'longhui-2023',
      county: '隆回县',
      prefecture: '邵阳市',
      province: '湖南省',
      year: 2023,
      slug: 'longhui',
      title: '隆回县方案',
      paragraphs,
    };
    const data: SearchInput = { docs: [doc], metrics, targets: [] };
    const { engine: e } = await engine({}, data);
    const r = await e.search('有研发活动企业占比');
    const hit = r.passages.find((p) => p.anchor.startsWith('tbl-'))!;
    expect(hit).toBeDefined();
    expect(hit.anchor).toMatch(/^tbl-1-r\d+$/);
    expect(hit.href).toBe(
      `/plans/longhui-2023/?hl=${encodeURIComponent('有研发活动企业占比')}#${hit.anchor}`,
    );
    expect(hit.targets.map((t) => t.href)).toEqual([
      `/plans/longhui-2023/#${paragraphs.find((p) => p.anchor === hit.anchor)!.targets[0]!.id}`,
    ]);
  });
});

describe('matched words in the result link', () => {
  it('go before the fragment, each as hl=, and come back out as the words', () => {
    const href = highlightUrl('/plans/pingjiang-2024/#p-3', ['研发经费', '30%', 'a&b=c']);
    expect(href).toBe(
      '/plans/pingjiang-2024/?hl=%E7%A0%94%E5%8F%91%E7%BB%8F%E8%B4%B9&hl=30%25&hl=a%26b%3Dc#p-3',
    );
    expect(highlightWords(new URL(href, 'http://h').search)).toEqual(['研发经费', '30%', 'a&b=c']);
    expect(highlightUrl('/plans/x/#p-1', [])).toBe('/plans/x/#p-1');
  });

  it('the reader keeps at most eight words of forty characters, none empty or repeated', () => {
    const many = Array.from({ length: 12 }, (_, i) => `hl=词${i}`).join('&');
    expect(highlightWords(`?${many}`)).toHaveLength(8);
    expect(highlightWords('?hl=%20&hl=云母&hl=云母')).toEqual(['云母']);
    expect(highlightWords(`?hl=${'长'.repeat(60)}`)[0]).toHaveLength(40);
  });
});
