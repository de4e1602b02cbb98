/**
 * Bytes of a saved web page to text. Order of authority as a browser uses it:
 * a byte order mark, then the charset the page declares in a `<meta>` tag,
 * then detection from the bytes (decodeText). Government sites often declare
 * gb2312 and use GBK characters, so every GB label decodes as GB18030, their
 * common superset.
 */
import { decodeText } from '../decode.ts';

/** How far into the page a charset declaration is looked for (the HTML spec prescans 1024 bytes; saved pages put comments first). */
const PRESCAN_BYTES = 4096;

const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb18030',
  'csgb2312',
  'cp936',
  'windows-936',
]);

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const found = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(meta);
    if (found) return found[1]!.toLowerCase();
  }
  return null;
}

export interface DecodedPage {
  text: string;
  /** The encoding actually used, as a WHATWG encoding name (`utf-8`, `gb18030`, …). */
  encoding: string;
}

/** Decodes a saved page, or throws the PlanInputError of decodeText when no encoding fits. */
export function decodeHtml(bytes: Uint8Array, file: string): DecodedPage {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const declared = declaredCharset(bytes);
    if (declared) {
      const label = GB_LABELS.has(declared) ? 'gb18030' : declared;
      try {
        const decoder = new TextDecoder(label, { fatal: true });
        return { text: decoder.decode(bytes), encoding: decoder.encoding };
      } catch {
        // unknown label, or the bytes contradict the declaration: detect instead
      }
    }
  }
  return decodeText(bytes, file);
}
