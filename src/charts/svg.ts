/**
 * Shared plumbing for build-time charts: a linkedom document for Plot, and the
 * post-processing that makes the SVG accessible, deterministic and small.
 */
import { parseHTML } from 'linkedom';

let doc: Document | undefined;
/** One DOM per process is enough; Plot only creates detached elements in it. */
export function chartDocument(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document;
  return doc;
}

/** System CJK stack so a saved SVG renders Chinese without a web font. */
export const FONT_STACK =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Round coordinates to 2 decimals (stable snapshots, smaller files), add
 * <title>/<desc> referenced by aria-labelledby/-describedby, role="group"
 * (not "img": bars are links, and an img's children are presentational),
 * and the xmlns so the same string works as a standalone .svg download.
 */
export function finishSvg(
  svg: string,
  o: { id: string; title: string; description: string },
): string {
  const rounded = svg
    .replace(/-?\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100))
    // Plot names its <g> layers with aria-label, which ARIA forbids on role-less
    // elements; the chart is named by <title>/<desc> instead.
    .replace(/(<g\b[^>]*?) aria-label="[^"]*"/g, '$1');
  const open = rounded.indexOf('>') + 1;
  const head = rounded
    .slice(0, open)
    .replace(/ aria-(label|description)="[^"]*"/g, '')
    .replace(
      '<svg',
      `<svg xmlns="http://www.w3.org/2000/svg" role="group" id="${o.id}" aria-labelledby="${o.id}-title" aria-describedby="${o.id}-desc"`,
    )
    .replace(/font-family="[^"]*"/, `font-family='${FONT_STACK}'`);
  return `${head}<title id="${o.id}-title">${escapeXml(o.title)}</title><desc id="${o.id}-desc">${escapeXml(o.description)}</desc>${rounded.slice(open)}`;
}

/** A chart as a data: URL, for the "download SVG" link (no extra file to keep in sync). */
export const svgDataUrl = (svg: string): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
