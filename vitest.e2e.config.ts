import { defineConfig } from 'vitest/config';

// Browser tests of the built site. There is one `dist/` and each file serves it
// itself, so files run one at a time; Chromium start-up and axe passes are slow
// on a 2-core CI machine, hence the long timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
