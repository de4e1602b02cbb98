/**
 * County outlines for the maps, read at build time from content/boundaries/
 * (made by `npm run boundaries`, see its README): one TopoJSON per province,
 * converted to GeoJSON once per build and handed out by prefecture or province.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapCounty } from '../charts/countyMap.ts';

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
const cache = new Map<string, CountyOutline[]>();

/** Every county outline of a province (two-digit code or any code starting with it); empty when none is stored. */
export function provinceOutlines(code: string, dir: string = boundariesDir()): CountyOutline[] {
  const province = code.slice(0, 2);
  const key = `${dir}|${province}`;
  let hit = cache.get(key);
  if (hit) return hit;
  const file = join(dir, `${province}.topo.json`);
  hit = [];
  if (existsSync(file)) {
    let topo: Topology<{ counties: GeometryCollection<CountyProps> }>;
    try {
      topo = JSON.parse(readFileSync(file, 'utf8')) as typeof topo;
    } catch (e) {
      throw new Error(`${file}: ${String(e)}`, { cause: e });
    }
    hit = feature(topo, topo.objects.counties).features.map((f) => ({
      code: String(f.id),
      name: f.properties.name,
      pref: f.properties.pref,
      geometry: f.geometry as Polygon | MultiPolygon,
    }));
  }
  cache.set(key, hit);
  return hit;
}

/** The county outlines of one prefecture (`430600`, or any county code in it: `430626`). */
export function prefectureOutlines(code: string, dir: string = boundariesDir()): CountyOutline[] {
  const pref = `${code.slice(0, 4)}00`;
  return provinceOutlines(code, dir).filter((c) => c.pref === pref);
}
