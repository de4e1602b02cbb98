/**
 * Which targets rankings and benchmarks may use: the one place to say so.
 * Every peer group, metric ranking and county benchmark is built through
 * PeerIndex (peers.ts), which asks this predicate. Today every target is
 * ranked; once the extractor marks its confidence, this becomes e.g.
 * `t.confidence === 'high' || t.override !== undefined` (high confidence or
 * curator-confirmed), and nothing else changes.
 */
import type { TargetRecord } from '../pipeline/schema.ts';

/** Decides whether a target may be ranked. */
export type Rankable = (t: TargetRecord) => boolean;

/** The site's rule: every target may be ranked. */
export const isRankable: Rankable = () => true;
