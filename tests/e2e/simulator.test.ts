import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { getProject } from '../../src/lib/content/cache.ts';
import { loadWorkflowFile, workflowFiles } from '../../src/lib/workflow/load.ts';
import { t } from '../../src/i18n/index.ts';
import { axeViolations } from './harness.ts';
import { chooseScenario, LONG, openFresh, WAIT, waitForActive, walk } from './simulator-helpers.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

const root = process.cwd();
const project = getProject(root);
/** Every workflow that an SOP page draws, with that page and the machine's scenarios. */
const pages = await Promise.all(
  workflowFiles(root).map(async (file) => {
    const { id, module } = await loadWorkflowFile(root, file);
    const sop = project.sops.find((s) => s.data?.workflow === id && s.uses.some((u) => u.name === 'Workflow' && u.attributes.id === id));
    return { id, path: sop ? `/sops/${sop.id}/` : undefined, scenarios: module.scenarios };
  }),
);
const birth = pages.find((p) => p.id === 'birth-registration');

const open = (path: string, options: { width?: number } = {}) => openFresh(site.browser, `${site.url}${path}`, options);

/**
 * Scrolls a phone page as a trainee does to press a button of the simulator: the diagram stuck at
 * the top, the button just below it. Whether the element `above` names (shown above the buttons)
 * is then under the diagram.
 */
async function scrollBelowDiagram(button: Locator, above: string): Promise<boolean> {
  return button.evaluate((b, selector) => {
    const sticky = document.querySelector('.workflow .wf-scroll')!;
    window.scrollBy({ top: document.querySelector('.workflow')!.getBoundingClientRect().top + 1, behavior: 'instant' });
    window.scrollBy({ top: b.getBoundingClientRect().top - sticky.getBoundingClientRect().bottom - 10, behavior: 'instant' });
    return getComputedStyle(sticky).position === 'sticky' && document.querySelector(selector)!.getBoundingClientRect().top < sticky.getBoundingClientRect().bottom;
  }, above);
}

