/**
 * One entry for every file format a county publishes a plan in: reads the
 * file, picks the reader by its content, and returns the plan text in the
 * shared text conventions (see text-blocks.ts) with the original's provenance.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { decodeText } from '../decode.ts';
import { stripFormatCharacters, type FormatCharacterRemoval } from '../invisible.ts';
import { PlanInputError } from '../errors.ts';
import { planIdProblem } from '../planId.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import type { OcrSummary } from './ocr.ts';
import { readPdf } from './pdf.ts';
import { readSidecarMeta, sidecarPath } from './sidecar.ts';
import { detectFormat, type PlanFormat } from './sniff.ts';

export { SUPPORTED_EXTENSIONS, type PlanFormat } from './sniff.ts';

/** Provenance of the original file (matches originalSchema in ../schema.ts). */
export interface OriginalFile {
  file: string;
  format: PlanFormat;
  sha256: string;
  bytes: number;
  encoding: string;
  /** Set when some of the text comes from OCR of scanned pages. */
  ocr?: OcrSummary;
}

/** A plan file read into text, before front matter, structure and extraction. */
export interface PlanSource {
  /** File name as given in content/plans/. */
  file: string;
  /** File name without its extension: the plan's doc id. */
  stem: string;
  format: PlanFormat;
  /**
   * txt/md: the decoded text (front matter included); other formats: the converted text.
   * Invisible format characters are removed (see formatCharacters); the original keeps them.
   */
  text: string;
  /** How many invisible format characters were removed from the text, and on which lines. */
  formatCharacters: FormatCharacterRemoval;
  encoding: string;
  original: OriginalFile;
  /** Fields of `<stem>.yaml` beside a Word, PDF or web-page plan, when there is one. */
  sidecarMeta?: Record<string, unknown>;
}

/** Encoding reported for formats whose text is not a byte encoding the reader chose. */
const CONTAINER_ENCODING: Partial<Record<PlanFormat, string>> = { docx: 'utf-8', pdf: 'pdf' };

async function readText(
  format: PlanFormat,
  bytes: Uint8Array,
  filePath: string,
  sha256: string,
): Promise<{ text: string; encoding: string; ocr?: OcrSummary }> {
  switch (format) {
    case 'txt':
    case 'md':
      return decodeText(bytes, filePath);
    case 'html':
      return readHtml(bytes, filePath);
    case 'docx':
      return { text: await readDocx(bytes, filePath), encoding: CONTAINER_ENCODING.docx! };
    case 'pdf':
      return { ...(await readPdf(bytes, filePath, sha256)), encoding: CONTAINER_ENCODING.pdf! };
  }
}

/** Reads one plan file; throws a PlanInputError (file, line, reason) for input it cannot read. */
export async function readPlanSource(filePath: string): Promise<PlanSource> {
  const file = basename(filePath);
  const extension = extname(file);
  const stem = basename(file, extension);
  if (extension.toLowerCase() === '.yaml' || extension.toLowerCase() === '.yml') {
    throw new PlanInputError(
      filePath,
      1,
      'a metadata file, not a plan: it belongs beside a .docx, .pdf or .html plan of the same name',
    );
  }
  const idProblem = planIdProblem(stem);
  if (idProblem) throw new PlanInputError(filePath, 1, idProblem);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    throw new PlanInputError(filePath, 1, `cannot read the file: ${(error as Error).message}`);
  }
  if (bytes.length === 0) throw new PlanInputError(filePath, 1, 'the file is empty');
  const format = detectFormat(bytes, filePath, extension);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const read = await readText(format, bytes, filePath, sha256);
  const { text, removed } = stripFormatCharacters(read.text);
  const { encoding, ocr } = read;
  const source: PlanSource = {
    file,
    stem,
    format,
    text,
    formatCharacters: removed,
    encoding,
    original: { file, format, sha256, bytes: bytes.length, encoding, ...(ocr ? { ocr } : {}) },
  };
  if (format !== 'txt' && format !== 'md') {
    const sidecarMeta = await readSidecarMeta(sidecarPath(dirname(filePath), stem));
    if (sidecarMeta) source.sidecarMeta = sidecarMeta;
  }
  return source;
}
