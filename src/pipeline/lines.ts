/**
 * A plan body as lines with their offsets: the common input of the block
 * structurer (structure.ts) and the table finder (tables.ts).
 */

/** One line of the body: [start, end) offsets, the text as given, and its NFKC form. */
export interface Line {
  start: number;
  end: number;
  /** NFKC text of the line with surrounding white space removed. */
  norm: string;
  raw: string;
}

/** Splits a body at CRLF, CR or LF; offsets point into the body unchanged. */
export function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const m = re.exec(body);
    const end = m ? m.index : body.length;
    const raw = body.slice(start, end);
    lines.push({ start, end, raw, norm: raw.normalize('NFKC').trim() });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}
