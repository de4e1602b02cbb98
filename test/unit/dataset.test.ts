/**
 * The dataset module: what a run publishes round-trips through the writer and
 * the reader, every file is checked against its schema, and a write that fails
 * leaves the previous dataset byte for byte.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTaxonomy, processCorpus } from '../../src/pipeline/index.ts';
import {
  DatasetError,
  planTreeSchema,
  readDataset,
  recoverDataset,
  writeDataset,
  type DatasetContents,
} from '../../src/pipeline/dataset.ts';
import { buildDay, dataVersionOf, datasetOf } from '../../src/pipeline/publish.ts';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'dataset-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** sha256 of every file under dir, by relative path: "byte for byte" made checkable. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/** Names in the dataset's parent folder other than the dataset itself: staging leftovers. */
const leftovers = (dir: string): string[] =>
  readdirSync(join(dir, '..')).filter((n) => n !== 'data' && n.startsWith('data'));

let contents: DatasetContents;
beforeAll(async () => {
  // longhui-2023 has tables, line breaks in cells and emphasis: every node type of the tree.
  const files = ['yuanjiang-2024.txt', 'longhui-2023.txt'].map((f) =>
    join(root, 'content/plans', f),
  );
  const { results, errors } = await processCorpus(files);
  expect(errors).toEqual([]);
  contents = datasetOf({
    results,
    errors,
    applied: [],
    taxonomy: getTaxonomy(),
    files,
    date: '2026-11-30',
  });
});

