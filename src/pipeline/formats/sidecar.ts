/**
 * Metadata of a plan that cannot carry front matter (Word, PDF, web page):
 * `<stem>.yaml` beside the file, with the front-matter fields (county,
 * prefecture, province, year, title, source, publisher, published, retrieved), checked like front
 * matter (metaFields.ts) with the sidecar's own lines.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { PlanInputError } from '../errors.ts';
import { checkMetaFields, keyLines } from '../metaFields.ts';

/** Path of the sidecar of a plan file: same folder, same stem, `.yaml`. */
export function sidecarPath(dir: string, stem: string): string {
  return `${dir}/${stem}.yaml`;
}

/** The sidecar's fields, undefined when there is none, or a PlanInputError with the YAML line. */
export async function readSidecarMeta(path: string): Promise<Record<string, unknown> | undefined> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PlanInputError(path, 1, `cannot read the metadata file: ${(error as Error).message}`);
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? 1;
    throw new PlanInputError(
      path,
      line,
      `broken YAML in the metadata file: ${problem.message.split('\n')[0]}`,
    );
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PlanInputError(
      path,
      1,
      'the metadata file must be a mapping of fields (county: …, year: …)',
    );
  }
  return checkMetaFields(
    value as Record<string, unknown>,
    path,
    keyLines(doc, source),
    'metadata file',
  );
}
