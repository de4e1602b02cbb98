/**
 * Build-time index generation. Produces a set of JSON files (path → text):
 *
 * - `manifest.json`: document table (county, prefecture, year, paragraph id
 *   range; by column, see manifest.ts), metrics with wordings, synonym groups,
 *   shard count, heavy bigrams, where each text file starts.
 * - `b/<i>.json`: positional postings of the bigrams hashed to shard i.
 * - `g/<hex>.json`: postings of one frequent bigram (so a query for a common
 *   word never drags a whole hashed shard of other words along, and a rare
 *   word's shard stays small).
 * - `t/<i>.txt`: paragraph text, heading and targets of consecutive paragraphs,
 *   one JSON row per line, about `chunkBytes` per file — fetched only for
 *   results that are shown, and only the shown rows are parsed.
 *
 * Plans are laid out newest year first (then in the input's order), the order
 * in which results that score alike are listed. So the first page of a query's
 * results mostly falls in a few neighbouring text files rather than one file
 * per plan, and those files keep serving later queries from the cache.
 * - `w/<i>.json`: for synonym group i (a metric's wordings), where each
 *   wording occurs (postings of the whole wording, in the bigram format): a glossary term expands to up to
 *   six wordings, and looking each up through bigrams would take a dozen
 *   files, most of them the largest (企业, 技术, 科技); this takes one.
 * - `m/<metric>.json`: the targets of one metric across all plans, newest plan
 *   first; `m/<metric>.head.json`: its first MAX_TARGETS rows, all a one-word
 *   query needs.
 *
 * Postings of a bigram are a flat list of numbers:
 *   [paragraphDelta, count, pos1, posDelta2, …, paragraphDelta, count, …]
 */
import { foldForSearch } from './fold.ts';
import { bigrams } from './tokenize.ts';
import { buildSynonyms } from './synonyms.ts';
import { MAX_TARGETS, paths, shardOf } from './layout.ts';
import { packManifest } from './manifest.ts';
import type { ChunkRow, DocRow, Manifest, SearchInput, TargetRow } from './types.ts';

export interface BuildOptions {
  /** Target raw size of a hashed shard in bytes (default 24 KB). */
  shardBytes?: number;
  /** Postings longer than this many numbers get their own file (default 4000). */
  heavyNumbers?: number;
  /** Raw size of a text file, at most (default 96 KB; a longer paragraph gets a file of its own). */
  chunkBytes?: number;
}

export interface BuiltIndex {
  files: Map<string, string>;
  manifest: Manifest;
  stats: { paragraphs: number; bigrams: number; shards: number; heavy: number; bytes: number };
}

