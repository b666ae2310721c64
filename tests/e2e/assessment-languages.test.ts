// The test page in French and Arabic: the translation's items, the page's words and numbers in
// the reader's language, answers saved and restored, scored with the source's one key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/i18n/index.ts';
import { testPage } from '../../src/lib/assessment/page-data.ts';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { parseResponses } from '../../src/lib/assessment/responses.ts';
import { itemFraction } from '../../src/lib/assessment/score-item.ts';
import { numberLocale, scoreLine } from '../../src/lib/assessment/score-line.ts';
import { quizIn } from '../../src/lib/translation/quizzes.ts';
import { answerAll, itemsOf, QUIZ } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const root = process.cwd();
const source = resolveQuiz(root, QUIZ).quiz;
const shown = (lang: string, form: 'pre' | 'post') => testPage(quizIn(root, source, lang, 'en').quiz, form, 'participant').items;
const site = useBuiltSite();
const trainerSite = useBuiltSite('trainer');

/** The answers on the page, by item id, as the form holds them. */
const answersOn = (page: Page) =>
  page.$$eval('[data-item]', (els) =>
    Object.fromEntries(
      els.map((el) => {
        const id = (el as HTMLElement).dataset.item ?? '';
        const inputs = [...el.querySelectorAll('input')] as HTMLInputElement[];
        return [id, inputs.flatMap((i) => (i.type === 'hidden' ? i.value.split(' ').filter(Boolean) : i.checked ? [i.value] : []))];
      }),
    ),
  );
/** The text before the first placeholder of a UI string: what a status line starts with. */
const lead = (key: Parameters<typeof t>[0], lang: string) => t(key, lang).split('{')[0]!;

describe('the test page in French', () => {
  it('shows the French items, restores the answers after a reload and on the Arabic page, and records the attempt in French', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/fr/assessments/${QUIZ}/pre/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const french = shown('fr', 'pre');
    expect(await page.locator('.assess-stem').first().textContent()).toBe(french[0]!.stem);
    expect(french[0]!.stem).toMatch(/^Un enfant est né le 10 janvier 2025/);
    await expect(page.locator('.assess-meta').textContent()).resolves.toContain('16 questions.');
    // The language switcher goes to the same test.
    expect(await page.locator('.lang-switch a[hreflang="ar"]').getAttribute('href')).toBe(`/ar/assessments/${QUIZ}/pre/`);
    await page.fill('input[name="participant"]', 'P11');
    await answerAll(page, 0);
    const before = await answersOn(page);
    expect(Object.values(before).every((a) => a.length > 0)).toBe(true);
    await page.reload();
    await expect(page.locator('[data-status]').textContent()).resolves.toContain(lead('assess.restoredOf', 'fr'));
    expect(await answersOn(page)).toEqual(before);
    // Same test, same item ids, one attempt: switching language keeps the answers given.
    await page.click('.lang-switch a[hreflang="ar"]');
    await page.waitForURL(/\/ar\/assessments\//);
    await page.locator('[data-assess][data-ready]').waitFor({ state: 'attached' });
    expect(await page.inputValue('input[name="participant"]')).toBe('P11');
    expect(await answersOn(page)).toEqual(before);
    await page.goBack();
    await page.locator('[data-assess][data-ready]').waitFor({ state: 'attached' });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    await expect(page.locator('[data-done]').textContent()).resolves.toContain(t('assess.done.pre', 'fr'));
    // The response file has the source's columns and scores with the source's quiz.
    const parsed = parseResponses(readFileSync((await csv.path())!, 'utf8'), 'fr-pre.csv', source);
    expect(parsed.responses[0]!.answers).toEqual(before);
    await context.close();
  });

  it('scores a French post-test with the source key and shows the score line in French (trainer edition)', async () => {
    const page = await trainerSite.browser.newPage();
    await page.goto(`${trainerSite.url}/fr/assessments/${QUIZ}/post/`);
    await page.fill('input[name="participant"]', 'P12');
    await answerAll(page, 1);
    const answers = await answersOn(page);
    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    const score = source.items.filter((i) => source.forms.post.includes(i.id)).reduce((sum, i) => sum + itemFraction(i, answers[i.id] ?? []) * i.marks, 0);
    const line = scoreLine(t('assess.score', 'fr'), { score, max: 16, passMark: source.passMark }, numberLocale('fr'));
    await expect(page.locator('[data-score]').textContent()).resolves.toBe(`${line.text} ${t(line.passed ? 'assess.passed' : 'assess.notPassed', 'fr')}`);
    expect(line.text).toMatch(/^Votre note\u00a0: [\d,]+ sur 16 \([\d,]+\u00a0%\)\.$/);
    // Feedback in French, under each question, linking to the French procedure.
    const feedback = page.locator('[data-feedback]:visible');
    expect(await feedback.count()).toBe(16);
    await expect(feedback.first().textContent()).resolves.toMatch(new RegExp(`^(${t('assess.right', 'fr')}|${t('assess.wrong', 'fr')}|${t('assess.partly', 'fr')}|${t('assess.noAnswer', 'fr')})`));
    expect(await feedback.first().locator('a').getAttribute('href')).toMatch(new RegExp(`^/fr/sops/${QUIZ}/#`));
    // With French punctuation: "Votre réponse", a no-break space (U+00A0), then ": …".
    await expect(page.locator('[data-feedback]:visible p', { hasText: t('assess.yourAnswer', 'fr') }).first().textContent()).resolves.toMatch(/^Votre réponse\u00a0: \S/);
    await page.close();
  });
});

