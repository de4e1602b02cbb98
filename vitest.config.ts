import { configDefaults, defineConfig } from 'vitest/config';

// Two lanes, told apart by folder so a new test lands in the right one:
//   unit         everything under test/ except the two folders below: pure and fast,
//                run without isolation (workers reused across files)
//   integration  test/integration/: builds PDFs, spawns the CLIs, reads large inputs
// test/e2e/ runs after the site build, with its own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/integration/**', 'test/e2e/**'],
          // One module graph shared across files, in worker threads (quicker to start than forks).
          isolate: false,
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