/** Presses Tab until the focus is on the element a selector names (the page moves the focus itself; no waiting on time). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`40 presses of Tab never reached ${selector}`);
}

describe('workflow simulator', () => {
  it('walks a scenario by clicking events, moves data-active, and keeps the position over a reload', async () => {
    const scenario = birth!.scenarios.find((s) => s.id === 'late-home-birth-approved')!;
    const page = await open(birth!.path!);
    await waitForActive(page, ['notification']);
    await chooseScenario(page, scenario.id);
    for (const step of scenario.steps.slice(0, 4)) {
      await page.click(`.wf-sim [data-event="${step.event.type}"]`);
      await waitForActive(page, [step.expect]);
    }
    await expect(page.locator('.wf-sim [data-sim-log] li').count()).resolves.toBe(4);
    // The guide names the next button in the button's own words, and the log the buttons pressed
    // (both gave the machine's lower-case words: "facility notified" for the button "Facility notified").
    const next = /“([^”]+)”/.exec((await page.locator('.wf-sim [data-sim-guide]').textContent()) ?? '')?.[1];
    await expect(page.locator('.wf-sim [data-sim-events] button').allTextContents()).resolves.toContain(next);
    const pressed = await page.locator('.wf-sim [data-sim-log] li strong').allTextContents();
    expect(pressed).toHaveLength(4);
    for (const label of pressed) expect(label).toMatch(/^\p{Lu}/u);
    await page.reload();
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await waitForActive(page, ['supervisorReview']);
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe(scenario.id);
    await expect(page.locator('.wf-sim [data-sim-log] li').count()).resolves.toBe(4);
    // A position saved for another version of the machine, or one that no longer replays, is dropped.
    for (const spoil of ['{ ...saved, fingerprint: "older" }', '{ ...saved, log: [...saved.log, { type: "record.registered" }] }']) {
      await page.evaluate(`(() => { const key = 'sopkit:simulator:birth-registration'; const saved = JSON.parse(sessionStorage.getItem(key)); sessionStorage.setItem(key + ':keep', JSON.stringify(saved)); sessionStorage.setItem(key, JSON.stringify(${spoil})); })()`);
      await page.reload();
      await page.locator('.wf-sim:not([hidden])').waitFor();
      await waitForActive(page, ['notification']);
      await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe('');
      await page.evaluate(`sessionStorage.setItem('sopkit:simulator:birth-registration', sessionStorage.getItem('sopkit:simulator:birth-registration:keep'))`);
      await page.reload();
      await page.locator('.wf-sim:not([hidden])').waitFor();
      await waitForActive(page, ['supervisorReview']);
    }
    // Undo goes back one step; "Start again" to the beginning of the case.
    await page.click('.wf-sim [data-sim-undo]');
    await waitForActive(page, ['verification']);
    await page.click('.wf-sim [data-sim-reset]');
    await waitForActive(page, ['notification']);
    await page.close();
  }, LONG);

  it('keeps the case for a reload of the tab only: the next trainee on a shared phone, opening the SOP again, starts clean', async () => {
    // The position was in localStorage: whoever opened the same SOP next on the phone found the
    // previous trainee's case, mid-way.
    const scenario = birth!.scenarios.find((s) => s.id === 'late-home-birth-approved')!;
    const key = 'sopkit:simulator:birth-registration';
    const phone = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(`${site.url}${birth!.path}`);
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await chooseScenario(page, scenario.id);
    for (const step of scenario.steps.slice(0, 2)) {
      await page.click(`.wf-sim [data-event="${step.event.type}"]`);
      await waitForActive(page, [step.expect]);
    }
    const reached = [scenario.steps[1]!.expect];
    await page.reload();
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await waitForActive(page, reached);
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe(scenario.id);
    // The trainee's own language switch goes on with the case (a case started on / resumes on /fr/).
    await page.locator('.lang-switch a[hreflang="fr"]').click();
    await page.waitForURL(/\/fr\//);
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await waitForActive(page, reached);
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe(scenario.id);

    // Another tab on the same phone, and the same tab opening the SOP anew: no case, no steps.
    const fresh = async (p: Page) => {
      await p.goto(`${site.url}${birth!.path}`);
      await p.locator('.wf-sim:not([hidden])').waitFor();
      await waitForActive(p, ['notification']);
      await expect(p.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe('');
      await expect(p.locator('.wf-sim [data-sim-log] li strong').count()).resolves.toBe(0);
    };
    const other = await phone.newPage();
    other.setDefaultTimeout(WAIT);
    await fresh(other);
    await other.close();
    // Nothing of the case is left where the next visit would find it.
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    const saved = await page.evaluate((k) => sessionStorage.getItem(k), key);
    expect(saved).not.toBeNull();
    await fresh(page);

    // A position an earlier version left in localStorage is removed once read, not restored.
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, saved]);
    await fresh(page);
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await page.reload();
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe('');
    await phone.close();
  }, LONG);

  it('opens the case a link names (a case study can point to its scenario)', async () => {
    const page = await open(birth!.path!);
    await page.goto(`${site.url}${birth!.path}?workflow=birth-registration&scenario=foundling-market#practise-birth-registration`);
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe('foundling-market');
    await expect(page.locator('.wf-sim [data-sim-desc]').textContent()).resolves.toMatch(/newborn boy/);
    await page.close();
  });

  it('disables an event whose guard fails and shows why', async () => {
    const page = await open(birth!.path!);
    await chooseScenario(page, 'on-time-facility');
    const home = page.locator('.wf-sim [data-event="community.notified"]');
    await expect(home.isDisabled()).resolves.toBe(true);
    // A button's words start with a capital, not as the machine's event name ("community notified").
    await expect(home.textContent()).resolves.toBe('Community notified');
    const reason = await page.locator(`#${await home.getAttribute('aria-describedby')}`).textContent();
    expect(reason).toContain('is home birth');
    // Editing the case data re-evaluates the guards.
    await page.locator('.wf-sim [data-sim-case] summary').click();
    await page.locator('.wf-sim [data-sim-form] select[name="placeOfBirth"]').selectOption('home');
    await page.locator('.wf-sim [data-event="community.notified"]:not(:disabled)').waitFor();
    await page.locator('.wf-sim [data-event="facility.notified"]:disabled').waitFor();
    // The disabled button says why in words, read with it by a screen reader.
    const why = await page.locator('.wf-sim [data-event="facility.notified"]').getAttribute('aria-describedby');
    await expect(page.locator(`[id="${why}"]`).textContent()).resolves.toMatch(/^Not possible: the condition “[a-z][^”\[\]]+” does not hold\.$/);
    await page.close();
  });

  it('takes the step a trainee clicks just after typing in a case field (the edit ends on the press, and the click is not lost)', async () => {
    // Leaving the field re-rendered the buttons between the press and the release: the first click did nothing.
    const page = await open('/sops/civil-status-correction/');
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await page.locator('.wf-sim [data-sim-case] summary').click();
    const field = page.locator('.wf-sim [data-sim-form] input[type="number"]').first();
    await field.fill('1');
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.locator('.wf-sim [data-event="application.lodged"]').click();
    await page.locator('.wf-sim [data-sim-log] li:not(.wf-empty)').first().waitFor();
    await expect(page.locator('.wf-sim [data-sim-log] li').first().textContent()).resolves.toMatch(/^application lodged/i);
    await page.close();
  });

  it('in guided mode the button to press next stays readable under the mouse pointer (WCAG AA contrast)', async () => {
    const page = await open(birth!.path!);
    await chooseScenario(page, 'late-home-birth-approved');
    const expected = page.locator('.wf-sim button.wf-expected').first();
    await expected.hover();
    const ratio = await expected.evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const style = getComputedStyle(el);
      const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
      return (a! + 0.05) / (b! + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('challenge mode asks where the case goes, counts wrong choices without moving, and scores the case', async () => {
    const scenario = birth!.scenarios.find((s) => s.id === 'fictitious-twins')!;
    const page = await open(birth!.path!);
    await chooseScenario(page, scenario.id, 'challenge');
    await expect(page.locator('.wf-sim button.wf-expected').count()).resolves.toBe(0);
    await expect(page.locator('.wf-sim [data-sim-events] button:disabled').count()).resolves.toBe(0);
    // At notification, "facility notified" is a way out, but this case starts with the declaration.
    await page.click('.wf-sim [data-event="facility.notified"]');
    await page.locator('.wf-sim [data-sim-wrong]', { hasText: 'Wrong choices: 1' }).waitFor();
    await waitForActive(page, ['notification']);
    const choose = (step: (typeof scenario.steps)[number]) => page.click(`.wf-sim [data-event="${step.event.type}"][data-target="${step.expect}"]`);
    for (const step of scenario.steps.slice(0, 2)) await choose(step);
    // The right event but the wrong branch: the case is suspected of fraud, not on time.
    await page.click('.wf-sim [data-event="verification.completed"][data-target="registration"]');
    await page.locator('.wf-sim [data-sim-wrong]', { hasText: 'Wrong choices: 2' }).waitFor();
    await expect(page.locator('.wf-sim [data-sim-guide]').textContent()).resolves.toMatch(/Reread section 6.3/);
    for (const step of scenario.steps.slice(2)) await choose(step);
    await waitForActive(page, [scenario.final]);
    const score = await page.locator('.wf-sim [data-sim-score]').textContent();
    expect(score).toContain(`${scenario.steps.length - 2} of ${scenario.steps.length} steps right first time, 2 wrong choices`);
    await expect(page.locator('.wf-sim [data-sim-score] li').allTextContents()).resolves.toEqual(['6.1', '6.3']);
    await page.close();
  }, LONG);

  it('can be walked with the keyboard only', async () => {
    const scenario = birth!.scenarios.find((s) => s.id === 'on-time-facility')!;
    const page = await open(birth!.path!);
    const select = page.locator('.wf-sim [data-sim-scenario]');
    await select.focus();
    await page.keyboard.press('ArrowDown'); // the first case
    expect(birth!.scenarios[0]!.id).toBe(scenario.id);
    await page.locator(`.wf-sim [data-sim-desc]`, { hasText: scenario.description.slice(0, 20) }).waitFor();
    await expect(select.inputValue()).resolves.toBe(scenario.id);
    for (const [i, step] of scenario.steps.entries()) {
      const button = `.wf-sim [data-sim-events] button[data-event="${step.event.type}"]`;
      // Tab from the case list to the event the case calls for; after a move, guided mode has put
      // the focus on it already (not on the first branch listed, which Enter would have taken).
      if (i === 0) await tabTo(page, button);
      else await page.waitForFunction((sel) => document.activeElement?.matches(sel) ?? false, button);
      await page.keyboard.press('Enter');
      await waitForActive(page, [step.expect], 'exactly', `after ${step.event.type}`);
      // After a move the focus goes back into the list of what can happen next.
      await page.waitForFunction(() => !!document.activeElement?.closest('.wf-sim [data-sim-events], .wf-sim [data-sim-score], .wf-sim [data-sim-reset]'));
    }
    await page.close();
  }, LONG);

  it('keeps the focus on a control when Undo, pressed with the keyboard, goes back to the start', async () => {
    const page = await open(birth!.path!);
    await waitForActive(page, ['notification']);
    const undo = page.locator('.wf-sim [data-sim-undo]');
    await page.locator('.wf-sim [data-sim-events] button:not(:disabled)').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => undo.isDisabled()).toBe(false);
    await tabTo(page, '.wf-sim [data-sim-undo]');
    await page.keyboard.press('Enter');
    await waitForActive(page, ['notification']);
    // Undo is disabled at the start; the focus it had is not dropped on the page's body but put on
    // what can be done from here, as after a move.
    await expect.poll(() => undo.isDisabled()).toBe(true);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.wf-sim [data-sim-events]') && !(document.activeElement as HTMLButtonElement).disabled)).toBe(true);
    await page.close();
  }, LONG);

  it('shows the diagram and the steps as a list without JavaScript, and hides the simulator', async () => {
    for (const { path } of pages.filter((p) => p.path)) {
      const page = await site.browser.newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      await page.goto(`${site.url}${path}`);
      await expect(page.locator('svg.wf-diagram g[data-state-id]').count()).resolves.toBeGreaterThan(3);
      await expect(page.locator('svg.wf-diagram title').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('.wf-text li[data-state-id]').count()).resolves.toBeGreaterThan(3);
      await expect(page.locator('.wf-sim').isVisible()).resolves.toBe(false);
      // The diagram and the table scroll in their own boxes: they never widen the text column.
      const overflow = await page.evaluate(`[...document.querySelectorAll('figure.workflow, .step-table')].map((e) => e.getBoundingClientRect().right - e.closest('.sop-body').getBoundingClientRect().right)`);
      expect(Math.max(...(overflow as number[]))).toBeLessThanOrEqual(0.5);
      // On a phone the steps are cards, not a table to scroll: each value under its column's name.
      const steps = page.locator('.step-table').first();
      expect(await steps.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
      const who = steps.locator('tbody td[data-label]').first();
      expect(await who.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Who: "');
      await page.close();
    }
  }, LONG);

  it('on a phone, a control reached with the keyboard, backwards or forwards, is never left under the sticky diagram', async () => {
    for (const path of [birth!.path!, `/fr${birth!.path!}`, `/ar${birth!.path!}`]) {
      const page = await open(path, { width: 360 });
      await page.setViewportSize({ width: 360, height: 640 });
      await chooseScenario(page, 'late-home-birth-approved');
      await page.focus('.wf-sim [data-sim-reset]');
      const seen: string[] = [];
      // Backwards through the simulator to the figure's "How to read the diagram" and "The steps as
      // a list", which the keyboard left under the diagram.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Shift+Tab');
        const where = await page.evaluate(() => {
          const focused = document.activeElement!;
          const sticky = document.querySelector('.workflow .wf-scroll')!;
          const after = sticky.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING;
          if (!focused.closest('.workflow') || sticky.contains(focused) || !after || getComputedStyle(sticky).position !== 'sticky') return null;
          return { what: focused.textContent?.trim() ?? '', top: focused.getBoundingClientRect().top, cover: sticky.getBoundingClientRect().bottom };
        });
        if (!where) continue;
        seen.push(where.what);
        expect(where.top, `${path}: "${where.what}"`).toBeGreaterThanOrEqual(where.cover);
      }
      expect(seen.length, path).toBeGreaterThan(2);
      const steps = t('wf.textAlt', path.startsWith('/fr') ? 'fr' : path.startsWith('/ar') ? 'ar' : 'en');
      expect(seen, path).toContain(steps);
      // Forwards: Tab from "How to read the diagram" to "The steps as a list" while the stuck diagram
      // covers it; the browser scrolls only what is off screen, so it stayed hidden.
      const covered = await page.evaluate(() => {
        const sticky = document.querySelector('.workflow .wf-scroll')!;
        const target = document.querySelector('.workflow .wf-text summary')!;
        // Focus on "How to read the diagram" first (its own focus scrolls it clear of the diagram),
        // then the figure's top just above the screen, so that the diagram sticks, and the steps'
        // summary 40 px above its bottom edge.
        (document.querySelector('.workflow .wf-legend summary') as HTMLElement).focus({ preventScroll: true });
        window.scrollBy({ top: document.querySelector('.workflow')!.getBoundingClientRect().top + 1, behavior: 'instant' });
        window.scrollBy({ top: target.getBoundingClientRect().top - (sticky.getBoundingClientRect().bottom - 40), behavior: 'instant' });
        return target.getBoundingClientRect().top < sticky.getBoundingClientRect().bottom && getComputedStyle(sticky).position === 'sticky';
      });
      expect(covered, `${path}: the steps' summary is under the diagram before Tab`).toBe(true);
      await page.keyboard.press('Tab');
      const after = await page.evaluate(() => ({ what: document.activeElement?.textContent?.trim(), top: document.activeElement!.getBoundingClientRect().top, cover: document.querySelector('.workflow .wf-scroll')!.getBoundingClientRect().bottom }));
      expect(after.what).toBe(steps);
      expect(after.top, `${path}: forwards`).toBeGreaterThanOrEqual(after.cover);
      await page.close();
    }
  }, LONG);

  it('on a phone, the feedback on a wrong choice is not left under the sticky diagram', async () => {
    const page = await open(birth!.path!, { width: 360 });
    await page.setViewportSize({ width: 360, height: 740 });
    await chooseScenario(page, 'refugee-date-corrected', 'challenge');
    const wrong = page.locator('.wf-sim [data-event="declaration.submitted"]');
    // The buttons just below the stuck diagram, as a trainee scrolls to press one: the feedback box
    // above them is under the diagram.
    expect(await scrollBelowDiagram(wrong, '.wf-sim [data-sim-guide]')).toBe(true);
    await wrong.dispatchEvent('click');
    await page.waitForFunction(() => document.querySelector('.wf-sim [data-sim-guide]')?.classList.contains('wf-bad'));
    const seen = await page.evaluate(() => {
      const sticky = document.querySelector('.workflow .wf-scroll')!.getBoundingClientRect();
      const guide = document.querySelector('.wf-sim [data-sim-guide]')!.getBoundingClientRect();
      return { top: guide.top, bottom: guide.bottom, cover: sticky.bottom, screen: window.innerHeight };
    });
    expect(seen.top).toBeGreaterThanOrEqual(seen.cover);
    expect(seen.bottom).toBeLessThanOrEqual(seen.screen);
    await expect(page.locator('.wf-sim [data-sim-guide]').textContent()).resolves.toContain('Not what this case calls for.');
    await page.close();
  }, LONG);

  it('on a phone, where a move led is brought out from under the sticky diagram, the pressed-to button still on screen', async () => {
    const page = await open(birth!.path!, { width: 360 });
    await page.setViewportSize({ width: 360, height: 740 });
    const scenario = birth!.scenarios.find((s) => s.id === 'late-home-birth-approved')!;
    await chooseScenario(page, scenario.id);
    const button = page.locator(`.wf-sim [data-sim-events] button[data-event="${scenario.steps[0]!.event.type}"]`);
    // The buttons just below the stuck diagram, as a trainee scrolls to press one: "Now: ..." above
    // them is under the diagram.
    expect(await scrollBelowDiagram(button, '.wf-sim [data-sim-now]')).toBe(true);
    await button.evaluate((b) => (b as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await waitForActive(page, [scenario.steps[0]!.expect], 'exactly', 'after the first move');
    const seen = await page.evaluate(() => {
      const sticky = document.querySelector('.workflow .wf-scroll')!.getBoundingClientRect();
      const now = document.querySelector('.wf-sim [data-sim-now]')!.getBoundingClientRect();
      const focused = document.activeElement!.getBoundingClientRect();
      return { now: now.top, cover: sticky.bottom, focused: focused.bottom, screen: window.innerHeight };
    });
    expect(seen.focused, 'the button with the focus').toBeLessThanOrEqual(seen.screen);
    expect(seen.now, '"Now: ..." out from under the diagram').toBeGreaterThanOrEqual(seen.cover);
    await page.close();
  }, LONG);

  it('has no WCAG 2.1 A/AA violations with the simulator running (axe-core)', async () => {
    const page = await open(birth!.path!, { width: 360 });
    await chooseScenario(page, 'refugee-date-corrected', 'challenge');
    await page.click('.wf-sim [data-event="declaration.submitted"]'); // a wrong choice: feedback shown
    await page.locator('.wf-sim [data-sim-case] summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  // Each page is its own browser context (its own localStorage), so the machines walk side by side.
  for (const { id, path, scenarios } of pages.filter((p) => p.path)) {
    it.concurrent(`walks every scenario of ${id} in the browser`, async () => {
      const page = await open(path!);
      for (const scenario of scenarios) await walk(page, scenario);
      await page.close();
    }, LONG);
  }
});
