/**
 * County outlines for the maps, read at build time from content/boundaries/
 * (made by `npm run boundaries`, see its README): one TopoJSON per province,
 * converted to GeoJSON once per build and handed out by prefecture or province.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { geoBounds } from 'd3';
import { feature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { rewindForD3, type MapCounty } from '../charts/countyMap.ts';

/** The boundaries folder: $BOUNDARIES_DIR, else `content/boundaries` in the working directory. */
export function boundariesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['BOUNDARIES_DIR'] ?? 'content/boundaries');
}

/** A county outline with its prefecture code. */
export interface CountyOutline extends MapCounty {
  /** Prefecture code, `430600`. */
  pref: string;
}

type CountyProps = { name: string; pref: string };
type CountyTopology = Topology<{ counties: GeometryCollection<CountyProps> }>;
const topologies = new Map<string, CountyTopology | null>();
const cache = new Map<string, CountyOutline[]>();

/** Earth's radius in km (TopoJSON triangle weights are in steradians). */
const EARTH_KM = 6371;
/** Triangles smaller than this many square pixels at the drawn size are dropped. */
const MIN_PX2 = 2;

/** A province's topology, presimplified once so any display scale can be cut from it. */
function provinceTopology(province: string, dir: string): CountyTopology | null {
  const key = `${dir}|${province}`;
  if (topologies.has(key)) return topologies.get(key)!;
  const file = join(dir, `${province}.topo.json`);
  let topo: CountyTopology | null = null;
  if (existsSync(file)) {
    try {
      topo = presimplify(
        JSON.parse(readFileSync(file, 'utf8')) as CountyTopology,
        sphericalTriangleArea,
      );
    } catch (e) {
      throw new Error(`${file}: ${String(e)}`, { cause: e });
    }
  }
  topologies.set(key, topo);
  return topo;
}

function outlinesAt(province: string, dir: string, minKm2: number): CountyOutline[] {
  const key = `${dir}|${province}|${minKm2}`;
  let hit = cache.get(key);
  if (hit) return hit;
  const topo = provinceTopology(province, dir);
  hit = [];
  if (topo) {
    const cut = simplify(topo, minKm2 / (EARTH_KM * EARTH_KM));
    hit = feature(cut, cut.objects.counties).features.map((f) => ({
      code: String(f.id),
      name: f.properties.name,
      pref: f.properties.pref,
      geometry: f.geometry as Polygon | MultiPolygon,
    }));
  }
  cache.set(key, hit);
  return hit;
}

/** Every county outline of a province (two-digit code or any code starting with it); empty when none is stored. */
export function provinceOutlines(code: string, dir: string = boundariesDir()): CountyOutline[] {
  return outlinesAt(code.slice(0, 2), dir, 0);
}

/** The county outlines of one prefecture (`430600`, or any county code in it: `430626`). */
export function prefectureOutlines(code: string, dir: string = boundariesDir()): CountyOutline[] {
  const pref = `${code.slice(0, 4)}00`;
  return provinceOutlines(code, dir).filter((c) => c.pref === pref);
}

/** Whether a region code names a whole province (`43`, `430000`) rather than a prefecture. */
export const isProvinceCode = (code: string): boolean => /^\d{2}(0000)?$/.test(code);

/**
 * The outlines of the given prefectures and provinces, simplified for a map
 * `widthPx` wide: detail smaller than MIN_PX2 at that size is dropped (a
 * province map needs far fewer points than the stored prefecture-scale data).
 */
export function regionOutlines(
  codes: string[],
  widthPx: number,
  dir: string = boundariesDir(),
): CountyOutline[] {
  const pick = (all: (code: string) => CountyOutline[]) =>
    [...new Set(codes)].flatMap((c) =>
      isProvinceCode(c) ? all(c) : all(c).filter((o) => o.pref === `${c.slice(0, 4)}00`),
    );
  const full = pick((c) => provinceOutlines(c, dir));
  if (!full.length) return [];
  const [[x0, y0], [x1, y1]] = geoBounds({
    type: 'FeatureCollection',
    features: full.map((o) => ({
      type: 'Feature',
      properties: {},
      geometry: rewindForD3(o.geometry),
    })),
  });
  const km = Math.max(
    (x1 - x0) * 111.32 * Math.cos((((y0 + y1) / 2) * Math.PI) / 180),
    (y1 - y0) * 110.57,
  );
  const kmPerPx = km / widthPx;
  // Round to a few scales so maps of similar size share one simplification.
  const minKm2 = 2 ** Math.floor(Math.log2(MIN_PX2 * kmPerPx * kmPerPx));
  if (!(minKm2 > 1)) return full;
  return pick((c) => outlinesAt(c.slice(0, 2), dir, minKm2));
}
