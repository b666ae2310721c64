import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pluralForms, t } from '../../src/i18n/index.ts';
import { pluralForm } from '../../src/i18n/plural-form.ts';
import { packTotals, type Pack } from '../../src/lib/offline/pack.ts';
import { axeViolations } from './harness.ts';
import { serveGated } from './offline-server.ts';
import { useBuiltSite } from './use-site.ts';

// The offline page existed in English only: French and Arabic footers linked `/offline/` marked
// "(English)", and an Arabic reader who opened a page never saved, with no connection, got the
// English notice, left to right.
const site = useBuiltSite();
/** How long a condition may take on a busy machine before the test gives up (it passes as soon as the condition holds). */
const patience = { timeout: 45_000 };
const pack = () => JSON.parse(readFileSync(join(inject('distDir'), 'offline/pack.json'), 'utf8')) as Pack;
const counted = (base: string, n: number, lang: string) => pluralForm(pluralForms(base, lang), n, lang).replace(/\{count\}/g, String(n));
/** A sentence with a count in the form the language gives `n`, its placeholders filled. */
const countedSentence = (base: string, n: number, lang: string, params: Record<string, string>) => pluralForm(pluralForms(base, lang), n, lang).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the site worker is active and controls the page (it precached the shell while installing). */
async function workerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

