/**
 * A pattern in content/metrics.yaml that can backtrack catastrophically, such
 * as (a+)+$, would hang `npm run data` on the first label it meets. Loading the
 * taxonomy rejects it with the pattern's line, as it does a pattern that is not
 * a regular expression at all.
 */
import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../support/input-error.ts';
import { getTaxonomy } from '../../src/pipeline/index.ts';
import { safePatternProblem } from '../../src/pipeline/safeRegex.ts';
import { parseTaxonomy } from '../../src/pipeline/taxonomy.ts';

/** A taxonomy whose first metric has `patterns` on line 7. */
const withPatterns = (patterns: string) => `gazelle_firms:
  zh: 瞪羚企业
  en: Gazelle firms
  definition_zh: 高成长的瞪羚企业数量。
  definition_en: Number of high-growth gazelle firms.
  wordings: [瞪羚企业]
  patterns:
${patterns}
  kinds: [increase, level]
other:
  zh: 其他
  en: Other
  definition_zh: 其他指标。
  definition_en: Other indicators.
  kinds: [level, increase, growth, share, density]
`;

const loadError = (patterns: string) =>
  inputErrorOf(() => parseTaxonomy(withPatterns(patterns), 'content/metrics.yaml'));

describe('patterns that backtrack catastrophically are refused at load', () => {
  it('(a+)+$ names its line, the complexity and an input that shows it', () => {
    const e = loadError("    - '瞪羚.{0,4}企业'\n    - '(a+)+$'");
    expect([e.file, e.line]).toEqual(['content/metrics.yaml', 9]);
    expect(e.reason).toMatch(/\(a\+\)\+\$/);
    expect(e.reason).toMatch(/exponential/);
    expect(e.reason).toMatch(/gazelle_firms/);
  });

  it('also the ones a star-height check misses: ^(a|aa)+$ and (\\d+\\.?\\d*)+x', () => {
    expect(loadError("    - '^(瞪羚|瞪羚瞪羚)+$'").line).toBe(8);
    expect(loadError("    - '(\\d+\\.?\\d*)+x'").reason).toMatch(/exponential/);
  });

  it('a cubic pattern is refused, a bounded or quadratic one is accepted', () => {
    expect(safePatternProblem('\\d+\\d+\\d+x')).toMatch(/polynomial/);
    expect(safePatternProblem('(拥有)?(授权)?发明专利的.{0,8}企业')).toBeNull();
    expect(safePatternProblem('\\d+家')).toBeNull();
  });

  it('a pattern that is not a regular expression names its line instead of throwing SyntaxError', () => {
    const e = loadError("    - '瞪羚(企业'");
    expect(e.line).toBe(8);
    expect(e.reason).toMatch(/not a valid regular expression/);
  });

  it('the shipped metrics.yaml loads, its patterns all checked', () => {
    const patterns = getTaxonomy().metrics.flatMap((m) => m.patterns);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(safePatternProblem(p.source)).toBeNull();
  });
});
