import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { itemsOf } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const QUIZ = 'birth-registration';
const quiz = resolveQuiz(process.cwd(), QUIZ).quiz;
const practice = quiz.items.filter((i) => i.practice);
const url = (lang = '') => `${site.url}/${lang}assessments/${QUIZ}/practice/`;

/** Moves the steps of an order item into the given order with the Up buttons, as a keyboard user does. */
async function orderSteps(page: Page, itemId: string, wanted: readonly string[]): Promise<void> {
  const item = page.locator(`[data-item="${itemId}"]`);
  for (const [target, id] of wanted.entries()) {
    for (;;) {
      const shown = await item.locator('[data-option]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.option ?? ''));
      const at = shown.indexOf(id);
      if (at <= target) break;
      await item.locator(`[data-option="${id}"] [data-move="-1"]`).click();
    }
  }
}

describe('practice page', () => {
  it('has the practice questions only, and checks one at once: verdict, right answer, why, the section to read', async () => {
    expect(practice.length).toBeGreaterThanOrEqual(5);
    const page = await site.browser.newPage();
    await page.goto(url());
    const storageBefore = await page.evaluate(() => Object.keys(localStorage).sort());
    expect((await itemsOf(page)).map((i) => i.id)).toEqual(practice.map((i) => i.id));
    // Nothing of the pre- and post-test is in the page, key or question.
    const html = await page.content();
    for (const id of [...quiz.forms.pre, ...quiz.forms.post]) expect(html).not.toContain(`"${id}"`);

    const single = practice.find((i) => i.type === 'single')!;
    const wrong = single.options.find((o) => !o.correct)!;
    const right = single.options.find((o) => o.correct)!;
    const item = page.locator(`[data-item="${single.id}"]`);
    const box = item.locator('[data-feedback]');
    await item.locator(`input[value="${wrong.id}"]`).check();
    await item.locator('[data-check]').click();
    await expect.poll(() => box.isVisible()).toBe(true);
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('Not correct');
    expect(text).toContain(right.text);
    if (wrong.feedback) expect(text).toContain(wrong.feedback);
    expect(await box.locator('a').getAttribute('href')).toMatch(/^\/sops\/birth-registration\/#/);
    // The focus goes to the feedback, so a screen reader reads it out.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-feedback'))).toBe(true);
    expect(await page.locator('[data-status]').textContent()).toBe(`Right at their last check: 0 of ${practice.length} questions.`);
    // A changed answer hides the feedback that no longer matches it; checked again, it is right.
    await item.locator(`input[value="${right.id}"]`).check();
    expect(await box.isVisible()).toBe(false);
    await item.locator('[data-check]').click();
    await expect.poll(() => box.textContent()).toMatch(/^Correct/);
    expect(await page.locator('[data-status]').textContent()).toBe(`Right at their last check: 1 of ${practice.length} questions.`);

    // An order item put right with the keyboard's Up buttons.
    const order = practice.find((i) => i.type === 'order')!;
    await orderSteps(page, order.id, order.options.map((o) => o.id));
    await page.locator(`[data-item="${order.id}"] [data-check]`).click();
    await expect.poll(() => page.locator(`[data-item="${order.id}"] [data-feedback]`).textContent()).toMatch(/^Correct/);

    // A question checked without an answer shows the right answer.
    const blank = practice.find((i) => i.type === 'truefalse' || i.type === 'multiple')!;
    await page.locator(`[data-item="${blank.id}"] [data-check]`).click();
    await expect.poll(() => page.locator(`[data-item="${blank.id}"] [data-feedback]`).textContent()).toMatch(/^No answer.*Correct answer/);

    expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(storageBefore);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is linked from the assessments page for a quiz with practice questions, and only such a quiz', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/assessments/`);
    const links = await page.locator('.assess-practice-link a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(`/assessments/${QUIZ}/practice/`);
    expect(links).not.toContain('/assessments/certified-copies/practice/');
    const response = await page.goto(`${site.url}/assessments/certified-copies/practice/`);
    expect(response?.status()).toBe(404);
    await page.close();
  });

  it('in French and Arabic: the translation\'s words and the page\'s language', async () => {
    for (const [lang, check, dir] of [['fr/', 'Vérifier ma réponse', 'ltr'], ['ar/', 'تحقّق من إجابتي', 'rtl']] as const) {
      const page = await site.browser.newPage();
      await page.goto(url(lang));
      expect(await page.locator('html').getAttribute('dir')).toBe(dir);
      expect(await page.locator('[data-check]').first().textContent()).toBe(check);
      const translated = resolveQuiz(process.cwd(), `quizzes/${lang}${QUIZ}.yaml`).quiz;
      const first = translated.items.find((i) => i.id === practice[0]!.id)!;
      expect(await page.locator(`[data-item="${first.id}"] .assess-stem`).textContent()).toBe(first.stem);
      await page.locator(`[data-item="${first.id}"] [data-check]`).click();
      await expect.poll(() => page.locator(`[data-item="${first.id}"] [data-feedback]`).isVisible()).toBe(true);
      expect(await axeViolations(page), lang).toEqual([]);
      await page.close();
    }
  });
});
