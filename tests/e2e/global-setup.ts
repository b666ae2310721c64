import type { TestProject } from 'vitest/node';
import { startSiteBuild, type SiteBuild } from './harness.ts';

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
 * Starts building each edition of the site once, side by side, and returns without waiting: the
 * other projects' tests run meanwhile, and every browser test file waits for both builds first
 * (`wait-for-builds.ts`). Waiting here would keep every other test waiting too: the two builds are
 * two to three minutes of a two-core machine.
 */
export default function setup(project: TestProject) {
  const participant = startSiteBuild('participant');
  const trainer = startSiteBuild('trainer');
  project.provide('distDir', participant.build.dir);
  project.provide('trainerDistDir', trainer.build.dir);
  project.provide('siteBuilds', [participant.build, trainer.build]);
  return async () => {
    await Promise.all([participant.stop(), trainer.stop()]);
  };
}
