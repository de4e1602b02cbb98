/**
 * Bad and unusual input: every problem is a PlanInputError naming the file, the
 * line and the reason, and one bad plan never stops the others of a corpus run.
 * Files are written to a temporary directory by the tests themselves.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanInputError, processCorpus, processPlanText } from '../../src/pipeline/index.ts';
import type { Target } from '../../src/pipeline/schema.ts';
import { FRONT } from '../unit/plan-helper.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A small plan with four targets (wordings from pingjiang-2024 and longhui-2023). */
const GOOD_BODY = `平江县科技创新行动方案
一、工作目标
力争新增国家高新技术企业 10 家以上，全社会研发经费投入增长15%，新增有效发明专利20件以上。
二、工作任务
（一）创新平台建设提优。全县科技型中小企业达到 200 家以上（县科技和工业信息化局牵头）。
`;
const GOOD = `${FRONT}${GOOD_BODY}`;

const key = (ts: Target[]) =>
  ts.map((t) => ({
    metric: t.metric,
    kind: t.kind,
    value: t.value,
    unit: t.unit,
    qualifier: t.qualifier,
    quotes: t.quotes,
    lead: t.lead,
  }));

let dir: string;
const write = (name: string, data: string | Uint8Array) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plans-bad-input-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89,
]);

describe('sanity of the fixture', () => {
  it('the good plan has its four targets', () => {
    const ts = processPlanText(GOOD, 'good-2024').extraction.targets;
    expect(ts.map((t) => [t.metric, t.value])).toEqual([
      ['hightech_firms', 10],
      ['rd_spending', 15],
      ['invention_patents', 20],
      ['tech_sme', 200],
    ]);
  });
});

describe('a bad file is one error; the other files of the run are processed', () => {
  it('empty file, binary file (PNG bytes) and broken front matter, among good plans', async () => {
    const good1 = write('run1/good-2024.txt', GOOD);
    const empty = write('run1/empty-2024.txt', '');
    const png = write('run1/picture-2024.txt', PNG);
    const broken = write(
      'run1/broken-2024.txt',
      '---\ncounty: 平江县\nyear: 2024\ntitle: a: b\n---\n正文\n',
    );
    const good2 = write('run1/good2-2024.txt', GOOD);
    const run = await processCorpus([good1, empty, png, broken, good2]);
    expect(run.results.map((r) => r.extraction.doc)).toEqual(['good-2024', 'good2-2024']);
    expect(run.results.every((r) => r.extraction.targets.length === 4)).toBe(true);
    expect(run.errors.map((e) => e.file)).toEqual([empty, png, broken]);
    for (const e of run.errors) {
      expect(e).toBeInstanceOf(PlanInputError);
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.message).toBe(`${e.file}:${e.line}: ${e.reason}`);
    }
    const [eEmpty, ePng, eBroken] = run.errors as [PlanInputError, PlanInputError, PlanInputError];
    expect(eEmpty.line).toBe(1);
    expect(eEmpty.reason).toMatch(/empty/);
    expect(ePng.reason).toMatch(/binary|not a text|image|unsupported/i);
    // title: a: b is on line 4 of the file (--- is line 1).
    expect(eBroken.line).toBe(4);
    expect(eBroken.reason).toMatch(/front matter/);
  });

  it('a file with front matter and nothing after it is an error naming the body line', async () => {
    const f = write('run-nobody/nobody-2024.txt', `${FRONT}\n\n`);
    const run = await processCorpus([f]);
    expect(run.results).toEqual([]);
    expect(run.errors[0]!.line).toBe(8);
    expect(run.errors[0]!.reason).toMatch(/no text/);
  });

  it('two files with the same stem in different directories: the second errors', async () => {
    const a = write('dup/one/same-2024.txt', GOOD);
    const b = write('dup/two/same-2024.md', GOOD);
    const run = await processCorpus([a, b]);
    expect(run.results).toHaveLength(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]!.file).toBe(b);
    expect(run.errors[0]!.reason).toMatch(/same-2024/);
    expect(run.errors[0]!.reason).toContain(a);
  });
});

