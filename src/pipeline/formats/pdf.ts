/**
 * PDF to plan text through unpdf (pdf.js built for server runtimes). pdf.js
 * reads the text layer, including PDFs whose Chinese font is not embedded
 * (STSong-Light with the UniGB-UCS2-H CMap): those need the CMaps and standard
 * font data that the pdfjs-dist package ships, which unpdf's bundle does not,
 * so their location is resolved from node_modules at run time.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { PlanInputError } from '../errors.ts';
import type { PageElement, PlacedItem } from './pdf-items.ts';
import { analyzePage } from './pdf-layout.ts';
import { pdfPagesToBlocks } from './pdf-lines.ts';
import { rulesFromOperators, type Rule } from './pdf-rules.ts';
import { OCR_DPI, OCR_LANGUAGES, ocrPageItems, ocrPdfPages, type OcrSummary } from './ocr.ts';
import { renderBlocks } from './text-blocks.ts';

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

function placedItems(items: unknown[]): PlacedItem[] {
  return items.filter(isTextItem).map((item) => {
    const [a, b, c, d, e, f] = item.transform;
    return {
      text: item.str,
      x: e!,
      y: f!,
      width: item.width,
      fontSize: Math.hypot(c!, d!) || Math.hypot(a!, b!) || item.height,
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

/** The table a page ends with, if it does: below it only a page number or a footer line or two. */
function tableEndingPage(elements: PageElement[] | undefined): PageElement | undefined {
  return elements?.slice(-3).findLast((e) => e.kind === 'table');
}

/** A page as read from the PDF, before its lines and tables are found. */
interface RawPage {
  items: PlacedItem[];
  rules: Rule[];
  /** The page paints an image and has no text layer: a scan, to be read by OCR. */
  scanned: boolean;
  view: { left: number; top: number };
}

/** What a PDF reads into: its plan text, and how OCR read the scanned pages, if any were. */
export interface PdfText {
  text: string;
  ocr?: OcrSummary;
}

function imageOps(OPS: Record<string, number>): Set<number> {
  return new Set(
    [
      'paintImageXObject',
      'paintInlineImageXObject',
      'paintInlineImageXObjectGroup',
      'paintImageXObjectRepeat',
      'paintImageMaskXObject',
      'paintImageMaskXObjectGroup',
      'paintImageMaskXObjectRepeat',
    ].flatMap((name) => (OPS[name] === undefined ? [] : [OPS[name]])),
  );
}

async function readPages(bytes: Uint8Array, file: string): Promise<RawPage[]> {
  const pdf = await openPdf(bytes, file);
  const { OPS } = await getResolvedPDFJS();
  const images = imageOps(OPS);
  const pages: RawPage[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = placedItems(content.items);
      const operators = await page.getOperatorList();
      const rules = rulesFromOperators(operators.fnArray, operators.argsArray, OPS);
      const hasText = items.some((i) => i.text.trim() !== '');
      const scanned = !hasText && operators.fnArray.some((fn) => images.has(fn));
      const [left, , , top] = page.view;
      pages.push({ items, rules, scanned, view: { left: left ?? 0, top: top ?? 0 } });
      page.cleanup();
    }
  } catch (error) {
    if (error instanceof PlanInputError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new PlanInputError(file, 1, `not a readable PDF file: ${detail}`);
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/**
 * Reads a PDF's bytes as plan text, pages without a text layer by OCR (cached
 * under the file's SHA-256), or throws a PlanInputError naming the file.
 */
export async function readPdf(bytes: Uint8Array, file: string, sha256: string): Promise<PdfText> {
  const pages = await readPages(bytes, file);
  if (pages.length === 0) throw new PlanInputError(file, 1, 'the PDF has no pages');
  const scanned = pages.flatMap((p, i) => (p.scanned ? [i + 1] : []));
  let ocr: OcrSummary | undefined;
  if (scanned.length > 0) {
    const result = await ocrPdfPages(bytes, sha256, scanned, file);
    for (const page of result.pages) {
      const raw = pages[page.page - 1]!;
      raw.items = ocrPageItems(page, raw.view);
    }
    const words = result.pages.flatMap((p) => p.words);
    ocr = {
      engine: result.engine,
      languages: OCR_LANGUAGES,
      dpi: OCR_DPI,
      pages: scanned,
      mean_confidence: words.length
        ? Math.round((10 * words.reduce((sum, w) => sum + w.conf, 0)) / words.length) / 10
        : 0,
    };
  }
  const elements: PageElement[][] = [];
  for (const page of pages)
    elements.push(analyzePage(page.items, page.rules, tableEndingPage(elements.at(-1))));
  const text = renderBlocks(pdfPagesToBlocks(elements));
  if (text.trim() === '') {
    const count = `${pages.length} page${pages.length === 1 ? '' : 's'}`;
    throw new PlanInputError(
      file,
      1,
      ocr
        ? `OCR found no text on the scanned pages (${count}, mean confidence ${ocr.mean_confidence})`
        : `the PDF has no text layer and no scanned page images (${count} of drawings only); there is nothing to read, with or without OCR`,
    );
  }
  return ocr ? { text, ocr } : { text };
}
