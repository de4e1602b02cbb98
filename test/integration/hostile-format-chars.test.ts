/**
 * Invisible format characters (zero-width space, bidi overrides, soft hyphen, a
 * BOM inside the text) hidden inside numbers must not change a figure: the
 * reader removes them, the pipeline quotes from the cleaned text, the original
 * stays byte for byte, and the review report says where they were.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stripFormatCharacters } from '../../src/pipeline/invisible.ts';
import { processCorpus } from '../../src/pipeline/index.ts';
import { FRONT } from '../unit/plan-helper.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'plans-format-chars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Line 9 of the file: FRONT is 7 lines, the heading line 8.
const HOSTILE = `${FRONT}一、工作目标\n高新技术企业突破1\u202e00家，研发投入增长１\u200b０％。\n新增发明专利2\u00ad0件，科技型中小企业达到\ufeff50家。\n`;
const CLEAN = `${FRONT}一、工作目标\n高新技术企业突破100家，研发投入增长１０％。\n新增发明专利20件，科技型中小企业达到50家。\n`;

describe('stripFormatCharacters', () => {
  it('removes Unicode format characters and counts them per line', () => {
    const { text, removed } = stripFormatCharacters('a\u200bb\nc\n\u202ad\u202c\u2066e\u2069\n');
    expect(text).toBe('ab\nc\nde\n');
    expect(removed).toEqual({ count: 5, lines: [1, 3] });
  });

  it('leaves ordinary text, tabs, CR/LF and full-width characters alone', () => {
    const plain = '一、工作目标\r\n\t研发投入增长１０％（以上）\n';
    expect(stripFormatCharacters(plain)).toEqual({ text: plain, removed: { count: 0, lines: [] } });
  });

  it('also removes variation selectors and other default-ignorable code points', () => {
    expect(stripFormatCharacters('1\ufe0f00\u034f家').text).toBe('100家');
  });
});

describe('a plan with format characters inside its numbers', () => {
  const hostile = path.join(dir, 'hostile-2024.txt');
  const clean = path.join(dir, 'clean-2024.txt');
  writeFileSync(hostile, HOSTILE);
  writeFileSync(clean, CLEAN);

  it('gives the same figures as the clean plan, quoted from the cleaned text', async () => {
    const run = await processCorpus([hostile, clean]);
    expect(run.errors).toEqual([]);
    const [h, c] = run.results as [(typeof run.results)[0], (typeof run.results)[0]];
    const figures = (r: typeof h) =>
      r.extraction.targets.map((t) => [t.metric, t.value, t.unit, t.quotes]);
    expect(figures(h)).toEqual(figures(c));
    expect(figures(h)).toContainEqual(['hightech_firms', 100, '家', ['高新技术企业突破100家']]);
    expect(h.extraction.targets.map((t) => t.metric)).not.toContain('other');
    expect(h.document.text).toBe(c.document.text);
    for (const t of h.extraction.targets)
      for (const s of t.spans) expect(h.document.text.slice(s.start, s.end)).toBe(s.quote);
  });

  it('keeps the original bytes and records where characters were removed', async () => {
    const run = await processCorpus([hostile]);
    const r = run.results[0]!;
    expect(r.original?.sha256).toBe(
      createHash('sha256').update(readFileSync(hostile)).digest('hex'),
    );
    expect(r.original?.bytes).toBe(Buffer.byteLength(HOSTILE));
    expect(r.formatCharacters).toEqual({ count: 4, lines: [9, 10] });
  });

  it('npm run extract --report names the count and the lines', () => {
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'scripts/extract.ts'), '--report', hostile, clean],
      { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
    );
    expect(out).toMatch(/hostile-2024: removed 4 invisible format characters .*lines 9, 10/);
    expect(out).not.toMatch(/clean-2024: removed/);
  }, 60_000);
});
