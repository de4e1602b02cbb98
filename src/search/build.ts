/**
 * Build-time index generation. Produces a set of files (path → text), laid
 * out so that what a query fetches depends on what it finds, not on how many
 * plans the site holds:
 *
 * - `manifest.json`: metrics with wordings, synonym groups, shard counts,
 *   heavy bigrams and characters, the block directory and the year runs; no
 *   row per plan, so its size stays put as plans are added.
 * - `places.json`: the counties plans are about (name, prefecture, province,
 *   slug, pinyin, plan indexes), by column; bounded by the country's
 *   county-level units, not by the number of plans. Read with the manifest.
 * - `d/<k>.json`: a block of consecutive plans (paragraph counts, places, ids,
 *   paragraph–metric pairs; see DocBlock). A query reads the blocks its hits
 *   fall in, for facets, filters and the plans it lists.
 * - `b/<i>.json`: positional postings of the bigrams hashed to shard i.
 * - `g/<hex>.json`: postings of one frequent bigram (so a query for a common
 *   word never drags a whole hashed shard of other words along, and a rare
 *   word's shard stays small).
 * - `u/<i>.json`, `c/<hex>.json`: the same for single Han characters, without
 *   positions ([paragraphDelta, count] pairs): a one-character query (茶) is
 *   answered from them; longer strings never need them.
 * - `t/<i>.txt`: a fixed number of consecutive paragraphs (about `chunkBytes`
 *   on average): a header line naming the plans they belong to, then one JSON
 *   row per paragraph (text, heading, targets). Fetched only for results that
 *   are shown, and only the shown rows are parsed; a result needs no block.
 * - `w/<i>.json`: for synonym group i (a metric's wordings), where each
 *   wording occurs (postings of the whole wording, in the bigram format): a
 *   glossary term expands to up to six wordings, and looking each up through
 *   bigrams would take a dozen files, most of them the largest (企业, 技术,
 *   科技); this takes one.
 * - `m/<metric>.json`: the targets of one metric across all plans, newest plan
 *   first; `m/<metric>.head.json`: its first MAX_TARGETS rows, all a one-word
 *   query needs.
 *
 * Plans are laid out newest year first (then in the input's order), the order
 * in which results that score alike are listed. So the first page of a query's
 * results mostly falls in a few neighbouring text files rather than one file
 * per plan, those files keep serving later queries from the cache, and
 * paragraph order alone ranks newer plans first.
 *
 * Postings of a bigram are a flat list of numbers:
 *   [paragraphDelta, count, pos1, posDelta2, …, paragraphDelta, count, …]
 */
import { shortName, toPinyin } from '../pipeline/meta.ts';
import { foldForSearch } from './fold.ts';
import { bigrams, hanCounts } from './tokenize.ts';
import { buildSynonyms } from './synonyms.ts';
import { MAX_TARGETS, paths, shardOf } from './layout.ts';
import type {
  ChunkDoc,
  ChunkRow,
  DocBlock,
  Manifest,
  PlaceTable,
  SearchDoc,
  SearchInput,
  TargetRow,
} from './types.ts';

export interface BuildOptions {
  /** Target raw size of a hashed shard in bytes (default 24 KB). */
  shardBytes?: number;
  /** Postings longer than this many numbers get their own file (default 4000). */
  heavyNumbers?: number;
  /** Average raw size of a text file (default 96 KB). */
  chunkBytes?: number;
  /** Plans per block file, at least (default 256; more when there would be over 16 blocks). */
  blockDocs?: number;
}

export interface BuiltIndex {
  files: Map<string, string>;
  manifest: Manifest;
  stats: {
    paragraphs: number;
    bigrams: number;
    shards: number;
    heavy: number;
    chars: number;
    blocks: number;
    bytes: number;
  };
}

/** A query whose hits are everywhere reads every block: at most this many. */
const MAX_BLOCKS = 16;

/** Postings under construction: term → flat list, and the last paragraph added per term. */
class PostingsBuilder {
  readonly lists = new Map<string, number[]>();
  private readonly last = new Map<string, number>();

  /** Adds paragraph `pid` to `term`'s list: [delta, ...entry] (no spread: entries can be long). */
  add(term: string, pid: number, entry: number[]): void {
    let arr = this.lists.get(term);
    if (!arr) this.lists.set(term, (arr = []));
    arr.push(pid - (this.last.get(term) ?? 0));
    for (const x of entry) arr.push(x);
    this.last.set(term, pid);
  }
}

/**
 * Hashed shards and one file per heavy term: the files, and the heavy terms
 * (sorted) for the manifest.
 */
