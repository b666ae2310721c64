import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests; tests that run the CLI or `astro build` in processes of their
// own; browser tests that need a built site (built once by the e2e global setup, or taken from
// SOPKIT_E2E_DIST). Limits are safety nets against a test that never ends, far above what a busy
// two-core machine needs: no test may depend on how fast the machine is.
const minutes = (n: number) => n * 60_000;

export default defineConfig({
  test: {
    // Vitest runs one file fewer than the machine has cores: one file at a time on two cores, where
    // the CPU then sat a fifth idle while a file waited on a build, a CLI run or the browser. Two
    // files at a time there filled it (the full suite on a two-core machine: 1,383 s before).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/build/**', 'tests/cli/**'],
          testTimeout: minutes(2),
          hookTimeout: minutes(2),
        },
      },
      {
        test: {
          name: 'processes',
          include: ['tests/build/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          testTimeout: minutes(15),
          hookTimeout: minutes(5),
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/wait-for-builds.ts'],
          testTimeout: minutes(5),
          hookTimeout: minutes(15),
        },
      },
    ],
  },
});
