/**
 * Plan ids. A plan's id is its file name without the extension; it becomes a
 * URL path segment (/plans/<id>/), a file name in .data and the key overrides
 * address, and people cite it. So it must survive every one of those as it
 * is: no dot segments, no URL syntax (# ? %), no case that a case-insensitive
 * file system would fold into another plan's id.
 */
import { toPinyin } from './meta.ts';

const PLAN_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const MAX_LENGTH = 100;

/** A valid id close to `stem`: Chinese as pinyin, lower case, other runs of characters as one hyphen. */
export function suggestPlanId(stem: string): string {
  const spelled = stem.replace(/[\u3400-\u9fff]+/g, (han) => toPinyin(han));
  return spelled
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/[-_]{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_LENGTH);
}

/** Why `id` cannot be a plan id, or null when it can. */
export function planIdProblem(id: string): string | null {
  if (PLAN_ID.test(id) && id.length <= MAX_LENGTH) return null;
  const suggestion = suggestPlanId(id);
  const rename = PLAN_ID.test(suggestion)
    ? `; rename the file to ${suggestion} plus its extension`
    : '';
  return `the file name gives the plan id ${JSON.stringify(id)}, but a plan id is at most ${MAX_LENGTH} lower-case letters, digits, and - or _ between them (it becomes the plan's web address and data file)${rename}`;
}
