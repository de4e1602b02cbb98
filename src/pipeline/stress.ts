/**
 * Stress inputs for the extractor, shared by the unit test that checks their
 * result counts and the benchmark that times them: many targets in one
 * paragraph, and a multi-megabyte line of numbers with no punctuation. Both
 * used to take minutes, when every number rescanned its whole clause.
 */

const FRONT =
  '---\ncounty: 平江县\nprefecture: 岳阳市\nprovince: 湖南省\nyear: 2024\ntitle: 压力测试\n---\n';

/** A plan whose one paragraph holds `count` targets, each with its own value so none merge. */
export function manyTargetsParagraph(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `新增高新技术企业${i + 1}家`);
  return `${FRONT}一、工作目标\n${items.join('，')}。\n`;
}

/**
 * A plan of one line of about `bytes` (UTF-8): numbers separated by spaces, no
 * punctuation; every `every`-th is a target (新增高新技术企业N家), the rest are
 * codes without a unit. Returns the text and how many targets it holds.
 */
export function numberLine(bytes: number, every = 10): { text: string; targets: number } {
  const parts: string[] = [];
  let length = 0;
  let targets = 0;
  for (let i = 0; length < bytes; i++) {
    const target = i % every === 0;
    const part = target ? `新增高新技术企业${i + 1}家 ` : `编号${i + 1} `;
    if (target) targets++;
    parts.push(part);
    length += Buffer.byteLength(part);
  }
  return { text: `${FRONT}一、工作目标\n${parts.join('')}\n`, targets };
}
