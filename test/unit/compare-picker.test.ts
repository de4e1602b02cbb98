/** Choosing plans by name (src/site/comparePicker.ts): matching, the address, the embedded JSON. */
import { describe, expect, it } from 'vitest';
import {
  droppedMessage,
  matchPlans,
  pickerJson,
  pickerLabel,
  readPlansParam,
  type PickerPlan,
} from '../../src/site/comparePicker.ts';
import { compareView } from '../../src/site/compareView.ts';
import { METRICS, plan } from '../support/site-fixture.ts';

const P = (
  doc: string,
  county: string,
  prefecture: string,
  year: number,
  slug: string,
): PickerPlan => ({
  doc,
  county,
  prefecture,
  province: '湖南省',
  year,
  title: `${county}创新行动方案`,
  slug,
});
const PLANS = [
  P('linxiang-2024', '临湘市', '岳阳市', 2024, 'linxiang'),
  P('longhui-2023', '隆回县', '邵阳市', 2023, 'longhui'),
  P('pingjiang-2024', '平江县', '岳阳市', 2024, 'pingjiang'),
  P('pingjiang-2026', '平江县', '岳阳市', 2026, 'pingjiang'),
  P('yuanjiang-2024', '沅江市', '益阳市', 2024, 'yuanjiang'),
  P('yueyang-xian-2025', '岳阳县', '岳阳市', 2025, 'yueyang-xian'),
];
const docs = (ps: PickerPlan[]) => ps.map((p) => p.doc);

describe('matchPlans', () => {
  it('finds 平江县 2026 and 2024 by typing 平江, newest first', () => {
    expect(docs(matchPlans(PLANS, '平江'))).toEqual(['pingjiang-2026', 'pingjiang-2024']);
    expect(docs(matchPlans(PLANS, '平江县'))).toEqual(['pingjiang-2026', 'pingjiang-2024']);
  });

  it('finds by prefecture, putting a county whose name starts with it first', () => {
    expect(docs(matchPlans(PLANS, '岳阳'))).toEqual([
      'yueyang-xian-2025',
      'linxiang-2024',
      'pingjiang-2026',
      'pingjiang-2024',
    ]);
  });

  it('finds by year, by pinyin, and by several words together', () => {
    expect(docs(matchPlans(PLANS, '2024')).sort()).toEqual([
      'linxiang-2024',
      'pingjiang-2024',
      'yuanjiang-2024',
    ]);
    expect(docs(matchPlans(PLANS, 'PingJiang'))).toEqual(['pingjiang-2026', 'pingjiang-2024']);
    // full-width digits and an ideographic space, as a Chinese IME types them
    expect(docs(matchPlans(PLANS, '平江　２０２４'))).toEqual(['pingjiang-2024']);
    expect(matchPlans(PLANS, '平江 2025')).toEqual([]);
  });

  it('leaves out chosen plans and finds nothing for an empty query', () => {
    expect(docs(matchPlans(PLANS, '平江', new Set(['pingjiang-2026'])))).toEqual([
      'pingjiang-2024',
    ]);
    expect(matchPlans(PLANS, '   ')).toEqual([]);
    expect(pickerLabel(PLANS[3]!)).toBe('平江县 2026 · 岳阳市');
  });
});

describe('readPlansParam', () => {
  const known = new Set(PLANS.map((p) => p.doc));

  it('keeps known plans in order and says which ids it dropped', () => {
    const r = readPlansParam('?plans=pingjiang-2024,nope,linxiang-2024,pingjiang-2024', known);
    expect(r).toEqual({
      docs: ['pingjiang-2024', 'linxiang-2024'],
      unknown: ['nope'],
      overflow: [],
    });
    expect(droppedMessage(r)).toBe('未找到这些方案编号，已忽略：nope。');
  });

  it('keeps the first four and names the rest', () => {
    const r = readPlansParam(`?plans=${docs(PLANS).join(',')}`, known);
    expect(r.docs).toHaveLength(4);
    expect(r.overflow).toEqual(['yuanjiang-2024', 'yueyang-xian-2025']);
    expect(droppedMessage(r)).toContain(
      '一次最多比较 4 份方案，已略去：yuanjiang-2024、yueyang-xian-2025',
    );
  });

  it('reads the plain form too (?plans=a&plans=b) and says nothing when nothing was dropped', () => {
    const r = readPlansParam('?plans=longhui-2023&plans=yuanjiang-2024', known);
    expect(r.docs).toEqual(['longhui-2023', 'yuanjiang-2024']);
    expect(droppedMessage(r)).toBe('');
    expect(droppedMessage(readPlansParam('?plans=x,y', known))).toContain('显示默认比较');
  });
});

describe('the picker on the compare page', () => {
  it('lists every plan, grouped by prefecture for the plain form', () => {
    const ps = ['pingjiang-2024', 'pingjiang-2026', 'linxiang-2024', 'yuanjiang-2024'].map((d) =>
      plan(d),
    );
    const v = compareView(ps, [], METRICS);
    expect(v.picker.map((p) => p.doc)).toEqual([
      'yuanjiang-2024',
      'linxiang-2024',
      'pingjiang-2026',
      'pingjiang-2024',
    ]);
    expect(v.groups.map((g) => `${g.prefecture}:${g.plans.length}`)).toEqual([
      '益阳市:1',
      '岳阳市:3',
    ]);
  });

  it('embeds plan text so that a title cannot close its <script>', () => {
    const json = pickerJson([{ ...PLANS[0]!, title: '</script><img src=x onerror=alert(1)>' }]);
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual([
      { ...PLANS[0]!, title: '</script><img src=x onerror=alert(1)>' },
    ]);
  });
});
