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

/** Where an in-page walk stopped, and what the page showed there. */
interface Stop {
  step: number;
  what: 'buttons' | 'state';
  /** The expected buttons' events (`buttons`), or the states wanted (`state`). */
  wanted: string[];
  seen: string[];
}

/**
 * Walks a scenario in guided mode by pressing the button the guide points to, checking every
 * state (every region named by a parallel value). The whole walk runs in the page, in one round
 * trip: each press is the button's own click(), and each state is waited for there (checked at
 * once, then every 10 ms: a move may wait on an invoked actor). The other tests click like a
 * user does; this one has 1,081 steps in the model pack, and its round trips to the browser, two
 * or three a step, cost more than the steps themselves.
 */
export async function walk(page: Page, scenario: Scenario): Promise<void> {
  await chooseScenario(page, scenario.id);
  const steps = scenario.steps.map((step) => ({ event: step.event.type, expect: expectedPaths(step.expect) }));
  const stop = await page.evaluate(
    async ({ steps, final, wait }): Promise<Stop | undefined> => {
      const active = () => [...document.querySelectorAll('g[data-state-id][data-active="true"]')].map((n) => n.getAttribute('data-state-id') ?? '');
      const reached = async (want: string[]): Promise<boolean> => {
        const end = Date.now() + wait;
        while (!want.every((w) => active().includes(w))) {
          if (Date.now() > end) return false;
          await new Promise((ok) => setTimeout(ok, 10));
        }
        return true;
      };
      for (const [i, step] of steps.entries()) {
        const buttons = [...document.querySelectorAll<HTMLButtonElement>('.wf-sim [data-sim-events] button.wf-expected')];
        const events = buttons.map((b) => b.dataset.event ?? '');
        if (events.length !== 1 || events[0] !== step.event) return { step: i, what: 'buttons', wanted: [step.event], seen: events };
        buttons[0]!.click();
        if (!(await reached(step.expect))) return { step: i, what: 'state', wanted: step.expect, seen: active() };
      }
      if (!(await reached(final))) return { step: steps.length, what: 'state', wanted: final, seen: active() };
      return undefined;
    },
    { steps, final: expectedPaths(scenario.final), wait: WAIT },
  );
  if (!stop) return;
  const where = stop.step < steps.length ? `${scenario.id} step ${stop.step + 1} (${steps[stop.step]!.event})` : `${scenario.id}: final state`;
  // The assertion shows what the page had; a stopped walk fails even if the state came just after
  // the wait ended (it would otherwise pass without walking the remaining steps).
  if (stop.what === 'buttons') expect(stop.seen, `${where}: one button for ${stop.wanted[0]}`).toEqual(stop.wanted);
  else expect(stop.seen, `${where}: the states reached`).toEqual(expect.arrayContaining(stop.wanted));
  throw new Error(`${where}: the walk stopped there (${stop.what}: wanted ${stop.wanted.join(', ')}, the page had ${stop.seen.join(', ') || 'none'})`);
}