describe('the test page in Arabic', () => {
  it('is right to left, passes axe and does not scroll sideways at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.url}/ar/assessments/${QUIZ}/post/`);
      await page.locator('[data-assess][data-ready]').waitFor({ state: 'attached' });
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.locator('.assess-stem').first().textContent()).toBe(shown('ar', 'post')[0]!.stem);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${width} px`).toBeLessThanOrEqual(widths.client);
      expect(await axeViolations(page), `${width} px`).toEqual([]);
      await page.close();
    }
  });

  it('restores the answers after a reload, records the attempt, and scores it in Arabic in the trainer edition', async () => {
    for (const [built, scored] of [[site, false], [trainerSite, true]] as const) {
      const page = await built.browser.newPage();
      await page.goto(`${built.url}/ar/assessments/${QUIZ}/post/`);
      await page.fill('input[name="participant"]', 'P21');
      await answerAll(page, 0);
      const before = await answersOn(page);
      await page.reload();
      await expect(page.locator('[data-status]').textContent()).resolves.toContain(lead('assess.restoredOf', 'ar'));
      expect(await answersOn(page)).toEqual(before);
      await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
      if (scored) await expect(page.locator('[data-score]').textContent()).resolves.toMatch(/^درجتك: \d+(\.\d+)? من 16 \(\d+(\.\d+)?\u00a0%\)\./);
      else {
        await expect(page.locator('[data-done]').textContent()).resolves.toContain(t('assess.done.recorded', 'ar'));
        expect(await page.locator('[data-score]').isVisible()).toBe(false);
      }
      await page.close();
    }
  });
});

// The certified-copies test has no French file (quizzes/fr/): the French site's untranslated case.
describe('a test not translated yet', () => {
  it('shows the source under the French page with the notice and the source language on the content', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/assessments/certified-copies/pre/`);
    await expect(page.locator('.translation-notice').textContent()).resolves.toBe(t('translation.missing', 'fr', { language: t('language.en', 'fr') }));
    expect(await page.locator('#assess-title').getAttribute('lang')).toBe('en');
    expect(await page.locator('.assess-stem').first().getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-booklet]').getAttribute('href')).toBe('/handbooks/quizzes/certified-copies-pre.pdf');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists every test on the French assessments page, linking to the French test and booklet when there is one', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/assessments/`);
    const card = page.locator(`[data-quiz="${QUIZ}"]`);
    expect(await card.locator('h2').textContent()).toBe(quizIn(root, source, 'fr', 'en').quiz.title);
    expect(await card.locator(`a[href="/fr/assessments/${QUIZ}/pre/"]`).count()).toBe(1);
    expect(await card.locator(`a[href="/handbooks/quizzes/${QUIZ}-pre.fr.pdf"]`).count()).toBe(1);
    expect(await page.locator('[data-quiz="certified-copies"] .translation-state').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
