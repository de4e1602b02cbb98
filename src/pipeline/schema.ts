/**
 * The pipeline's data contract: one Zod schema per record the pipeline writes.
 * The extraction JSON follows ../shared/gold/FORMAT.md; extra fields are allowed
 * there and are what the site uses (ids, anchors, codes). The site's content
 * collections import these same schemas, so there is one source of truth.
 */
import { z } from 'zod';
import { PLAN_FORMATS } from './formats/sniff.ts';

/** What a target's number measures: a growth rate, a level, an increase, a share, a density. */
export const KINDS = ['growth', 'level', 'increase', 'share', 'density'] as const;
/** How the number binds: at least, reach, about, a range, at most. */
export const QUALIFIERS = ['at_least', 'reach', 'about', 'range', 'at_most'] as const;

/** One of KINDS. */
export const kindSchema = z.enum(KINDS);
/** One of QUALIFIERS. */
export const qualifierSchema = z.enum(QUALIFIERS);
/** high: metric and kind decided by an unambiguous rule (FORMAT.md); low: a reading a curator should check. */
export const confidenceSchema = z.enum(['high', 'low']);

/** Where a quote sits in the plan: the paragraph anchor and offsets in the original text. */
export const quoteSpanSchema = z.object({
  quote: z.string(),
  anchor: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** One unit's part of a target where the plan splits it: {unit: 临湘高新区, value: 15}. */
export const allocationSchema = z.object({
  unit: z.string(),
  value: z.number(),
});

/** One quantitative target, FORMAT.md fields first, then the pipeline's extras. */
export const targetSchema = z.object({
  metric: z.string(),
  label: z.string(),
  kind: kindSchema,
  value: z.number(),
  value_max: z.number().nullable(),
  unit: z.string(),
  qualifier: qualifierSchema,
  deadline: z.number().int().nullable(),
  quotes: z.array(z.string()).min(1),
  section: z.string(),
  /** null for a county-wide figure, else the subset or sub-area as worded: 规模以上, 园区, 经开区. */
  scope: z.string().nullable(),
  lead: z.array(z.string()),
  allocations: z.array(allocationSchema),
  /**
   * high only where metric and kind were decided by an unambiguous rule; low targets stay
   * in the reader marked 待核 and are never ranked. A curator's override (see `override`)
   * makes a target high: `override` then tells it apart from the extractor's own.
   */
  confidence: confidenceSchema,
  /**
   * Stable id, unique within the plan: `t-` and a short hash of plan, metric, kind,
   * value, unit and the normalised first quote (pipeline/targets.ts), `-2` for a repeat.
   */
  id: z.string(),
  /** Every mention with its paragraph anchor and original-text offsets. */
  spans: z.array(quoteSpanSchema),
  /** Set when a curator override changed, added or confirmed this target. */
  override: z.enum(['corrected', 'added', 'confirmed']).optional(),
});

/** Who published a plan, where and when: front matter, sidecar or inferred. */
export const planMetaSchema = z.object({
  county: z.string(),
  prefecture: z.string(),
  province: z.string(),
  year: z.number().int(),
  title: z.string(),
  /** Where the plan was published: the official page (http(s) URL) or a description. */
  source: z.string().optional(),
  /** Who published it (the portal or office), as the page names it. */
  publisher: z.string().optional(),
  /** When it was published, YYYY-MM-DD, where the page shows it. */
  published: z.string().optional(),
  /** When the copy in the repository was retrieved. */
  retrieved: z.string().optional(),
  /** GB/T 2260 code of the county-level unit, when the division package knows it. */
  code: z.string().optional(),
  /** Readable county id (pinyin), unique across counties: `pingjiang`, `yueyang-xian`. */
  slug: z.string(),
  /** Meta fields guessed from the text or the file name rather than given in front matter. */
  inferred: z.array(z.string()),
});

/** The extractor's output for one plan: `DIR/<stem>.json`. */
export const planExtractionSchema = z.object({
  doc: z.string(),
  meta: planMetaSchema,
  targets: z.array(targetSchema),
});

/** A number the extractor saw but neither turned into a target nor deliberately ignored. */
export const reviewItemSchema = z.object({
  anchor: z.string(),
  line: z.number().int(),
  number: z.string(),
  context: z.string(),
});

export type Kind = z.infer<typeof kindSchema>;
export type Qualifier = z.infer<typeof qualifierSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type QuoteSpan = z.infer<typeof quoteSpanSchema>;
export type Allocation = z.infer<typeof allocationSchema>;
export type Target = z.infer<typeof targetSchema>;
export type PlanMeta = z.infer<typeof planMetaSchema>;
export type PlanExtraction = z.infer<typeof planExtractionSchema>;
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** A metric of the taxonomy (content/metrics.yaml), as the site shows it. */
export const metricSchema = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  definition_zh: z.string(),
  definition_en: z.string(),
  /** Shown in the overview matrix. */
  headline: z.boolean(),
  /** Its column there (1 = first); null when not a headline metric. */
  headline_order: z.number().int().positive().nullable(),
  /** Wordings that map to this metric (the curator's synonyms). */
  wordings: z.array(z.string()),
  /** Kinds under which targets of this metric can be compared. */
  comparable_kinds: z.array(kindSchema),
  /** Notes on wordings that differ in definition (每万人高价值发明专利 vs 每万人发明专利). */
  notes: z.array(z.string()),
});

/** How the text of scanned pages was read: the site says the text comes from OCR, and how sure it is. */
export const ocrSchema = z.object({
  engine: z.string(),
  languages: z.string(),
  dpi: z.number().int(),
  /** 1-based pages whose text comes from OCR. */
  pages: z.array(z.number().int()),
  /** tesseract's mean word confidence over those pages, 0–100. */
  mean_confidence: z.number(),
});

/** Provenance of the file a plan came from; the original is served unchanged. */
export const originalSchema = z.object({
  /** File name as given in content/plans/. */
  file: z.string(),
  format: z.enum(PLAN_FORMATS),
  sha256: z.string(),
  bytes: z.number().int(),
  encoding: z.string(),
  /** Present when some of the plan's text was read by OCR. */
  ocr: ocrSchema.optional(),
});

/** `.data/plans.json`: one row per plan, for lists and joins. */
export const planRecordSchema = z.object({
  doc: z.string(),
  meta: planMetaSchema,
  original: originalSchema,
  /** GB/T 2260 code of the plan's province (430000); regions.ts. */
  province_code: z.string(),
  /** GB/T 2260 code of its prefecture (430600); a municipality's is the province's. */
  prefecture_code: z.string(),
  target_count: z.number().int(),
  /** Top-level headings, for the table of contents. */
  sections: z.array(z.object({ id: z.string(), depth: z.number().int(), text: z.string() })),
});

/** `.data/targets.json`: every target of every plan, with its plan's key fields. */
export const targetRecordSchema = targetSchema.extend({
  doc: z.string(),
  county: z.string(),
  slug: z.string(),
  prefecture: z.string(),
  province: z.string(),
  year: z.number().int(),
});

export type Metric = z.infer<typeof metricSchema>;
export type Original = z.infer<typeof originalSchema>;
export type PlanRecord = z.infer<typeof planRecordSchema>;
export type TargetRecord = z.infer<typeof targetRecordSchema>;
