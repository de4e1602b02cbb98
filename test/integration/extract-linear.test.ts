/**
 * Reading stays linear in the numbers of one paragraph: every boundary, verb
 * and year phrase is found once per paragraph and looked up by binary search.
 * These inputs took minutes before (every number rescanned its clause); here
 * they must finish and give the right count. Timing is not asserted — it lives
 * in `npm run bench -- extract`, which prints it.
 */
import { describe, expect, it } from 'vitest';
import { processPlanText } from '../../src/pipeline/index.ts';
import { manyTargetsParagraph, numberLine } from '../../src/pipeline/stress.ts';

describe('linear in the numbers of one paragraph', () => {
  it('20,000 targets in one paragraph are 20,000 targets', () => {
    const r = processPlanText(manyTargetsParagraph(20_000), 'many-2024');
    expect(r.extraction.targets).toHaveLength(20_000);
    expect(r.extraction.targets[19_999]).toMatchObject({
      metric: 'hightech_firms',
      kind: 'increase',
      value: 20_000,
    });
  }, 120_000);

  it('a 5 MB line of numbers without punctuation gives exactly its targets', () => {
    const { text, targets } = numberLine(5_000_000);
    const r = processPlanText(text, 'line-2024');
    expect(r.extraction.targets).toHaveLength(targets);
    expect(r.extraction.targets.every((t) => t.metric === 'hightech_firms')).toBe(true);
  }, 120_000);
});
