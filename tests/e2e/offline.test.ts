import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { filesToKeep, formatBytes, packTotals, testsFolderIn, type Pack } from '../../src/lib/offline/pack.ts';
import { writeOfflineFiles } from '../../src/lib/offline/write.ts';
import { axeViolations, launchBrowser } from './harness.ts';
import { serveGated, type GatedSite } from './offline-server.ts';

const MISSING = 'This page is not saved on this device';
/** How long a condition may take on a busy machine before the test gives up (it passes as soon as the condition holds). */
const patience = { timeout: 45_000 };

let browser: Browser;
let dist: string;
let pack: Pack;
beforeAll(async () => {
  dist = inject('distDir');
  pack = JSON.parse(readFileSync(join(dist, 'offline/pack.json'), 'utf8')) as Pack;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh device: its own context, recording every request it makes (pages and worker). */
async function device(width = 1280): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return { context, page: await context.newPage(), requests };
}

/** Waits until the site worker is active and controls the page (it saved the open page while installing). */
async function workerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

const sops = () => pack.files.filter((f) => f.kind === 'page' && /^sops\/[^/]+\/$/.test(f.path));

describe('offline: one service worker for the whole site', () => {
  let site: GatedSite;
  beforeAll(async () => {
    site = await serveGated(dist);
  });
  afterAll(async () => {
    await site?.close();
  });

  it("lists saved French and Arabic pages by their own title, without the site's name, read in their language", async () => {
    // The list took off only ' · SOPKit model pack': it showed 'Procédures · Ensemble modèle SOPKit',
    // and Arabic titles ran left to right ('حزمة · الإجراءات SOPKit النموذجية').
    const { context, page } = await device(360);
    await page.goto(`${site.url}/ar/sops/`);
    await workerReady(page);
    await page.goto(`${site.url}/fr/sops/`);
    await page.goto(`${site.url}/offline/`);
    const names = () => page.locator('[data-pages-list] a').evaluateAll((as) => as.map((a) => `${a.textContent} ${a.getAttribute('lang')} ${a.getAttribute('dir')}`));
    await expect.poll(names, patience).toEqual(expect.arrayContaining(['الإجراءات ar rtl', 'Procédures fr ltr']));
    expect((await names()).filter((n) => n.includes(' · '))).toEqual([]);
    await context.close();
  });

  it('reads an SOP page opened once again with the network off, with its styles; home and the SOP index too', async () => {
    const { context, page, requests } = await device();
    await page.goto(`${site.url}/sops/birth-registration/`);
    const title = await page.locator('h1').textContent();
    await workerReady(page);
    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe(title);
    // The site stylesheet came from the cache too: the footer has its rule.
    expect(await page.locator('.site-footer').evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe('solid');
    for (const path of ['/', '/sops/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator('h1').textContent(), path).not.toBe(MISSING);
      expect(await page.locator('main a').count(), path).toBeGreaterThan(0);
    }
    // A page never opened: the offline page, which lists what this device has.
    await page.goto(`${site.url}/glossary/`);
    expect(await page.locator('h1').textContent()).toBe(MISSING);
    await expect.poll(() => page.locator('[data-pages-list] a').allTextContents(), patience).toContain(title?.trim());
    expect(await axeViolations(page)).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(site.url))).toEqual([]);
    await context.close();
  });

  it('states the size of the whole pack, saves it with progress that can be cancelled, and then every SOP page and PDF opens offline', async () => {
    const { context, page, requests } = await device(360);
    await page.goto(`${site.url}/offline/`);
    const all = packTotals(pack.files);
    await expect.poll(() => page.locator('[data-pack-size]').textContent(), patience).toContain(`The whole pack is ${formatBytes(all.bytes)}: ${all.pages} pages, ${all.pdfs} PDFs`);
    // The button says what is left to fetch (the worker may already have saved this page).
    await expect.poll(() => page.locator('[data-pack-save]').textContent(), patience).toMatch(/^Save for offline use \(\d+(\.\d)?\u00a0MB\)$/);
    expect(await axeViolations(page)).toEqual([]);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await workerReady(page);

    // Hold the PDFs back to cancel half-way, with the keyboard.
    site.hold('/handbooks/');
    await page.locator('[data-pack-save]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => site.requests.some((p) => p.startsWith('/handbooks/')), patience).toBe(true);
    await expect.poll(() => page.locator('[data-pack-count]').textContent(), patience).toMatch(new RegExp(`^\\d+ of ${all.count} files, \\d.* of ${formatBytes(all.bytes)}$`));
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-pack-cancel'))).toBe(true);
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-pack-result]').textContent(), patience).toMatch(/^Cancelled/);
    site.release();
    const status = await page.locator('[data-pack-status]').textContent();
    const saved = Number(/(\d+) of \d+ files/.exec(status ?? '')?.[1]);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(all.count);

    // Saving again fetches only what is missing.
    const before = site.requests.length;
    await page.locator('[data-pack-save]').click();
    await expect.poll(() => page.locator('[data-pack-result]').textContent(), patience).toMatch(/^Done/);
    expect(site.requests.length - before).toBeLessThanOrEqual(all.count - saved);
    expect(await page.locator('[data-pack-status]').textContent()).toMatch(/whole pack is saved/);

    await context.setOffline(true);
    for (const sop of sops()) {
      await page.goto(`${site.url}/${sop.path}`);
      expect(await page.locator('h1').textContent(), sop.path).not.toBe(MISSING);
      expect(sop.title?.startsWith((await page.locator('h1').textContent())?.trim() ?? '?'), sop.path).toBe(true);
    }
    const pdf = pack.files.find((f) => f.kind === 'pdf');
    const got = await page.evaluate(async (path) => {
      const r = await fetch(`/${path}`);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, size: bytes.length, head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, pdf?.path ?? '');
    expect(got).toEqual({ status: 200, size: pdf?.bytes, head: '%PDF-' });
    expect(requests.filter((u) => !u.startsWith(site.url))).toEqual([]);
    await context.close();
  }, 240_000);

  it('saves every test of its language with its own button, sized from the pack, with progress; then any test opens offline', async () => {
    // A test page opened normally keeps only itself (a trainee's prepaid data): this button, kiosk
    // set-up and the assessments page keep every test.
    const { context, page } = await device(360);
    await page.goto(`${site.url}/offline/`);
    await workerReady(page);
    const tests = filesToKeep(pack, [], [testsFolderIn()]);
    const total = packTotals(tests);
    expect(total.pages).toBeGreaterThan(2);
    // What is left to fetch, as the whole-pack button says it: no more than the tests' total.
    const button = page.locator('[data-tests-save]');
    await expect.poll(() => button.textContent(), patience).toMatch(/^Save all tests for offline use \(\d+(\.\d)?\u00a0(MB|kB)\)$/);
    expect(await page.locator('[data-tests-status]').textContent()).toMatch(new RegExp(`^Tests saved on this device: \\d+ of ${total.count} files\\.$`));
    const left = Number(/\(([\d.]+)\u00a0MB\)/.exec((await button.textContent()) ?? '')?.[1] ?? 0);
    expect(left).toBeLessThanOrEqual(Number(formatBytes(total.bytes).split(/\s/)[0]));

    // Held back half-way: the progress says it saves the tests, out of the tests' files.
    const before = site.requests.length;
    site.hold('/assessments/');
    await button.click();
    await expect.poll(() => page.locator('[data-pack-count]').textContent(), patience).toMatch(new RegExp(`^\\d+ of ${total.count} files, .* of ${formatBytes(total.bytes)}$`));
    expect(await page.locator('[data-pack-progress-label]').textContent()).toBe('Saving the tests');
    expect(await axeViolations(page)).toEqual([]);
    site.release();
    await expect.poll(() => page.locator('[data-pack-result]').textContent(), patience).toBe('Done: every test is saved on this device and opens with no connection.');
    expect(await page.locator('[data-tests-status]').textContent()).toBe('Every test is saved on this device: each opens with no connection.');
    expect(await button.isHidden()).toBe(true);
    // Only the tests: the whole pack is still to save.
    expect(await page.locator('[data-pack-save]').isVisible()).toBe(true);
    expect(site.requests.slice(before).filter((p) => p.startsWith('/handbooks/'))).toEqual([]);

    await context.setOffline(true);
    for (const test of tests.filter((f) => f.kind === 'page' && f.path.endsWith('/post/')).slice(0, 3)) {
      await page.goto(`${site.url}/${test.path}`);
      await page.locator('[data-assess][data-ready]').waitFor(patience);
      expect(await page.locator('h1').textContent(), test.path).not.toBe(MISSING);
    }
    await context.close();
  }, 240_000);

  it('offers the tests of its own language on a translated offline page, in its words', async () => {
    const { context, page } = await device(360);
    await page.goto(`${site.url}/fr/offline/`);
    const french = packTotals(filesToKeep(pack, [], [testsFolderIn('fr')]));
    expect(french.pages).toBeGreaterThan(2);
    await expect.poll(() => page.locator('[data-tests-save]').textContent(), patience).toMatch(/^Enregistrer tous les tests pour un usage hors ligne \(\d+(,\d)?\u00a0(Mo|ko)\)$/);
    expect(await page.locator('[data-tests-status]').textContent()).toMatch(new RegExp(`^Tests enregistrés sur cet appareil\u00a0: \\d+ sur ${french.count} fichiers\\.$`));
    await context.close();
  });
});

describe('offline: a new build', () => {
  let copy: string;
  let site: GatedSite;
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'sopkit-offline-'));
    cpSync(dist, copy, { recursive: true });
    site = await serveGated(copy);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('reaches a reader who has the old one: the new page, a notice to reload, and the new page offline', async () => {
    const { context, page } = await device();
    const path = 'sops/death-registration/';
    await page.goto(`${site.url}/${path}`);
    await workerReady(page);

    // The rebuild: one page changes, and the build's last step writes the pack and worker again.
    const file = join(copy, path, 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<main id="main" tabindex="-1">', '$&<p id="rebuilt">Revised in a new build.</p>'));
    await writeOfflineFiles(copy);

    // The browser checks for a new worker on navigation; the test asks at once.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const reload = page.locator('[data-sw-update] [data-sw-reload]');
    await reload.waitFor(patience);
    expect(await page.locator('[data-sw-update]').textContent()).toContain('A new version of this site has been published.');
    expect(await axeViolations(page)).toEqual([]);
    await reload.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.locator('#rebuilt').count()).toBe(1);

    await context.setOffline(true);
    await page.reload();
    expect(await page.locator('#rebuilt').count()).toBe(1);
    await context.close();
  });

  it('retires the per-section worker of an earlier build, which would shadow the site worker in its folder', async () => {
    writeFileSync(join(copy, 'assessments/sw.js'), "self.addEventListener('fetch', () => {});\n");
    const { context, page } = await device();
    await page.goto(`${site.url}/glossary/`);
    await workerReady(page);
    await page.evaluate(async () => {
      const old = await navigator.serviceWorker.register('/assessments/sw.js', { scope: '/assessments/' });
      const worker = old.installing ?? old.waiting ?? old.active;
      if (worker && worker.state !== 'activated') await new Promise((ok) => worker.addEventListener('statechange', () => worker.state === 'activated' && ok(true)));
    });
    const scopes = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname).sort());
    expect(await scopes()).toEqual(['/', '/assessments/']);
    await page.goto(`${site.url}/sops/`);
    await expect.poll(scopes, patience).toEqual(['/']);
    await context.close();
  });
});
