/**
 * The plan reader: the plan's text as HTML with every target marked and its
 * reading attached, the table of contents, and the targets whose quote the
 * text has no mark for (their table row carries the permanent id instead).
 */
import type { Root } from 'mdast';
import type { Metric, TargetRecord } from '../pipeline/schema.ts';
import { metricInfo } from './metrics.ts';
import { renderPlan, tocOf, type Reading, type TocEntry } from './renderPlan.ts';

export interface PlanView {
  /** The plan text as HTML (every text node escaped). */
  html: string;
  toc: TocEntry[];
  /** Targets with no mark in the text: `/plans/<doc>/#t-N` must still land somewhere. */
  unmarked: Set<string>;
}

/** The reader's content for one plan's tree and targets. */
export function planView(tree: Root, targets: TargetRecord[], metrics: Metric[]): PlanView {
  const readings = new Map<string, Reading>(
    targets.map((t) => {
      const m = metricInfo(metrics, t.metric);
      return [t.id, { ...t, metricZh: m.zh, metricEn: m.en }];
    }),
  );
  const { html, marked } = renderPlan(tree, readings);
  return {
    html,
    toc: tocOf(tree),
    unmarked: new Set(targets.filter((t) => !marked.has(t.id)).map((t) => t.id)),
  };
}
