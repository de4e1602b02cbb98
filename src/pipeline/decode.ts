/**
 * Bytes to text. Plans arrive as UTF-8 (with or without a BOM), as GB18030/GBK,
 * the encoding of most files saved by Chinese Windows tools, or now and then as
 * UTF-16 (with or without a BOM). The encoding is detected from the bytes,
 * never guessed from the file name, and it holds for the whole file: a file
 * that is UTF-8 in one part and GB18030 in another is an error naming the
 * first line that breaks the encoding, because decoding it either way turns a
 * part of it into mojibake whose figures silently vanish.
 */
import { PlanInputError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SAVE_AS = 'save the whole file again in one encoding (UTF-8)';

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Line number (1-based) of a byte offset, for error messages. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** A C0 control that never occurs in a text plan (everything below 0x20 but tab, LF, FF, CR, ESC). */
function isBinaryControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b;
}

function firstBinaryByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (isBinaryControl(bytes[i]!)) return i;
  return -1;
}

function binaryError(file: string, bytes: Uint8Array, at: number): PlanInputError {
  return new PlanInputError(
    file,
    lineOfByte(bytes, at),
    `binary data (byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}); a plan must be a text file`,
  );
}

// ---------------------------------------------------------------- UTF-16

/**
 * UTF-16 without a byte order mark, told by its NUL bytes: every ASCII
 * character (line breaks, digits, %) has a zero high byte, at odd offsets in
 * little-endian and even ones in big-endian. Chinese characters put a NUL on
 * the other side only when their low byte is zero (一 U+4E00, 最 U+6700): in
 * the bundled and real plans ASCII outnumbers those 8 to 400 times. Binary
 * data has NULs on both sides alike; the strict decode then confirms.
 */
function utf16ByNulBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd >= 2 && even * 3 <= odd) return 'utf-16le';
  if (even >= 2 && odd * 3 <= even) return 'utf-16be';
  return null;
}

/** Decodes UTF-16 strictly: an odd byte count, an unpaired surrogate or a control character is an error with its line. */
function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  file: string,
  how: string,
): DecodedText {
  const name = `UTF-16 (${encoding === 'utf-16le' ? 'little' : 'big'}-endian, ${how})`;
  const unitAt = (i: number) =>
    encoding === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  let line = 1;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const unit = unitAt(i);
    if (unit === 0x0a) line++;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 3 < bytes.length ? unitAt(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff)
        throw new PlanInputError(
          file,
          line,
          `the file is ${name} but has a broken character (an unpaired surrogate at byte ${i})`,
        );
      i += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new PlanInputError(
        file,
        line,
        `the file is ${name} but has a broken character (an unpaired surrogate at byte ${i})`,
      );
    } else if (isBinaryControl(unit)) {
      throw new PlanInputError(
        file,
        line,
        `the file reads as ${name} but holds binary data (U+${unit.toString(16).padStart(4, '0')} at byte ${i})`,
      );
    }
  }
  if (bytes.length % 2 !== 0)
    throw new PlanInputError(
      file,
      line,
      `the file is ${name} but ends in half a character: it is truncated`,
    );
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

// ---------------------------------------------------------------- UTF-8 or GB18030

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030Strict = new TextDecoder('gb18030', { fatal: true });

function decodes(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A three- or four-byte UTF-8 lead byte: Chinese text in UTF-8 is made of these. */
function hasLongUtf8Sequence(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0xe0 && b <= 0xf4);
}

type LineEncoding = 'utf-8' | 'gb18030';

/**
 * What one line's bytes say about the encoding: null for ASCII, or for a
 * line that is both valid UTF-8 and valid GB18030 without Chinese text in
 * UTF-8 (a short GBK line such as 一, D2 BB, is also a two-byte UTF-8
 * sequence). Chinese in UTF-8 is three bytes a character and a GBK line is
 * practically never valid UTF-8 that way, so such a line counts as UTF-8.
 */
function lineEncoding(line: Uint8Array): LineEncoding | 'neither' | null {
  if (line.every((b) => b < 0x80)) return null;
  const utf8 = decodes(utf8Strict, line);
  const gb = decodes(gb18030Strict, line);
  if (utf8 && (!gb || hasLongUtf8Sequence(line))) return 'utf-8';
  if (gb) return utf8 ? null : 'gb18030';
  return 'neither';
}

const LABEL: Record<LineEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030/GBK' };

/**
 * Reads the file line by line (0x0A never occurs inside a UTF-8 or GB18030
 * character) and decodes it in the one encoding all its lines agree on; the
 * first line that disagrees with the lines before it is the error.
 */
function decodeUtf8OrGb18030(body: Uint8Array, file: string, bom: boolean): DecodedText {
  let established: { encoding: LineEncoding; line: number } | null = bom
    ? { encoding: 'utf-8', line: 1 }
    : null;
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    const found = lineEncoding(body.subarray(start, end));
    start = end + 1;
    if (found === null) continue;
    if (found === 'neither')
      throw new PlanInputError(
        file,
        line,
        `line ${line} is neither valid UTF-8 nor valid GB18030/GBK; ${SAVE_AS}`,
      );
    if (!established) {
      established = { encoding: found, line };
      continue;
    }
    if (found === established.encoding) continue;
    const before =
      bom && established.line === 1 ? 'the UTF-8 byte order mark' : `line ${established.line}`;
    throw new PlanInputError(
      file,
      line,
      `the file mixes encodings: line ${line} is ${LABEL[found]} but ${before} is ${LABEL[established.encoding]}; ${SAVE_AS}`,
    );
  }
  const encoding = established?.encoding ?? 'utf-8';
  return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
}

/** Decodes a plan file's bytes, or throws a PlanInputError saying why it cannot (with the first bad line). */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new PlanInputError(file, 1, 'the file is empty');
  if (startsWith(bytes, [0xff, 0xfe]))
    return decodeUtf16(bytes.subarray(2), 'utf-16le', file, 'with a byte order mark');
  if (startsWith(bytes, [0xfe, 0xff]))
    return decodeUtf16(bytes.subarray(2), 'utf-16be', file, 'with a byte order mark');
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const binaryAt = firstBinaryByte(body);
  if (binaryAt !== -1) {
    const utf16 = bom ? null : utf16ByNulBytes(body);
    if (utf16) return decodeUtf16(body, utf16, file, 'without a byte order mark');
    throw binaryError(file, body, binaryAt);
  }
  // The common case in one pass: the whole file is UTF-8.
  try {
    return { text: utf8Strict.decode(body), encoding: 'utf-8' };
  } catch {
    return decodeUtf8OrGb18030(body, file, bom);
  }
}
