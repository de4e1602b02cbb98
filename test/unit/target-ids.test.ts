/**
 * Target ids people cite: derived from the target's content (plan, metric,
 * kind, value, unit, first quote), unique within a plan, unchanged when the
 * extractor finds something new elsewhere in the plan, and after curator
 * overrides the reader's marks carry the final ids and readings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import { describe, expect, it } from 'vitest';
import { processPlanText, type PlanResult } from '../../src/pipeline/index.ts';
import { applyOverrides, parseOverrides } from '../../src/pipeline/overrides.ts';
import { assignIds, contentId } from '../../src/pipeline/targets.ts';
import type { Target } from '../../src/pipeline/schema.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const bundled = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ stem: f.replace(/\.txt$/, ''), text: readFileSync(join(CORPUS, f), 'utf8') }));

/** Every target mark in a reader tree: its element id, the target it marks and that target's metric. */
function marks(r: PlanResult): { id: string; target: string; metric: string; text: string }[] {
  const out: { id: string; target: string; metric: string; text: string }[] = [];
  const textOf = (nodes: PhrasingContent[]): string =>
    nodes.map((n) => ('value' in n ? n.value : 'children' in n ? textOf(n.children) : '')).join('');
  const walk = (nodes: (RootContent | TableRow | PhrasingContent)[]): void => {
    for (const n of nodes) {
      if (n.type === 'targetMark') {
        const p = n.data.hProperties;
        out.push({
          id: String(p['id']),
          target: String(p['dataTarget']),
          metric: String(p['dataMetric']),
          text: textOf(n.children),
        });
      }
      if ('children' in n) walk(n.children);
    }
  };
  walk(r.document.tree.children);
  return out;
}