/** Builds the static index files (path → contents) and the manifest from the pipeline's plans. */
export function buildIndex(input: SearchInput, opts: BuildOptions = {}): BuiltIndex {
  const shardBytes = opts.shardBytes ?? 24_000;
  const heavyNumbers = opts.heavyNumbers ?? 4000;
  const chunkBytes = opts.chunkBytes ?? 96_000;
  const metricIndex = new Map(input.metrics.map((m, i) => [m.key, i]));

  // bigram → flat postings under construction
  const post = new Map<string, number[]>();
  const lastPid = new Map<string, number>();
  const docs: DocRow[] = [];
  /** Text files as their lines (one JSON ChunkRow each). */
  const chunks: string[][] = [];
  const chunkStarts: number[] = [];
  let chunkSize = Infinity;
  let pid = 0;
  const enc = new TextEncoder();
  const norms: string[] = [];
  const layout = input.docs
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => b.year - a.year || i - j)
    .map(([d]) => d);
  for (const d of layout) {
    const row: DocRow = {
      doc: d.doc,
      county: d.county,
      prefecture: d.prefecture,
      province: d.province,
      year: d.year,
      slug: d.slug,
      title: d.title,
      p0: pid,
      n: d.paragraphs.length,
      tm: [],
    };
    d.paragraphs.forEach((p, local) => {
      const norm = foldForSearch(p.text);
      norms.push(norm);
      const positions = new Map<string, number[]>();
      for (const [bg, pos] of bigrams(norm)) {
        const list = positions.get(bg);
        if (list) list.push(pos);
        else positions.set(bg, [pos]);
      }
      for (const [bg, list] of positions) {
        let arr = post.get(bg);
        if (!arr) post.set(bg, (arr = []));
        arr.push(pid - (lastPid.get(bg) ?? 0), list.length, list[0]!);
        for (let k = 1; k < list.length; k++) arr.push(list[k]! - list[k - 1]!);
        lastPid.set(bg, pid);
      }
      const metricsHere = new Set<number>();
      for (const t of p.targets) {
        const mi = metricIndex.get(t.metric);
        if (mi !== undefined) metricsHere.add(mi);
      }
      for (const mi of metricsHere) row.tm.push(local, mi);
      const stored: ChunkRow = [
        p.anchor,
        p.heading,
        p.text,
        p.targets.map((t) => [t.id, t.metric, t.label, t.quote]),
      ];
      const line = JSON.stringify(stored);
      const size = enc.encode(line).length + 1;
      if (chunkSize + size > chunkBytes) {
        chunkStarts.push(pid);
        chunks.push([]);
        chunkSize = 0;
      }
      chunks[chunks.length - 1]!.push(line);
      chunkSize += size;
      pid++;
    });
    docs.push(row);
  }

  const heavy: string[] = [];
  const light: [string, number[]][] = [];
  let lightNumbers = 0;
  for (const [bg, arr] of post) {
    if (arr.length > heavyNumbers) heavy.push(bg);
    else {
      light.push([bg, arr]);
      lightNumbers += arr.length;
    }
  }
  heavy.sort();
  // ~4 bytes of JSON per number on average (digits + comma).
  const shards = Math.max(
    8,
    2 ** Math.ceil(Math.log2(Math.max(1, (lightNumbers * 4) / shardBytes))),
  );

  const files = new Map<string, string>();
  const shardObjs: Record<string, number[]>[] = Array.from({ length: shards }, () => ({}));
  for (const [bg, arr] of light) shardObjs[shardOf(bg, shards)]![bg] = arr;
  shardObjs.forEach((o, i) => files.set(paths.shard(i), JSON.stringify(o)));
  for (const bg of heavy) files.set(paths.heavy(bg), JSON.stringify(post.get(bg)));
  // One row per line: a query parses only the rows it shows, not the whole file.
  chunks.forEach((lines, i) => files.set(paths.chunk(i), lines.join('\n')));

  const syn = buildSynonyms(input.metrics);
  syn.groups.forEach((group, gi) => {
    const lists: Record<string, number[]> = {};
    for (const w of group) if (w.length >= 2) lists[w] = occurrences(w, post, norms);
    files.set(paths.group(gi), JSON.stringify(lists));
  });

  const docIndex = new Map(docs.map((d, i) => [d.doc, i]));
  const byMetric = new Map<string, TargetRow[]>();
  for (const t of input.targets) {
    const di = docIndex.get(t.doc);
    if (di === undefined) continue;
    const rows = byMetric.get(t.metric) ?? [];
    rows.push([di, t.id, t.label, t.quote, t.value, t.value_max, t.unit, t.kind, t.anchor]);
    byMetric.set(t.metric, rows);
  }
  const targetFiles: Record<string, number> = {};
  for (const [key, rows] of byMetric) {
    if (!metricIndex.has(key)) continue;
    // Newest plan first (stable: plan order, then the plan's own order).
    rows.sort((a, b) => docs[b[0]]!.year - docs[a[0]]!.year);
    targetFiles[key] = rows.length;
    files.set(paths.targets(key), JSON.stringify(rows));
    files.set(paths.targetsHead(key), JSON.stringify(rows.slice(0, MAX_TARGETS)));
  }

  const manifest: Manifest = {
    v: 2,
    shards,
    heavy,
    texts: chunkStarts,
    docs,
    metrics: input.metrics,
    synonyms: syn.groups,
    synonymKeys: syn.keys,
    targetFiles,
  };
  files.set(paths.manifest, JSON.stringify(packManifest(manifest)));
  let bytes = 0;
  for (const v of files.values()) bytes += enc.encode(v).length;
  return {
    files,
    manifest,
    stats: { paragraphs: pid, bigrams: post.size, shards, heavy: heavy.length, bytes },
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