describe('the offline page in every locale', () => {
  it("links the reader's own locale's offline page from the footer, unmarked", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const [lang, label] of [['fr', 'Tout enregistrer pour un usage hors ligne'], ['ar', t('site.footer.save', 'ar')]] as const) {
      await page.goto(`${site.url}/${lang}/`);
      const link = page.locator('.site-footer a', { hasText: label });
      expect(await link.getAttribute('href'), lang).toBe(`/${lang}/offline/`);
      expect(await link.getAttribute('hreflang'), lang).toBeNull();
      expect(await link.locator('.nav-lang').count(), lang).toBe(0);
    }
    await context.close();
  });

  // One save of the whole pack (71 MB in the model pack) serves both checks: two PDFs gone from the
  // server, then back, as a reader on a bad day would meet them.
  it('renders /ar/offline/ in Arabic, right to left, with counts in Arabic forms; says the files saved and those that could not be fetched in the Arabic form of their count; then saves the rest', async () => {
    // "{count} files could not be fetched" had one form in every language: Arabic wrote
    // "تعذّر جلب 2 ملف" for two files.
    const files = pack().files;
    const server = await serveGated(inject('distDir'));
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/ar/offline/`);
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect((await page.locator('h1').textContent())?.trim()).toBe(t('offline.title', 'ar'));
      expect(await page.locator('[data-offline-missing]').isHidden()).toBe(true);
      const all = packTotals(files);
      await expect.poll(() => page.locator('[data-pack-size]').textContent(), patience).toContain('حجم المجموعة كلها');
      const size = (await page.locator('[data-pack-size]').textContent()) ?? '';
      expect(size).toContain(counted('offline.pack.pages', all.pages, 'ar'));
      expect(size).toContain(counted('offline.pack.pdfs', all.pdfs, 'ar'));
      await expect.poll(() => page.locator('[data-pack-save]').textContent(), patience).toMatch(/^احفظ للاستخدام دون اتصال \(/);
      // The language switcher leads to the offline page of the other locales.
      expect(await page.locator('.lang-switch a[hreflang="fr"]').getAttribute('href')).toBe('/fr/offline/');
      expect(await axeViolations(page)).toEqual([]);
      await workerReady(page);

      // Two PDFs the pack lists are gone from the server: saving the pack cannot fetch them.
      const gone = files.filter((f) => f.kind === 'pdf').slice(0, 2);
      server.lose(gone.map((f) => `/${f.path}`));
      const total = String(files.length);
      const status = new RegExp(`^${escape(countedSentence('offline.pack.status', files.length, 'ar', { files: '@', count: total })).replace('@', '\\d+')}$`);
      await page.locator('[data-pack-save]').click();
      await expect.poll(() => page.locator('[data-pack-result]').textContent(), { timeout: 180_000 }).toBe(countedSentence('offline.failed', gone.length, 'ar', { count: String(gone.length) }));
      expect(await page.locator('[data-pack-result]').textContent()).toContain('ملفين');
      expect(await page.locator('[data-pack-status]').textContent()).toMatch(status);

      // Back on the server: saving again completes the pack.
      server.restore();
      const before = server.requests.length;
      await page.locator('[data-pack-save]').click();
      await expect.poll(() => page.locator('[data-pack-result]').textContent(), { timeout: 180_000 }).toBe(t('offline.done', 'ar'));
      expect(await page.locator('[data-pack-status]').textContent()).toBe(t('offline.pack.complete', 'ar'));
      expect(server.requests.slice(before).filter((p) => p.endsWith('.pdf'))).toEqual(expect.arrayContaining(gone.map((f) => `/${f.path}`)));
      // The list of saved pages names pages, not the offline page of any locale.
      const listed = await page.locator('[data-pages-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(listed.length).toBe(all.pages - 3);
      expect(listed.filter((h) => h?.endsWith('/offline/'))).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, 240_000);

  it("lists the saved pages of the page's own language first, then the others, each labelled with its language", async () => {
    // /ar/offline/ listed the English home page first, and the other languages' pages unmarked.
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await workerReady(page);
    for (const path of ['/sops/', '/fr/', '/ar/sops/', '/ar/']) await page.goto(`${site.url}${path}`);
    const rows = () => page.locator('[data-pages-list] li').evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href'), label: li.querySelector('[data-page-lang]')?.textContent ?? null })));
    for (const [lang, own, others] of [
      ['ar', ['/ar/', '/ar/sops/'], [['/', 'en'], ['/sops/', 'en'], ['/fr/', 'fr']]],
      ['fr', ['/fr/'], [['/', 'en'], ['/sops/', 'en'], ['/ar/', 'ar'], ['/ar/sops/', 'ar']]],
    ] as const) {
      await page.goto(`${site.url}/${lang}/offline/`);
      await expect.poll(async () => (await rows()).length, patience).toBe(own.length + others.length);
      expect(await rows(), lang).toEqual([...own.map((href) => ({ href, label: null })), ...others.map(([href, l]) => ({ href, label: ` (${t(`language.${l}`, lang)})` }))]);
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("marks a saved page's English title as English, left to right, on /ar/offline/ and /fr/offline/; a mixed title keeps its English part apart", async () => {
    // Every title was marked lang="ar" dir="rtl": 'Certified copies and extracts of civil-status
    // records' broke at 360 px as "civil-" / ":status records…" and was read with an Arabic voice.
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/ar/`);
    await workerReady(page);
    const paths = ['/ar/sops/certified-copies/', '/ar/assessments/certified-copies/pre/', '/ar/sops/birth-registration/', '/fr/sops/certified-copies/'];
    for (const path of paths) await page.goto(`${site.url}${path}`);
    const marks = () =>
      page.locator('[data-pages-list] a').evaluateAll((as) =>
        Object.fromEntries(as.map((a) => [a.getAttribute('href'), { lang: a.getAttribute('lang'), dir: a.getAttribute('dir'), direction: getComputedStyle(a).direction, runs: [...a.querySelectorAll('[lang]')].map((r) => `${r.getAttribute('lang')}/${r.getAttribute('dir')}:${r.textContent}`) }])),
      );
    for (const lang of ['ar', 'fr']) {
      await page.goto(`${site.url}/${lang}/offline/`);
      await expect.poll(async () => Object.keys(await marks()).filter((h) => paths.includes(h ?? '')).length, patience).toBe(paths.length);
      const found = await marks();
      for (const path of ['/ar/sops/certified-copies/', '/fr/sops/certified-copies/']) expect(found[path], `${lang} ${path}`).toEqual({ lang: 'en', dir: 'ltr', direction: 'ltr', runs: [] });
      expect(found['/ar/assessments/certified-copies/pre/'], lang).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl', runs: ['en/ltr:Certified copies and extracts of civil-status records: pre- and post-test'] });
      expect(found['/ar/sops/birth-registration/'], lang).toMatchObject({ lang: 'ar', dir: 'rtl', runs: [] });
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows a page of a locale never saved, opened offline, as that locale\'s "not saved" page; the source\'s stays English', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/ar/`);
    await workerReady(page);
    // The shell of every locale is precached at install, the Arabic offline page among it.
    await expect.poll(() => page.evaluate(() => caches.match('/ar/offline/', { ignoreSearch: true }).then(Boolean)), patience).toBe(true);
    await context.setOffline(true);

    await page.goto(`${site.url}/ar/glossary/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe(t('offline.missing.title', 'ar'));
    expect(await page.title()).toBe(t('offline.missing.title', 'ar'));
    expect(await page.locator('[data-offline-missing]').textContent()).toBe(t('offline.missing', 'ar'));
    expect(await page.locator('[data-offline-missing]').isVisible()).toBe(true);
    // It lists what this device has: the Arabic home page, opened above.
    await expect.poll(() => page.locator('[data-pages-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), patience).toContain('/ar/');
    expect(await axeViolations(page)).toEqual([]);

    // The Arabic offline page itself, opened offline, is not "not saved".
    await page.goto(`${site.url}/ar/offline/`);
    await expect.poll(() => page.locator('[data-pack-size]').textContent(), patience).not.toBe(t('offline.nojs', 'ar'));
    expect(await page.locator('h1').textContent()).toBe(t('offline.title', 'ar'));

    await page.goto(`${site.url}/fr/glossary/`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('Cette page n’est pas enregistrée sur cet appareil');
    await page.goto(`${site.url}/glossary/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.locator('h1').textContent(), patience).toBe('This page is not saved on this device');
    await context.close();
  });
});
