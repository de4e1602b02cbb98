/**
 * Reading a plan file from disk as text. Text formats are decoded here; other
 * formats (Word, PDF, HTML) are converted by ./formats when that reader is present.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { decodeText } from './decode.ts';
import type { Original } from './schema.ts';

export interface PlanSource {
  file: string;
  stem: string;
  format: Original['format'];
  text: string;
  encoding: string;
  original: Original;
  sidecarMeta?: Record<string, unknown>;
}

export const TEXT_EXTENSIONS = ['.txt', '.md'];
/** Every extension the pipeline reads as a plan (Word, PDF and HTML through ./formats). */
export const PLAN_EXTENSIONS = [...TEXT_EXTENSIONS, '.docx', '.pdf', '.html', '.htm'];

export function stemOf(file: string): string {
  return basename(file, extname(file));
}

export async function readTextPlan(file: string): Promise<PlanSource> {
  const bytes = new Uint8Array(await readFile(file));
  const { text, encoding } = decodeText(bytes, file);
  const format = extname(file).toLowerCase() === '.md' ? 'md' : 'txt';
  return {
    file,
    stem: stemOf(file),
    format,
    text,
    encoding,
    original: {
      file: basename(file),
      format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      encoding,
    },
  };
}
