/** The shape of a bundled plan that the fixture builders (Word, PDF, web page) share. */

/** A bundled plan split into its front matter and its blocks. */
export interface BundledPlan {
  stem: string;
  meta: Record<string, unknown>;
  /** The raw file, front matter included. */
  raw: string;
  blocks: PlanBlock[];
}

/** A paragraph, or a table with its caption and rows of cell texts. */
export type PlanBlock =
  { kind: 'paragraph'; text: string } | { kind: 'table'; caption: string | null; rows: string[][] };
