/**
 * Regular expressions from curated YAML (content/metrics.yaml patterns) run on
 * every label of every plan, so one that backtracks catastrophically — (a+)+$
 * — hangs the data build. Each pattern is checked when the taxonomy is loaded
 * with recheck, a ReDoS checker that decides by automata theory (falling back
 * to fuzzing) and reports the complexity with an input that shows it. It finds
 * the nested-quantifier and overlapping-alternative cases a star-height check
 * (safe-regex2) misses, such as ^(a|aa)+$, and keeps JavaScript's RegExp
 * semantics (a linear-time engine such as re2 would drop lookbehind and
 * change matching). Its pure-JavaScript backend is used: no worker, no
 * subprocess, about 10 ms a pattern once loaded.
 *
 * Exponential and cubic or worse patterns are refused. Quadratic ones are
 * accepted: an unanchored \d+家 or .*企业 is quadratic in the label's length, and
 * labels are short clauses.
 */
import { checkSync, type Diagnostics } from 'recheck';
import { isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { PlanInputError } from './errors.ts';

/** The highest polynomial degree of backtracking accepted. */
export const MAX_POLYNOMIAL_DEGREE = 2;

/** Time recheck may take on one pattern before it counts as not checkable. */
const CHECK_TIMEOUT_MS = 10_000;

const verdicts = new Map<string, string | null>();

function check(source: string): Diagnostics {
  // recheck picks its synchronous backend from this variable at call time.
  const previous = process.env.RECHECK_SYNC_BACKEND;
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  try {
    return checkSync(source, 'g', { timeout: CHECK_TIMEOUT_MS });
  } finally {
    if (previous === undefined) delete process.env.RECHECK_SYNC_BACKEND;
    else process.env.RECHECK_SYNC_BACKEND = previous;
  }
}

/** Why `source` is not a safe pattern (not a regular expression, or backtracking too much), or null. */
export function safePatternProblem(source: string): string | null {
  const known = verdicts.get(source);
  if (known !== undefined) return known;
  let problem: string | null = null;
  try {
    new RegExp(source, 'g');
  } catch (error) {
    problem = `is not a valid regular expression: ${(error as Error).message}`;
  }
  if (!problem) {
    const d = check(source);
    if (d.status === 'unknown') {
      problem = `could not be checked for catastrophic backtracking (${d.error.kind}); simplify it`;
    } else if (d.status === 'vulnerable') {
      const { complexity } = d;
      const degree = complexity.type === 'polynomial' ? complexity.degree : Infinity;
      if (degree > MAX_POLYNOMIAL_DEGREE) {
        const what =
          complexity.type === 'exponential'
            ? 'exponential'
            : `polynomial (degree ${complexity.degree})`;
        problem = `can backtrack catastrophically: matching takes ${what} time, e.g. on ${d.attack.pattern}; rewrite it without nested or overlapping repetition`;
      }
    }
  }
  verdicts.set(source, problem);
  return problem;
}

/** File line of `patterns[index]` under metric `key`, or of the key when the YAML does not say. */
function patternLine(yamlText: string, key: string, index: number): number {
  const doc = parseDocument(yamlText);
  const seq = doc.getIn([key, 'patterns'], true) as YamlNode | undefined;
  const node = isSeq(seq) ? (seq.items[index] as YamlNode | undefined) : undefined;
  const offset = node?.range?.[0] ?? (doc.getIn([key], true) as YamlNode | undefined)?.range?.[0];
  return offset === undefined ? 1 : yamlText.slice(0, offset).split('\n').length;
}

export interface PatternSource {
  file: string;
  /** The taxonomy's YAML, for the line of a refused pattern. */
  yamlText: string;
  /** The metric key the patterns belong to. */
  key: string;
}

/** Compiles a metric's patterns (flag g), or throws a PlanInputError at the line of the first unsafe one. */
export function compileSafePatterns(patterns: string[], where: PatternSource): RegExp[] {
  return patterns.map((source, index) => {
    const problem = safePatternProblem(source);
    if (problem)
      throw new PlanInputError(
        where.file,
        patternLine(where.yamlText, where.key, index),
        `metric ${where.key}: pattern ${source} ${problem}`,
      );
    return new RegExp(source, 'g');
  });
}
