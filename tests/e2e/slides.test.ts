// The presentation mode of a module in the participant edition (what `npm run build` publishes):
// keyboard, touch, the overview, the reading view on a phone, no connection, no speaker notes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const slides = '/modules/legal-identity-foundations/slides/';

/** The id of the slide on screen (reveal.js keeps a `present` slide in every session's stack). */
function onScreen(): string | undefined {
  return [...document.querySelectorAll('.deck-slide.present')].find((s) => !s.parentElement?.matches('.deck-stack') || s.parentElement.matches('.present'))?.id;
}
const current = (page: Page) => page.evaluate(onScreen);
/** Waits until a slide is on screen. */
const waitFor = (page: Page, id: string) => page.waitForFunction(`(${onScreen.toString()})() === ${JSON.stringify(id)}`);

/**
 * Tabs through the page from the top until the focus leaves it, and names every stop whose
 * focus shows no outline (the site's ring is a 3 px outline).
 */
async function focusStops(page: Page): Promise<{ stops: string[]; bare: string[] }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  const bare: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      return { name: e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!stop || stops.includes(stop.name)) break;
    stops.push(stop.name);
    if (!stop.ring) bare.push(stop.name);
  }
  return { stops, bare };
}

async function presentation(page: Page, hash = ''): Promise<void> {
  await page.goto(`${site.url}${slides}${hash}`);
  await page.waitForSelector('body[data-deck-ready]');
}

