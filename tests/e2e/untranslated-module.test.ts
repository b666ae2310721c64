// What a translation lacks, shown in the source's language under the reader's UI: a module and its
// test not translated into Arabic (the English materials under the Arabic UI, each part in its own
// language and direction), a parameter without its French label. The model pack has every module,
// its test and every parameter's label translated, so this file builds (trainer edition: every
// page the participant's has, and the scoring page) a copy of the pack without module 4's Arabic
// files and without the French label of the appeal period, and reads that site.
// SOPKIT_E2E_UNTRANSLATED_DIST=<folder> reuses a build of it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { t } from '../../src/i18n/index.ts';
import ar from '../../src/i18n/ar.json';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { axeViolations } from './harness.ts';
import { buildPackWithout } from './pack-copy.ts';
import { paramLinks } from './param-links.ts';
import { useOwnBuild } from './use-site.ts';
import { WAIT } from './simulator-helpers.ts';

const M4 = 'data-quality-fraud-protection';
const removed = [`content/ar/modules/${M4}.mdx`, `quizzes/ar/${M4}.yaml`];
const m4 = resolveQuiz(process.cwd(), M4).quiz;
// A parameter module 1 names, whose French label the copy goes without.
const PARAM = 'appeal-period';
const FR_PARAMS = 'content/fr/parameters.yaml';
/** The French parameters file without one entry (each entry starts at a line `- id: …`). */
function withoutEntry(text: string, id: string): string {
  const entries = text.split(/^(?=- id: )/m);
  const kept = entries.filter((e) => !e.startsWith(`- id: ${id}\n`));
  if (kept.length !== entries.length - 1) throw new Error(`${FR_PARAMS}: no single entry "${id}" to take out`);
  return kept.join('');
}

const site = useOwnBuild(() =>
  buildPackWithout(removed, 'SOPKIT_E2E_UNTRANSLATED_DIST', 'trainer', (root) => {
    writeFileSync(join(root, FR_PARAMS), withoutEntry(readFileSync(join(root, FR_PARAMS), 'utf8'), PARAM));
  }),
);

const open = async (path: string, viewport = { width: 1280, height: 800 }): Promise<Page> => {
  const page = await site.browser.newPage({ viewport });
  await page.goto(`${site.url}${path}`);
  return page;
};

