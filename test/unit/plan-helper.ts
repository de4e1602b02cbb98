/**
 * Shared helpers for the pipeline unit tests: run one short plan through
 * processPlanText with fixed front matter, and look targets up by quote.
 */
import { processPlanText, type PlanResult } from '../../src/pipeline/index.ts';
import type { Target } from '../../src/pipeline/schema.ts';

export const FRONT =
  '---\ncounty: 平江县\nprefecture: 岳阳市\nprovince: 湖南省\nyear: 2024\ntitle: 测试方案\n---\n';

/** Processes a plan body (a 一、 heading is put in front so the text is not taken for the title). */
export function runPlan(body: string, stem = 'unit-2024'): PlanResult {
  return processPlanText(`${FRONT}一、工作目标\n${body}\n`, stem);
}

export function targetsOf(body: string): Target[] {
  return runPlan(body).extraction.targets;
}

/** The one target of a sentence; fails loudly when there are none or several. */
export function oneTarget(sentence: string): Target {
  const ts = targetsOf(sentence);
  if (ts.length !== 1)
    throw new Error(
      `expected one target in «${sentence}», got ${JSON.stringify(ts.map((t) => t.quotes))}`,
    );
  return ts[0]!;
}

/** A target's reading in one line: metric/kind value[-max]unit qualifier. */
export function readingOf(
  t: Pick<Target, 'metric' | 'kind' | 'value' | 'value_max' | 'unit' | 'qualifier'>,
): string {
  return `${t.metric}/${t.kind} ${t.value}${t.value_max !== null ? `-${t.value_max}` : ''}${t.unit} ${t.qualifier}`;
}

/** The one target whose quotes include `fragment`; fails loudly when there is none or several. */
export function targetWith(targets: Target[], fragment: string): Target {
  const hits = targets.filter((t) => t.quotes.some((q) => q.includes(fragment)));
  if (hits.length !== 1) {
    throw new Error(
      `expected one target quoting «${fragment}», got ${hits.length}: ${JSON.stringify(targets.map((t) => t.quotes))}`,
    );
  }
  return hits[0]!;
}