function shardFiles(
  lists: Map<string, number[]>,
  opts: { shardBytes: number; heavyNumbers: number },
  shardPath: (i: number) => string,
  heavyPath: (term: string) => string,
  files: Map<string, string>,
): { shards: number; heavy: string[] } {
  const heavy: string[] = [];
  const light: [string, number[]][] = [];
  let lightNumbers = 0;
  for (const [term, arr] of lists) {
    if (arr.length > opts.heavyNumbers) heavy.push(term);
    else {
      light.push([term, arr]);
      lightNumbers += arr.length;
    }
  }
  heavy.sort();
  // ~4 bytes of JSON per number on average (digits + comma).
  const shards = Math.max(
    8,
    2 ** Math.ceil(Math.log2(Math.max(1, (lightNumbers * 4) / opts.shardBytes))),
  );
  const objs: Record<string, number[]>[] = Array.from({ length: shards }, () => ({}));
  for (const [term, arr] of light) objs[shardOf(term, shards)]![term] = arr;
  objs.forEach((o, i) => files.set(shardPath(i), JSON.stringify(o)));
  for (const term of heavy) files.set(heavyPath(term), JSON.stringify(lists.get(term)));
  return { shards, heavy };
}

/** Delta-encodes ascending integers. */
function deltas(xs: number[]): number[] {
  return xs.map((x, i) => x - (i > 0 ? xs[i - 1]! : 0));
}

/** The places plans are about, sorted by slug, and each plan's place index. */
function placeTable(layout: SearchDoc[]): { table: PlaceTable; placeOf: number[] } {
  const key = (d: SearchDoc): string => `${d.slug}\n${d.county}\n${d.prefecture}\n${d.province}`;
  const keys = [...new Set(layout.map(key))].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const table: PlaceTable = {
    county: [],
    prefecture: [],
    province: [],
    slug: [],
    short: [],
    pinyin: [],
    docs: [],
  };
  const docsOf: number[][] = keys.map(() => []);
  for (const k of keys) {
    const [slug, county, prefecture, province] = k.split('\n') as [string, string, string, string];
    table.county.push(county);
    table.prefecture.push(prefecture);
    table.province.push(province);
    table.slug.push(slug);
    table.short.push(shortName(county));
    table.pinyin.push(toPinyin(shortName(county)));
  }
  const placeOf = layout.map((d, di) => {
    const pi = index.get(key(d))!;
    docsOf[pi]!.push(di);
    return pi;
  });
  table.docs = docsOf.map(deltas);
  return { table, placeOf };
}

