/**
 * Bytes to text. Plans arrive as UTF-8 (with or without a BOM) or as GB18030/GBK,
 * the encoding of most files saved by Chinese Windows tools. The encoding is
 * detected from the bytes, never guessed from the file name: valid UTF-8 wins,
 * otherwise the bytes must decode cleanly as GB18030.
 */
import { PlanInputError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Line number (1-based) of a byte offset, for error messages. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Control bytes that never occur in a text plan (NUL and the C0 range except tab, LF, CR, FF). */
function firstBinaryByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return i;
  }
  return -1;
}

/** Where invisible characters were taken out of a plan's text, for the review report. */
export interface FormatCharacterRemoval {
  count: number;
  /** 1-based lines of the text (file lines for .txt/.md) that held one or more. */
  lines: number[];
}

/**
 * Unicode format characters (Cf: zero-width space and joiners, bidi embeddings
 * and overrides, soft hyphen, a BOM inside the text) and the other
 * default-ignorable code points (variation selectors, fillers). They render as
 * nothing, yet split a number in two: 1\u202e00家 reads as 100家 and would be
 * extracted as 0.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The text without invisible format characters, and where they were. */
export function stripFormatCharacters(text: string): {
  text: string;
  removed: FormatCharacterRemoval;
} {
  const lines: number[] = [];
  let count = 0;
  let line = 1;
  let lineEndsAt = text.indexOf('\n');
  const cleaned = text.replace(INVISIBLE, (_char: string, offset: number) => {
    while (lineEndsAt !== -1 && lineEndsAt < offset) {
      line++;
      lineEndsAt = text.indexOf('\n', lineEndsAt + 1);
    }
    count++;
    if (lines.at(-1) !== line) lines.push(line);
    return '';
  });
  return { text: cleaned, removed: { count, lines } };
}

/** Lines listed in a report note before the rest are summed up. */
const NOTE_LINES = 12;

/**
 * The review report's line for a plan that had format characters removed, or
 * null when it had none: `pingjiang-2024: removed 3 invisible format characters
 * (zero-width, bidi, soft hyphen …) on lines 9, 40`.
 */
export function formatCharacterNote(doc: string, removed: FormatCharacterRemoval): string | null {
  if (removed.count === 0) return null;
  const shown = removed.lines.slice(0, NOTE_LINES).join(', ');
  const more =
    removed.lines.length > NOTE_LINES ? ` and ${removed.lines.length - NOTE_LINES} more` : '';
  const noun = removed.count === 1 ? 'character' : 'characters';
  const where = removed.lines.length === 1 ? 'line' : 'lines';
  return `${doc}: removed ${removed.count} invisible format ${noun} (zero-width, bidi control, soft hyphen, BOM) on ${where} ${shown}${more}; figures are read from the text without them, the original file keeps them`;
}

/** Decodes a plan file's bytes, or throws a PlanInputError saying why it cannot. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new PlanInputError(file, 1, 'the file is empty');
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  const binaryAt = firstBinaryByte(body);
  if (binaryAt !== -1) {
    throw new PlanInputError(
      file,
      lineOfByte(body, binaryAt),
      `binary data (byte 0x${body[binaryAt]!.toString(16).padStart(2, '0')} at offset ${binaryAt}); a plan must be a text file`,
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to GB18030, the superset of GBK and GB2312
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' };
  } catch {
    throw new PlanInputError(file, 1, 'the text is neither valid UTF-8 nor valid GB18030/GBK');
  }
}
