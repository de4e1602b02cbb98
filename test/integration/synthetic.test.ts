import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  generateLongPlan,
  generateSyntheticCorpus,
  mulberry32,
} from '../../src/pipeline/synthetic.ts';

const REAL_NAMES = ['临湘', '平江', '隆回', '沅江', '岳阳', '邵阳', '益阳', '湖南'];

function split(text: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error('no front matter');
  return { meta: parseYaml(m[1]!) as Record<string, unknown>, body: text.slice(m[0].length) };
}

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(mulberry32(8)()).not.toBe(xs[0]);
  });
});

describe('generateSyntheticCorpus', () => {
  const plans = generateSyntheticCorpus({ count: 300, seed: 42 });

  it('gives byte-identical output for the same seed', () => {
    const again = generateSyntheticCorpus({ count: 300, seed: 42 });
    expect(again.map((p) => p.stem)).toEqual(plans.map((p) => p.stem));
    for (let i = 0; i < plans.length; i++) expect(again[i]!.text).toBe(plans[i]!.text);
  });

  it('gives a different corpus for another seed', () => {
    const other = generateSyntheticCorpus({ count: 20, seed: 43 });
    expect(other.map((p) => p.stem)).not.toEqual(plans.slice(0, 20).map((p) => p.stem));
  });

  it('extends a smaller corpus of the same seed rather than reshuffling it', () => {
    expect(generateSyntheticCorpus({ count: 50, seed: 42 })).toEqual(plans.slice(0, 50));
  });

  it('makes the requested number of plans with unique <slug>-<year> stems', () => {
    expect(plans).toHaveLength(300);
    expect(new Set(plans.map((p) => p.stem)).size).toBe(300);
    for (const { stem } of plans) expect(stem).toMatch(/^[a-z]+(?:-\d{6})?-20\d\d(?:-\d+)?$/);
    expect(generateSyntheticCorpus({ count: 0, seed: 1 })).toEqual([]);
  });

  it('writes front matter that matches the stem and the division data', () => {
    for (const { stem, text } of plans) {
      const { meta } = split(text);
      const year = String(meta.year);
      expect(Object.keys(meta)).toEqual(['county', 'prefecture', 'province', 'year', 'title']);
      expect(stem.endsWith(`-${year}`) || new RegExp(`-${year}-\\d+$`).test(stem)).toBe(true);
      expect(meta.year).toBeGreaterThanOrEqual(2021);
      expect(meta.year).toBeLessThanOrEqual(2027);
      expect(String(meta.county)).toMatch(/[县市旗]$/);
      expect(String(meta.province)).toMatch(/省|自治区|市$/);
      expect(String(meta.title)).toContain(String(meta.county));
    }
    expect(new Set(plans.map((p) => split(p.text).meta.province)).size).toBeGreaterThan(10);
  });

  it('keeps each plan between 5 and 25 KB, like the real plans', () => {
    for (const { text } of plans) {
      const bytes = Buffer.byteLength(text);
      expect(bytes).toBeGreaterThanOrEqual(5 * 1024);
      expect(bytes).toBeLessThanOrEqual(25 * 1024);
    }
  });

  it('moves the text to the new county: no real plan place names outside Hunan', () => {
    const elsewhere = plans.filter((p) => split(p.text).meta.province !== '湖南省');
    expect(elsewhere.length).toBeGreaterThan(250);
    for (const { text } of elsewhere) {
      const { meta, body } = split(text);
      for (const name of REAL_NAMES) expect(body).not.toContain(name);
      const short = String(meta.county).slice(0, 2);
      expect(body).toContain(short);
    }
  });

  it('keeps the numeric targets of the source plans', () => {
    const withTargets = plans.filter((p) => /\d+(?:\.\d+)?\s*(?:%|家|亿元|件|项)/.test(p.text));
    expect(withTargets.length).toBe(plans.length);
  });
});

describe('generateLongPlan', () => {
  it('concatenates paragraphs up to about the requested size, deterministically', () => {
    const a = generateLongPlan({ bytes: 200_000, seed: 5 });
    const b = generateLongPlan({ bytes: 200_000, seed: 5 });
    expect(a).toEqual(b);
    const bytes = Buffer.byteLength(a.text);
    expect(bytes).toBeGreaterThan(190_000);
    expect(bytes).toBeLessThan(230_000);
    expect(split(a.text).meta.county).toMatch(/[县市旗]$/);
  });
});

describe('npm run synth (scripts/gen-synthetic.ts)', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/gen-synthetic.ts');
  const run = (out: string, seed: string): void => {
    const r = spawnSync(process.execPath, [script, '--count', '25', '--seed', seed, '--out', out], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote 25 plans/);
  };
  const read = (dir: string): Map<string, Buffer> =>
    new Map(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f))]));

  it('writes <stem>.txt files, byte-identical for the same seed', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'synth-test-'));
    try {
      const [a, b, c] = ['a', 'b', 'c'].map((d) => path.join(root, d)) as [string, string, string];
      run(a, '42');
      run(b, '42');
      run(c, '7');
      const filesA = read(a);
      expect(filesA.size).toBe(25);
      expect(filesA).toEqual(read(b));
      expect([...read(c).keys()]).not.toEqual([...filesA.keys()]);
      const expected = generateSyntheticCorpus({ count: 25, seed: 42 });
      for (const { stem, text } of expected) {
        expect(filesA.get(`${stem}.txt`)?.toString('utf8')).toBe(text);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a missing --out or a bad --count', () => {
    const noOut = spawnSync(process.execPath, [script, '--count', '3'], { encoding: 'utf8' });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out is required/);
    const bad = spawnSync(process.execPath, [script, '--count', 'many', '--out', tmpdir()], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--count must be a whole number/);
  });
});
