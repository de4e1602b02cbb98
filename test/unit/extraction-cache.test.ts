/** The extraction cache's keys and entries (the CLI round trip is in test/integration/data-cache.test.ts). */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ExtractionCache,
  pipelineVersion,
  planCacheKey,
} from '../../src/pipeline/extractionCache.ts';

const tmp = mkdtempSync(join(tmpdir(), 'extraction-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const write = (path: string, text: string): string => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

describe('pipelineVersion', () => {
  const src = join(tmp, 'pipeline');
  const taxonomy = write(join(tmp, 'metrics.yaml'), 'rd_spending: {}\n');
  write(join(src, 'extract.ts'), 'export const a = 1;\n');
  write(join(src, 'formats/pdf.ts'), 'export const b = 1;\n');

  it('changes with any pipeline source file, nested ones included, and with the taxonomy', () => {
    const v0 = pipelineVersion(taxonomy, src);
    expect(pipelineVersion(taxonomy, src)).toBe(v0);
    write(join(src, 'formats/pdf.ts'), 'export const b = 2;\n');
    const v1 = pipelineVersion(taxonomy, src);
    expect(v1).not.toBe(v0);
    write(join(tmp, 'metrics.yaml'), 'rd_spending: { zh: 研发 }\n');
    expect(pipelineVersion(taxonomy, src)).not.toBe(v1);
  });

  it('ignores files that are not sources', () => {
    const v = pipelineVersion(taxonomy, src);
    write(join(src, 'notes.md'), 'a note');
    expect(pipelineVersion(taxonomy, src)).toBe(v);
  });
});

describe('planCacheKey', () => {
  it('changes with the bytes, the name and the sidecar', async () => {
    const dir = join(tmp, 'plans');
    const a = write(join(dir, 'a-2024.pdf'), 'bytes');
    const b = write(join(dir, 'b-2024.pdf'), 'bytes');
    const k = await planCacheKey(a);
    expect(await planCacheKey(b)).not.toBe(k);
    write(join(dir, 'a-2024.yaml'), 'county: 平江县\n');
    const withSidecar = await planCacheKey(a);
    expect(withSidecar).not.toBe(k);
    write(join(dir, 'a-2024.yaml'), 'county: 临湘市\n');
    expect(await planCacheKey(a)).not.toBe(withSidecar);
  });
});

describe('ExtractionCache', () => {
  const entry = {
    extraction: {
      doc: 'a-2024',
      meta: {
        county: '平江县',
        prefecture: '岳阳市',
        province: '湖南省',
        year: 2024,
        title: 't',
        slug: 'pingjiang',
        inferred: [],
      },
      targets: [],
    },
    review: [],
    original: {
      file: 'a-2024.txt',
      format: 'txt' as const,
      sha256: '0',
      bytes: 1,
      encoding: 'utf-8',
    },
    sections: [],
  };

  it('gives back what was put, and nothing for a document that no longer matches', async () => {
    const root = join(tmp, 'store');
    const cache = await ExtractionCache.open(root, 'v1');
    expect(await cache.get('ab12')).toBeNull();
    await cache.put('ab12', entry, '{"doc":"a-2024"}\n');
    const hit = await cache.get('ab12');
    expect(hit?.entry.extraction.meta.county).toBe('平江县');
    expect(hit?.documentText).toBe('{"doc":"a-2024"}\n');
    writeFileSync(join(root, 'v1', 'ab', 'ab12.doc.json'), '{"doc":"b-2024"}\n');
    expect(await cache.get('ab12')).toBeNull();
    writeFileSync(join(root, 'v1', 'ab', 'ab12.json'), '{ not json');
    expect(await cache.get('ab12')).toBeNull();
  });

  it('keeps the newest few versions and drops older ones', async () => {
    const root = join(tmp, 'versions');
    for (const [i, v] of ['v1', 'v2', 'v3', 'v4', 'v5'].entries()) {
      mkdirSync(join(root, v), { recursive: true });
      utimesSync(join(root, v), 1000 + i, 1000 + i);
    }
    await ExtractionCache.open(root, 'v6');
    expect(readdirSync(root).sort()).toEqual(['v3', 'v4', 'v5', 'v6']);
  });
});
