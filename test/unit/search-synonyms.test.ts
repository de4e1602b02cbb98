import { describe, expect, it } from 'vitest';
import { buildSynonyms } from '../../src/search/synonyms.ts';
import { metrics } from './search-fixture.ts';

describe('synonym table', () => {
  const syn = buildSynonyms(metrics);
  it('expands an abbreviation to its full wording and back', () => {
    expect(syn.expand('高企')).toEqual(['高新技术企业']);
    expect(syn.expand('高新技术企业')).toEqual(['高企']);
  });
  it('expands within a group of several wordings', () => {
    expect(syn.expand('研发投入')).toEqual(
      expect.arrayContaining(['全社会研发经费投入', '研发经费投入']),
    );
  });
  it('does not expand words outside the taxonomy', () => {
    expect(syn.expand('企业')).toEqual([]);
    expect(syn.metricsFor('企业')).toEqual([]);
  });
  it('names the metric a wording belongs to', () => {
    expect(syn.metricsFor('科小')).toEqual(['tech_sme']);
  });
  it('finds the longest wording inside a query chunk', () => {
    expect(syn.findWording('平江研发经费投入增长')).toEqual({ index: 2, wording: '研发经费投入' });
  });
  it('merges the built-in abbreviations only into metrics the taxonomy has', () => {
    const only = buildSynonyms([{ key: 'tech_sme', zh: '科技型中小企业', wordings: [] }]);
    expect(only.expand('科小')).toEqual(['科技型中小企业']);
    expect(only.expand('高企')).toEqual([]);
  });
});

describe('synonym relatedness', () => {
  it('expands only to wordings that stand for each other', () => {
    const syn = buildSynonyms([
      {
        key: 'innovation_platforms',
        zh: '创新平台',
        wordings: ['孵化器', '众创空间', '重点实验室', '工程技术研究中心'],
      },
      { key: 'ip_pledge_financing', zh: '知识产权质押融资', wordings: ['知识产权质押贷款'] },
    ]);
    expect(syn.expand('孵化器')).toEqual([]);
    expect(syn.metricsFor('孵化器')).toEqual(['innovation_platforms']);
    expect(syn.expand('知识产权质押融资')).toEqual(['知识产权质押贷款']);
  });
});
