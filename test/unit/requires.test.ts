import { describe, expect, it } from 'vitest';
import { needs } from '../support/requires.ts';

describe('needs', () => {
  it('runs a suite whose requirement is present', () => {
    expect(needs('a font', true, 'apt-get install x', { CI: 'true' })).toBe(true);
  });

  it('skips locally and fails under CI=true when it is missing', () => {
    expect(needs('a font', false, 'apt-get install x', {})).toBe(false);
    expect(needs('a font', false, 'apt-get install x', { CI: 'false' })).toBe(false);
    expect(() => needs('a font', false, 'apt-get install x', { CI: 'true' })).toThrow(
      'a font is missing, and under CI=true no suite may skip for it: apt-get install x',
    );
  });
});
