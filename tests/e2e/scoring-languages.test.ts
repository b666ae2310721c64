// The trainer's scoring page in French and Arabic: the same response files give the same numbers
// as on the English page (one key, the same statistics), in the page's words, number format and
// direction, with the translated quiz's item texts; a bad file's error line is in the language.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/i18n/index.ts';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { quizIn } from '../../src/lib/translation/quizzes.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const QUIZ = 'legal-identity-foundations';
const files = ['examples/registry-officers/pre.csv', 'examples/registry-officers/post.csv'];
// M4's quiz, translated into French and Arabic (a test not translated: untranslated-module.test.ts, on a copy of the pack without quizzes/ar/data-quality-fraud-protection.yaml).
const M4 = 'data-quality-fraud-protection';
const m4Files = [`examples/registry-officers/pre-${M4}.csv`, `examples/registry-officers/post-${M4}.csv`];
const root = process.cwd();
const source = resolveQuiz(root, QUIZ).quiz;
const m4 = resolveQuiz(root, M4).quiz;
const site = useBuiltSite('trainer');

/** Opens the scoring page of a language, scores the files and waits for the status line. */
async function score(page: Page, path: string, chosen: string[], quiz = QUIZ): Promise<string> {
  await page.goto(`${site.url}${path}`);
  await page.selectOption('[data-quiz]', quiz);
  await page.setInputFiles('[data-files]', chosen);
  await page.waitForFunction((n) => document.querySelectorAll('[data-list] li').length === n, chosen.length);
  await page.click('[data-scoring-form] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
  return (await page.locator('[data-status]').textContent()) ?? '';
}

/** Every number cell of the report's tables, in document order, as a number read with the page's decimal separator. */
const numbers = (page: Page, decimal: string) =>
  page.$$eval(
    '[data-report] td.n',
    (cells, sep) => cells.map((c) => (c.textContent ?? '').replace(/[\s\u202f]/g, '').replace(sep, '.').replace('−', '-')),
    decimal,
  );

describe('the scoring page in French', () => {
  it('gives the English page’s numbers for the same files, with French headings and item texts', async () => {
    const page = await site.browser.newPage();
    const english = await score(page, '/scoring/', files);
    expect(english).toMatch(/^Scored: /);
    const enNumbers = await numbers(page, ',');
    const enHeadings = await page.$$eval('[data-report] h2, [data-report] h3', (els) => els.map((e) => e.textContent));

    const french = await score(page, '/fr/scoring/', files);
    expect(french.startsWith(t('scoring.done', 'fr').split('{')[0]!)).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').first().textContent()).toBe(t('scoring.title', 'fr'));
    const frNumbers = await numbers(page, ',');
    expect(frNumbers.length).toBeGreaterThan(50);
    expect(frNumbers).toEqual(enNumbers);
    // The French page writes decimals with a comma: 0,52, never 0.52.
    const raw = await page.$$eval('[data-report] td.n', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(raw.some((c) => /\d,\d/.test(c))).toBe(true);
    expect(raw.some((c) => /\d\.\d/.test(c))).toBe(false);

    const headings = await page.$$eval('[data-report] h2, [data-report] h3', (els) => els.map((e) => e.textContent));
    expect(headings).toContain(t('scoring.report.prePost', 'fr'));
    expect(headings).toContain(t('scoring.report.methodTitle', 'fr'));
    // Every heading but "Post-test" (the same word in French) differs from the English page's.
    expect(headings.filter((h) => enHeadings.includes(h))).toEqual([t('scoring.report.post', 'fr')]);
    expect(enHeadings).toContain('How these numbers are computed');
    const heads = await page.$$eval('[data-report] th[scope="col"]', (els) => els.map((e) => e.textContent));
    expect(heads).toContain('Facilité');

    // The item analysis names each item with the French quiz's words on the source's ids.
    const fr = quizIn(root, source, 'fr', 'en');
    expect(fr.translated).toBe(true);
    const item = fr.quiz.items[0]!;
    const title = await page.locator(`#post ~ div th[scope="row"]:text-is("${item.id}")`).first().getAttribute('title');
    expect(title).toBe(item.stem.trim());
    expect(title).not.toBe(source.items[0]!.stem.trim());
    await page.close();
  });

  it('says what is wrong with an empty file in French, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-scoring-fr-'));
    const empty = join(dir, 'vide-pre.csv');
    writeFileSync(empty, '');
    const page = await site.browser.newPage();
    const status = await score(page, '/fr/scoring/', [empty]);
    expect(status).toBe(t('scoring.error', 'fr', { message: t('scoring.err.responses/empty', 'fr', { file: 'vide-pre.csv' }) }));
    expect(await page.locator('[data-status]').getAttribute('data-error')).not.toBeNull();
    expect(await page.locator('[data-out]').isVisible()).toBe(false);
    await page.close();
  });
});

describe('the scoring page in Arabic', () => {
  for (const width of [1280, 360]) {
    it(`is right to left, passes axe and does not overflow at ${width} px after scoring`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const status = await score(page, '/ar/scoring/', m4Files, M4);
      expect(status.startsWith(t('scoring.done', 'ar').split('{')[0]!)).toBe(true);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.$$eval('[data-report] h3', (els) => els.map((e) => e.textContent))).toContain(t('scoring.report.prePost', 'ar'));
      // M4's quiz is in Arabic: its title in the page's language, no English part.
      const arabic = quizIn(root, m4, 'ar', 'en');
      expect(arabic.translated).toBe(true);
      await expect(page.locator('[data-report] h2').first().textContent()).resolves.toContain(arabic.quiz.title);
      expect(await page.locator('[data-report] h2 span[lang="en"]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  }
});
