/**
 * Chart and map downloads that say which data they show: the CSV gets a
 * data_version column (as targets.csv has), the SVG a visible footnote line
 * (数据版本 …) and a <metadata> element, so a figure pasted into a report
 * still names its data version. Only the downloads change; the chart on the
 * page stays as it is.
 */
import type { DataVersion } from '../pipeline/dataset.ts';
import { csvDataUrl, toCsv, type Cell } from './csv.ts';
import { versionLabel } from './exports.ts';

type Version = Pick<DataVersion, 'version' | 'date'>;

/** The footnote the downloaded SVG carries. */
export const versionNote = (v: Version): string =>
  `县域科技创新目标对比 · 数据版本 Data version ${versionLabel(v)}`;

/** A chart's data as a CSV download (data: URL), each row stamped with the data version. */
export function chartCsvUrl(header: string[], rows: Cell[][], v: Version): string {
  return csvDataUrl(
    toCsv(
      [...header, 'data_version'],
      rows.map((r) => [...r, v.version]),
    ),
  );
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Height added under the chart for the footnote (px); its text is 11 px, the site's minimum. */
const NOTE_HEIGHT = 18;

/**
 * `svg` (a finished chart, see charts/svg.ts) with the data version: its
 * viewBox and height grow by one line, which holds the footnote.
 */
export function stampSvg(svg: string, v: Version): string {
  const open = svg.indexOf('>') + 1;
  const viewBox = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg.slice(0, open));
  if (!open || !viewBox) throw new Error('stampSvg: not a chart SVG with a viewBox');
  const [, x, y, w, h] = viewBox.map(Number) as [number, number, number, number, number];
  const height = h + NOTE_HEIGHT;
  const head = svg
    .slice(0, open)
    .replace(viewBox[0], `viewBox="${x} ${y} ${w} ${height}"`)
    .replace(/ height="[\d.]+"/, ` height="${height}"`);
  const note = escapeXml(versionNote(v));
  const meta = `<metadata>${escapeXml(JSON.stringify({ data_version: v }))}</metadata>`;
  const text = `<text x="${x + 4}" y="${y + h + 13}" font-size="11" text-anchor="start" fill="#555">${note}</text>`;
  const close = svg.lastIndexOf('</svg>');
  return `${head}${meta}${svg.slice(open, close)}${text}</svg>`;
}
