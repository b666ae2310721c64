import { describe, expect, it } from 'vitest';
import { QUIZ } from './assessment-helpers.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
/** How long a condition may take on a busy machine before the test gives up (it passes as soon as the condition holds). */
const patience = { timeout: 45_000 };

describe('a test opened once, then taken with no connection', () => {
  it('opens in another language offline, with the answers already given', async () => {
    // The test page kept its own language's tests only: a trainee who had opened the English test
    // in class and chose Arabic in the field, with no connection, found "This page is not saved
    // on this device" instead of the test.
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/assessments/${QUIZ}/pre/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    const saved = (path: string) => page.evaluate((p) => caches.match(p).then(Boolean), path);
    await expect.poll(() => saved(`/ar/assessments/${QUIZ}/pre/`), patience).toBe(true);
    // The service worker saves the pages one after another: wait for each, not only the first.
    await expect.poll(() => saved(`/fr/assessments/${QUIZ}/pre/`), patience).toBe(true);

    await context.setOffline(true);
    await page.fill('input[name="participant"]', 'P-031');
    await page.locator('[data-item] input[type="radio"]').first().check();
    await page.locator('.lang-switch a[hreflang="ar"]').click();
    await page.waitForURL(`**/ar/assessments/${QUIZ}/pre/`);
    await page.waitForSelector('[data-assess][data-ready]');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.inputValue('input[name="participant"]')).toBe('P-031');
    expect(await page.locator('[data-item] input:checked').count()).toBe(1);
    await context.close();
  });
});
