// The training side in each language (participant edition): the French module 1 and its slides,
// a module without a translation under the French UI, and the Arabic evaluation form, right to
// left, saving and restoring its answers, with axe and no sideways scroll on a phone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEvaluationResponses } from '../../src/lib/training/evaluation/responses.ts';
import { resolveEvaluation } from '../../src/lib/training/evaluation/load.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const M1 = 'legal-identity-foundations';
const source = resolveEvaluation(process.cwd(), 'registry-officers').evaluation;

/** True when the page scrolls sideways. */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('training pages in French and Arabic', () => {
  it('shows module 1 in French, lang=fr, with its French sessions, PDFs and links to French pages', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/fr/modules/${M1}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.translation-notice').count()).toBe(0);
    await expect(page.locator('#module-title').textContent()).resolves.toContain('Identité juridique');
    expect(await page.locator('#module-title').getAttribute('lang')).toBeNull();
    // A session heading and the words the components print are French.
    await expect(page.locator('.session .session-meta').first().textContent()).resolves.toMatch(/min/);
    await expect(page.locator('.activity-label').first().textContent()).resolves.toBe('Activité');
    expect(await page.locator('a', { hasText: 'Cahier du participant' }).first().getAttribute('href')).toBe(`/handbooks/${M1}.fr.pdf`);
    expect(await page.locator('#job-aid-birth-registration a[download]').getAttribute('href')).toBe(`/handbooks/${M1}-job-aid-birth-registration.fr.pdf`);
    // The job aid speaks French too: the French SOP's title and the step words of workflows/fr/.
    await expect(page.locator('#job-aid-birth-registration-title').textContent()).resolves.toMatch(/^Aide-mémoire\s:\sEnregistrement des naissances, y compris l'enregistrement tardif et l'enregistrement différé$/);
    await expect(page.locator('#job-aid-birth-registration tbody').textContent()).resolves.toContain('Recevoir et contrôler la déclaration');
    expect(await page.locator(`a[href="/fr/modules/${M1}/slides/"]`).count()).toBeGreaterThan(0);
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`));
    expect(alternates).toContain(`ar /ar/modules/${M1}/`);
    await page.locator('.lang-switch a', { hasText: 'English' }).click();
    await page.waitForURL(new RegExp(`/modules/${M1}/$`));
    expect(new URL(page.url()).pathname).toBe(`/modules/${M1}/`);
    await page.close();
  });

  it('shows module 4 in Arabic under the Arabic UI, without the notice', async () => {
    // Every module is in French and in Arabic now; a module not translated is tested on a copy of
    // the pack without one (untranslated-module.test.ts).
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/ar/modules/data-quality-fraud-protection/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('.translation-notice').count()).toBe(0);
    expect(await page.locator('.module-body').getAttribute('lang')).toBeNull();
    await expect(page.locator('#downloads').textContent()).resolves.toContain('الشرائح والمطبوعات والاختبارات');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('passes axe on the French module page at 360 and 1280 px, without sideways scroll on a phone', async () => {
    for (const width of [360, 1280]) {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.url}/fr/modules/${M1}/`);
      if (width === 360) expect(await overflows(page)).toBe(false);
      expect(await axeViolations(page), `${width}`).toEqual([]);
      await page.close();
    }
  });

  it('presents the French slides: French words, lang=fr, moves with the keyboard, no speaker notes', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${site.url}/fr/modules/${M1}/slides/`);
    await page.waitForSelector('body[data-deck-ready]');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('[data-deck-action="overview"]').textContent()).not.toBe('Overview');
    // reveal.js's own arrows are labelled in French too.
    expect(await page.locator('.controls .navigate-right').getAttribute('aria-label')).toBe('Diapositive suivante');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.deck-slide.present')?.id === 'session-1' || location.hash === '#/session-1');
    await expect(page.locator('#session-1 .deck-kicker').textContent()).resolves.toMatch(/Séance 1/);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/slide-1-1');
    const title = await page.locator('#slide-1-1 h3').textContent();
    expect(title).toBeTruthy();
    expect(readFileSync(join(process.cwd(), 'content/fr/modules', `${M1}.mdx`), 'utf8')).toContain(`<Slide title="${title}"`);
    expect(await page.locator('aside.notes').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // reveal.js's help overlay ("?") in French: its heading and its own shortcuts' descriptions.
    await page.keyboard.press('Shift+Slash');
    await page.locator('.r-overlay-help[data-translated]').waitFor();
    await expect(page.locator('.r-overlay-help .title').textContent()).resolves.toBe('Raccourcis clavier');
    await expect(page.locator('.r-overlay-help table').textContent()).resolves.toContain('Diapositive suivante');
    await expect(page.locator('.r-overlay-help table').textContent()).resolves.not.toContain('Next slide');
    await page.close();
  });

  it("the Arabic slides' help gives the keys that go forward and back right to left (← next, → previous)", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${site.url}/ar/modules/${M1}/slides/`);
    await page.waitForSelector('body[data-deck-ready]');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.keyboard.press('Shift+Slash');
    await page.locator('.r-overlay-help[data-translated]').waitFor();
    const rows = await page.locator('.r-overlay-help tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    const next = rows.find((r) => r[1] === 'الشريحة التالية')?.[0] ?? '';
    const previous = rows.find((r) => r[1] === 'الشريحة السابقة')?.[0] ?? '';
    expect(next).toMatch(/^←/);
    expect(next).not.toContain('→');
    expect(previous).toMatch(/^→/);
    // And the key listed does what it says: ← goes to the next slide.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('.deck-slide.present')?.id === 'session-1' || location.hash === '#/session-1');
    await page.close();
  });

  it('gives the Arabic evaluation form right to left; an answer is saved, restored after a reload and exported in the source columns', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const url = `${site.url}/ar/evaluations/registry-officers/`;
    const ready = () => page.locator('[data-evaluation][data-ready]').waitFor({ state: 'attached' });
    await page.goto(url);
    await ready();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('.translation-notice').count()).toBe(0);
    await expect(page.locator('#eval-title').textContent()).resolves.toContain('تقييم الدورة');
    expect(await overflows(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-item="overall"] label:has-text("أوافق بشدة")');
    await page.click('[data-item="org-pace"] label:has-text("مناسبة")');
    await page.locator('[data-saved]').filter({ hasText: /\S/ }).waitFor();
    await page.reload();
    await ready();
    expect(await page.locator('input[name="overall"]:checked').getAttribute('value')).toBe('5');
    expect(await page.locator('input[name="org-pace"]:checked').getAttribute('value')).toBe('about-right');
    // Said in Arabic at the top of the form, with the button that empties it (a shared phone).
    await expect(page.locator('[data-restored]').textContent()).resolves.toMatch(/أُعيدت إلى الاستمارة إجابات محفوظة على هذا الجهاز.*أفرغ الاستمارة/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    const set = parseEvaluationResponses(readFileSync((await file.path())!, 'utf8'), 'ar.csv', source, { course: 'registry-officers' });
    expect(set.responses.map((r) => r.answers)).toEqual([{ overall: 5, 'org-pace': 'about-right' }]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('passes axe on the other translated training pages, right to left in Arabic, without sideways scroll at 360 px', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/ar/modules/', `/ar/modules/${M1}/`, '/ar/modules/civil-registration-births-deaths/', '/ar/courses/registry-officers/', '/ar/courses/registry-officers/guide/', '/fr/evaluations/registry-officers/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator('html').getAttribute('lang'), path).toBe(path.slice(1, 3));
      expect(await overflows(page), path).toBe(false);
      expect(await axeViolations(page), path).toEqual([]);
    }
    // The course's generated words (days, methods) are Arabic.
    await page.goto(`${site.url}/ar/courses/registry-officers/`);
    await expect(page.locator('section[aria-labelledby="timetable"]').textContent()).resolves.toContain('اليوم 1');
    // The course's own words come from content/ar/courses/registry-officers.yaml, in the page's language.
    await expect(page.locator('#course-title').textContent()).resolves.toBe('الهوية القانونية والتسجيل المدني: دورة تدريبية لموظفي السجل المدني');
    expect(await page.locator('#course-title').getAttribute('lang')).toBeNull();
    await expect(page.locator('section[aria-labelledby="timetable"]').textContent()).resolves.toContain('استراحة الغداء');
    // Every module is in Arabic: none keeps an English title or its mark (a module not translated
    // is marked on a copy of the pack without one: untranslated-module.test.ts).
    expect(await page.locator('li[data-module]').count()).toBeGreaterThan(1);
    expect(await page.locator('li[data-module] a[lang]').count()).toBe(0);
    await expect(page.locator('li[data-module] .nav-lang').count()).resolves.toBe(0);
    await expect(page.locator('section[aria-labelledby="timetable"]').textContent()).resolves.not.toMatch(/\bLunch\b|\bTea\b/);
    // On a phone each timetable line is a card, its labels in Arabic; a time range reads left to
    // right (08:30–09:00, not 09:00–08:30), its earlier time drawn first.
    const first = page.locator('table.timetable-course tbody tr').first();
    expect(await first.locator('td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"الأسلوب: "');
    const time = first.locator('td span[dir="ltr"]');
    await expect(time.textContent()).resolves.toBe('08:30–09:00');
    const [start, end] = await time.evaluate((span) => {
      const text = span.firstChild!;
      const at = (i: number) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
      return [at(0), at(text.textContent!.length - 1)];
    });
    expect(start).toBeLessThan(end);
    // In French and in Arabic every module is translated (none marked).
    await page.goto(`${site.url}/fr/courses/registry-officers/`);
    expect(await page.locator('li[data-module]').count()).toBeGreaterThan(1);
    expect(await page.locator('li[data-module] .nav-lang').count()).toBe(0);
    await page.goto(`${site.url}/ar/courses/registry-officers/`);
    expect(await page.locator(`li[data-module="${M1}"] .nav-lang`).count()).toBe(0);
    expect(await page.locator(`li[data-module="${M1}"] a`).getAttribute('lang')).toBeNull();
    expect(await page.locator('li[data-module] .nav-lang').count()).toBe(0);
    await page.close();
  });

  it('builds the French workbook and the French and Arabic evaluation forms beside the source PDFs', () => {
    const dist = inject('distDir');
    for (const file of [`${M1}.fr.pdf`, `${M1}-job-aid-birth-registration.fr.pdf`, 'registry-officers-guide.ar.pdf', `${M1}-slides.fr.pdf`, `${M1}-handouts.fr.pdf`, 'registry-officers-evaluation-form.fr.pdf', 'registry-officers-evaluation-form.ar.pdf']) {
      expect(() => readFileSync(join(dist, 'handbooks', file)), file).not.toThrow();
    }
  });
});
