import type { TestProject } from 'vitest/node';
import { startSiteBuilds, type SiteBuild } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The participant edition (what `npm run build` makes). */
    distDir: string;
    /** The trainer edition (what `npm run build:trainer` makes). */
    trainerDistDir: string;
    /** Both builds, for `wait-for-builds.ts`. */
    siteBuilds: SiteBuild[];
  }
}

/**
 * Starts building each edition of the site once, one after the other, and returns without
 * waiting: the unit and process tests run meanwhile (the browser tests' group comes after theirs,
 * vitest.config.ts), and every browser test file waits for both builds first
 * (`wait-for-builds.ts`). Waiting here would keep every other test waiting too: the two builds are
 * two to three minutes of a two-core machine.
 */
export default function setup(project: TestProject) {
  const { builds, stop } = startSiteBuilds(['participant', 'trainer']);
  project.provide('distDir', builds[0]!.dir);
  project.provide('trainerDistDir', builds[1]!.dir);
  project.provide('siteBuilds', builds);
  return stop;
}
