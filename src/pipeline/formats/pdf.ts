/**
 * PDF to plan text through unpdf (pdf.js built for server runtimes). pdf.js
 * reads the text layer, including PDFs whose Chinese font is not embedded
 * (STSong-Light with the UniGB-UCS2-H CMap): those need the CMaps and standard
 * font data that the pdfjs-dist package ships, which unpdf's bundle does not,
 * so their location is resolved from node_modules at run time.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { PlanInputError } from '../errors.ts';
import { pdfLinesToText, type PdfLine } from './pdf-lines.ts';

/** pdf.js logs only errors (its font warnings are noise for untrusted files). */
const PDFJS_ERRORS_ONLY = 0;

let pdfjsData: { cMapUrl: string; standardFontDataUrl: string } | null = null;

/**
 * Folders (with a trailing slash) of pdfjs-dist's CMaps and standard fonts.
 * Plain paths, not file: URLs: pdf.js in Node reads them with fs, and a file:
 * URL (unpdf's own default) fails with "Unable to load CMap data".
 */
function pdfjsDataUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  if (!pdfjsData) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    pdfjsData = {
      cMapUrl: join(root, 'cmaps') + sep,
      standardFontDataUrl: join(root, 'standard_fonts') + sep,
    };
  }
  return pdfjsData;
}

/** The fields of pdf.js's TextItem this reader uses (marked-content entries lack them). */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

interface PlacedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** Groups a page's text items into visual lines, top to bottom, each left to right. */
export function itemsToLines(items: PlacedItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.text !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PlacedItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - item.y) < 0.5 * Math.max(item.fontSize, group[0]!.fontSize))
      group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    for (const item of group) {
      // a gap wider than half a character between two Latin runs is a space the producer did not write
      if (
        text !== '' &&
        item.x - right > 0.5 * item.fontSize &&
        /[A-Za-z0-9]$/.test(text) &&
        /^[A-Za-z0-9]/.test(item.text)
      )
        text += ' ';
      text += item.text;
      right = Math.max(right, item.x + item.width);
    }
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      left: group[0]!.x,
      right,
      y: group[0]!.y,
      fontSize: Math.max(...group.map((i) => i.fontSize)),
    };
  });
}

async function openPdf(bytes: Uint8Array, file: string) {
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy
    return await getDocumentProxy(new Uint8Array(bytes), {
      ...pdfjsDataUrls(),
      cMapPacked: true,
      verbosity: PDFJS_ERRORS_ONLY,
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const detail = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException')
      throw new PlanInputError(file, 1, 'the PDF is password-protected; save an unprotected copy');
    throw new PlanInputError(file, 1, `not a readable PDF file: ${detail}`);
  }
}

/** Reads a PDF's bytes as plan text, or throws a PlanInputError naming the file. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<string> {
  const pdf = await openPdf(bytes, file);
  const pages: PdfLine[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PlacedItem[] = (content.items as unknown[]).filter(isTextItem).map((item) => {
        const [a, b, c, d, e, f] = item.transform;
        return {
          text: item.str,
          x: e!,
          y: f!,
          width: item.width,
          fontSize: Math.hypot(c!, d!) || Math.hypot(a!, b!) || item.height,
        };
      });
      pages.push(itemsToLines(items));
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof PlanInputError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new PlanInputError(file, 1, `not a readable PDF file: ${detail}`);
  } finally {
    await pdf.destroy();
  }
  const text = pdfLinesToText(pages);
  if (text.trim() === '') {
    throw new PlanInputError(
      file,
      1,
      `the PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images, probably scanned); it needs OCR before it can be read`,
    );
  }
  return text;
}
