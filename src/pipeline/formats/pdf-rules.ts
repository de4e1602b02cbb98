/**
 * The ruling lines of a PDF page, from pdf.js's operator list: table borders
 * drawn as stroked lines (`m l S`), as stroked rectangles (`re S`), or, as
 * Word's PDF export does, as thin filled rectangles (`re f`). Paths are taken
 * through the current transformation matrix (save/restore, `cm`, form
 * XObjects), so the segments share the text items' page coordinates.
 */

/** A horizontal or vertical segment in page units; x1 ≤ x2, y1 ≤ y2. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The pdf.js operator codes this reads (pdf.js's `OPS`; stable since pdf.js 2). */
export interface RuleOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js path opcodes inside constructPath's data (its `DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A filled rectangle this thin (page units) is a border, not a shaded area. */
const MAX_BAR_THICKNESS = 2.5;
/** Segments shorter than this are glyph-like marks (bullets, underscores of a form). */
const MIN_RULE_LENGTH = 4;
/** Slack for "horizontal" and "vertical" after rounding. */
const AXIS_SLACK = 0.8;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m applied in the space of ctm (pdf.js Util.transform(ctm, m)). */
function multiply(ctm: Matrix, m: Matrix): Matrix {
  return [
    ctm[0] * m[0] + ctm[2] * m[1],
    ctm[1] * m[0] + ctm[3] * m[1],
    ctm[0] * m[2] + ctm[2] * m[3],
    ctm[1] * m[2] + ctm[3] * m[3],
    ctm[0] * m[4] + ctm[2] * m[5] + ctm[4],
    ctm[1] * m[4] + ctm[3] * m[5] + ctm[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== 'object' || !('length' in value)) return null;
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length !== 6 || !list.every((v) => typeof v === 'number' && Number.isFinite(v)))
    return null;
  return list as Matrix;
}

/** Subpaths of straight edges; a subpath with a curve is dropped (a circle, a glyph). */
function subpaths(
  data: ArrayLike<number>,
  ctm: Matrix,
): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
  const finish = () => {
    if (current && !current.curved && current.points.length >= 2)
      out.push({ points: current.points, closed: current.closed });
    current = null;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE_TO) {
      finish();
      current = { points: [apply(ctm, data[i]!, data[i + 1]!)], closed: false, curved: false };
      i += 2;
    } else if (op === LINE_TO) {
      current?.points.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE_TO) {
      if (current) current.curved = true;
      i += 6;
    } else if (op === QUADRATIC_CURVE_TO) {
      if (current) current.curved = true;
      i += 4;
    } else if (op === CLOSE_PATH) {
      if (current) current.closed = true;
      finish();
    } else {
      break; // unknown opcode: the rest of the data cannot be read
    }
  }
  finish();
  return out;
}

function axisSegment(a: [number, number], b: [number, number]): Rule | null {
  const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  if (y2 - y1 <= AXIS_SLACK && x2 - x1 >= MIN_RULE_LENGTH) {
    const y = (y1 + y2) / 2;
    return { x1, y1: y, x2, y2: y };
  }
  if (x2 - x1 <= AXIS_SLACK && y2 - y1 >= MIN_RULE_LENGTH) {
    const x = (x1 + x2) / 2;
    return { x1: x, y1, x2: x, y2 };
  }
  return null;
}

/** A thin filled rectangle as the line along its long side. */
function barSegment(points: [number, number][]): Rule | null {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = x2 - x1;
  const height = y2 - y1;
  if (height <= MAX_BAR_THICKNESS && width >= MIN_RULE_LENGTH)
    return { x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 };
  if (width <= MAX_BAR_THICKNESS && height >= MIN_RULE_LENGTH)
    return { x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 };
  return null;
}

/**
 * The horizontal and vertical rules a page draws, from its operator list
 * (`fnArray`, `argsArray` as pdf.js gives them).
 */
export function rulesFromOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  OPS: RuleOps,
): Rule[] {
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = asMatrix(args?.[0]);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!strokes.has(paint) && !fills.has(paint))) continue;
      for (const path of subpaths(data, ctm)) {
        if (strokes.has(paint)) {
          const points = path.closed ? [...path.points, path.points[0]!] : path.points;
          for (let k = 1; k < points.length; k++) {
            const s = axisSegment(points[k - 1]!, points[k]!);
            if (s) rules.push(s);
          }
        } else {
          const s = barSegment(path.points);
          if (s) rules.push(s);
        }
      }
    }
  }
  return rules;
}

export function isHorizontal(rule: Rule): boolean {
  return rule.y1 === rule.y2;
}
