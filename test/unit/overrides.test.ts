/**
 * Curator overrides: correct, add and suppress are applied and listed; an
 * override that matches nothing is an error with the override file's line.
 * (Overrides that are ambiguous, misspelt or duplicated: hostile-overrides.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  applyOverrides,
  parseOverrides,
  loadOverrides,
  OverrideError,
} from '../../src/pipeline/overrides.ts';
import { processPlanText, type PlanResult } from '../../src/pipeline/index.ts';

const FRONT = '---\ncounty: 平江县\nyear: 2024\n---\n';
const TEXT = `${FRONT}一、工作目标\n新增高新技术企业10家，完成科技成果登记10项。开展企业调研5次。\n二、工作任务\n推动科创企业上市融资，其中科创专版争取破零。\n`;
const plan = (): PlanResult => processPlanText(TEXT, 'pj-2024');

const OVERRIDES = `# overrides for the unit test
- doc: pj-2024
  quote: 新增高新技术企业10家
  action: correct
  set: { kind: level, qualifier: at_least }
  reason: 口径为存量
- doc: pj-2024
  quote: 开展企业调研5次
  action: suppress
  reason: 工作方式，不是目标
- doc: pj-2024
  quote: 科创专版争取破零
  action: add
  set: { metric: other, label: 科创专版挂牌企业, kind: increase, value: 1, unit: 家, qualifier: at_least }
- doc: other-plan
  quote: 不在本次运行中的方案
  action: suppress
`;

describe('overrides applied', () => {
  it('the plan has the targets the overrides address', () => {
    const ts = plan().extraction.targets;
    expect(ts.map((t) => t.quotes[0])).toEqual([
      '新增高新技术企业10家',
      '完成科技成果登记10项',
      '开展企业调研5次',
    ]);
  });

  it('correct, suppress and add change the targets and are listed; a known plan not in the run is unchecked', () => {
    const r = plan();
    const { overrides, errors } = parseOverrides(OVERRIDES, 'content/overrides.yaml');
    expect(errors).toEqual([]);
    expect(overrides.map((o) => o.line)).toEqual([2, 7, 11, 15]);
    const run = applyOverrides([r], overrides, { knownPlans: new Set(['pj-2024', 'other-plan']) });
    expect(run.errors).toEqual([]);
    expect(run.unchecked.map((o) => o.doc)).toEqual(['other-plan']);
    const applied = run.applied;
    expect(applied.map((a) => a.action)).toEqual(['correct', 'suppress', 'add']);
    expect(applied[0]!.reason).toBe('口径为存量');

    const ts = r.extraction.targets;
    const ht = ts.find((t) => t.quotes.includes('新增高新技术企业10家'))!;
    expect(ht).toMatchObject({
      metric: 'hightech_firms',
      kind: 'level',
      qualifier: 'at_least',
      value: 10,
      override: 'corrected',
    });

    expect(ts.some((t) => t.quotes.some((q) => q.includes('调研')))).toBe(false);

    const added = ts.find((t) => t.override === 'added')!;
    expect(added).toMatchObject({
      metric: 'other',
      label: '科创专版挂牌企业',
      kind: 'increase',
      value: 1,
      unit: '家',
      qualifier: 'at_least',
      value_max: null,
    });
    expect(added.quotes).toEqual(['科创专版争取破零']);
    const span = added.spans[0]!;
    expect(r.document.text.slice(span.start, span.end)).toBe('科创专版争取破零');
    // Section and anchor come from where the quote sits, not from the targets before it.
    expect(added.section).toBe('二、工作任务');
    expect(span.anchor).toBe('p-2');
    // Ids stay unique after a suppress and an add.
    expect(new Set(ts.map((t) => t.id)).size).toBe(ts.length);
    expect(ts).toHaveLength(3);
  });

  it('a corrected or added target is curator-checked: high confidence, marked as such', () => {
    const r = plan();
    applyOverrides([r], parseOverrides(OVERRIDES, 'content/overrides.yaml').overrides);
    const ts = r.extraction.targets;
    expect(ts.find((t) => t.override === 'corrected')!.confidence).toBe('high');
    expect(ts.find((t) => t.override === 'added')!.confidence).toBe('high');
    // The extractor's own targets keep their confidence and carry no override field.
    expect(ts.filter((t) => t.override === undefined).every((t) => t.confidence)).toBe(true);
  });

  it('confirm makes a low-confidence target high without changing its reading', () => {
    const text = `${FRONT}一、工作目标\n培育 3 家发明专利优势企业。\n`;
    const r = processPlanText(text, 'cf-2024');
    const before = r.extraction.targets[0]!;
    expect(before.confidence).toBe('low');
    const { metric, kind, value, unit } = before;
    const { applied, errors } = applyOverrides(
      [r],
      parseOverrides(
        '- doc: cf-2024\n  quote: 3 家发明专利优势企业\n  action: confirm\n  reason: 已核对\n',
        'o.yaml',
      ).overrides,
    );
    expect(errors).toEqual([]);
    expect(applied.map((a) => a.action)).toEqual(['confirm']);
    expect(r.extraction.targets[0]).toMatchObject({
      metric,
      kind,
      value,
      unit,
      confidence: 'high',
      override: 'confirmed',
    });
  });

  it('an added quote inside a table row gets the row anchor and the caption as section', () => {
    const text = `${FRONT}一、工作目标\n新增高新技术企业10家。\n科技创新主要指标责任分解一览表\n指标名称 |\n目标任务 |\n责任单位 |\n地方财政科技支出 |\n2亿元 |\n市财政局 |\n科技成果登记 |\n10项 |\n市科工局 |\n`;
    const r = processPlanText(text, 'tbl-2024');
    const o = parseOverrides(
      '- doc: tbl-2024\n  quote: 市科工局\n  action: add\n  set: { metric: other, label: 责任单位数, kind: level, value: 1, unit: 个 }\n',
      'o.yaml',
    );
    expect(applyOverrides([r], o.overrides).errors).toEqual([]);
    const added = r.extraction.targets.find((t) => t.override === 'added')!;
    expect(added.section).toBe('科技创新主要指标责任分解一览表');
    expect(added.spans[0]!.anchor).toBe('tbl-1-r2');
  });

  /** The errors of parsing and applying `text` to the plan. */
  const errorsOf = (text: string, file = 'o.yaml'): OverrideError[] => {
    const parsed = parseOverrides(text, file);
    return [...parsed.errors, ...applyOverrides([plan()], parsed.overrides).errors];
  };

  it('an override whose quote matches no target errors with the override file line', () => {
    const text = `- doc: pj-2024\n  quote: 新增高新技术企业10家\n  action: correct\n  set: { kind: level }\n- doc: pj-2024\n  quote: 新增院士工作站3个\n  action: suppress\n`;
    const errors = errorsOf(text, 'content/overrides.yaml');
    expect(errors).toHaveLength(1);
    const err = errors[0]!;
    expect(err).toBeInstanceOf(OverrideError);
    expect(err.file).toBe('content/overrides.yaml');
    expect(err.line).toBe(5);
    expect(err.doc).toBe('pj-2024');
    expect(err.reason).toContain('新增院士工作站3个');
  });

  it('an add whose quote is not in the plan errors with its line', () => {
    const text = `- doc: pj-2024\n  quote: 新建院士工作站3个\n  action: add\n  set: { metric: other, label: 院士工作站, kind: increase, value: 3, unit: 个 }\n`;
    expect(errorsOf(text).map((e) => e.message)).toEqual([expect.stringMatching(/^o\.yaml:1: /)]);
  });

  it('an add without the required fields errors with its line', () => {
    const text = `\n\n- doc: pj-2024\n  quote: 科创专版争取破零\n  action: add\n  set: { value: 1 }\n`;
    expect(errorsOf(text).map((e) => e.message)).toEqual([
      expect.stringMatching(/^o\.yaml:3: .*metric/),
    ]);
  });

  it('a malformed entry or bad YAML is reported with its line', () => {
    expect(
      errorsOf('- doc: pj-2024\n  quote: x\n  action: rename\n').map((e) => e.message),
    ).toEqual([expect.stringMatching(/^o\.yaml:3: .*action/)]);
    const broken = errorsOf('- doc: pj-2024\n  quote: [x\n- doc: y\n');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.doc).toBeNull();
  });

  it('the shipped content/overrides.yaml parses without errors', () => {
    const { overrides, errors } = loadOverrides();
    expect(errors).toEqual([]);
    expect(Array.isArray(overrides)).toBe(true);
  });
});
