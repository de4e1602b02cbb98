/**
 * The index files a query reads (layout in layout.ts), each fetched and parsed
 * once: bigram and character shards and their heavy files, glossary group
 * files, plan blocks, text files, metric target files. Also where a folded
 * string occurs, from the group file that lists it, the bigrams that cover it
 * or, for one character, the character layer.
 */
import { cover } from './tokenize.ts';
import { paths, shardOf } from './layout.ts';
import {
  decodeCounts,
  decodePostings,
  EMPTY_POSTINGS,
  intersectAt,
  type Postings,
} from './postings.ts';
import type { Matches } from './rank.ts';
import type { ChunkDoc, ChunkRow, DocBlock, Manifest, PlaceTable, TargetRow } from './types.ts';

/** Fetches an index file's text (the store parses it). */
export type Loader = (path: string) => Promise<string>;

/** The promise cached under key, made once; forgotten if it fails, so a retry can succeed. */
function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = make();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Strings whose occurrences are kept; past this the cache starts over (queries as you type). */
const MAX_CACHED_STRINGS = 256;

/** One index, read on demand through a loader and cached per file. */
export class IndexStore {
  readonly manifest: Manifest;
  private readonly load: Loader;
  private readonly heavy: Set<string>;
  private readonly heavyChars: Set<string>;
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly rows = new Map<string, Promise<string[]>>();
  private readonly postings = new Map<string, Promise<Postings>>();
  private readonly chars = new Map<string, Promise<Matches>>();
  private readonly found = new Map<string, Promise<Postings | null>>();
  private wordingGroups?: Map<string, number>;

  constructor(manifest: Manifest, load: Loader) {
    this.manifest = manifest;
    this.load = load;
    this.heavy = new Set(manifest.heavy);
    this.heavyChars = new Set(manifest.heavyChars);
  }

  /** Fetches and parses a JSON index file once. */
  json<T>(path: string): Promise<T> {
    return memo(this.files, path, () =>
      this.load(path).then((text) => JSON.parse(text) as unknown),
    ) as Promise<T>;
  }

  /** A text file's rows, unparsed (one JSON row per line). */
  private lines(path: string): Promise<string[]> {
    return memo(this.rows, path, () => this.load(path).then((text) => text.split('\n')));
  }

  private bigram(bg: string): Promise<Postings> {
    return memo(this.postings, bg, () =>
      this.heavy.has(bg)
        ? this.json<number[]>(paths.heavy(bg)).then(decodePostings)
        : this.json<Record<string, number[]>>(paths.shard(shardOf(bg, this.manifest.shards))).then(
            (o) => (Object.hasOwn(o, bg) ? decodePostings(o[bg]!) : EMPTY_POSTINGS),
          ),
    );
  }

  /**
   * Paragraphs holding one Han character, and how often (no positions: a longer
   * string is never looked up through characters).
   */
  char(c: string): Promise<Matches> {
    return memo(this.chars, c, () =>
      this.heavyChars.has(c)
        ? this.json<number[]>(paths.heavyChar(c)).then(decodeCounts)
        : this.json<Record<string, number[]>>(
            paths.charShard(shardOf(c, this.manifest.charShards)),
          ).then((o) => decodeCounts(Object.hasOwn(o, c) ? o[c]! : [])),
    );
  }

  /** Group file holding a glossary wording's matches (the first group listing it). */
  private groupOf(norm: string): number | undefined {
    if (!this.wordingGroups) {
      const m = new Map<string, number>();
      this.manifest.synonyms.forEach((g, gi) => {
        for (const w of g) if (w.length >= 2 && !m.has(w)) m.set(w, gi);
      });
      this.wordingGroups = m;
    }
    return this.wordingGroups.get(norm);
  }

  /**
   * Where the folded string occurs: paragraph ids (ascending) and each
   * occurrence's start position; null when it is too short to look up. Cached
   * per string.
   */
  occurrences(norm: string): Promise<Postings | null> {
    if (this.found.size > MAX_CACHED_STRINGS && !this.found.has(norm)) this.found.clear();
    return memo(this.found, norm, () => this.lookUp(norm));
  }

  private async lookUp(norm: string): Promise<Postings | null> {
    const group = this.groupOf(norm);
    if (group !== undefined) {
      const lists = await this.json<Record<string, number[]>>(paths.group(group));
      return decodePostings(lists[norm] ?? []);
    }
    const parts = cover(norm);
    if (parts.length === 0) return null;
    const lists = await Promise.all(parts.map((c) => this.bigram(c.bigram)));
    // One bigram: its positions are the string's.
    if (lists.length === 1) return lists[0]!;
    return intersectAt(
      lists,
      parts.map((c) => c.offset),
    );
  }

  /** The stored row of a paragraph and its plan, from the text file holding it. */
  async paragraph(pid: number): Promise<{ row: ChunkRow; doc: ChunkDoc }> {
    const per = this.manifest.chunkParagraphs;
    const file = Math.floor(pid / per);
    const lines = await this.lines(paths.chunk(file));
    const row = JSON.parse(lines[1 + pid - file * per]!) as ChunkRow;
    // The header (line 0) lists the file's plans in paragraph order: the last starting at or before pid.
    const docs = JSON.parse(lines[0]!) as ChunkDoc[];
    let doc = docs[0]!;
    for (const d of docs) if (d[1] <= pid) doc = d;
    return { row, doc };
  }

  /** Plan block k (d/<k>.json). */
  block(k: number): Promise<DocBlock> {
    return this.json<DocBlock>(paths.block(k));
  }

  /** The places table (places.json). */
  places(): Promise<PlaceTable> {
    return this.json<PlaceTable>(paths.places);
  }

  /** A metric's targets, newest plan first: all of them, or only the head file's first few. */
  targets(metric: string, { head }: { head: boolean }): Promise<TargetRow[]> {
    return this.json<TargetRow[]>(head ? paths.targetsHead(metric) : paths.targets(metric));
  }
}