describe('a module not translated into Arabic, under the Arabic UI', () => {
  it('shows the module in English with the notice', async () => {
    const page = await open(`/ar/modules/${M4}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expect(page.locator('.translation-notice').textContent()).resolves.toContain('لم تُترجَم هذه الصفحة بعد');
    expect(await page.locator('.module-body').getAttribute('lang')).toBe('en');
    await expect(page.locator('#downloads').textContent()).resolves.toContain('الشرائح والمطبوعات والاختبارات');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("writes its materials' Arabic notes in Arabic, right to left, around the English titles", async () => {
    const page = await open(`/ar/modules/${M4}/`, { width: 360, height: 740 });
    // "(الجلسة 3)" around an activity's title is Arabic, the title English.
    const notes = await page.locator('#materials + ul .muted').evaluateAll((spans) =>
      spans.map((s) => {
        const arabic = s.querySelector('[lang]');
        return `${s.closest('[lang]')?.getAttribute('lang')} ${arabic?.getAttribute('lang')} ${arabic?.textContent?.trim()} ${arabic ? getComputedStyle(arabic).direction : ''}`;
      }),
    );
    expect(notes.length).toBeGreaterThan(2);
    for (const note of notes) expect(note).toMatch(/^en ar \(الجلسة \d+\) rtl$/);
    await page.close();
  });

  it('presents its English deck left to right: its full stops and numbers stay where English puts them', async () => {
    // reveal.js's rtl option (the page is right to left) set direction: rtl on the English slides:
    // '.member of the public at the counter', 'min · Presentation 45'.
    const page = await open(`/ar/modules/${M4}/slides/`, { width: 1280, height: 720 });
    await page.waitForSelector('body[data-deck-ready]');
    expect(await page.locator('[data-deck]').getAttribute('lang')).toBe('en');
    const directions = await page.locator('#title, #title h1, #title .deck-summary, #session-1 h2, #session-1 .deck-meta, #slide-1-1 li').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).direction))]);
    expect(directions).toEqual(['ltr']);
    const align = await page.locator('#slide-1-1 ul').first().evaluate((ul) => getComputedStyle(ul).textAlign);
    expect(['start', 'left']).toContain(align);
    await page.close();
  });

  it("names the English part of its slides' title, for the offline page's list", () => {
    const tag = /<meta name="sopkit:title-part"[^>]*>/.exec(readFileSync(join(site.dist, `ar/modules/${M4}/slides/index.html`), 'utf8'))?.[0] ?? '';
    expect(/content="([^"]*)"/.exec(tag)?.[1]).toBe('Data quality, fraud prevention and data protection');
    expect(/lang="([^"]*)"/.exec(tag)?.[1]).toBe('en');
  });

  it('keeps its English title on the course page, marked as not translated; a translated module unmarked', async () => {
    const page = await open('/ar/courses/registry-officers/');
    expect(await page.locator(`li[data-module="${M4}"] a`).getAttribute('lang')).toBe('en');
    await expect(page.locator(`li[data-module="${M4}"] .nav-lang`).textContent()).resolves.toBe(' (لم يُترجَم بعد)');
    expect(await page.locator('li[data-module="civil-registration-births-deaths"] a').getAttribute('lang')).toBeNull();
    await expect(page.locator('li[data-module="civil-registration-births-deaths"] .nav-lang').count()).resolves.toBe(0);
    await page.close();
  });

  it('is found by the Arabic search, its hit under /ar/, labelled as training in English', async () => {
    const page = await open(`/ar/search/?q=${encodeURIComponent('fraud prevention')}`);
    const hit = page.locator('[data-search-results] li', { has: page.locator(`a[href="/ar/modules/${M4}/"]`) });
    await hit.waitFor({ timeout: WAIT });
    expect(await hit.locator('.hit-context').textContent()).toBe(`${ar['site.nav.modules']} · ${ar['search.inSource'].replace('{language}', ar['language.en'])}`);
    await page.close();
  });
});

describe('a test not translated into Arabic, on the Arabic scoring page', () => {
  it("scores it, its English words in their language and direction", async () => {
    const page = await open('/ar/scoring/');
    await page.selectOption('[data-quiz]', M4);
    const files = [`examples/registry-officers/pre-${M4}.csv`, `examples/registry-officers/post-${M4}.csv`];
    await page.setInputFiles('[data-files]', files);
    await page.waitForFunction((n) => document.querySelectorAll('[data-list] li').length === n, files.length);
    await page.click('[data-scoring-form] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
    const status = (await page.locator('[data-status]').textContent()) ?? '';
    expect(status.startsWith(t('scoring.done', 'ar').split('{')[0]!)).toBe(true);
    expect(await page.locator('[data-report] h2 span[lang="en"][dir="ltr"]').textContent()).toBe(m4.title);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('a parameter without its French label, on a French page', () => {
  it('says where the link goes, "Profil du pays", the French one; a translated one says its label', () => {
    const own = new Map((parse(readFileSync(join(process.cwd(), FR_PARAMS), 'utf8')) as { id: string; label: string }[]).map((p) => [p.id, p.label]));
    expect(own.has(PARAM)).toBe(true);
    const html = readFileSync(join(site.dist, 'fr/modules/legal-identity-foundations/index.html'), 'utf8');
    const links = paramLinks(html);
    const untranslated = links.filter((l) => l.id === PARAM);
    expect(untranslated.length).toBeGreaterThan(0);
    for (const l of untranslated) expect(l).toEqual({ id: PARAM, page: '/fr/country-profile/', hreflang: undefined, title: 'Profil du pays' });
    const translated = links.filter((l) => l.id !== PARAM);
    expect(translated.length).toBeGreaterThan(0);
    for (const l of translated) expect(l.title, l.id).toBe(own.get(l.id));
  });
});
