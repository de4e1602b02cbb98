/**
 * Merged mentions (merge.ts) become the FORMAT.md targets the pipeline writes:
 * one per target, with every quote, the lead of the task paragraph that
 * restates it, the most specific qualifier any mention gives (a table's 15家以上
 * over the text's 15家), and a confidence that is high where a mention read
 * the target's metric and kind by an unambiguous rule.
 */
import type { Target } from './schema.ts';
import type { Mention } from './mention.ts';
import { mergedQualifier } from './qualifier.ts';

/** For each low target (by id), why: the reason its first low mention gives. */
export function lowReasons(
  targets: Target[],
  groups: { mentions: Mention[] }[],
): Map<string, string> {
  const out = new Map<string, string>();
  targets.forEach((t, i) => {
    if (t.confidence !== 'low') return;
    const why = groups[i]!.mentions.find((m) => m.why)?.why;
    out.set(t.id, why ?? 'the mentions disagree on metric or kind');
  });
  return out;
}

/** Turns merged mentions into FORMAT.md targets with ids and spans. */
export function toTargets(body: string, groups: { mentions: Mention[] }[]): Target[] {
  return groups.map((g, i) => {
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
    return {
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
      id: `t-${i + 1}`,
      spans,
    };
  });
}
