/**
 * Strict decoding: a plan is UTF-8, GB18030/GBK or UTF-16 as a whole. A file
 * that mixes UTF-8 and GB18030 parts is an error naming the first line that
 * breaks the file's encoding, never text with mojibake lines whose targets
 * silently vanish; UTF-16 without a byte order mark is recognised by its NUL
 * bytes rather than rejected as binary data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/pipeline/decode.ts';
import { processCorpus, processPlanText } from '../../src/pipeline/index.ts';
import { inputErrorOf } from '../support/input-error.ts';
import { FRONT } from './plan-helper.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'plans-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// FRONT is lines 1-7, the heading line 8.
const HEAD = `${FRONT}一、工作目标\n`;
const LINE9 = '力争新增国家高新技术企业10家以上，全社会研发经费投入增长15%。\n';
/** A line whose UTF-8 bytes happen to be valid GB18030: decoded as GB18030 it is mojibake, not an error. */
const LINE10 = '新增有效发明专利20件以上，\n';
const LINE11 = '全县科技型中小企业达到200家以上。\n';
const PLAN = HEAD + LINE9 + LINE10 + LINE11;

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const gb = (s: string) => iconv.encode(s, 'gb18030');

const decodeError = (bytes: Uint8Array) => inputErrorOf(() => decodeText(bytes, 'plan.txt'));

describe('files that mix UTF-8 and GB18030', () => {
  it('GB18030 with one UTF-8 line: an error naming that line, not mojibake', () => {
    const bytes = Buffer.concat([gb(HEAD + LINE9), utf8(LINE10), gb(LINE11)]);
    // The trap: the whole file is "valid" GB18030 to a fatal decoder.
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    const e = decodeError(bytes);
    expect(e.line).toBe(10);
    expect(e.reason).toMatch(/UTF-8/);
    expect(e.reason).toMatch(/GB18030/);
    expect(e.reason).toMatch(/mix/);
  });

  it('UTF-8 with a GB18030 part: an error naming the first GB18030 line', () => {
    const bytes = Buffer.concat([utf8(HEAD + LINE9), gb(LINE10 + LINE11)]);
    const e = decodeError(bytes);
    expect(e.line).toBe(10);
    expect(e.reason).toMatch(/mix/);
  });

  it('a UTF-8 byte order mark and then a GB18030 line: an error naming the line', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(HEAD), gb(LINE9)]);
    const e = decodeError(bytes);
    expect(e.line).toBe(9);
    expect(e.reason).toMatch(/UTF-8/);
  });

  it('a line valid in neither encoding is named with its line', () => {
    const bytes = Buffer.concat([utf8(HEAD + LINE9), Buffer.from([0xe6, 0xff, 0xfe, 0x0a])]);
    const e = decodeError(bytes);
    expect(e.line).toBe(10);
    expect(e.reason).toMatch(/neither/);
  });

  it('in a corpus run the mixed file is one error and the other plans are processed', async () => {
    const mixed = path.join(dir, 'mixed-2024.txt');
    const good = path.join(dir, 'good-2024.txt');
    writeFileSync(mixed, Buffer.concat([gb(HEAD + LINE9), utf8(LINE10), gb(LINE11)]));
    writeFileSync(good, PLAN);
    const run = await processCorpus([mixed, good]);
    expect(run.results.map((r) => r.extraction.doc)).toEqual(['good-2024']);
    expect(run.errors.map((e) => [e.file, e.line])).toEqual([[mixed, 10]]);
  });
});

describe('whole files in one encoding still decode', () => {
  it('GB18030, UTF-8 and UTF-8 with BOM give the same text', () => {
    expect(decodeText(gb(PLAN), 'a')).toEqual({ text: PLAN, encoding: 'gb18030' });
    expect(decodeText(utf8(PLAN), 'a')).toEqual({ text: PLAN, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(PLAN)]), 'a')).toEqual({
      text: PLAN,
      encoding: 'utf-8',
    });
  });

  it('a GBK file with short lines that happen to be valid UTF-8 is still GBK', () => {
    // 一 in GBK is D2 BB, a valid two-byte UTF-8 sequence (U+04BB).
    const text = `${HEAD}一\n${LINE9}`;
    expect(decodeText(gb(text), 'a')).toEqual({ text, encoding: 'gb18030' });
  });
});

describe('UTF-16 without a byte order mark', () => {
  const expected = processPlanText(PLAN, 'x').extraction.targets.map((t) => [t.metric, t.value]);

  it('little- and big-endian are detected and give the same targets', async () => {
    const le = path.join(dir, 'le-2024.txt');
    const be = path.join(dir, 'be-2024.txt');
    writeFileSync(le, iconv.encode(PLAN, 'utf16le'));
    writeFileSync(be, iconv.encode(PLAN, 'utf16be'));
    const run = await processCorpus([le, be]);
    expect(run.errors).toEqual([]);
    expect(run.results.map((r) => r.original?.encoding)).toEqual(['utf-16le', 'utf-16be']);
    for (const r of run.results) {
      expect(r.document.text).toBe(PLAN.slice(FRONT.length));
      expect(r.extraction.targets.map((t) => [t.metric, t.value])).toEqual(expected);
    }
  });

  it('a whole bundled plan, whose 一 and 最 put NULs on the other side too, is detected', () => {
    const text = readFileSync(
      path.join(import.meta.dirname, '../fixtures/corpus/longhui-2023.txt'),
      'utf8',
    );
    expect(decodeText(iconv.encode(text, 'utf16le'), 'a')).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(text, 'utf16be'), 'a')).toEqual({ text, encoding: 'utf-16be' });
  });

  it('truncated UTF-16 (an odd byte count) is named as UTF-16, not binary data', () => {
    const bytes = iconv.encode(PLAN, 'utf16le');
    const e = decodeError(bytes.subarray(0, bytes.length - 1));
    expect(e.reason).toMatch(/UTF-16/);
    expect(e.reason).not.toMatch(/binary/);
  });

  it('an unpaired surrogate in UTF-16 is an error with its line, also with a BOM', () => {
    const units = [...iconv.encode(HEAD, 'utf16le'), 0x00, 0xd8, 0x31, 0x00, 0x0a, 0x00];
    const e = decodeError(Uint8Array.from(units));
    expect(e.line).toBe(9);
    expect(e.reason).toMatch(/UTF-16/);
    const withBom = decodeError(Uint8Array.from([0xff, 0xfe, ...units]));
    expect(withBom.line).toBe(9);
  });

  it('binary data with NUL bytes is still binary data', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00,
    ]);
    expect(decodeError(png).reason).toMatch(/binary/);
  });
});
