/**
 * The metadata fields a curator writes in a plan's front matter or in the
 * `<stem>.yaml` beside a Word, PDF or web-page plan, checked where they are
 * written (file and line) before anything is built from them: a year the site
 * cannot sort, a title that is a mapping, a county whose name gives no slug
 * would otherwise reach the build and stop it with a stack trace, or be shown
 * as {"a":1}.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { PlanInputError } from './errors.ts';
import { stripFormatCharacters } from './invisible.ts';
import { countySlug } from './meta.ts';

/** Plan years the site shows: from the founding of the PRC to well past any plan's horizon. */
export const YEAR_RANGE = { min: 1949, max: 2100 } as const;

/** Text as written; a number is taken as its digits (title: 2024). Invisible characters are dropped. */
const text = z
  .union([z.string(), z.number()], { error: 'must be text, not a list or a mapping' })
  .transform((v) => stripFormatCharacters(String(v)).text.trim())
  .pipe(z.string().min(1, { error: 'is empty' }));

/** A date as YAML reads it (2024-05-01 unquoted is a Date) or as text. */
function date() {
  return z
    .union([z.date().transform((d) => d.toISOString().slice(0, 10)), text], {
      error: 'must be a date such as 2024-05-01',
    })
    .pipe(z.string());
}

const fieldSchemas = {
  county: text.refine((county) => countySlug(county) !== '', {
    error: 'gives no id (slug): write the county-level unit’s Chinese name, e.g. 平江县',
  }),
  prefecture: text,
  province: text,
  year: z
    .union([z.number(), z.string().regex(/^\s*\d{4}\s*$/)], {
      error: 'must be a year such as 2024',
    })
    .transform(Number)
    .pipe(
      z
        .number()
        .int({ error: 'must be a whole year such as 2024' })
        .min(YEAR_RANGE.min, {
          error: `must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
        })
        .max(YEAR_RANGE.max, {
          error: `must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`,
        }),
    ),
  title: text,
  source: text,
  publisher: text,
  published: date(),
  retrieved: date(),
} as const;

export type MetaField = keyof typeof fieldSchemas;
export const META_FIELDS = Object.keys(fieldSchemas) as MetaField[];

/** The known field an unknown one is probably a misspelling of (titel → title), if any. */
function misspeltField(key: string): MetaField | null {
  const near = closest(key, META_FIELDS) as MetaField;
  const d = distance(key, near);
  return d > 0 && d <= 2 && d * 2 < near.length ? near : null;
}

/** File line (1-based) of each top-level key of a YAML mapping; `firstLine` is the line the YAML starts on. */
export function keyLines(doc: Document, yamlText: string, firstLine = 1): Map<string, number> {
  const lines = new Map<string, number>();
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const line = firstLine + yamlText.slice(0, pair.key.range[0]).split('\n').length - 1;
    lines.set(String(pair.key.value), line);
  }
  return lines;
}

/**
 * Checks the metadata fields of a front matter or sidecar mapping and returns
 * them cleaned (year a number, text trimmed and without invisible
 * characters); other fields (genre, truncated …) pass through as written.
 * Throws a PlanInputError at the field's line for a bad value or a misspelt field name.
 */
export function checkMetaFields(
  data: Record<string, unknown>,
  file: string,
  lines: Map<string, number>,
  where = 'front matter',
): Record<string, unknown> {
  const checked: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(data)) {
    const line = lines.get(key) ?? 1;
    const schema = (fieldSchemas as Record<string, z.ZodType | undefined>)[key];
    if (!schema) {
      const meant = misspeltField(key);
      if (meant)
        throw new PlanInputError(
          file,
          line,
          `${where} field ${key} is not a field: did you mean ${meant}? (fields: ${META_FIELDS.join(', ')})`,
        );
      continue;
    }
    if (value === null || value === undefined) {
      delete checked[key];
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const shown = JSON.stringify(value) ?? typeof value;
      throw new PlanInputError(
        file,
        line,
        `${where} field ${key} ${parsed.error.issues[0]!.message} (it is ${shown})`,
      );
    }
    checked[key] = parsed.data;
  }
  return checked;
}
