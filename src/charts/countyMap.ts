/**
 * County choropleth drawn at build time: d3-geo turns county outlines into SVG
 * paths; nothing runs in the browser. Counties are coloured by one comparable
 * value (callers pass one kind and unit base; mixing them throws, as in
 * rankedBars), counties without a plan are hatched, counties with a plan are
 * links named with their value. The legend is a second, small SVG drawn at its
 * own pixel size, so its text never shrinks with the map on a phone.
 */
import { geoArea, geoConicEqualArea, geoPath, interpolateBlues, scaleSequential } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { FONT_STACK } from './svg.ts';

/** A county outline, its GB/T 2260 code and name (src/site/boundaries.ts). */
export interface MapCounty {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** What the map says about one county that has a plan. */
export interface MapDatum {
  /** County code, the join key with MapCounty. */
  code: string;
  /** Comparable value; null when the county has a plan but no comparable target. */
  value: number | null;
  /** Value as worded (`8.5%以上`), or why there is none. */
  text: string;
  /** Accessible name of the county's link, e.g. `平江县 2026年方案：8.5%以上`. */
  label: string;
  /** Where the county links to (its county page). */
  href?: string;
  /** The county the page is about: outlined. */
  highlight?: boolean;
  kind?: string;
  unit?: string;
}

export interface MapOptions {
  id: string;
  title: string;
  description: string;
  /** Legend heading, e.g. `增速 %`. */
  legendLabel: string;
  /** Map width in SVG units (the viewBox; CSS scales it). */
  width?: number;
  /** Largest height over width before the map is fitted to the height instead. */
  maxAspect?: number;
}

/** Text on the map and its legend, in SVG units (≥ 11 px at a phone's 358 px column, see MAP_WIDTH). */
export const MAP_FONT = 12;
/** Default map width: at a 390 px phone (358 px of content) labels keep MAP_FONT × 358 / 380 ≈ 11.3 px. */
export const MAP_WIDTH = 380;
const LEGEND_WIDTH = 300;
const INK = '#1d2733';
const NO_VALUE = '#dfe4e8';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * d3-geo treats a ring as spherical: an exterior must wind clockwise, or it
 * covers the rest of the globe. Boundary data from GIS tools often winds the
 * other way, so each ring is turned to the orientation d3 expects.
 */
export function rewindForD3<G extends Polygon | MultiPolygon>(g: G): G {
  const ring = (r: Position[], hole: boolean): Position[] => {
    const big = geoArea({ type: 'Polygon', coordinates: [r] }) > 2 * Math.PI;
    // An exterior alone should be small; a hole alone, as d3 winds it, is "everything but".
    return big !== hole ? [...r].reverse() : r;
  };
  const poly = (p: Position[][]): Position[][] => p.map((r, i) => ring(r, i > 0));
  return (
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: poly(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) }
  ) as G;
}

/** Sequential blues over the values, starting above white so the lowest value still reads as coloured. */
function colourScale(values: number[]): (v: number) => string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!values.length || lo === hi) return () => interpolateBlues(0.6);
  const s = scaleSequential((t: number) => interpolateBlues(0.2 + 0.75 * t)).domain([lo, hi]);
  return (v) => s(v);
}