describe('encodings and line ends give the same targets', () => {
  it('a GBK-encoded plan decodes and yields the same targets as UTF-8', async () => {
    const utf8 = write('enc/utf8-2024.txt', GOOD);
    const gbkBytes = iconv.encode(GOOD, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow();
    const gbk = write('enc/gbk-2024.txt', gbkBytes);
    const run = await processCorpus([utf8, gbk]);
    expect(run.errors).toEqual([]);
    const [a, b] = run.results as [(typeof run.results)[0], (typeof run.results)[0]];
    expect(b.document.text).toBe(a.document.text);
    expect(key(b.extraction.targets)).toEqual(key(a.extraction.targets));
    expect(b.extraction.targets).toHaveLength(4);
  });

  it('a UTF-8 BOM is dropped and changes nothing', async () => {
    const bom = write(
      'enc/bom-2024.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD, 'utf8')]),
    );
    const run = await processCorpus([bom]);
    expect(run.errors).toEqual([]);
    const r = run.results[0]!;
    expect(r.extraction.meta.county).toBe('平江县');
    expect(r.extraction.meta.inferred).toEqual([]);
    expect(r.document.text.startsWith('\uFEFF')).toBe(false);
    expect(key(r.extraction.targets)).toEqual(key(processPlanText(GOOD, 'x').extraction.targets));
  });

  it('CRLF line ends give the same targets, and spans still point at the quotes', async () => {
    const crlf = write('enc/crlf-2024.txt', GOOD.replace(/\n/g, '\r\n'));
    const run = await processCorpus([crlf]);
    expect(run.errors).toEqual([]);
    const r = run.results[0]!;
    expect(key(r.extraction.targets)).toEqual(key(processPlanText(GOOD, 'x').extraction.targets));
    for (const t of r.extraction.targets)
      for (const s of t.spans) expect(r.document.text.slice(s.start, s.end)).toBe(s.quote);
  });
});

describe('plans without targets, huge plans, hostile text', () => {
  it('a plan with no targets yields an empty list, not an error', () => {
    const r = processPlanText(
      `${FRONT}平江县科技创新行动方案\n一、总体要求\n坚持创新驱动发展，加强组织领导，营造良好氛围。\n`,
      'none-2024',
    );
    expect(r.extraction.targets).toEqual([]);
    expect(r.extraction.meta.county).toBe('平江县');
  });

  it('a 10 MB plan finishes, in time roughly linear in its size', () => {
    const para =
      '（一）创新平台建设提优。力争新增国家高新技术企业 10 家以上，全社会研发经费投入增长15%，全县科技型中小企业达到 200 家以上（县科技和工业信息化局牵头）。\n\n';
    const make = (bytes: number) => {
      const n = Math.ceil(bytes / Buffer.byteLength(para));
      return `${FRONT}平江县科技创新行动方案\n一、工作目标\n${para.repeat(n)}`;
    };
    const small = make(1_000_000);
    const big = make(10_000_000);
    expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(10_000_000);
    const time = (text: string) => {
      const t0 = performance.now();
      const r = processPlanText(text, 'big-2024');
      return { ms: performance.now() - t0, r };
    };
    time(small); // warm-up
    // Noise-tolerant timings: the median of three small runs, the faster of two big ones.
    const smalls = [time(small), time(small), time(small)].sort((x, y) => x.ms - y.ms);
    const s = smalls[1]!;
    const bigs = [time(big), time(big)].sort((x, y) => x.ms - y.ms);
    const b = bigs[0]!;
    // Restatements merge, so the target count stays small; the paragraphs are all there.
    expect(b.r.extraction.targets.length).toBeGreaterThanOrEqual(3);
    expect(b.r.blocks.filter((x) => x.kind === 'paragraph').length).toBe(
      Math.ceil(10_000_000 / Buffer.byteLength(para)),
    );
    expect(b.ms / s.ms).toBeLessThan(15);
  }, 300_000);

  it('<script> and {{ x }} stay verbatim in the text, the quotes and the tree', () => {
    const hostile = '新增高新技术企业<script>alert(1)</script>{{ x }}10家。';
    const r = processPlanText(`${FRONT}一、工作目标\n${hostile}\n`, 'hostile-2024');
    expect(r.document.text).toContain(hostile);
    const t = r.extraction.targets.find((x) => x.value === 10);
    expect(t).toBeDefined();
    expect(t!.quotes.join('')).toContain('<script>alert(1)</script>{{ x }}');
    const texts: string[] = [];
    const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
      if (n.type === 'text' && n.value) texts.push(n.value);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(r.document.tree);
    expect(texts.join('')).toContain('<script>alert(1)</script>{{ x }}');
    expect(JSON.stringify(r.document.tree)).not.toContain('"type":"html"');
  });
});

describe('npm run extract with a good and a bad file', () => {
  it('writes good.json, reports bad.bin with line and reason, exits non-zero, leaves no .tmp', () => {
    const out = path.join(dir, 'cli-out');
    const good = write('cli/good.txt', GOOD);
    const bad = write('cli/bad.bin', PNG);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'scripts/extract.ts'), '--out', out, good, bad],
        { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      stderr = err.stderr;
    }
    expect(status).not.toBe(0);
    const lines = stderr.split('\n').filter((l) => l.includes('bad.bin'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\S`));
    const files = readdirSync(out);
    expect(files).toEqual(['good.json']);
    const json = JSON.parse(readFileSync(path.join(out, 'good.json'), 'utf8')) as {
      doc: string;
      targets: Target[];
    };
    expect(json.doc).toBe('good');
    expect(json.targets).toHaveLength(4);
  }, 60_000);
});
