// The session evaluation page (participant edition): anonymous, answered by keyboard or touch,
// kept through a reload, working with no connection once loaded, and passed round on a kiosk
// tablet with the test page's mechanics (a trainer PIN, an empty form for the next participant).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolveEvaluation } from '../../src/lib/training/evaluation/load.ts';
import { parseEvaluationResponses } from '../../src/lib/training/evaluation/responses.ts';
import { fillStorage, openTrainerView, setUpKiosk } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const ID = 'registry-officers';
const form = resolveEvaluation(process.cwd(), ID).evaluation;
const site = useBuiltSite();
const url = (query = '') => `${site.url}/evaluations/${ID}/${query}`;
const ready = (page: Page) => page.locator('[data-evaluation][data-ready]').waitFor({ state: 'attached' });

/** Answers the first Likert item by keyboard (Tab to the group, arrows to the point), the first choice and the first open question. */
async function answerSome(page: Page, comment: string): Promise<void> {
  const first = form.items[0]!.id;
  await page.locator(`input[name="${first}"][value="1"]`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.click(`[data-item="org-pace"] label:has-text("About right")`);
  await page.click(`[data-item="overall"] label:has-text("Strongly agree")`);
  await page.fill('textarea[name="improve"]', comment);
}

const checked = (page: Page, name: string) => page.locator(`input[name="${name}"]:checked`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe('the session evaluation page', () => {
  it('is anonymous: no name or code field, and each Likert item is a radiogroup named by its visible legend', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    await ready(page);
    expect(await page.locator('input[name="respondent"], input[name="participant"], input[name="name"]').count()).toBe(0);
    const likert = page.locator(`[data-item="${form.items[0]!.id}"]`);
    expect(await likert.getAttribute('role')).toBe('radiogroup');
    await expect(likert.locator('legend').textContent()).resolves.toContain(form.items[0]!.text);
    expect(await likert.locator('input[type="radio"]').count()).toBe(5);
    await expect(page.locator(`[data-item="${form.items[0]!.id}"] label`).first().textContent()).resolves.toMatch(/1\s*Strongly disagree/);
    await page.close();
  });

  it('keeps the answers through a reload, sends them, and exports them in the evaluation responses format', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(url());
    await ready(page);
    await answerSome(page, 'More time for the = and + cases, please');
    await page.reload();
    await ready(page);
    expect(await checked(page, form.items[0]!.id)).toEqual(['4']);
    expect(await checked(page, 'org-pace')).toEqual(['about-right']);
    expect(await page.inputValue('textarea[name="improve"]')).toBe('More time for the = and + cases, please');
    // Said at the top of the form, with a way to empty it: on a shared phone the answers may be the last person's.
    const notice = page.locator('[data-restored]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/Answers saved on this device at .+ were put back in the form\. Not yours\?.*Empty the form/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    expect(file.suggestedFilename()).toMatch(/^registry-officers-evaluation-[\d-]+\.csv$/);
    const set = parseEvaluationResponses(readFileSync((await file.path())!, 'utf8'), 'page.csv', form, { course: 'registry-officers' });
    expect(set.responses.map((r) => r.answers)).toEqual([{ [form.items[0]!.id]: 4, 'org-pace': 'about-right', overall: 5, improve: 'More time for the = and + cases, please' }]);
    expect(set.responses[0]?.respondent).toBeUndefined();
    // Sent stays sent after a reload; a new form starts empty.
    await page.reload();
    await ready(page);
    expect(await page.locator('[data-done]').isVisible()).toBe(true);
    await expect(page.locator('[data-done]').textContent()).resolves.toMatch(/Is this device shared\? The next person would see this screen and could download your answers/);
    // Clearing them is final: the question says so, and says to download them first.
    const asked: string[] = [];
    page.on('dialog', (d) => { asked.push(d.message()); void d.accept(); });
    await page.click('[data-again]');
    expect(await page.locator('[data-form] input:checked').count()).toBe(0);
    expect(asked).toEqual([expect.stringMatching(/cannot be brought back: if the trainer does not have them yet, cancel and download them first/)]);
    await context.close();
  });

  it('on a shared phone, the next person finds the last one’s answers said to be maybe someone else’s, and empties the form in one press', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(url());
    await ready(page);
    await answerSome(page, 'The trainer spoke too fast on day two');
    // The first person leaves without sending; the next opens the form.
    await page.close();
    const next = await context.newPage();
    await next.goto(url());
    await ready(next);
    const notice = next.locator('[data-restored]');
    await notice.waitFor();
    expect(await next.inputValue('textarea[name="improve"]')).toBe('The trainer spoke too fast on day two');
    await next.click('[data-clear-form]');
    expect(await notice.isVisible()).toBe(false);
    expect(await next.inputValue('textarea[name="improve"]')).toBe('');
    expect(await next.locator('[data-form] input:checked').count()).toBe(0);
    expect(await next.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('spoke too fast');
    // Nothing comes back on a reload.
    await next.reload();
    await ready(next);
    expect(await notice.isVisible()).toBe(false);
    expect(await next.inputValue('textarea[name="improve"]')).toBe('');
    await context.close();
  });

  it('when storage refuses the sent response, says to keep the file, can download it again, and a reload still has the answers', async () => {
    const context = await site.browser.newContext();
    await fillStorage(context, '.submitted'); // drafts are kept, the submitted response is refused
    const page = await context.newPage();
    await page.goto(url());
    await ready(page);
    await answerSome(page, 'Storage was full');
    const [first] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    expect(first.suggestedFilename()).toMatch(/\.csv$/);
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/could not be stored on this device: keep the file/);
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('[data-download]')]);
    expect(readFileSync((await again.path())!, 'utf8')).toContain('Storage was full');
    await page.reload();
    await ready(page);
    expect(await page.inputValue('textarea[name="improve"]')).toBe('Storage was full');
    expect(await checked(page, 'org-pace')).toEqual(['about-right']);
    await context.close();
  });

  it('works with no connection once loaded: answers are saved, sent and exported offline', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const sent: string[] = [];
    await page.goto(url());
    await ready(page);
    await context.setOffline(true);
    page.on('request', (r) => {
      if (r.method() !== 'GET' || !r.url().startsWith(site.url)) sent.push(`${r.method()} ${r.url()}`);
    });
    await answerSome(page, 'Offline comment');
    await expect(page.locator('[data-saved]').textContent()).resolves.toMatch(/saved on this device/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-form] button[type="submit"]')]);
    expect(readFileSync((await file.path())!, 'utf8')).toContain('Offline comment');
    expect(await page.locator('[data-done]').isVisible()).toBe(true);
    expect(sent.filter((r) => !r.startsWith('GET blob:'))).toEqual([]);
    await context.close();
  });

  it('on a kiosk tablet: the next participant gets an empty form; the trainer downloads every response behind the PIN', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(url('?kiosk'));
    expect(await axeViolations(page)).toEqual([]);
    await setUpKiosk(page);
    await answerSome(page, 'First participant');
    await page.click('[data-form] button[type="submit"]');
    await page.click('[data-next]');
    expect(await page.locator('[data-form] input:checked').count()).toBe(0);
    expect(await page.inputValue('textarea[name="improve"]')).toBe('');
    // The second starts, then hands over without sending: the next one sees an empty form.
    await answerSome(page, 'Second, not sent');
    await page.click('[data-new-participant]');
    expect(await page.locator('[data-form] input:checked').count()).toBe(0);
    expect(await page.content()).not.toContain('Second, not sent');
    await openTrainerView(page);
    expect(await page.locator('[data-trainer-view]').isVisible()).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="responses"]')]);
    expect(file.suggestedFilename()).toMatch(/^registry-officers-evaluation-responses-[\d-]+\.csv$/);
    const set = parseEvaluationResponses(readFileSync((await file.path())!, 'utf8'), 'kiosk.csv', form);
    expect(set.responses.map((r) => r.answers.improve)).toEqual(['First participant']);
    const [aside] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="set-aside"]')]);
    expect(parseEvaluationResponses(readFileSync((await aside.path())!, 'utf8'), 'aside.csv', form).responses.map((r) => r.answers.improve)).toEqual(['Second, not sent']);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone and has no WCAG 2.1 A/AA violations', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(url());
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
