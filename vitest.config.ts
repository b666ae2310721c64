import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Three projects: fast unit tests; tests that run the CLI or `astro build` in processes of their
// own; browser tests that need a built site (built once by the e2e global setup, or taken from
// SOPKIT_E2E_DIST). Limits are safety nets against a test that never ends, far above what a busy
// two-core machine needs: no test may depend on how fast the machine is.
const minutes = (n: number) => n * 60_000;

/**
 * The test files that took longest in CI (`.ci/run` on two cores, 2026-12-07), longest first.
 * Without its cache of earlier runs (a fresh clone) vitest starts the larger files first, and a
 * short file that runs long (the editions' scan, 79 s) started last and ran alone at the end while
 * the other worker sat idle. Only the isolated projects are reordered: the unit files share their
 * modules (`isolate: false`) and keep vitest's order. A file not listed keeps vitest's order too.
 */
const LONGEST = [
  'tests/e2e/simulator.test.ts',
  'tests/e2e/untranslated-module.test.ts',
  'tests/cli/hostile.test.ts',
  'tests/build/astro-check.test.ts',
  'tests/e2e/site.test.ts',
  'tests/e2e/offline-locales.test.ts',
  'tests/e2e/narrow-tables.test.ts',
  'tests/cli/user-errors.test.ts',
  'tests/e2e/kiosk.test.ts',
  'tests/cli/compiled-cli.test.ts',
  'tests/build/mdx-cache-build.test.ts',
  'tests/e2e/offline.test.ts',
  'tests/e2e/editions.test.ts',
  'tests/cli/simulate.test.ts',
  'tests/cli/print-gate.test.ts',
  'tests/e2e/simulator-xstate.test.ts',
  'tests/cli/guide.test.ts',
  'tests/build/parameters-build.test.ts',
  'tests/e2e/languages.test.ts',
  'tests/e2e/assessment-page.test.ts',
];

/** Vitest's order, then within each isolated project the files of LONGEST first. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    let block = -1;
    let last = '';
    const keyed = sorted.map((spec, at) => {
      const project = `${spec.project.config.sequence.groupOrder}\0${spec.project.name}`;
      if (project !== last) {
        block++;
        last = project;
      }
      const listed = LONGEST.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
      const rank = spec.project.config.isolate === false || listed < 0 ? LONGEST.length : listed;
      return { spec, block, rank, at };
    });
    keyed.sort((a, b) => a.block - b.block || a.rank - b.rank || a.at - b.at);
    return keyed.map((k) => k.spec);
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
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
