import type { TestProject } from 'vitest/node';
import { buildSiteForTests } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

/** Builds the site once before the browser tests and tells them where it is. */
export default function setup(project: TestProject) {
  project.provide('distDir', buildSiteForTests());
}
