/**
 * Build-time input for the index: reads the pipeline's dataset (through
 * pipeline/dataset.ts) and turns plan trees into searchable paragraphs.
 * Node only (file system); the browser never imports this.
 */
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { dataDir as defaultDataDir, readDataset } from '../pipeline/dataset.ts';
import type { TargetRecord } from '../pipeline/schema.ts';
import { planOrder } from '../site/order.ts';
import type { SearchDoc, SearchInput, SearchParagraph, SearchTargetRef } from './types.ts';

function idOf(n: Nodes): string | undefined {
  const d = (n as { data?: { id?: unknown } }).data;
  return typeof d?.id === 'string' ? d.id : undefined;
}

/**
 * Passages of a plan tree, in order, each with its section heading: every node
 * the pipeline gave an anchor id (paragraphs `p-N`, headings `h-N`), and each
 * row of an anchored table, at the row's own anchor (`tbl-N-rM`; a row without
 * one, such as the header, at the table's `tbl-N`) with the targets quoted in it.
 */
export function paragraphsOf(
  tree: Root,
  targets: Map<string, SearchTargetRef[]> = new Map(),
): SearchParagraph[] {
  const out: SearchParagraph[] = [];
  const headings: string[] = [];
  const walk = (n: Nodes): void => {
    const id = idOf(n);
    if (id && n.type === 'table') {
      // One passage per row, at the row's anchor: a hit lands on the row and lists its targets.
      const heading = headings.filter(Boolean).slice(-2).join(' › ');
      for (const row of n.children) {
        const anchor = idOf(row) ?? id;
        const text = row.children
          .map((c) => toString(c).trim())
          .filter(Boolean)
          .join(' | ');
        if (text) out.push({ anchor, heading, text, targets: targets.get(anchor) ?? [] });
      }
      return;
    }
    if (id) {
      const text = toString(n).trim();
      if (n.type === 'heading') {
        headings.length = Math.max(0, n.depth - 1);
        headings[n.depth - 1] = text;
      }
      const heading = headings.filter(Boolean).slice(-2).join(' › ');
      if (text)
        out.push({
          anchor: id,
          heading: n.type === 'heading' ? text : heading,
          text,
          targets: targets.get(id) ?? [],
        });
      return;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return out;
}

/** Per plan, per anchor (paragraph, heading or table row): the targets quoted there, once each. */
export function targetsByAnchor(
  targets: Pick<TargetRecord, 'doc' | 'id' | 'metric' | 'label' | 'spans'>[],
): Map<string, Map<string, SearchTargetRef[]>> {
  const byDoc = new Map<string, Map<string, SearchTargetRef[]>>();
  for (const t of targets) {
    const m = byDoc.get(t.doc) ?? new Map<string, SearchTargetRef[]>();
    byDoc.set(t.doc, m);
    const seen = new Set<string>();
    for (const s of t.spans) {
      if (seen.has(s.anchor)) continue;
      seen.add(s.anchor);
      const list = m.get(s.anchor) ?? [];
      list.push({ id: t.id, metric: t.metric, label: t.label, quote: s.quote });
      m.set(s.anchor, list);
    }
  }
  return byDoc;
}

/** The index's input from the pipeline's output: plans with their passages, metrics, targets. */
export function readSearchInput(dataDir: string = defaultDataDir()): SearchInput {
  if (!readDataset.exists(dataDir)) return { docs: [], metrics: [], targets: [] };
  const plans = readDataset.plans(dataDir);
  const targets = readDataset.targets(dataDir);
  const metrics = readDataset.metrics(dataDir);
  const byDoc = targetsByAnchor(targets);
  const docs: SearchDoc[] = [];
  const sorted = [...plans].sort(planOrder);
  for (const p of sorted) {
    const d = readDataset.document(p.doc, dataDir);
    docs.push({
      doc: p.doc,
      county: p.meta.county,
      prefecture: p.meta.prefecture,
      province: p.meta.province,
      year: p.meta.year,
      slug: p.meta.slug,
      title: p.meta.title,
      paragraphs: paragraphsOf(d.tree, byDoc.get(p.doc)),
    });
  }
  return {
    docs,
    metrics: metrics.map((m) => ({ key: m.key, zh: m.zh, en: m.en, wordings: m.wordings })),
    targets: targets.map((t) => ({
      doc: t.doc,
      id: t.id,
      metric: t.metric,
      label: t.label,
      value: t.value,
      value_max: t.value_max,
      unit: t.unit,
      kind: t.kind,
      quote: t.quotes[0] ?? t.label,
      anchor: t.spans[0]?.anchor ?? '',
    })),
  };
}
