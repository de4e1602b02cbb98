/**
 * CSV for Excel users: UTF-8 with a BOM (so Excel picks UTF-8 for Chinese),
 * CRLF line ends and RFC 4180 quoting (quote a field containing , " CR or LF;
 * double inner quotes). Plan text is untrusted: a text cell that a spreadsheet
 * would read as a formula (it begins with = + - @, a tab or a carriage return)
 * gets a leading apostrophe, as OWASP advises, so it opens as the text it is.
 * Numbers stay numbers (−5 is a value, not a formula).
 */
export type Cell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet cell a formula (or hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for a spreadsheet: `=1+2` → `'=1+2`; other text as it is. */
export function neutralizeFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One field, formula-neutralised if text, quoted when it holds a comma, a quote or a line break. */
export function csvField(v: Cell): string {
  const s = v == null ? '' : typeof v === 'string' ? neutralizeFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole table: header, rows, CRLF after each line, a BOM unless asked not to. */
export function toCsv(header: string[], rows: Cell[][], { bom = true } = {}): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** A CSV as a data: URL, for a download link that needs no file of its own. */
export const csvDataUrl = (csv: string): string =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
