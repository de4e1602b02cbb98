/**
 * Responsible units: the parenthesis that closes a task sentence group,
 * "（县科工信局牵头，县教育局等按职责分工负责）". Where 牵头 is named only
 * the lead units count; otherwise every listed unit, without 等.
 */
import { parenGroups } from './clauses.ts';

export interface LeadParen {
  open: number;
  close: number;
  /** Unit names as [start, end) spans of the normalised text. */
  units: [number, number][];
}

const UNIT_SUFFIX =
  /(局|办|委|部|中心|区|会|院|站|行|司|集团|公司|所|厅|室|队|团县委|团市委|政府|街道|乡镇|镇|委员会|分局|支局|支行|管委会|办公室|事务中心)$/;
const DUTY_TAIL =
  /(?:等)?(?:按(?:照)?(?:职责|职能)(?:和属地管理原则)?分工负责|按职责分工负责|按职能分工负责|分工负责|负责|配合)$/;

function splitUnits(text: string, offset: number): [number, number][] {
  const spans: [number, number][] = [];
  const push = (s: number, e: number) => {
    let piece = text.slice(s, e);
    const lead = piece.length - piece.trimStart().length;
    piece = piece.trim().replace(DUTY_TAIL, '').replace(/等$/, '').trim();
    if (piece) spans.push([offset + s + lead, offset + s + lead + piece.length]);
  };
  // Split on 、 and on 和 only where the next part starts like a unit name (县/市/区…);
  // never inside a bracketed sub-name (市委组织部(人才办、组织科)).
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      (c === '、' ||
        c === ',' ||
        c === '，' ||
        (c === '和' && /[县市区省镇乡州]/.test(text[i + 1] ?? '')))
    ) {
      push(start, i);
      start = i + 1;
    }
  }
  push(start, text.length);
  return spans;
}

/** 牵头单位：… and 责任单位：… labels inside a parenthesis; a 牵头 label wins. */
const LEAD_LABEL = /(?:牵头单位|牵头部门|牵头)[:：]\s*([^;；]*)/;
const DUTY_LABEL = /(?:主要责任单位|责任单位|责任部门|实施单位)[:：]\s*([^;；]*)/;

/** A unit name ends like one (局, 办, 中心 …), a bracketed sub-name (工信局(科技局)) aside. */
function looksLikeUnit(name: string): boolean {
  return UNIT_SUFFIX.test(name.replace(/\([^()]*\)$/, ''));
}

/** A parenthesis opened near the end and never closed (a truncated text): it runs to the end. */
function openTail(text: string, groups: [number, number][]): [number, number] | null {
  const open = text.lastIndexOf('(');
  if (open === -1 || groups.some(([a, b]) => open >= a && open <= b)) return null;
  if (
    text.indexOf(')', open) !== -1 ||
    (!LEAD_LABEL.test(text.slice(open)) && !DUTY_LABEL.test(text.slice(open)))
  )
    return null;
  return [open, text.length];
}

/** Finds the responsibility parentheses of a normalised paragraph. */
export function findLeadParens(text: string): LeadParen[] {
  const out: LeadParen[] = [];
  const groups = parenGroups(text);
  const tail = openTail(text, groups);
  if (tail) groups.push(tail);
  for (const [open, close] of groups) {
    const content = text.slice(open + 1, close);
    if (content.length < 2 || /\d/.test(content.replace(/\([^)]*\)/g, ''))) continue;
    const labeled = LEAD_LABEL.exec(content) ?? DUTY_LABEL.exec(content);
    if (labeled) {
      const at = open + 1 + labeled.index + labeled[0].length - labeled[1]!.length;
      const units = splitUnits(labeled[1]!, at).filter(([s, e]) => looksLikeUnit(text.slice(s, e)));
      if (units.length) out.push({ open, close, units });
      continue;
    }
    const lead = /牵头/.exec(content);
    if (lead) {
      // the lead units are those of the comma clause that ends in 牵头
      const before = content.slice(0, lead.index);
      const from =
        Math.max(
          before.lastIndexOf('，'),
          before.lastIndexOf(','),
          before.lastIndexOf('；'),
          before.lastIndexOf(';'),
        ) + 1;
      out.push({ open, close, units: splitUnits(before.slice(from), open + 1 + from) });
      continue;
    }
    if (/负责|配合/.test(content)) {
      const duty = /(?:等)?按|分工负责|负责|配合/.exec(content)!;
      out.push({ open, close, units: splitUnits(content.slice(0, duty.index), open + 1) });
      continue;
    }
    // A bare list of units counts only where it closes a sentence group: (岳阳分中心) mid-sentence is a name.
    const closesGroup =
      /^\s*(?:[。；;]|$)/.test(text.slice(close + 1)) || /[。；;]\s*$/.test(text.slice(0, open));
    const units = splitUnits(content, open + 1);
    if (closesGroup && units.length && units.every(([s, e]) => looksLikeUnit(text.slice(s, e))))
      out.push({ open, close, units });
  }
  return out;
}

/** Unit names listed in a table's responsibility cell, one per line or separated by 、. */
export function unitsInCell(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n|；|;/)) {
    const t = line.trim();
    if (!t || /^(?:按|等按)/.test(t) || (DUTY_TAIL.test(t) && t.replace(DUTY_TAIL, '') === ''))
      continue;
    for (const [s, e] of splitUnits(t, 0)) out.push(t.slice(s, e));
  }
  return out;
}
