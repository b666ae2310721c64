import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { parseResponses } from '../../src/lib/assessment/responses.ts';
import type { Pack } from '../../src/lib/offline/pack.ts';
import { answerAll, fillStorage, itemsOf, QUIZ } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const quiz = resolveQuiz(process.cwd(), QUIZ).quiz;

const site = useBuiltSite();
const trainerSite = useBuiltSite('trainer');

const MISSING = 'This page is not saved on this device';
/** How long a condition may take on a busy machine before the test gives up (it passes as soon as the condition holds). */
const patience = { timeout: 45_000 };
/** Every page of the English tests folder (the assessments page, each test and practice page), from the build's pack list. */
const testPages = () => (JSON.parse(readFileSync(join(inject('distDir'), 'offline/pack.json'), 'utf8')) as Pack).files.filter((f) => f.kind === 'page' && f.path.startsWith('assessments/'));
/** The pages of the tests folder saved on the device, other than the birth registration pre-test. */
const savedPages = (page: Page) => page.evaluate(async (paths) => (await Promise.all(paths.map(async (p) => ((await caches.match(`/${p}`)) ? [p] : [])))).flat(), testPages().map((f) => f.path).filter((p) => p !== `assessments/${QUIZ}/pre/`));

const url = (form: string, query = '') => `${site.url}/assessments/${QUIZ}/${form}/${query}`;
const value = (page: Page, name: string) => page.$$eval(`[data-form] [name="${name}"]`, (els) => els.flatMap((e) => ((e as HTMLInputElement).type === 'hidden' || (e as HTMLInputElement).checked ? [(e as HTMLInputElement).value] : [])).join(' '));

