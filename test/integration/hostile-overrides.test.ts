/**
 * Curator overrides that cannot be applied as written are errors naming the
 * override's line, never dropped or misapplied in silence: an unknown plan, a
 * quote that matches several targets, a misspelt field, two overrides of one
 * target, an unknown metric. A bad overrides file does not stop `extract`
 * from writing the plans it does not touch, and no CLI prints a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processPlanText, type PlanResult } from '../../src/pipeline/index.ts';
import { applyOverrides, parseOverrides } from '../../src/pipeline/overrides.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = 'content/overrides.yaml';
const FRONT = '---\ncounty: 平江县\nyear: 2024\n---\n';
const TEXT = `${FRONT}一、工作目标\n新增高新技术企业10家，科技型中小企业达到200家。完成科技成果登记10项。\n`;
const plan = (doc = 'pj-2024'): PlanResult => processPlanText(TEXT, doc);

function run(yaml: string, knownPlans?: string[], results = [plan()]) {
  const parsed = parseOverrides(yaml, FILE);
  const applied = applyOverrides(results, parsed.overrides, {
    knownPlans: knownPlans && new Set(knownPlans),
  });
  return { parsed, ...applied, errors: [...parsed.errors, ...applied.errors], results };
}

describe('the fixture', () => {
  it('has the three targets the overrides address', () => {
    const targets = plan().extraction.targets;
    expect(targets.map((t) => t.quotes[0])).toEqual([
      '新增高新技术企业10家',
      '科技型中小企业达到200家',
      '完成科技成果登记10项',
    ]);
    // Ids come from content (t- and 8 hex digits), one per target.
    for (const t of targets) expect(t.id).toMatch(/^t-[0-9a-f]{8}$/);
    expect(new Set(targets.map((t) => t.id)).size).toBe(3);
  });
});

describe('override errors name the line', () => {
  it('an override for a plan that does not exist is an error, with the nearest id', () => {
    const { errors, applied } = run(
      `- doc: pj-2024\n  quote: 完成科技成果登记10项\n  action: suppress\n- doc: pj-2042\n  quote: 新增高新技术企业10家\n  action: suppress\n`,
      ['pj-2024'],
    );
    expect(errors.map((e) => [e.file, e.line])).toEqual([[FILE, 4]]);
    expect(errors[0]!.reason).toMatch(/pj-2042/);
    expect(errors[0]!.reason).toMatch(/pj-2024/);
    expect(applied.map((a) => a.quote)).toEqual(['完成科技成果登记10项']);
  });

  it('an override for a known plan outside this run is listed as unchecked, not an error', () => {
    const { errors, unchecked } = run(
      `- doc: other-2024\n  quote: 新增高新技术企业10家\n  action: suppress\n`,
      ['pj-2024', 'other-2024'],
    );
    expect(errors).toEqual([]);
    expect(unchecked.map((o) => [o.doc, o.line])).toEqual([['other-2024', 1]]);
  });

  it('quote: 家 matches two targets: an error naming both, and nothing is suppressed', () => {
    const [t1, t2, t3] = plan().extraction.targets.map((t) => t.id);
    const { errors, results } = run(`- doc: pj-2024\n  quote: 家\n  action: suppress\n`);
    expect(errors.map((e) => e.line)).toEqual([1]);
    expect(errors[0]!.reason).toContain(t1);
    expect(errors[0]!.reason).toContain(t2);
    expect(errors[0]!.reason).not.toContain(t3);
    expect(results[0]!.extraction.targets).toHaveLength(3);
  });

  it('an exact quote wins over a target whose quote merely contains it', () => {
    const { errors, applied } = run(
      `- doc: pj-2024\n  quote: 科技型中小企业达到200家\n  action: correct\n  set: { kind: increase }\n`,
    );
    expect(errors).toEqual([]);
    const t2 = plan().extraction.targets[1]!.id;
    expect(applied.map((a) => a.detail)).toEqual([expect.stringMatching(new RegExp(`^${t2} `))]);
  });

  it('a misspelt field (valeu) is an error on its line, and not reported as applied', () => {
    const { errors, applied, results } = run(
      `- doc: pj-2024\n  quote: 新增高新技术企业10家\n  action: correct\n  set:\n    valeu: 12\n`,
    );
    expect(errors.map((e) => e.line)).toEqual([5]);
    expect(errors[0]!.reason).toMatch(/valeu/);
    expect(errors[0]!.reason).toMatch(/value/);
    expect(applied).toEqual([]);
    expect(results[0]!.extraction.targets[0]!.value).toBe(10);
  });

  it('a misspelt top-level field (qoute) is an error too', () => {
    const { errors } = run(`- doc: pj-2024\n  qoute: 新增高新技术企业10家\n  action: suppress\n`);
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(errors[0]!.reason).toMatch(/qoute/);
  });

  it('two overrides of one target: an error naming both lines, and neither applies', () => {
    const { errors, applied, results } = run(
      `- doc: pj-2024\n  quote: 新增高新技术企业10家\n  action: correct\n  set: { value: 12 }\n- doc: pj-2024\n  quote: 高新技术企业10家\n  action: correct\n  set: { value: 15 }\n`,
    );
    expect(errors.map((e) => e.line)).toEqual([5]);
    expect(errors[0]!.reason).toMatch(/line 1/);
    expect(applied).toEqual([]);
    expect(results[0]!.extraction.targets[0]!.value).toBe(10);
  });

  it('metric: no_such_metric is an error on its line', () => {
    const { errors } = run(
      `- doc: pj-2024\n  quote: 新增高新技术企业10家\n  action: correct\n  set:\n    kind: level\n    metric: no_such_metric\n`,
    );
    expect(errors.map((e) => e.line)).toEqual([6]);
    expect(errors[0]!.reason).toMatch(/no_such_metric/);
  });

  it('suppress with fields to set, and correct with none, are errors', () => {
    const { errors } = run(
      `- doc: pj-2024\n  quote: 新增高新技术企业10家\n  action: suppress\n  set: { value: 1 }\n- doc: pj-2024\n  quote: 完成科技成果登记10项\n  action: correct\n`,
    );
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
  });

  it('an add whose quote occurs twice in the plan names both places', () => {
    const text = `${FRONT}一、工作目标\n争取破零。\n二、工作任务\n争取破零。\n`;
    const { errors } = run(
      `- doc: pj-2024\n  quote: 争取破零\n  action: add\n  set: { metric: other, label: 上市企业, kind: increase, value: 1, unit: 家 }\n`,
      undefined,
      [processPlanText(text, 'pj-2024')],
    );
    expect(errors.map((e) => e.line)).toEqual([1]);
    expect(errors[0]!.reason).toMatch(/2 times .*p-1, p-2/);
  });

  it('a file that is not YAML or not a list is one error with its line, not a throw', () => {
    expect(parseOverrides('- doc: pj-2024\n  quote: [x\n', FILE).errors).toHaveLength(1);
    const notList = parseOverrides('doc: pj-2024\n', FILE);
    expect(notList.errors.map((e) => e.line)).toEqual([1]);
    expect(notList.overrides).toEqual([]);
    const notMaps = parseOverrides('- just text\n-\n- doc: pj-2024\n', FILE);
    expect(notMaps.errors.map((e) => e.line)).toEqual([1, 2, 3]);
  });
});

describe('the CLIs with a bad overrides file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plans-overrides-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plans = path.join(dir, 'plans');
  mkdirSync(plans);
  writeFileSync(path.join(plans, 'pj-2024.txt'), TEXT);
  writeFileSync(path.join(plans, 'other-2024.txt'), TEXT);
  const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  const expectOneLineErrors = (stderr: string, file: string) => {
    expect(stderr).not.toMatch(/^\s+at /m);
    const lines = stderr.split('\n').filter((l) => l.includes(file));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines)
      expect(l).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+: \\S`));
  };

  /** npm run extract of both plans with the overrides file `name` holding `yaml`. */
  const extractWith = (name: string, yaml: string) => {
    const overrides = path.join(dir, `${name}.yaml`);
    writeFileSync(overrides, yaml);
    const out = path.join(dir, `out-${name}`);
    const plansGiven = ['pj-2024.txt', 'other-2024.txt'].map((f) => path.join(plans, f));
    const r = cli('scripts/extract.ts', ['--out', out, '--overrides', overrides, ...plansGiven]);
    return { r, overrides, out };
  };

  it('extract writes the plans the bad override does not address, and exits 1', () => {
    const { r, overrides, out } = extractWith(
      'bad',
      `- doc: pj-2024\n  quote: 家\n  action: suppress\n`,
    );
    expect(r.status).toBe(1);
    expectOneLineErrors(r.stderr, overrides);
    expect(r.stderr).toMatch(/pj-2024.*not written/);
    expect(readdirSync(out)).toEqual(['other-2024.json']);
  });

  it('extract with an overrides file that is not YAML writes every plan, and exits 1', () => {
    const { r, overrides, out } = extractWith('broken', `- doc: pj-2024\n  quote: [x\n`);
    expect(r.status).toBe(1);
    expectOneLineErrors(r.stderr, overrides);
    expect(r.stderr).toMatch(/no override applied/);
    expect(readdirSync(out).sort()).toEqual(['other-2024.json', 'pj-2024.json']);
  });

  it('npm run data with a bad override: one line naming the override, no stack trace', () => {
    const overrides = path.join(dir, 'metric.yaml');
    writeFileSync(
      overrides,
      `- doc: pj-2024\n  quote: 新增高新技术企业10家\n  action: correct\n  set: { metric: no_such_metric }\n`,
    );
    const r = cli('scripts/build-data.ts', [], {
      PLANS_DIR: plans,
      DATA_DIR: path.join(dir, 'data'),
      OVERRIDES_FILE: overrides,
    });
    expect(r.status).toBe(1);
    expectOneLineErrors(r.stderr, overrides);
    expect(r.stderr).toMatch(/no_such_metric/);
  });

  it('npm run data checks override plan ids against every plan in the folder', () => {
    const overrides = path.join(dir, 'unknown.yaml');
    writeFileSync(
      overrides,
      `- doc: nowhere-2024\n  quote: 新增高新技术企业10家\n  action: suppress\n`,
    );
    const r = cli('scripts/build-data.ts', [], {
      PLANS_DIR: plans,
      DATA_DIR: path.join(dir, 'data2'),
      OVERRIDES_FILE: overrides,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${overrides}:1: `);
    expect(r.stderr).toMatch(/nowhere-2024/);
  });
});
