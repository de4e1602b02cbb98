/**
 * Invisible characters in plan text. They render as nothing, yet split a
 * number in two, so the reader removes them and the review report says where.
 */

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
