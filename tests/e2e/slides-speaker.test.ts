// The speaker view in the trainer edition: the notes of the slide on screen, a running timer and
// the next slide, and the keys in the speaker window driving the presentation.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite('trainer');
const slides = '/modules/legal-identity-foundations/slides/';

describe('speaker view (trainer edition)', () => {
  it('shows the notes, a running timer and the next slide, and follows the presentation both ways', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${site.url}${slides}#/slide-1-1`);
    await page.waitForSelector('body[data-deck-ready]');
    // The notes are in the page for the speaker view, never on the audience's screen.
    await expect(page.locator('#slide-1-1 aside.notes').isVisible()).resolves.toBe(false);
    await expect(page.locator('#slide-1-1 h3').isVisible()).resolves.toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForSelector('[data-notes]');
    await expect(popup.locator('[data-notes]').textContent()).resolves.toMatch(/Introduce yourself and the co-trainer/);
    await expect(popup.locator('#speaker-now').textContent()).resolves.toBe('Now: 1.1 Welcome and what this module is for');
    await expect(popup.locator('#speaker-next').textContent()).resolves.toBe('Next: 1.2 What is legal identity?');
    await expect(popup.locator('.speaker-preview h3').allTextContents()).resolves.toEqual(['Welcome and what this module is for', 'What is legal identity?']);
    await expect(popup.locator('[data-session-time]').textContent()).resolves.toMatch(/^Session 1: 0 of 45 min$/);
    // The timer runs: it leaves 00:00, then moves on again.
    await popup.waitForFunction(() => document.querySelector('[data-elapsed]')?.textContent !== '00:00');
    const first = await popup.locator('[data-elapsed]').textContent();
    await popup.waitForFunction((shown) => document.querySelector('[data-elapsed]')?.textContent !== shown, first);

    // The main window moves: the speaker view follows.
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => /Legal Identity Agenda/.test(document.querySelector('[data-notes]')?.textContent ?? ''));
    await expect(popup.locator('#speaker-next').textContent()).resolves.toBe('Next: 1.3 A birth certificate opens doors for life');

    // Keys in the speaker window move the presentation.
    await popup.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/slide-1-3');
    await popup.click('text=Previous slide');
    await page.waitForFunction(() => location.hash === '#/slide-1-2');

    // Pausing stops the clock.
    await popup.click('text=Pause timer');
    const paused = await popup.locator('[data-elapsed]').textContent();
    const pausedAt = await popup.evaluate(() => performance.now());
    await popup.waitForFunction((t0) => performance.now() - t0 > 1500, pausedAt, { polling: 100 });
    await expect(popup.locator('[data-elapsed]').textContent()).resolves.toBe(paused);
    await expect(popup.locator('button', { hasText: 'Resume timer' }).count()).resolves.toBe(1);

    expect(await axeViolations(popup)).toEqual([]);
    await page.close();
  });

  it('a slide without notes says so', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${site.url}${slides}#/session-1`);
    await page.waitForSelector('body[data-deck-ready]');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForSelector('[data-notes]');
    await expect(popup.locator('[data-notes]').textContent()).resolves.toBe('No notes for this slide.');
    await page.close();
  });

  it('the module page links the speaker notes PDF, which is served', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/modules/legal-identity-foundations/`);
    const link = page.locator('a[href$="legal-identity-foundations-speaker-notes.pdf"]');
    expect(await link.count()).toBe(1);
    expect((await page.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href))).status()).toBe(200);
    await page.close();
  });
});
