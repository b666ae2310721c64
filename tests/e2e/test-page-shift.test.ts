import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { QUIZ } from './assessment-helpers.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

/** Where the participant fields and every question's parts are on the page, in CSS pixels from its top. */
const positions = (page: Page) =>
  page.$$eval('[data-form] .assess-who, [data-item], [data-item] legend, [data-item] .assess-hint', (els) =>
    els.map((el) => `${el.tagName}${(el as HTMLElement).dataset.item ?? ''} ${Math.round(el.getBoundingClientRect().top + scrollY)}`),
  );

/**
 * Opens a page as a slow connection does, its scripts arriving after the page has been painted
 * and read; returns the positions then, and lets the scripts through.
 */
async function heldBack(page: Page, url: string): Promise<string[]> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((go) => (release = go));
  await page.route(/\/_astro\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 && Boolean(document.querySelector('.site-footer')));
  const before = await positions(page);
  release();
  return before;
}

describe('assessment pages on a slow phone', () => {
  it('the test page does not move the questions under the reader when its script starts', async () => {
    // On a cheap phone on slow 3G the page is read (and typed into) seconds before its script has
    // loaded. The script then showed the answer-mode tools above the form, and the form and every
    // question jumped down by their height (a layout shift of 0.11 at 360 px, 0.12 in Arabic), and
    // each order question grew by its Up and Down buttons.
    for (const lang of ['', 'ar/']) {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const before = await heldBack(page, `${site.url}/${lang}assessments/${QUIZ}/pre/`);
      await page.waitForSelector('[data-assess][data-ready]');
      expect(await positions(page), lang || 'en').toEqual(before);
      // The tools are there once they work: one question at a time, print; the order buttons.
      expect(await page.locator('input[name="assess-mode"][value="one"]').isVisible()).toBe(true);
      expect(await page.locator('[data-move]').first().isVisible()).toBe(true);
      await context.close();
    }
  });

  it('the practice page does not move the questions when its Check buttons start working', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const before = await heldBack(page, `${site.url}/assessments/${QUIZ}/practice/`);
    await page.waitForSelector('[data-practice][data-ready]');
    expect(await positions(page)).toEqual(before);
    expect(await page.locator('[data-check]').first().isVisible()).toBe(true);
    await context.close();
  });

  it('with scripting off, the controls that need it take no room', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/assessments/${QUIZ}/pre/`);
    const room = (selector: string) => page.locator(selector).evaluateAll((els) => els.reduce((n, el) => n + el.getBoundingClientRect().height, 0));
    expect(await room('[data-tools]')).toBe(0);
    expect(await room('.assess-moves, .assess-keep')).toBe(0);
    await page.goto(`${site.url}/assessments/${QUIZ}/practice/`);
    expect(await room('.assess-check')).toBe(0);
    await context.close();
  });
});