/** Builds the static index files (path → contents) and the manifest from the pipeline's plans. */
export function buildIndex(input: SearchInput, opts: BuildOptions = {}): BuiltIndex {
  const shardBytes = opts.shardBytes ?? 24_000;
  const heavyNumbers = opts.heavyNumbers ?? 4000;
  const chunkBytes = opts.chunkBytes ?? 96_000;
  const metricIndex = new Map(input.metrics.map((m, i) => [m.key, i]));
  const layout = input.docs
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => b.year - a.year || i - j)
    .map(([d]) => d);
  const blockDocs = Math.max(opts.blockDocs ?? 256, Math.ceil(layout.length / MAX_BLOCKS), 1);
  const { table: places, placeOf } = placeTable(layout);
  const docId = (d: SearchDoc): string => (d.doc === `${d.slug}-${d.year}` ? '' : d.doc);

  const bi = new PostingsBuilder();
  const uni = new PostingsBuilder();
  const norms: string[] = [];
  /** Every paragraph's stored row (a JSON line) and plan index. */
  const rows: string[] = [];
  const rowDoc: number[] = [];
  const p0: number[] = [];
  const tm: number[][] = [];
  let pid = 0;
  layout.forEach((d, di) => {
    p0.push(pid);
    const pairs: number[] = [];
    let lastLocal = 0;
    d.paragraphs.forEach((p, local) => {
      const norm = foldForSearch(p.text);
      norms.push(norm);
      const positions = new Map<string, number[]>();
      for (const [bg, pos] of bigrams(norm)) {
        const list = positions.get(bg);
        if (list) list.push(pos);
        else positions.set(bg, [pos]);
      }
      for (const [bg, list] of positions) bi.add(bg, pid, [list.length, ...deltas(list)]);
      // Counts above 5 score no higher (rank.ts), so they are stored as 5.
      for (const [c, n] of hanCounts(norm)) uni.add(c, pid, [Math.min(n, 5)]);
      const metricsHere = new Set<number>();
      for (const t of p.targets) {
        const mi = metricIndex.get(t.metric);
        if (mi !== undefined) metricsHere.add(mi);
      }
      for (const mi of metricsHere) {
        pairs.push(local - lastLocal, mi);
        lastLocal = local;
      }
      const stored: ChunkRow = [
        p.anchor,
        p.heading,
        p.text,
        p.targets.map((t) => [t.id, t.metric, t.label, t.quote]),
      ];
      rows.push(JSON.stringify(stored));
      rowDoc.push(di);
      pid++;
    });
    tm.push(pairs);
  });

  const files = new Map<string, string>();
  const big = shardFiles(bi.lists, { shardBytes, heavyNumbers }, paths.shard, paths.heavy, files);
  const chars = shardFiles(
    uni.lists,
    { shardBytes, heavyNumbers },
    paths.charShard,
    paths.heavyChar,
    files,
  );

  // Text files: a fixed number of paragraphs each, so the file of a paragraph is known
  // without a table; one header line naming their plans, then one row per line.
  const enc = new TextEncoder();
  const rowBytes = rows.reduce((a, r) => a + enc.encode(r).length + 1, 0);
  const chunkParagraphs = Math.max(1, Math.round(chunkBytes / Math.max(1, rowBytes / rows.length)));
  for (let start = 0, i = 0; start < rows.length; start += chunkParagraphs, i++) {
    const end = Math.min(rows.length, start + chunkParagraphs);
    const header: ChunkDoc[] = [];
    for (let di = rowDoc[start]!; di <= rowDoc[end - 1]!; di++)
      header.push([di, p0[di]!, layout[di]!.doc, placeOf[di]!]);
    files.set(paths.chunk(i), [JSON.stringify(header), ...rows.slice(start, end)].join('\n'));
  }

  const blocks: number[] = [];
  for (let k = 0; k * blockDocs < layout.length; k++) {
    const from = k * blockDocs;
    const to = Math.min(layout.length, from + blockDocs);
    blocks.push(p0[from]!);
    const docs = layout.slice(from, to);
    const block: DocBlock = {
      n: docs.map((d) => d.paragraphs.length),
      place: deltas(placeOf.slice(from, to)),
      doc: docs.map(docId),
      tm: tm.slice(from, to),
    };
    files.set(paths.block(k), JSON.stringify(block));
  }
  files.set(paths.places, JSON.stringify(places));

  const years: [number, number][] = [];
  layout.forEach((d, di) => {
    if (years[years.length - 1]?.[0] !== d.year) years.push([d.year, di]);
  });

  const syn = buildSynonyms(input.metrics);
  syn.groups.forEach((group, gi) => {
    const lists: Record<string, number[]> = {};
    for (const w of group) if (w.length >= 2) lists[w] = occurrences(w, bi.lists, norms);
    files.set(paths.group(gi), JSON.stringify(lists));
  });

  const docIndex = new Map(layout.map((d, i) => [d.doc, i]));
  const byMetric = new Map<string, TargetRow[]>();
  for (const t of input.targets) {
    const di = docIndex.get(t.doc);
    if (di === undefined) continue;
    const rows = byMetric.get(t.metric) ?? [];
    rows.push([
      di,
      t.doc,
      placeOf[di]!,
      t.id,
      t.label,
      t.quote,
      t.value,
      t.value_max,
      t.unit,
      t.kind,
      t.anchor,
    ]);
    byMetric.set(t.metric, rows);
  }
  const targetFiles: Record<string, number> = {};
  for (const [key, rows] of byMetric) {
    if (!metricIndex.has(key)) continue;
    // Newest plan first (stable: plan order, then the plan's own order).
    rows.sort((a, b) => layout[b[0]]!.year - layout[a[0]]!.year);
    targetFiles[key] = rows.length;
    files.set(paths.targets(key), JSON.stringify(rows));
    files.set(paths.targetsHead(key), JSON.stringify(rows.slice(0, MAX_TARGETS)));
  }

  const manifest: Manifest = {
    v: 3,
    paragraphs: pid,
    docs: layout.length,
    shards: big.shards,
    heavy: big.heavy,
    charShards: chars.shards,
    heavyChars: chars.heavy,
    chunkParagraphs,
    blockDocs,
    blocks,
    years,
    metrics: input.metrics,
    synonyms: syn.groups,
    synonymKeys: syn.keys,
    targetFiles,
  };
  files.set(paths.manifest, JSON.stringify(manifest));
  let bytes = 0;
  for (const v of files.values()) bytes += enc.encode(v).length;
  return {
    files,
    manifest,
    stats: {
      paragraphs: pid,
      bigrams: bi.lists.size,
      shards: big.shards,
      heavy: big.heavy.length,
      chars: uni.lists.size,
      blocks: blocks.length,
      bytes,
    },
  };
}

/**
 * Paragraphs containing `w` with the start of every occurrence (overlapping,
 * as a bigram-position lookup finds them), in the postings format:
 * [paragraphDelta, count, pos1, posDelta…]. Only paragraphs holding the word's
 * rarest bigram are scanned.
 */
function occurrences(w: string, post: Map<string, number[]>, norms: string[]): number[] {
  let rarest: number[] | undefined;
  for (const [bg] of bigrams(w)) {
    const list = post.get(bg);
    if (!list) return [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  const out: number[] = [];
  let last = 0;
  let pid = 0;
  for (let i = 0; i < rarest!.length;) {
    pid += rarest![i]!;
    i += 2 + rarest![i + 1]!;
    const text = norms[pid]!;
    const at: number[] = [];
    for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + 1)) at.push(k);
    if (at.length > 0) {
      out.push(pid - last, at.length, at[0]!);
      for (let k = 1; k < at.length; k++) out.push(at[k]! - at[k - 1]!);
      last = pid;
    }
  }
  return out;
}
