import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Scenario } from '../../src/lib/workflow/types.ts';

/**
 * How long one condition may take to come true before the test gives up: a guard against a hang,
 * not a speed budget. Every wait below is on a condition in the page (a state drawn active, the
 * focus on a button), so a busy two-core machine only makes the test slower, never red.
 */
export const WAIT = 120_000;

/** Test timeout of the long browser tests: again a guard against a hang (see WAIT). */
export const LONG = 15 * 60_000;

/** The states the diagram draws as active. */
export const activeIds = (page: Page) => page.locator('g[data-state-id][data-active="true"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state-id') ?? ''));

/** The paths a scenario's expected state names (`a.x,b.y`: the regions of a parallel state). */
export const expectedPaths = (state: string) =>
  state
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Waits until the diagram's active states are exactly `ids` (any order), or, with `including`,
 * until they include them; on a hang, fails with what the page shows instead.
 */
export async function waitForActive(page: Page, ids: readonly string[], how: 'exactly' | 'including' = 'exactly', what = ''): Promise<void> {
  const held = await page
    .waitForFunction(
      ([want, mode]) => {
        const have = [...document.querySelectorAll('g[data-state-id][data-active="true"]')].map((n) => n.getAttribute('data-state-id'));
        return want.every((w) => have.includes(w)) && (mode === 'including' || have.length === want.length);
      },
      [ids, how] as const,
      { timeout: WAIT },
    )
    .then(() => true)
    .catch(() => false);
  if (held) return;
  const have = await activeIds(page);
  if (how === 'exactly') expect(have.sort(), what).toEqual([...ids].sort());
  else expect(have, what).toEqual(expect.arrayContaining([...ids]));
}

/** Opens a page with no saved simulator position and waits for the simulator to start. */
export async function openFresh(browser: Browser, url: string, options: { width?: number } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  page.setDefaultTimeout(WAIT);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.reload();
  await page.locator('.wf-sim:not([hidden])').first().waitFor();
  expect(errors).toEqual([]);
  return page;
}

/** Picks a case and a mode in the first simulator of the page. */
export async function chooseScenario(page: Page, scenario: string, mode: 'guided' | 'challenge' = 'guided'): Promise<void> {
  const sim = page.locator('.wf-sim').first();
  await sim.locator('[data-sim-scenario]').selectOption(scenario);
  await sim.locator(`[data-sim-modes] input[value="${mode}"]`).check();
}

/**
 * Walks a scenario in guided mode by pressing the button the guide points to, checking every
 * state (every region named by a parallel value). The press is the button's own click(), in the
 * same round trip that finds it (the other tests click like a user does), so the hundreds of
 * steps of every scenario stay quick.
 */
export async function walk(page: Page, scenario: Scenario): Promise<void> {
  await chooseScenario(page, scenario.id);
  for (const [i, step] of scenario.steps.entries()) {
    const types = await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.wf-sim [data-sim-events] button.wf-expected')];
      if (buttons.length === 1) buttons[0]!.click();
      return buttons.map((b) => b.dataset.event);
    });
    expect(types, `${scenario.id} step ${i + 1}: one button for ${step.event.type}`).toEqual([step.event.type]);
    await waitForActive(page, expectedPaths(step.expect), 'including', `${scenario.id} after ${step.event.type}`);
  }
  await waitForActive(page, expectedPaths(scenario.final), 'including', `${scenario.id}: final state`);
}
