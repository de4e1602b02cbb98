/** Two builds of the same data produce byte-identical sites. */
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { astroBuild, buildDir, diffTrees, ensureBuilt, hashTree, ROOT } from './harness.ts';

describe('reproducible build', () => {
  it('two builds of the same content are identical, file for file', () => {
    ensureBuilt(); // makes sure the data exists (npm run build writes .data)
    const dataDir = resolve(ROOT, process.env.E2E_DATA_DIR ?? '.data');
    const tmp = buildDir('repro');
    try {
      astroBuild(join(tmp, 'a'), dataDir);
      astroBuild(join(tmp, 'b'), dataDir);
      const a = hashTree(join(tmp, 'a'));
      expect(a.size).toBeGreaterThan(10);
      expect(diffTrees(a, hashTree(join(tmp, 'b')))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
