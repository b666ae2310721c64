import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { Pack } from '../../src/lib/offline/pack.ts';
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

  it('fetches in the background that test in each language and what it loads, never another test', async () => {
    // Opening one test saved every test of the pack in the background: 63 requests, 1,492,417
    // bytes, where the page, its French and Arabic versions and what they load are 154,381 (a
    // trainee on prepaid mobile data paid for 35 English tests to take one).
    const pack = JSON.parse(readFileSync(join(inject('distDir'), 'offline/pack.json'), 'utf8')) as Pack;
    const pages = new Set(pack.files.filter((f) => f.kind === 'page').map((f) => f.path));
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    // Every request of the page and of its service worker, as the path the pack names.
    const requested = new Set<string>();
    context.on('request', (r) => {
      if (r.url().startsWith(`${site.url}/`)) requested.add(decodeURI(new URL(r.url()).pathname.slice(1)));
    });
    const page = await context.newPage();
    const own = ['', 'fr/', 'ar/'].map((lang) => `${lang}assessments/${QUIZ}/pre/`);
    await page.goto(`${site.url}/${own[0]}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const saved = (path: string) => page.evaluate((p) => caches.match(p).then(Boolean), path);
    for (const path of own.slice(1)) await expect.poll(() => saved(`/${path}`), patience).toBe(true);
    const tests = () => [...requested].filter((p) => pages.has(p) && /(^|\/)assessments\//.test(p)).sort();
    expect(tests()).toEqual([...own].sort());
    // Once the page says it is saved, the worker has nothing more to fetch for it.
    await page.locator('[data-assess][data-offline-saved]').waitFor(patience);
    expect(tests()).toEqual([...own].sort());
    await context.close();
  });
});

describe('a session evaluation form opened once', () => {
  const FORM = 'registry-officers';
  /** A second form, as a course with a module's own form beside its own has (the model pack has one). */
  const OTHER = 'evaluations/another-session/';
  const languages = ['', 'fr/', 'ar/'];

  /**
   * Serves the site with a second evaluation form in every language: the pack list names it (first,
   * so a worker keeping the folder fetches it before the form's own pages) and its pages answer.
   */
  async function withSecondForm(context: BrowserContext): Promise<string[]> {
    const dist = inject('distDir');
    const pack = JSON.parse(readFileSync(join(dist, 'offline/pack.json'), 'utf8')) as Pack;
    const shift = (f: Pack['files'][number]) => ({ ...f, ...(f.needs ? { needs: f.needs.map((n) => n + languages.length) } : {}) });
    const extra = languages.map((lang) => ({ ...shift(pack.files.find((f) => f.path === `${lang}evaluations/${FORM}/`)!), path: `${lang}${OTHER}` }));
    await context.route(/\/offline\/pack\.json(\?.*)?$/, (route) => route.fulfill({ json: { ...pack, files: [...extra, ...pack.files.map(shift)] } }));
    await context.route(new RegExp(`/${OTHER}$`), (route) => route.fulfill({ path: join(dist, 'evaluations', FORM, 'index.html'), contentType: 'text/html; charset=utf-8' }));
    return extra.map((f) => f.path);
  }

  it('fetches in the background that form in each language and what it loads, never another form', async () => {
    // Opening one evaluation form kept every form of its language's evaluations folder: a trainee
    // on prepaid data filling in the course's form paid for each module's form too.
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    await withSecondForm(context);
    const requested = new Set<string>();
    context.on('request', (r) => {
      if (r.url().startsWith(`${site.url}/`)) requested.add(decodeURI(new URL(r.url()).pathname.slice(1)));
    });
    const page = await context.newPage();
    const own = languages.map((lang) => `${lang}evaluations/${FORM}/`);
    await page.goto(`${site.url}/${own[0]}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const saved = (path: string) => page.evaluate((p) => caches.match(p).then(Boolean), path);
    for (const path of own.slice(1)) await expect.poll(() => saved(`/${path}`), patience).toBe(true);
    // Every file of an evaluations folder that was asked for (the form's blank CSV too).
    const forms = () => [...requested].filter((p) => /(^|\/)evaluations\//.test(p)).sort();
    expect(forms()).toEqual([...own].sort());
    await page.locator('[data-evaluation][data-offline-saved]').waitFor(patience);
    expect(forms()).toEqual([...own].sort());
    await context.close();
  });

  it('in kiosk mode keeps every form of its language, for the sessions still to come on the shared tablet', async () => {
    const context = await site.browser.newContext({ viewport: { width: 800, height: 1000 } });
    const others = await withSecondForm(context);
    const page = await context.newPage();
    await page.goto(`${site.url}/fr/evaluations/${FORM}/?kiosk`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const saved = (path: string) => page.evaluate((p) => caches.match(p).then(Boolean), path);
    await expect.poll(() => saved(`/fr/${OTHER}`), patience).toBe(true);
    await page.locator('[data-evaluation][data-offline-saved]').waitFor(patience);
    // Its own language's folder, not another's.
    for (const path of others.filter((p) => !p.startsWith('fr/'))) expect(await saved(`/${path}`), path).toBe(false);
    await context.close();
  });
});
