/**
 * Chart snapshots as files a person can open, in observablehq/plot's way:
 * each chart is compared with test/output/<name>.svg. Locally a missing file
 * is written (look at it, then commit it); under CI=true it fails. On a
 * difference the new rendering is written beside it as <name>-changed.svg and
 * the test fails; to accept it, move the -changed file over the old one (or
 * run the unit lane with -u).
 */
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Where the committed snapshots live. */
export const OUTPUT = path.resolve(import.meta.dirname, '../output');

/** Compares `svg` with test/output/<name>.svg (see the header for what happens when it differs). */
export async function expectSvgSnapshot(name: string, svg: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.svg`);
  const changed = path.join(OUTPUT, `${name}-changed.svg`);
  try {
    await expect(svg + '\n').toMatchFileSnapshot(file);
  } catch (error) {
    writeFileSync(changed, svg + '\n', 'utf8');
    throw error;
  }
  if (existsSync(changed)) unlinkSync(changed);
}
