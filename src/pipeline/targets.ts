/**
 * Merged mentions (merge.ts) become the FORMAT.md targets the pipeline writes:
 * one per target, with every quote, the lead of the task paragraph that
 * restates it, the most specific qualifier any mention gives (a table's 15家以上
 * over the text's 15家), and a confidence that is high where a mention read
 * the target's metric and kind by an unambiguous rule.
 *
 * A target's id is derived from what it says, not from where it comes in the
 * list: a short hash of the plan, metric, kind, value, unit and the normalised
 * first quote (`t-3f9a2c1b`), with `-2`, `-3` for a repeat. Citations,
 * bookmarks and CSV joins then survive the extractor finding one more target
 * elsewhere in the plan.
 */
import { createHash } from 'node:crypto';
import type { Target } from './schema.ts';
import type { Mention } from './mention.ts';
import { mergedQualifier } from './qualifier.ts';

/** The fields a target's id is derived from. */
export type IdContent = Pick<Target, 'metric' | 'kind' | 'value' | 'value_max' | 'unit' | 'quotes'>;

/** A quote as the id reads it: NFKC, no white space or invisible format characters. */
const idQuote = (quote: string): string => quote.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '');

/** The content part of a target's id: `t-` and 8 hex digits of a SHA-256 over plan and reading. */
export function contentId(doc: string, t: IdContent): string {
  const basis = [doc, t.metric, t.kind, t.value, t.value_max ?? '', t.unit.normalize('NFKC')]
    .concat(idQuote(t.quotes[0] ?? ''))
    .join('\u0000');
  return `t-${createHash('sha256').update(basis).digest('hex').slice(0, 8)}`;
}

/** Where a target is first mentioned in the plan text. */
export const firstMention = (t: Pick<Target, 'spans'>): number =>
  t.spans.reduce((min, s) => Math.min(min, s.start), Number.POSITIVE_INFINITY);

/**
 * Gives every target of a plan its id, in place, and puts the targets in the
 * order of their first mention: the content id, and for the second and later
 * targets with the same one (the same reading of the same words), `-2`, `-3`
 * in that order. Ids are unique within the plan.
 */
export function assignIds<T extends IdContent & Pick<Target, 'id' | 'spans'>>(
  doc: string,
  targets: T[],
): T[] {
  targets.sort((a, b) => firstMention(a) - firstMention(b));
  const seen = new Map<string, number>();
  for (const t of targets) {
    const base = contentId(doc, t);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    t.id = n === 1 ? base : `${base}-${n}`;
  }
  return targets;
}

/** A plan's targets, and for each low one (by id) why it is low, for the review report. */
export interface PlanTargets {
  targets: Target[];
  lowReasons: Map<string, string>;
}

/** Turns merged mentions into FORMAT.md targets with content-derived ids and spans. */
export function toTargets(
  doc: string,
  body: string,
  groups: { mentions: Mention[] }[],
): PlanTargets {
  const why = new Map<Target, string>();
  const targets = groups.map((g): Target => {
    const [first] = g.mentions as [Mention, ...Mention[]];
    const spans = g.mentions.flatMap((m) =>
      m.quotes.map((q) => ({
        quote: body.slice(q.start, q.end),
        anchor: m.anchor,
        start: q.start,
        end: q.end,
      })),
    );
    const quotes = [...new Set(spans.map((s) => s.quote))];
    // Lead: a task paragraph's parenthesis first, then a table's responsible units.
    const lead =
      g.mentions.find((m) => !m.fromTable && m.lead.length)?.lead ??
      g.mentions.find((m) => m.fromTable && m.lead.length)?.lead ??
      [];
    const allocations = g.mentions.find((m) => m.allocations.length)?.allocations ?? [];
    const sure = g.mentions.some(
      (m) => m.confidence === 'high' && m.metric === first.metric && m.kind === first.kind,
    );
    const target: Target = {
      metric: first.metric,
      label: first.label,
      kind: first.kind,
      value: first.value,
      value_max: first.value_max,
      unit: g.mentions.find((m) => !m.unitInferred)?.unit ?? first.unit,
      qualifier: mergedQualifier(g.mentions.map((m) => m.qualifier)),
      deadline: g.mentions.find((m) => m.deadline !== null)?.deadline ?? null,
      quotes,
      section: first.section,
      scope: g.mentions.find((m) => m.scope !== null)?.scope ?? null,
      lead: [...new Set(lead)],
      allocations,
      confidence: sure ? 'high' : 'low',
      id: '',
      spans,
    };
    if (!sure)
      why.set(
        target,
        g.mentions.find((m) => m.why)?.why ?? 'the mentions disagree on metric or kind',
      );
    return target;
  });
  assignIds(doc, targets);
  return {
    targets,
    lowReasons: new Map(targets.flatMap((t) => (why.has(t) ? [[t.id, why.get(t)!]] : []))),
  };
}