describe('test page', () => {
  it('saves every answer as it is given and restores it after a reload and after a power cut', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(url('pre'));
    await page.fill('input[name="participant"]', 'P07');
    await page.fill('input[name="name"]', 'Grace Okello');
    await answerAll(page, 0);
    const items = await itemsOf(page);
    const before = await Promise.all(items.map((i) => value(page, i.id)));
    expect(before.every(Boolean)).toBe(true);
    await page.reload();
    // Named: the next person to pick up the device sees these are P07's answers.
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/^The answers of P07 \(Grace Okello\) saved at .* were restored\.$/);
    expect(await page.inputValue('input[name="participant"]')).toBe('P07');
    expect(await Promise.all(items.map((i) => value(page, i.id)))).toEqual(before);
    // A power cut: the tab is gone; a new one opens the page again.
    await page.close();
    const again = await context.newPage();
    await again.goto(url('pre'));
    expect(await again.inputValue('input[name="name"]')).toBe('Grace Okello');
    expect(await Promise.all(items.map((i) => value(again, i.id)))).toEqual(before);
    await context.close();
  });

  it('moves order steps with the keyboard and announces the move', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('pre'));
    const item = page.locator('[data-type="order"]').first();
    const id = await item.getAttribute('data-item');
    const first = await item.locator('[data-option]').first().getAttribute('data-option');
    // The first step cannot go up nor the last down: their buttons say so to screen readers.
    const ends = () => item.locator('[data-move][aria-disabled="true"]').evaluateAll((bs) => bs.map((b) => `${(b.closest('[data-option]') as HTMLElement).dataset.option}${(b as HTMLElement).dataset.move}`));
    const steps = await item.locator('[data-option]').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.option));
    expect(await ends()).toEqual([`${steps[0]}-1`, `${steps.at(-1)}1`]);
    await item.locator('[data-move="1"]').first().focus();
    await page.keyboard.press('Enter');
    const order = (await value(page, id!)).split(' ');
    expect(order[1]).toBe(first);
    expect(await ends()).toEqual([`${order[0]}-1`, `${order.at(-1)}1`]);
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/is now step 2 of/);
    // Focus stays on the button that moved, so pressing again keeps moving the same step.
    await page.keyboard.press('Enter');
    expect((await value(page, id!)).split(' ')[2]).toBe(first);
    await page.close();
  });

  it('moves order steps by dragging (mouse, touch or pen)', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('pre'));
    const item = page.locator('[data-type="order"]').first();
    const id = await item.getAttribute('data-item');
    const steps = item.locator('[data-option]');
    const first = await steps.nth(0).getAttribute('data-option');
    await item.scrollIntoViewIfNeeded();
    const from = (await steps.nth(0).locator('.assess-step-text').boundingBox())!;
    const to = (await steps.nth(2).boundingBox())!;
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 10, to.y + to.height * 0.75, { steps: 8 });
    await page.mouse.up();
    expect((await value(page, id!)).split(' ').indexOf(first!)).toBe(2);
    expect(await item.getAttribute('data-answered')).toBe('');
    await page.close();
  });

  it('shows one question at a time when asked', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url('post'));
    await page.check('input[name="assess-mode"][value="one"]');
    expect(await page.locator('.assess-item:visible').count()).toBe(1);
    await page.click('[data-page="1"]');
    await expect(page.locator('[data-page-label]').textContent()).resolves.toMatch(/Question 2 of/);
    expect(await page.locator('.assess-item:visible').getAttribute('data-item')).toBe((await itemsOf(page))[1]?.id);
    await page.close();
  });

  it('submitting the pre-test downloads the response as CSV (ARCHITECTURE.md, Formats: responses) and JSON, with no score', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('pre'));
    await page.fill('input[name="participant"]', 'P01');
    await answerAll(page, 1);
    page.once('dialog', (d) => void d.accept());
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    expect(csv.suggestedFilename()).toBe(`${QUIZ}-pre-P01.csv`);
    const set = parseResponses(readFileSync((await csv.path())!, 'utf8'), 'download.csv', quiz);
    expect(set.responses).toHaveLength(1);
    const answers = set.responses[0]!.answers;
    const items = await itemsOf(page);
    expect(answers[items[2]!.id]).toEqual([]);
    expect(Object.keys(answers)).toEqual(quiz.forms.pre);
    await expect(page.locator('[data-done]').isVisible()).resolves.toBe(true);
    // Whose answers these are, on this screen and on it again after a reload: on a phone passed
    // to the next participant, it is someone else's.
    await expect(page.locator('[data-done-who]').textContent()).resolves.toMatch(/^These are the answers of P01, sent at \d/);
    await page.reload();
    await expect(page.locator('[data-done-who]').textContent()).resolves.toMatch(/^These are the answers of P01, sent at \d/);
    await expect(page.locator('[data-done]').textContent()).resolves.toContain('shared-tablet mode');
    expect(await page.locator('[data-score]').isVisible()).toBe(false);
    expect(await page.locator('[data-feedback]:visible').count()).toBe(0);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="json"]')]);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({ quiz: QUIZ, form: 'pre', participant: 'P01', answers });
    expect(data).not.toHaveProperty('score');
    // The pre-test page carries no answer key at all.
    expect(await page.content()).not.toMatch(/"correct"/);
    await page.close();
  });

  it('when storage refuses the submitted test, says to keep the downloaded file, and a reload still has the answers', async () => {
    const context = await site.browser.newContext();
    await fillStorage(context, '.submitted'); // drafts are kept, the submitted response is refused
    const page = await context.newPage();
    await page.goto(url('pre'));
    await page.fill('input[name="participant"]', 'P09');
    await answerAll(page, 0);
    const items = await itemsOf(page);
    const before = await Promise.all(items.map((i) => value(page, i.id)));
    page.once('dialog', (d) => void d.accept());
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    expect(csv.suggestedFilename()).toBe(`${QUIZ}-pre-P09.csv`);
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/could not be stored on this device: keep the file/);
    await page.reload();
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/restored/);
    expect(await page.inputValue('input[name="participant"]')).toBe('P09');
    expect(await Promise.all(items.map((i) => value(page, i.id)))).toEqual(before);
    await context.close();
  });

  it('the participant post-test records the answers and shows no score, feedback or key, even with feedback: true', async () => {
    expect(quiz.feedback).toBe(true);
    const page = await site.browser.newPage();
    await page.goto(url('post'));
    expect(await page.content()).not.toMatch(/"correct"|"explanation"/);
    await page.fill('input[name="participant"]', 'P02');
    await answerAll(page, 0);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    expect(csv.suggestedFilename()).toBe(`${QUIZ}-post-P02.csv`);
    await expect(page.locator('[data-done]').textContent()).resolves.toMatch(/Your answers are recorded\. The trainer scores/);
    expect(await page.locator('[data-score]').isVisible()).toBe(false);
    expect(await page.locator('[data-feedback]:visible').count()).toBe(0);
    expect(await page.locator('[data-form]').isVisible()).toBe(false);
    await page.close();
  });

  it('the trainer edition post-test shows the score and feedback when the quiz allows it', async () => {
    expect(quiz.feedback).toBe(true);
    const page = await trainerSite.browser.newPage();
    await page.goto(`${trainerSite.url}/assessments/${QUIZ}/post/`);
    await expect(page.locator('[data-edition-mark]').textContent()).resolves.toBe('Trainer edition');
    await page.fill('input[name="participant"]', 'P01');
    await answerAll(page, 0);
    await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    await expect(page.locator('[data-score]').textContent()).resolves.toMatch(/Your score: [\d.]+ of 16/);
    expect(await page.locator('[data-feedback]:visible').count()).toBe(quiz.forms.post.length);
    expect(await page.locator('[data-form] input:not([type=hidden]):enabled').count()).toBe(0);
    await page.close();
  });

  it('does not submit on Enter in the ID field or on a chosen option: only the submit button submits', async () => {
    // Enter in the ID field submitted the whole test ("Submit anyway?" with OK as the default), and
    // on a shared tablet the trainee was then refused as having taken it.
    const page = await site.browser.newPage();
    await page.goto(url('pre'));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.locator('#assess-participant').fill('P-ENTER');
    await page.locator('#assess-participant').press('Enter');
    const option = page.locator('[data-form] input[type="radio"]').first();
    await option.check();
    await option.press('Enter');
    // The button still submits: its question about the unanswered items is the first dialog.
    await page.click('[data-form] button[type="submit"]');
    await expect.poll(() => dialogs.length, patience).toBe(1);
    expect(dialogs[0]).toMatch(/Submit anyway/);
    expect(await page.locator('[data-submit]').isVisible()).toBe(true);
    await page.close();
  });

  it("prints a blank copy: no trainee's id or name, order questions in the quiz's order; the screen keeps them", async () => {
    const page = await site.browser.newPage();
    await page.goto(url('pre'));
    await page.fill('input[name="participant"]', 'P-017');
    await page.fill('input[name="name"]', 'Grace Okello');
    await answerAll(page, 0);
    const order = (await itemsOf(page)).find((i) => i.type === 'order');
    expect(order).toBeDefined();
    const shown = () => page.$$eval(`[data-item="${order!.id}"] [data-option]`, (els) => els.map((e) => (e as HTMLElement).dataset.option));
    const arranged = await shown();
    const initial = (await page.getAttribute(`[data-item="${order!.id}"]`, 'data-initial'))!.split(' ');
    expect(arranged).not.toEqual(initial);
    // What the page holds when the browser prints it (the print dialog itself is the browser's).
    await page.evaluate((id) => {
      const w = window as unknown as { printed?: unknown };
      window.print = () => {
        const f = document.querySelector('[data-form]') as HTMLFormElement;
        w.printed = { participant: (f.elements.namedItem('participant') as HTMLInputElement).value, name: (f.elements.namedItem('name') as HTMLInputElement).value, order: [...document.querySelectorAll(`[data-item="${id}"] [data-option]`)].map((e) => (e as HTMLElement).dataset.option) };
        dispatchEvent(new Event('afterprint'));
      };
    }, order!.id);
    await page.click('[data-print]');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: unknown }).printed), patience).toEqual({ participant: '', name: '', order: initial });
    // Put back on screen, and in the saved draft.
    expect(await page.inputValue('input[name="participant"]')).toBe('P-017');
    expect(await page.inputValue('input[name="name"]')).toBe('Grace Okello');
    expect(await shown()).toEqual(arranged);
    await page.close();
  });

  it('the same test in two tabs is one test: what one saves the other shows, and a submission ends both', async () => {
    // A tab left open and empty wrote its empty form over the other's answers at its first click.
    const context = await site.browser.newContext();
    const b = await context.newPage();
    await b.goto(url('pre'));
    const a = await context.newPage();
    await a.goto(url('pre'));
    await a.fill('input[name="participant"]', 'P-TABS');
    await a.fill('input[name="name"]', 'Amina Diallo');
    await answerAll(a, 0);
    const items = await itemsOf(a);
    const answered = await Promise.all(items.map((i) => value(a, i.id)));
    await expect.poll(() => b.inputValue('input[name="participant"]'), patience).toBe('P-TABS');
    await expect.poll(() => Promise.all(items.map((i) => value(b, i.id))), patience).toEqual(answered);
    await expect(b.locator('[data-status]').textContent()).resolves.toMatch(/another tab or window/);
    // B changes one answer: A, reloaded, has everything A gave and B's change.
    const single = items.find((i) => i.type === 'single')!;
    const other = b.locator(`[data-item="${single.id}"] input`).last();
    await other.check();
    const changed = await other.getAttribute('value');
    await a.reload();
    expect(await a.inputValue('input[name="name"]')).toBe('Amina Diallo');
    expect(await value(a, single.id)).toBe(changed);
    expect(await Promise.all(items.filter((i) => i.id !== single.id).map((i) => value(a, i.id)))).toEqual(answered.filter((_, k) => items[k]!.id !== single.id));
    // A submits: B shows the test as submitted, with no second submission to make.
    a.on('dialog', (d) => void d.accept());
    await a.click('[data-form] button[type="submit"]');
    await expect.poll(() => b.locator('[data-done]').isVisible(), patience).toBe(true);
    expect(await b.locator('[data-submit]').isVisible()).toBe(false);
    await context.close();
  });

  it('refuses to submit without a participant id', async () => {
    const page = await site.browser.newPage();
    await page.goto(url('pre'));
    await page.click('[data-form] button[type="submit"]');
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/participant ID/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('participant');
    // Said beside the field too, where the focus is (on a phone the status line is far below),
    // and tied to it for screen readers.
    const field = page.locator('#assess-participant');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    expect(described.split(' ')).toContain('assess-participant-error');
    await expect(page.locator('#assess-participant-error').isVisible()).resolves.toBe(true);
    await expect(page.locator('#assess-participant-error').textContent()).resolves.toMatch(/participant ID/);
    expect(await axeViolations(page)).toEqual([]);
    // Once an ID is given, the error goes.
    await field.fill('P-07');
    await page.click('[data-form] button[type="submit"]');
    await expect(page.locator('#assess-participant-error').isHidden()).resolves.toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  it('fits a 360 px phone and has no WCAG 2.1 A/AA violations', async () => {
    for (const path of [`/assessments/`, `/assessments/${QUIZ}/pre/`, `/assessments/${QUIZ}/post/?kiosk`]) {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(site.url + path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('works offline after one visit: a trainee who opens the test, loses the connection and reloads keeps a working test', async () => {
    // The page was loaded once only, so its scripts come from what the worker saved when it was
    // installed; served with `Vary: Origin` (harness.ts, as `astro preview` answers), a module
    // script's request (with an Origin header) did not match that copy (without one): the test
    // came back as bare HTML, its saved answers not restored, its submit button dead.
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(url('pre'));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.fill('input[name="participant"]', 'P-017');
    await answerAll(page, 0);
    const items = await itemsOf(page);
    const before = await Promise.all(items.map((i) => value(page, i.id)));
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-assess][data-ready]').waitFor();
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/restored/);
    expect(await page.inputValue('input[name="participant"]')).toBe('P-017');
    expect(await Promise.all(items.map((i) => value(page, i.id)))).toEqual(before);
    await context.close();
  });

  it('works offline once loaded: a reload with no connection still shows the test, and only this test is kept', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(url('pre'));
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cached = (path: string) => page.evaluate((p) => caches.match(p).then(Boolean), path);
    await expect.poll(() => cached(`/fr/assessments/${QUIZ}/pre/`), patience).toBe(true);
    await expect.poll(() => cached(`/ar/assessments/${QUIZ}/pre/`), patience).toBe(true);
    // A test never opened on this device is not kept: opening one test saved every test of the
    // pack, 1.5 MB of a trainee's prepaid data.
    expect(await savedPages(page)).toEqual([]);
    // The page says when it and its other languages are saved: still no other test.
    await page.locator('[data-assess][data-offline-saved]').waitFor(patience);
    expect(await savedPages(page)).toEqual([]);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toBe(quiz.title);
    expect(await page.locator('[data-assess][data-ready]').count()).toBe(1);
    // With no connection, a test never opened is the offline page.
    await page.goto(url('post'));
    await expect(page.locator('h1').textContent()).resolves.toBe(MISSING);
    await context.close();
  });

  it('works offline for every test once kiosk set-up or the assessments page is opened', async () => {
    // A trainer preparing a shared tablet is on the venue's connection: kiosk set-up keeps every
    // test of its language, as the assessments page does, and says so.
    for (const start of [url('pre', '?kiosk'), `${site.url}/assessments/`]) {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      await page.goto(start);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await expect.poll(() => savedPages(page).then((saved) => saved.length), { ...patience, message: start }).toBe(testPages().length - 1);
      if (start.endsWith('?kiosk')) await expect(page.locator('.assess-offline').textContent()).resolves.toBe('Once this page has loaded, this tablet keeps every test for use with no connection.');
      else await expect(page.locator('main').textContent()).resolves.toContain('Opening this page keeps every test on this device for use with no connection.');
      await context.setOffline(true);
      // A test never opened on this device comes from the cache, with its script (kiosk mode
      // starts by asking for the trainer PIN).
      const other = testPages().find((f) => f.path.endsWith('/post/') && !f.path.includes(QUIZ));
      await page.goto(`${site.url}/${other?.path}?kiosk`);
      await expect(page.locator('[data-kiosk-setup]').isVisible(), start).resolves.toBe(true);
      await context.close();
    }
  });
});