/** The map: one path per county, hatched without a plan, a link with its value with one. */
export function countyMap(counties: MapCounty[], data: MapDatum[], o: MapOptions): string {
  if (new Set(data.filter((d) => d.kind).map((d) => `${d.kind}|${d.unit?.split('/')[0]}`)).size > 1)
    throw new Error(`countyMap ${o.id}: data mix kinds or units`);
  const width = o.width ?? MAP_WIDTH;
  const features: Feature<Polygon | MultiPolygon, { code: string; name: string }>[] = counties
    .map((c) => ({
      type: 'Feature' as const,
      properties: { code: c.code, name: c.name },
      geometry: rewindForD3(c.geometry),
    }))
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const all: FeatureCollection = { type: 'FeatureCollection', features };
  if (!features.length) throw new Error(`countyMap ${o.id}: no county outlines`);

  // Equal-area conic on China's standard parallels, centred on the region.
  const [[lon0], [lon1]] = geoPath().bounds(all);
  const pad = 4;
  const projection = geoConicEqualArea()
    .parallels([25, 47])
    .rotate([-(lon0 + lon1) / 2, 0])
    .fitWidth(width - 2 * pad, all);
  const [[, y0], [, y1]] = geoPath(projection).bounds(all);
  const height = Math.min(Math.ceil(y1 - y0) + 2 * pad, Math.round(width * (o.maxAspect ?? 1.1)));
  projection.fitExtent(
    [
      [pad, pad],
      [width - pad, height - pad],
    ],
    all,
  );
  const path = geoPath(projection).digits(1);

  const byCode = new Map(data.map((d) => [d.code, d]));
  const colour = colourScale(data.flatMap((d) => (d.value == null ? [] : [d.value])));
  const hatch = `${o.id}-hatch`;
  const shapes: string[] = [];
  const labels: string[] = [];
  const outlines: string[] = [];
  for (const f of features) {
    const d = byCode.get(f.properties.code);
    const p = path(f) ?? '';
    if (!d) {
      shapes.push(
        `<path class="map-none" d="${p}" fill="url(#${hatch})"><title>${esc(f.properties.name)}：未收录方案</title></path>`,
      );
      continue;
    }
    const fill = d.value == null ? NO_VALUE : colour(d.value);
    const shape = `<path d="${p}" fill="${fill}"><title>${esc(d.label)}</title></path>`;
    shapes.push(
      d.href
        ? `<a class="map-county" href="${esc(d.href)}" aria-label="${esc(d.label)}">${shape}</a>`
        : shape,
    );
    if (d.highlight)
      outlines.push(`<path d="${p}" fill="none" stroke="${INK}" stroke-width="2.5"/>`);
    const [x, y] = path.centroid(f);
    if (Number.isFinite(x) && Number.isFinite(y))
      labels.push(`<text x="${r1(x)}" y="${r1(y)}" dy="0.35em">${esc(f.properties.name)}</text>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="county-map" role="group" id="${o.id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc" font-family='${FONT_STACK}' font-size="${MAP_FONT}">` +
    `<title id="${o.id}-title">${esc(o.title)}</title><desc id="${o.id}-desc">${esc(o.description)}</desc>` +
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6f7f8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#aab3bc" stroke-width="1.5"/></pattern></defs>` +
    `<g stroke="#7b8794" stroke-width="0.7" stroke-linejoin="round">${shapes.join('')}</g>` +
    `<g aria-hidden="true">${outlines.join('')}</g>` +
    `<g aria-hidden="true" fill="${INK}" stroke="#fff" stroke-width="3" paint-order="stroke" text-anchor="middle" pointer-events="none">${labels.join('')}</g>` +
    `</svg>`
  );
}

/** The map's legend: the colour ramp with its extremes, and swatches for the other states. */
export function mapLegend(data: MapDatum[], o: Pick<MapOptions, 'id' | 'legendLabel'>): string {
  const values = data.flatMap((d) => (d.value == null ? [] : [d.value]));
  const colour = colourScale(values);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const texts = (v: number) => data.find((d) => d.value === v)?.text ?? String(v);
  const parts: string[] = [];
  let y = 14;
  parts.push(`<text x="0" y="${y}" font-weight="700">${esc(o.legendLabel)}</text>`);
  if (values.length) {
    y += 6;
    const grad = `${o.id}-ramp`;
    const stops = [0, 0.25, 0.5, 0.75, 1]
      .map((t) => `<stop offset="${t}" stop-color="${colour(lo + (hi - lo) * t)}"/>`)
      .join('');
    parts.push(
      `<defs><linearGradient id="${grad}">${stops}</linearGradient></defs>`,
      `<rect x="0" y="${y}" width="180" height="12" fill="url(#${grad})" stroke="#8a96a3" stroke-width="0.5"/>`,
      `<text x="0" y="${y + 28}">${esc(lo === hi ? texts(lo) : `低 ${texts(lo)}`)}</text>`,
    );
    if (lo !== hi)
      parts.push(`<text x="180" y="${y + 28}" text-anchor="end">${esc(`高 ${texts(hi)}`)}</text>`);
    y += 34;
  }
  const swatch = (fill: string, stroke: string, text: string) => {
    y += 20;
    parts.push(
      `<rect x="0" y="${y - 11}" width="14" height="14" fill="${fill}" stroke="${stroke}"/>`,
      `<text x="20" y="${y}">${esc(text)}</text>`,
    );
  };
  const hatch = `${o.id}-legend-hatch`;
  parts.push(
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6f7f8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#aab3bc" stroke-width="1.5"/></pattern></defs>`,
  );
  swatch(`url(#${hatch})`, '#aab3bc', '未收录方案 No plan');
  // A locator map (a region page, a county with no shared target) colours no metric:
  // its grey counties simply have a plan.
  if (data.some((d) => d.value == null))
    swatch(
      NO_VALUE,
      '#aab3bc',
      values.length ? '有方案，无可比目标 No comparable target' : '已收录方案 Has a plan',
    );
  if (data.some((d) => d.highlight)) swatch('none', INK, '本县 This county');
  const height = y + 6;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-legend" width="${LEGEND_WIDTH}" height="${height}" viewBox="0 0 ${LEGEND_WIDTH} ${height}" aria-hidden="true" font-family='${FONT_STACK}' font-size="${MAP_FONT}" fill="${INK}">` +
    parts.join('') +
    `</svg>`
  );
}
