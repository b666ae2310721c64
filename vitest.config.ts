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
          // A worker keeps the modules it has loaded from one file to the next: importing them
          // again for every file was two thirds of the unit tests' time (on two cores: 173 s and
          // 333 CPU s → 95 s and 181 CPU s; the same 1,032 tests pass, in file order and shuffled).
          isolate: false,
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
          // After the other two projects: the site builds run beside those, and a browser test
          // file that started first would hold a worker while it waits for them.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/wait-for-builds.ts'],
          testTimeout: minutes(5),
          hookTimeout: minutes(15),
        },
      },
    ],
  },
});
