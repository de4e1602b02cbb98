/** Headline metrics and their column order come from content/metrics.yaml alone. */
import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../../src/pipeline/index.ts';
import { parseTaxonomy } from '../../src/pipeline/taxonomy.ts';
import { headlineMetrics } from '../../src/site/metrics.ts';

const entry = (key: string, headline: string): string =>
  [
    `${key}:`,
    `  zh: ${key}`,
    `  en: ${key}`,
    `  definition_zh: 定义`,
    `  definition_en: definition`,
    `  headline: ${headline}`,
    `  kinds: [level]`,
  ].join('\n');
const yaml = (...entries: string[]): string => [...entries, entry('other', 'false')].join('\n');

describe('headline columns in the taxonomy', () => {
  it('reads a column number as a headline metric in that column', () => {
    const t = parseTaxonomy(yaml(entry('b', '2'), entry('a', '1'), entry('c', 'false')), 'm.yaml');
    expect(t.metrics.map((m) => [m.key, m.headline, m.headline_order])).toEqual([
      ['b', true, 2],
      ['a', true, 1],
      ['c', false, null],
      ['other', false, null],
    ]);
    expect(headlineMetrics(t.metrics).map((m) => m.key)).toEqual(['a', 'b']);
  });

  it('names the file and line of a headline without a column, or a column taken twice', () => {
    expect(() => parseTaxonomy(yaml(entry('a', 'true')), 'm.yaml')).toThrow(
      'm.yaml:1: metric a: headline must be false or the column (1, 2, …) it takes in the overview matrix',
    );
    expect(() => parseTaxonomy(yaml(entry('a', '1'), entry('b', '1')), 'm.yaml')).toThrow(
      "m.yaml:8: metric b: headline column 1 is already a's",
    );
  });

  it('gives the bundled taxonomy nine headline columns, 1 to 9', () => {
    const heads = headlineMetrics(getTaxonomy().metrics);
    expect(heads.map((m) => m.headline_order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(heads[0]!.key).toBe('rd_spending');
  });
});
