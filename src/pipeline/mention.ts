/**
 * What the extractor's readers produce: one mention per number a plan commits
 * to, in the shape the merge step (merge.ts) and the target builder
 * (targets.ts) consume.
 */
import type { Allocation, Confidence, Kind, Qualifier } from './schema.ts';

/** One mention of a target: what one sentence (or table row) says. */
export interface Mention {
  metric: string;
  label: string;
  kind: Kind;
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: Qualifier;
  deadline: number | null;
  scope: string | null;
  /** Quote spans in the original body, first the main one. */
  quotes: { start: number; end: number }[];
  anchor: string;
  section: string;
  lead: string[];
  allocations: Allocation[];
  fromTable: boolean;
  /** Mentions from one paragraph or row are never restatements of each other. */
  unitId: number;
  order: number;
  /** high only where metric and kind were decided by an unambiguous rule. */
  confidence: Confidence;
  /** Set where the unit was not written next to the number (a bare value cell "15"). */
  unitInferred?: boolean;
  /** For a low mention, what a curator should check (the review report shows it). */
  why?: string;
}

/** A number seen in the text that became no target and was not deliberately ignored. */
export interface Unclaimed {
  anchor: string;
  offset: number;
  number: string;
  context: string;
}

/** Where mentions and unclaimed numbers are collected while a plan is read. */
export interface ExtractOutput {
  mentions: Mention[];
  unclaimed: Unclaimed[];
}
