/**
 * Word (.docx) to plan text. mammoth reads the document model (paragraphs,
 * tables with merged cells, headings) and writes plain semantic HTML without
 * Word's styling; walking that HTML with rehype-parse gives the same blocks and
 * pipe rows as a web page, so one walker serves both formats. Automatic list
 * numbers (一、 （一） 1.), which mammoth drops, are written in first.
 */
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { PlanInputError } from '../errors.ts';
import { restoreNumbering } from './docx-numbering.ts';
import { hastToBlocks } from './hast-to-blocks.ts';
import { renderBlocks } from './text-blocks.ts';

/** Reads a .docx file's bytes as plan text, or throws a PlanInputError naming the file. */
export async function readDocx(bytes: Uint8Array, file: string): Promise<string> {
  let html: string;
  try {
    // a file JSZip cannot open goes to mammoth as it is, for mammoth's own error
    const numbered = await restoreNumbering(bytes).catch(() => bytes);
    const result = await mammoth.convertToHtml({
      buffer: Buffer.from(numbered.buffer, numbered.byteOffset, numbered.byteLength),
    });
    html = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PlanInputError(file, 1, `not a readable Word (.docx) file: ${detail}`);
  }
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const text = renderBlocks(hastToBlocks(tree));
  if (text.trim() === '') throw new PlanInputError(file, 1, 'the Word file has no text');
  return text;
}