describe('content-derived target ids', () => {
  it.each(bundled.map((b) => [b.stem, b.text] as const))(
    '%s: every id is t- and 8 hex digits (a repeat -2), unique in the plan',
    (stem, text) => {
      const ids = processPlanText(text, stem).extraction.targets.map((t) => t.id);
      expect(ids.length).toBeGreaterThan(10);
      for (const id of ids) expect(id).toMatch(/^t-[0-9a-f]{8}(-\d+)?$/);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it.each(bundled.map((b) => [b.stem, b.text] as const))(
    '%s: inserting an unrelated numbered sentence near the top keeps every other id',
    (stem, text) => {
      const before = processPlanText(text, stem).extraction.targets;
      // After the first line of the body: a goal the plan never had, with a number of its own.
      const cut = text.indexOf('\n', text.indexOf('---', 3) + 4) + 1;
      const inserted = `${text.slice(0, cut)}到2025年，建成科普教育基地 3 个。\n${text.slice(cut)}`;
      const after = processPlanText(inserted, stem).extraction.targets;
      expect(after.length).toBe(before.length + 1);
      const byId = new Map(after.map((t) => [t.id, t]));
      for (const t of before) {
        const same = byId.get(t.id);
        expect(same, `${t.id} «${t.quotes[0]}»`).toBeDefined();
        expect(same!.quotes).toEqual(t.quotes);
      }
      const added = after.filter((t) => !before.some((b) => b.id === t.id));
      expect(added.map((t) => t.quotes[0])).toEqual(['建成科普教育基地 3 个']);
    },
  );

  it('the id reads the content: a change of value, metric, kind or quote gives another id', () => {
    const t: Target = processPlanText(
      '---\ncounty: 平江县\nyear: 2024\n---\n高新技术企业达到100家。\n',
      'pj-2024',
    ).extraction.targets[0]!;
    const id = contentId('pj-2024', t);
    expect(t.id).toBe(id);
    expect(contentId('pj-2026', t)).not.toBe(id);
    expect(contentId('pj-2024', { ...t, value: 101 })).not.toBe(id);
    expect(contentId('pj-2024', { ...t, metric: 'other' })).not.toBe(id);
    expect(contentId('pj-2024', { ...t, kind: 'increase' })).not.toBe(id);
    expect(contentId('pj-2024', { ...t, quotes: ['高新技术企业达到 100 家'] })).toBe(id);
    expect(contentId('pj-2024', { ...t, quotes: ['高新技术企业达到１００家'] })).toBe(id);
    expect(contentId('pj-2024', { ...t, quotes: ['高新技术企业突破100家'] })).not.toBe(id);
  });

  it('two targets with the same reading of the same words get -2, in order of first mention', () => {
    const span = (start: number) => [{ quote: 'q', anchor: 'p-1', start, end: start + 1 }];
    const t = { metric: 'other', kind: 'level', value: 1, value_max: null, unit: '个' } as const;
    const ts = assignIds('d', [
      { ...t, quotes: ['q'], id: '', spans: span(50) },
      { ...t, quotes: ['q'], id: '', spans: span(10) },
    ]);
    expect(ts.map((x) => x.spans[0]!.start)).toEqual([10, 50]);
    expect(ts[1]!.id).toBe(`${ts[0]!.id}-2`);
  });
});

const FRONT = '---\ncounty: 平江县\nyear: 2024\n---\n';
const TEXT = `${FRONT}一、工作目标\n新增高新技术企业10家，完成科技成果登记10项。开展企业调研5次。\n二、工作任务\n推动科创企业上市融资，其中科创专版争取破零。\n`;
const OVERRIDES = `- doc: pj-2024
  quote: 新增高新技术企业10家
  action: correct
  set: { metric: tech_sme }
- doc: pj-2024
  quote: 开展企业调研5次
  action: suppress
- doc: pj-2024
  quote: 科创专版争取破零
  action: add
  set: { metric: other, label: 科创专版挂牌企业, kind: increase, value: 1, unit: 家 }
`;

describe('overrides before the reader tree', () => {
  const plain = processPlanText(TEXT, 'pj-2024');
  const r = processPlanText(TEXT, 'pj-2024');
  const run = applyOverrides([r], parseOverrides(OVERRIDES, 'o.yaml').overrides);
  const ts = r.extraction.targets;

  it('applies all three', () => {
    expect(run.errors).toEqual([]);
    expect(run.applied.map((a) => a.action)).toEqual(['correct', 'suppress', 'add']);
  });

  it('no two targets share an id, and the added one takes no other target’s id', () => {
    expect(new Set(ts.map((t) => t.id)).size).toBe(ts.length);
    const added = ts.find((t) => t.override === 'added')!;
    expect(plain.extraction.targets.map((t) => t.id)).not.toContain(added.id);
    // The untouched target keeps the id it had without overrides.
    const kept = ts.find((t) => t.override === undefined)!;
    expect(plain.extraction.targets.find((t) => t.quotes[0] === kept.quotes[0])!.id).toBe(kept.id);
  });

  it('each target has exactly one mark with its id, and the mark carries its final reading', () => {
    const m = marks(r);
    for (const t of ts) {
      const own = m.filter((x) => x.id === t.id);
      expect(own, t.id).toHaveLength(1);
      expect(own[0]!.target).toBe(t.id);
      expect(own[0]!.metric).toBe(t.metric);
      expect(t.quotes[0]!.includes(own[0]!.text) || own[0]!.text.includes(t.quotes[0]!)).toBe(true);
    }
    const corrected = ts.find((t) => t.override === 'corrected')!;
    expect(m.find((x) => x.id === corrected.id)!.metric).toBe('tech_sme');
    // The suppressed target is no longer marked.
    expect(m.some((x) => x.text.includes('调研'))).toBe(false);
    // The detail names the ids as they are now.
    expect(run.applied[0]!.detail).toContain(corrected.id);
    expect(run.applied[2]!.detail).toContain(ts.find((t) => t.override === 'added')!.id);
  });

  it('lists targets in the order of their first mention, the added one in its place', () => {
    expect(ts.map((t) => t.quotes[0])).toEqual([
      '新增高新技术企业10家',
      '完成科技成果登记10项',
      '科创专版争取破零',
    ]);
  });
});