describe('writeDataset and readDataset', () => {
  it('round-trip every file, each checked against its schema', async () => {
    const dir = join(tmp, 'round', 'data');
    await writeDataset(dir, contents);
    expect(readDataset.exists(dir)).toBe(true);
    const plans = readDataset.plans(dir);
    expect(plans.map((p) => p.doc)).toEqual(['longhui-2023', 'yuanjiang-2024']);
    expect(readDataset.targets(dir)).toHaveLength(contents.targets.length);
    expect(readDataset.metrics(dir).map((m) => m.key)).toContain('rd_spending');
    // The taxonomy's matching rules stay out of the published metrics.
    expect(readFileSync(join(dir, 'metrics.json'), 'utf8')).not.toContain('patterns');
    const doc = readDataset.document('yuanjiang-2024', dir);
    expect(doc.tree.children.length).toBeGreaterThan(10);
    expect(doc.text).toContain('沅江');
    const original = plans[1]!.original;
    expect(Buffer.from(readDataset.original(original.file, dir))).toEqual(
      readFileSync(join(root, 'content/plans', original.file)),
    );
    expect(readDataset.report(dir).errors).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('replaces the previous dataset as a whole: no file of the old one stays', async () => {
    const dir = join(tmp, 'replace', 'data');
    await writeDataset(dir, contents);
    const one = { ...contents, documents: contents.documents.slice(0, 1) };
    one.plans = contents.plans.slice(0, 1);
    one.originals = contents.originals.slice(0, 1);
    await writeDataset(dir, one);
    expect(readdirSync(join(dir, 'docs'))).toEqual([`${one.plans[0]!.doc}.json`]);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a failed write leaves the previous dataset intact, byte for byte', () => {
  const dir = join(tmp, 'failed', 'data');
  let before: Record<string, string>;
  beforeAll(async () => {
    await writeDataset(dir, contents);
    before = hashes(dir);
  });

  it('when a plan document does not match the schema (named with its file and field)', async () => {
    const [first, ...rest] = contents.documents;
    const broken = {
      ...first!,
      tree: { type: 'root', children: [{ type: 'html', value: '<script>' }] },
    };
    const bad = { ...contents, documents: [...rest, broken as never] };
    await expect(writeDataset(dir, bad)).rejects.toThrow(
      new RegExp(`docs/${first!.doc}\\.json: tree\\.children\\.0\\.type: `),
    );
    expect(hashes(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('when a record fails its schema after the documents were written', async () => {
    const bad = { ...contents, targets: [{ ...contents.targets[0]!, kind: 'speed' as never }] };
    await expect(writeDataset(dir, bad)).rejects.toThrow(DatasetError);
    expect(hashes(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('when two targets of a plan share an id (a link would land on the wrong one)', async () => {
    const [a, b] = contents.targets.filter((t) => t.doc === 'yuanjiang-2024');
    const twin = { ...b!, id: a!.id };
    const bad = { ...contents, targets: contents.targets.map((t) => (t === b ? twin : t)) };
    await expect(writeDataset(dir, bad)).rejects.toThrow(
      `yuanjiang-2024 has two targets with the id ${a!.id}`,
    );
    expect(hashes(dir)).toEqual(before);
  });

  it('when an original cannot be copied', async () => {
    const bad = { ...contents, originals: [{ file: 'gone.txt', from: join(tmp, 'no-such') }] };
    await expect(writeDataset(dir, bad)).rejects.toThrow(/ENOENT/);
    expect(hashes(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('the data version', () => {
  it('is written and read back with the date of the build', async () => {
    const dir = join(tmp, 'version', 'data');
    await writeDataset(dir, contents);
    const v = readDataset.version(dir);
    expect(v).toEqual(contents.version);
    expect(v.version).toMatch(/^[0-9a-f]{8}$/);
    expect(v).toMatchObject({ date: '2026-11-30', plans: 2, targets: contents.targets.length });
  });

  it('names the data: the same records give the same version, one changed figure another', () => {
    const again = dataVersionOf(contents, '2026-12-01');
    expect(again.version).toBe(contents.version.version);
    const [first, ...rest] = contents.targets;
    const changed = dataVersionOf(
      { ...contents, targets: [{ ...first!, value: first!.value + 1 }, ...rest] },
      '2026-12-01',
    );
    expect(changed.version).not.toBe(contents.version.version);
  });

  it('keeps the date a version was first built; a new version takes the build day', () => {
    expect(dataVersionOf(contents, '2026-12-24', contents.version).date).toBe('2026-11-30');
    const other = { ...contents.version, version: '00000000' };
    expect(dataVersionOf(contents, '2026-12-24', other).date).toBe('2026-12-24');
  });

  it('takes the build day from SOURCE_DATE_EPOCH when it is set', () => {
    expect(buildDay({ SOURCE_DATE_EPOCH: '1767225600' })).toBe('2026-01-01');
    expect(buildDay({}, new Date('2026-05-04T23:59:00Z'))).toBe('2026-05-04');
  });
});

describe('recoverDataset', () => {
  it('drops staging folders an interrupted write left behind', async () => {
    const dir = join(tmp, 'stale', 'data');
    await writeDataset(dir, contents);
    const before = hashes(dir);
    mkdirSync(join(tmp, 'stale', 'data.partial-killed', 'docs'), { recursive: true });
    recoverDataset(dir);
    expect(leftovers(dir)).toEqual([]);
    expect(hashes(dir)).toEqual(before);
  });

  it('brings the previous dataset back if a write stopped between its two renames', async () => {
    const dir = join(tmp, 'between', 'data');
    await writeDataset(dir, contents);
    const before = hashes(dir);
    renameSync(dir, `${dir}.previous`);
    mkdirSync(join(tmp, 'between', 'data.partial-new'));
    recoverDataset(dir);
    expect(hashes(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    // The next write starts from the recovered state and succeeds.
    await writeDataset(dir, contents);
    expect(hashes(dir)).toEqual(before);
  });
});

describe('reading a damaged dataset', () => {
  it('names the file and the field that does not match', async () => {
    const dir = join(tmp, 'damaged', 'data');
    await writeDataset(dir, contents);
    const file = join(dir, 'plans.json');
    const plans = JSON.parse(readFileSync(file, 'utf8')) as { target_count: unknown }[];
    plans[1]!.target_count = 'many';
    writeFileSync(file, JSON.stringify(plans));
    expect(() => readDataset.plans(dir)).toThrow(`${file}: 1.target_count: `);
    writeFileSync(file, '[{');
    expect(() => readDataset.plans(dir)).toThrow(DatasetError);
    expect(() => readDataset.document('no-such-plan', dir)).toThrow(/no-such-plan\.json: ENOENT/);
  });

  it('has no dataset where nothing was written', () => {
    expect(readDataset.exists(join(tmp, 'never'))).toBe(false);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

describe('the reader tree schema', () => {
  const tree = (children: unknown[]) => ({ type: 'root', children });
  const anchor = { id: 'p-1', line: 3, hProperties: { id: 'p-1' } };

  it('accepts what the pipeline builds, marks and tables included', () => {
    for (const d of contents.documents) expect(planTreeSchema.safeParse(d.tree).success).toBe(true);
    const kinds = new Set(
      JSON.stringify(contents.documents.map((d) => d.tree))
        .match(/"type":"\w+"/g)
        ?.map((t) => t.slice(8, -1)),
    );
    expect([...kinds].sort()).toEqual(
      ['break', 'emphasis', 'heading', 'paragraph', 'root', 'table', 'tableCell', 'tableRow']
        .concat(['targetMark', 'text'])
        .sort(),
    );
  });

  it('rejects a node type or a field it does not know', () => {
    const para = (extra: object) => ({
      type: 'paragraph',
      children: [{ type: 'text', value: 'x' }],
      data: anchor,
      ...extra,
    });
    expect(planTreeSchema.safeParse(tree([para({})])).success).toBe(true);
    expect(planTreeSchema.safeParse(tree([para({ position: {} })])).success).toBe(false);
    expect(planTreeSchema.safeParse(tree([{ type: 'html', value: '<b>' }])).success).toBe(false);
    expect(
      planTreeSchema.safeParse(
        tree([{ ...para({}), children: [{ type: 'image', url: 'javascript:x' }] }]),
      ).success,
    ).toBe(false);
  });
});
