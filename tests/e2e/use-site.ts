import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveStatic, type Edition, type StaticSite } from './harness.ts';

/** The built site, served on localhost, and a headless Chromium, for one test file. */
export interface BuiltSite {
  /** Address of the served site, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Serves an edition of the site the e2e global setup built and launches Chromium before the
 * file's tests; closes both after them.
 * @param edition `participant` (default, the published site) or `trainer`.
 */
export function useBuiltSite(edition: Edition = 'participant'): BuiltSite {
  return useOwnBuild(async () => ({ dist: inject(edition === 'trainer' ? 'trainerDistDir' : 'distDir'), cleanup: () => undefined }));
}

/** A site a test file builds itself: where it is, and how to remove it. */
export interface OwnBuild {
  dist: string;
  cleanup: () => void;
}

/**
 * Builds a site of the test file's own (a fixture project, a copy of the pack) before its tests,
 * serves it on localhost and launches Chromium; closes both and removes the build after them.
 * @param build Makes the site (a few minutes at most: the hook's timeout is 15 minutes).
 */
export function useOwnBuild(build: () => Promise<OwnBuild>): BuiltSite & { readonly dist: string } {
  let built: OwnBuild | undefined;
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    built = await build();
    site = await serveStatic(built.dist);
    browser = await launchBrowser();
  }, 15 * 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    built?.cleanup();
  });
  return {
    get url() {
      if (!site) throw new Error('the site is built and served in beforeAll; use it inside a test');
      return site.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll; use it inside a test');
      return browser;
    },
    get dist() {
      if (!built) throw new Error('the site is built in beforeAll; use it inside a test');
      return built.dist;
    },
  };
}
