/** What a search asks for and what it answers: the engine's public shapes. */
import type { Segment } from './highlight.ts';
import type { ParsedQuery } from './tokenize.ts';

/** Narrow results to one county, prefecture, year or metric (values as in the manifest). */
export interface Filters {
  county?: string;
  prefecture?: string;
  year?: number;
  metric?: string;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  filters?: Filters;
}

/** Where results link to; the site's own addresses come from src/site/urls.ts. */
export interface SiteUrls {
  plan: (doc: string, anchor: string) => string;
  metric: (key: string) => string;
  county: (slug: string) => string;
}

/** A target quoted in a passage that the query matched. */
export interface TargetHit {
  id: string;
  label: string;
  metric: string;
  href: string;
}

/** A matched paragraph of a plan, with its snippet. */
export interface PassageResult {
  kind: 'passage';
  doc: string;
  county: string;
  prefecture: string;
  year: number;
  anchor: string;
  heading: string;
  href: string;
  tier: 0 | 1 | 2;
  snippet: Segment[];
  targets: TargetHit[];
}

/** A metric, county or target the query names: shown above the passages. */
export interface QuickResult {
  kind: 'metric' | 'county' | 'target';
  title: string;
  detail: string;
  href: string;
  /** Only for targets: the quote with hits marked. */
  snippet?: Segment[];
}

/** Facet values with their passage counts, largest first. */
export type Facet = [value: string, count: number][];

export interface Facets {
  county: Facet;
  prefecture: Facet;
  year: Facet;
  metric: Facet;
}

export interface SearchResponse {
  query: string;
  parsed: ParsedQuery;
  /** Passages matching (after filters). */
  total: number;
  /** Passages per tier (before filters). */
  tiers: [number, number, number];
  /** Plans with a passage that has every term (tiers 0 and 1, after filters). */
  docs: string[];
  passages: PassageResult[];
  quick: QuickResult[];
  /** Targets of the metrics the query names (only the first MAX_TARGETS are in `quick`). */
  targetTotal: number;
  facets: Facets;
  /** Glossary terms near the query, when no passage has every term. */
  suggestions: string[];
  /** Terms that cannot be looked up in the full text (one character that is not Han: a, %). */
  skipped: string[];
}
