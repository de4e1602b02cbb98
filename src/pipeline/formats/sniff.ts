/**
 * Which reader a plan file needs, from its bytes first and its extension
 * second: a downloaded file's name often lies (a .doc that is really .docx, a
 * page saved as .txt), its first bytes do not.
 */
import { PlanInputError } from '../errors.ts';

/** The formats a plan can come in (an original's `format` in plans.json is one of them). */
export const PLAN_FORMATS = ['txt', 'md', 'docx', 'pdf', 'html'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The one list of plan file extensions (lower case, with the dot) and the format each names. */
const EXTENSION_FORMAT: Record<string, PlanFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/** Extensions the pipeline reads as plans (lower case, with the dot). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_FORMAT);

/** Extensions of plain-text plans, whose metadata lives in their own front matter. */
export const TEXT_EXTENSIONS: readonly string[] = SUPPORTED_EXTENSIONS.filter((e) =>
  ['txt', 'md'].includes(EXTENSION_FORMAT[e]!),
);

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** The start of the file as text, for sniffing markup: UTF-16 by its BOM, else byte for byte. */
function head(bytes: Uint8Array): string {
  const slice = bytes.subarray(0, 1024);
  if (startsWith(slice, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(slice.subarray(2));
  if (startsWith(slice, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(slice.subarray(2));
  return new TextDecoder('latin1').decode(
    startsWith(slice, [0xef, 0xbb, 0xbf]) ? slice.subarray(3) : slice,
  );
}

/** An HTML document starts (after whitespace and comments) with a doctype, `<html>` or `<head>`. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = head(bytes).replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '');
  return /^<(?:!doctype\s+html|html|head)\b/i.test(start);
}

/** Format of a plan file; throws a PlanInputError for bytes that no reader takes. */
export function detectFormat(bytes: Uint8Array, file: string, extension: string): PlanFormat {
  const ext = extension.toLowerCase();
  const byName = EXTENSION_FORMAT[ext];
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new PlanInputError(
      file,
      1,
      'an old binary Word (.doc) file; save it as .docx and try again',
    );
  }
  if (byName === 'docx')
    throw new PlanInputError(file, 1, 'not a readable Word (.docx) file: it is not a zip package');
  if (byName === 'pdf')
    throw new PlanInputError(file, 1, 'not a readable PDF file: it does not start with %PDF-');
  if (looksLikeHtml(bytes)) return 'html';
  if (byName) return byName;
  throw new PlanInputError(
    file,
    1,
    `unsupported file type "${ext || '(none)'}"; plans are ${SUPPORTED_EXTENSIONS.join(', ')}`,
  );
}
