/**
 * Optional YAML front matter at the top of a plan file (`---` … `---`).
 * Metadata given there wins over anything inferred from the text; its fields
 * are checked here, where their lines are known (metaFields.ts).
 */
import { parseDocument } from 'yaml';
import { PlanInputError } from './errors.ts';
import { checkMetaFields, keyLines } from './metaFields.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The plan text after the front matter, unchanged. */
  body: string;
  /** Number of lines the front matter took, so body line numbers can be reported as file lines. */
  lineOffset: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export function splitFrontMatter(text: string, file: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, body: text.replace(/^\uFEFF/, ''), lineOffset: 0 };
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*(\r?\n|$)/m.exec(rest);
  if (!close) throw new PlanInputError(file, 1, 'front matter opened with --- is never closed');
  const yamlText = rest.slice(0, close.index);
  const doc = parseDocument(yamlText, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    // With prettyErrors off the parser gives no linePos: count lines up to the error offset.
    // The opening --- is file line 1, so YAML line n is file line n + 1.
    const yamlLine = err.linePos?.[0]?.line ?? yamlText.slice(0, err.pos[0]).split('\n').length;
    const line = 1 + yamlLine;
    throw new PlanInputError(file, line, `broken front matter: ${err.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new PlanInputError(file, 2, 'front matter must be a mapping of field: value');
  }
  const consumed = open[0] + yamlText + close[0];
  // The opening --- is file line 1, so the YAML starts on line 2.
  const fields = checkMetaFields(
    (data ?? {}) as Record<string, unknown>,
    file,
    keyLines(doc, yamlText, 2),
  );
  return {
    data: fields,
    body: rest.slice(close.index + close[0].length),
    lineOffset: consumed.split('\n').length - 1,
  };
}
