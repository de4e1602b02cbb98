/**
 * Snapshots as files a person can open, in observablehq/plot's and
 * observablehq/framework's way: each output is compared with
 * test/output/<name>.<ext>. Locally a missing file is written (look at it,
 * then commit it); under CI=true it fails. On a difference the new output is
 * written beside it as <name>-changed.<ext> and the test fails; to accept it,
 * move the -changed file over the old one (or run the unit lane with -u).
 */
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Where the committed snapshots live. */
export const OUTPUT = path.resolve(import.meta.dirname, '../output');

/** Compares `text` with test/output/<name>.<ext> (see the header for what happens when it differs). */
export async function expectFileSnapshot(name: string, ext: string, text: string): Promise<void> {
  const file = path.join(OUTPUT, `${name}.${ext}`);
  const changed = path.join(OUTPUT, `${name}-changed.${ext}`);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    await expect(text + '\n').toMatchFileSnapshot(file);
  } catch (error) {
    writeFileSync(changed, text + '\n', 'utf8');
    throw error;
  }
  if (existsSync(changed)) unlinkSync(changed);
}

/** Compares `svg` with test/output/<name>.svg. */
export const expectSvgSnapshot = (name: string, svg: string): Promise<void> =>
  expectFileSnapshot(name, 'svg', svg);
