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
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveStatic(inject(edition === 'trainer' ? 'trainerDistDir' : 'distDir'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get url() {
      if (!site) throw new Error('the site is served in beforeAll; use it inside a test');
      return site.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll; use it inside a test');
      return browser;
    },
  };
}
