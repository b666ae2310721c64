import type { TestProject } from 'vitest/node';
import { buildSiteForTests } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The participant edition (what `npm run build` makes). */
    distDir: string;
    /** The trainer edition (`SOPKIT_EDITION=trainer`). */
    trainerDistDir: string;
  }
}

/** Builds each edition of the site once, one after the other, before the browser tests. */
export default function setup(project: TestProject) {
  project.provide('distDir', buildSiteForTests('participant'));
  project.provide('trainerDistDir', buildSiteForTests('trainer'));
}