describe('slides page (participant edition)', () => {
  it('moves with the arrow keys and the space bar, and keeps the place in the address', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page);
    expect(await current(page)).toBe('title');
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe('session-1');
    await page.keyboard.press('Space');
    expect(await current(page)).toBe('slide-1-1');
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe('slide-1-2');
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe('slide-1-1');
    await page.waitForFunction(() => location.hash === '#/slide-1-1');
    // Linear: from the last slide of a session, the next key goes to the next session.
    await presentation(page, '#/slide-1-4');
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe('session-2');
    // End goes to the deck's last slide, not to the last session's title; Home to the first.
    const last = await page.evaluate(() => [...document.querySelectorAll('.deck-slides .deck-slide[id]')].at(-1)?.id);
    expect(last).toMatch(/^slide-\d+-\d+$/);
    await page.keyboard.press('End');
    await waitFor(page, last!);
    await page.keyboard.press('Home');
    await waitFor(page, 'title');
    await page.close();
  });

  it('moves with a swipe on a touch screen', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await presentation(page, '#/slide-1-1');
    const cdp = await context.newCDPSession(page);
    const swipe = async (from: number, to: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y: 400 }] });
      for (let x = from; Math.abs(x - to) > 1; x += Math.sign(to - from) * 40) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: 402 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe(800, 200);
    await waitFor(page, 'slide-1-2');
    await swipe(200, 800);
    await waitFor(page, 'slide-1-1');
    await context.close();
  });

  it('shows every slide in an overview grid, one column per session, and goes to the slide chosen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page, '#/slide-2-1');
    await page.keyboard.press('o');
    await page.waitForSelector('.reveal.overview');
    const boxes = await page.locator('.deck-slide').evaluateAll((els) => els.map((e) => ({ id: e.id, ...(({ left, top }) => ({ left: Math.round(left), top: Math.round(top) }))(e.getBoundingClientRect()) })));
    const columns = new Set(boxes.map((b) => b.left));
    const session2 = boxes.filter((b) => b.id === 'session-2' || b.id.startsWith('slide-2-'));
    expect(columns.size).toBe(9); // the title slide and eight sessions
    expect(new Set(session2.map((b) => b.left)).size).toBe(1);
    expect(new Set(session2.map((b) => b.top)).size).toBe(session2.length);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reveal:not(.overview)');
    expect(await current(page)).toBe('slide-2-2');
    await page.close();
  });

  it('keeps working with no connection once opened: slides, overview and the speaker view', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await presentation(page, '#/slide-4-4');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.setOffline(true);
    // Across a session: the last slide of session 4, its divider, then the workflow path slide 5.2.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe('slide-5-2');
    await page.keyboard.press('o');
    await page.waitForSelector('.reveal.overview');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.reveal:not(.overview)');
    await expect(page.locator('#slide-5-2 .wf-path li').first().isVisible()).resolves.toBe(true);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForSelector('[data-notes]');
    await expect(popup.locator('#speaker-now').textContent()).resolves.toContain('5.2');
    // The tab's icon is fetched by the browser on its own schedule, on a busy machine only after
    // the page has loaded; the slides never ask for it and work without it.
    expect(requests.filter((u) => u.startsWith('http') && new URL(u).pathname !== '/favicon.svg')).toEqual([]);
    await context.close();
  });

  it('has no speaker notes in its HTML or scripts; its speaker view shows the timer and the next slide', async () => {
    const dist = inject('distDir');
    const html = readFileSync(join(dist, slides, 'index.html'), 'utf8');
    const scripts = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, '_astro', f), 'utf8'));
    for (const text of [html, ...scripts]) {
      expect(text).not.toContain('class="notes"');
      expect(text).not.toContain('flip chart');
    }
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page, '#/slide-1-1');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('[data-deck-action="speaker"]', { force: true })]);
    await popup.waitForSelector('[data-notes]');
    await expect(popup.locator('[data-notes]').textContent()).resolves.toMatch(/trainer edition/);
    await expect(popup.locator('#speaker-next').textContent()).resolves.toBe('Next: 1.2 What is legal identity?');
    await popup.waitForFunction(() => document.querySelector('[data-elapsed]')?.textContent !== '00:00');
    await page.close();
  });

  it('has no axe violations, presented at 1280 px and as a reading view at 360 px, and fits the phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page, '#/slide-2-2');
    expect(await axeViolations(page)).toEqual([]);
    // Best practices outside the WCAG tags: reveal.js's arrows came in a complementary landmark inside main.
    expect(await axeViolations(page, { rules: ['landmark-complementary-is-top-level', 'landmark-unique'] })).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}${slides}`);
    await expect(page.locator('html.deck-presenting').count()).resolves.toBe(0);
    await expect(page.locator('.deck-slide').count()).resolves.toBeGreaterThan(15);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const size = await page.locator('#slide-1-1 li').first().evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    // Present still works on the phone when asked for.
    await page.click('[data-deck-present]');
    await page.waitForSelector('body[data-deck-ready]');
    await page.close();
  });

  it('a slide too full even at its smallest text scrolls: a labelled region, moved with the keys, with nothing cut off', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page);
    // An author kept 40 points on one slide (sopkit check warns: slide/too-full). Its text was cut off at 64 %.
    await page.evaluate(() => {
      const list = document.createElement('ul');
      for (let i = 1; i <= 40; i++) list.insertAdjacentHTML('beforeend', `<li${i === 40 ? ' id="last-point"' : ''}>Point ${i} of a slide that holds far too much</li>`);
      document.querySelector('#slide-1-2 .deck-inner')!.append(list);
    });
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    await waitFor(page, 'slide-1-2');
    const region = page.locator('#slide-1-2 .deck-inner[data-overflow]');
    await region.waitFor();
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('aria-label')).toBe('More on this slide: scroll down');
    expect(await region.getAttribute('tabindex')).toBe('0');
    const cue = page.locator('#slide-1-2 .deck-more');
    expect(await cue.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Tab reaches the text; the down keys scroll it without turning the slide, to its last point.
    for (let i = 0; i < 40 && !(await region.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await region.evaluate((e) => e === document.activeElement)).toBe(true);
    for (let i = 0; i < 30 && (await cue.isVisible()); i++) await page.keyboard.press('PageDown');
    expect(await current(page)).toBe('slide-1-2');
    expect(await region.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    await page.waitForFunction(() => (document.querySelector('#slide-1-2 .deck-more') as HTMLElement).hidden);
    const [last, box] = await Promise.all([page.locator('#last-point').boundingBox(), region.boundingBox()]);
    expect(last!.y + last!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
    // The arrows across still turn the slide.
    await page.keyboard.press('ArrowRight');
    await waitFor(page, 'slide-1-3');
    await page.close();
  });

  it("on a phone, no slide's footer covers the slide's last line, in English, French and Arabic", async () => {
    // The footer (organisation, module code, number) wraps to two lines at 360 px; placed over a
    // fixed bottom padding it covered the last line of every card.
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of [slides, `/fr${slides}`, `/ar${slides}`]) {
      await page.goto(`${site.url}${path}`);
      const covered = await page.locator('.deck-slide').evaluateAll((sections) =>
        sections.flatMap((s) => {
          const footer = s.querySelector('.deck-footer');
          if (!footer) return [];
          const top = footer.getBoundingClientRect().top;
          let bottom = 0;
          const walk = document.createTreeWalker(s.querySelector('.deck-inner') ?? s, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (!n.nodeValue?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) bottom = Math.max(bottom, r.bottom);
          }
          return bottom > top + 0.5 ? [`${s.id}: text to ${Math.round(bottom)}, footer from ${Math.round(top)}`] : [];
        }),
      );
      expect(covered, path).toEqual([]);
    }
    await page.close();
  });

  it('every control of the presentation is reachable with the keyboard', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page);
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.deckAction ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? ''));
    }
    for (const action of ['overview', 'speaker', 'fullscreen']) expect(reached).toContain(action);
    expect([...reached].some((r) => /next/i.test(r))).toBe(true);
    // Space on a focused tool runs the tool and does not also turn the page.
    await page.focus('[data-deck-action="overview"]');
    await page.keyboard.press('Space');
    await page.waitForSelector('.reveal.overview');
    expect(await current(page)).toBe('title');
    // Each stop shows where the focus is: reveal.css takes the outline off its arrows and its help
    // overlay's Close button. On the title slide (dark), a plain slide, and with the help open.
    await presentation(page);
    const title = await focusStops(page);
    expect(title.stops).toContain('Next slide');
    expect(title.bare).toEqual([]);
    await presentation(page, '#/slide-1-2');
    const plain = await focusStops(page);
    expect(plain.stops).toEqual(expect.arrayContaining(['Previous slide', 'Next slide']));
    expect(plain.bare).toEqual([]);
    await presentation(page, '#/slide-1-2');
    await page.keyboard.press('Shift+?');
    await page.waitForSelector('.r-overlay-help');
    const inHelp = await focusStops(page);
    expect(inHelp.stops).toContain('Close, Esc');
    expect(inHelp.bare).toEqual([]);
    await page.close();
  });

  it("in the overview, Tab does not walk through the thumbnails' links; the slides are still chosen with the keys", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page, '#/slide-2-1');
    // Tabbing from the top of the page until the focus comes back round: the stops inside a slide
    // (its glossary and parameter links).
    const slideStops = async () => {
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        (window as unknown as { tabSeen: Set<Element> }).tabSeen = new Set();
      });
      const inSlides: string[] = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const e = document.activeElement;
          const seen = (window as unknown as { tabSeen: Set<Element> }).tabSeen;
          if (!e || e === document.body || seen.has(e)) return null;
          seen.add(e);
          return { inSlide: !!e.closest('.deck-slide'), name: `${e.closest('.deck-slide')?.id}: ${e.textContent?.trim()}` };
        });
        if (!stop) break;
        if (stop.inSlide) inSlides.push(stop.name);
      }
      return inSlides;
    };
    expect(await page.locator('.deck-slide a[href]').count()).toBeGreaterThan(10);
    await page.keyboard.press('o');
    await page.waitForSelector('.reveal.overview');
    expect(await slideStops()).toEqual([]);
    // reveal.js's own choice of a slide: arrows and Enter, as before; the chosen thumbnail is outlined.
    await page.keyboard.press('ArrowDown');
    const outline = await page.locator('#slide-2-2').evaluate((e) => getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2);
    expect(outline, 'the chosen slide is outlined').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reveal:not(.overview)');
    expect(await current(page)).toBe('slide-2-2');
    // Out of the overview the slide on screen is whole again: nothing of its content stays inert.
    await expect(page.locator('.deck-slide > [inert]').count()).resolves.toBe(0);
    await page.close();
  });

  it('the help overlay is a modal dialog: labelled, holds the focus, closes with Escape and gives the focus back', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await presentation(page, '#/slide-1-2');
    // A moving pointer shows the tools, which sit where the overlay's Close button is.
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 320);
    await page.waitForSelector('.deck-tools-shown');
    await page.focus('.controls .navigate-right');
    await page.keyboard.press('Shift+?');
    const dialog = page.locator('.r-overlay-help');
    await dialog.waitFor();
    // (Inert, the tools are skipped by hit testing: compare the boxes, not elementFromPoint.)
    const covered = await page.locator('.r-overlay-close').evaluate((b) => {
      const c = b.getBoundingClientRect();
      const t = document.querySelector('.deck-tools')!.getBoundingClientRect();
      return t.width > 0 && t.left < c.right && c.left < t.right && t.top < c.bottom && c.top < t.bottom;
    });
    expect(covered, 'the tools cover the Close button').toBe(false);
    await expect(dialog.getAttribute('role')).resolves.toBe('dialog');
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    const label = await dialog.evaluate((d) => document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent?.trim());
    expect(label).toBe('Keyboard shortcuts');
    const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('.r-overlay-help'));
    expect(await inDialog()).toBe(true);
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await inDialog(), key).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    // Behind it, nothing answers the keyboard or a screen reader's virtual cursor.
    await expect(page.locator('.reveal .controls').evaluate((c) => !!c.closest('[inert]'))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.matches('.controls .navigate-right'))).toBe(true);
    await expect(page.locator('[inert]:not(section)').count()).resolves.toBe(0);
    expect(await current(page)).toBe('slide-1-2');
    await page.close();
  });

  it('the module page links the slides, slides PDF and handouts PDF, which are served', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/modules/legal-identity-foundations/`);
    for (const end of ['/slides/', '-slides.pdf', '-handouts.pdf']) {
      const link = page.locator(`a[href$="legal-identity-foundations${end}"]`);
      expect(await link.count(), end).toBe(1);
      expect((await page.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href))).status(), end).toBe(200);
    }
    expect(await page.locator('a[href$="-speaker-notes.pdf"]').count()).toBe(0);
    await page.close();
  });
});
