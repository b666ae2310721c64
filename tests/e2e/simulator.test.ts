import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getProject } from '../../src/lib/content/cache.ts';
import { loadWorkflowFile, workflowFiles } from '../../src/lib/workflow/load.ts';
import type { Scenario } from '../../src/lib/workflow/types.ts';
import { axeViolations } from './harness.ts';
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

const activeIds = (page: Page) => page.locator('g[data-state-id][data-active="true"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state-id')));

async function openFresh(path: string, options: { width?: number } = {}): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}${path}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.wf-sim:not([hidden])').first().waitFor();
  expect(errors).toEqual([]);
  return page;
}

async function chooseScenario(page: Page, scenario: string, mode: 'guided' | 'challenge' = 'guided') {
  const sim = page.locator('.wf-sim').first();
  await sim.locator('[data-sim-scenario]').selectOption(scenario);
  await sim.locator(`[data-sim-modes] input[value="${mode}"]`).check();
}

/**
 * Walks a scenario in guided mode by pressing the button the guide points to, checking every
 * state. The press is the button's own click() (the other tests click like a user does), so the
 * hundreds of steps of every scenario stay quick.
 */
async function walk(page: Page, scenario: Scenario) {
  await chooseScenario(page, scenario.id);
  for (const step of scenario.steps) {
    const button = page.locator('.wf-sim [data-sim-events] button.wf-expected');
    const types = await button.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-event')));
    expect(types, `${scenario.id}: one button for ${step.event.type}`).toHaveLength(1);
    expect(types[0] === step.event.type || types[0]?.startsWith('xstate.after.')).toBe(true);
    await button.evaluate((b) => (b as HTMLButtonElement).click());
    await expect(activeIds(page), `${scenario.id} after ${step.event.type}`).resolves.toContain(step.expect);
  }
  await expect(activeIds(page)).resolves.toContain(scenario.final);
}

describe('workflow simulator', () => {
  it('walks a scenario by clicking events, moves data-active, and keeps the position over a reload', async () => {
    const scenario = birth!.scenarios.find((s) => s.id === 'late-home-birth-approved')!;
    const page = await openFresh(birth!.path!);
    await expect(activeIds(page)).resolves.toEqual(['notification']);
    await chooseScenario(page, scenario.id);
    for (const step of scenario.steps.slice(0, 4)) {
      await page.click(`.wf-sim [data-event="${step.event.type}"]`);
      await expect(activeIds(page)).resolves.toEqual([step.expect]);
    }
    await expect(page.locator('.wf-sim [data-sim-log] li').count()).resolves.toBe(4);
    await page.reload();
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await expect(activeIds(page)).resolves.toEqual(['supervisorReview']);
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe(scenario.id);
    await expect(page.locator('.wf-sim [data-sim-log] li').count()).resolves.toBe(4);
    // A position saved for another version of the machine, or one that no longer replays, is dropped.
    for (const spoil of ['{ ...saved, fingerprint: "older" }', '{ ...saved, log: [...saved.log, { type: "record.registered" }] }']) {
      await page.evaluate(`(() => { const key = 'sopkit:simulator:birth-registration'; const saved = JSON.parse(localStorage.getItem(key)); localStorage.setItem(key + ':keep', JSON.stringify(saved)); localStorage.setItem(key, JSON.stringify(${spoil})); })()`);
      await page.reload();
      await page.locator('.wf-sim:not([hidden])').waitFor();
      await expect(activeIds(page)).resolves.toEqual(['notification']);
      await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe('');
      await page.evaluate(`localStorage.setItem('sopkit:simulator:birth-registration', localStorage.getItem('sopkit:simulator:birth-registration:keep'))`);
      await page.reload();
      await page.locator('.wf-sim:not([hidden])').waitFor();
      await expect(activeIds(page)).resolves.toEqual(['supervisorReview']);
    }
    // Undo goes back one step; "Start again" to the beginning of the case.
    await page.click('.wf-sim [data-sim-undo]');
    await expect(activeIds(page)).resolves.toEqual(['verification']);
    await page.click('.wf-sim [data-sim-reset]');
    await expect(activeIds(page)).resolves.toEqual(['notification']);
    await page.close();
  });

  it('opens the case a link names (a case study can point to its scenario)', async () => {
    const page = await openFresh(birth!.path!);
    await page.goto(`${site.url}${birth!.path}?workflow=birth-registration&scenario=foundling-market#practise-birth-registration`);
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe('foundling-market');
    await expect(page.locator('.wf-sim [data-sim-desc]').textContent()).resolves.toMatch(/newborn boy/);
    await page.close();
  });

  it('disables an event whose guard fails and shows why', async () => {
    const page = await openFresh(birth!.path!);
    await chooseScenario(page, 'on-time-facility');
    const home = page.locator('.wf-sim [data-event="community.notified"]');
    await expect(home.isDisabled()).resolves.toBe(true);
    const reason = await page.locator(`#${await home.getAttribute('aria-describedby')}`).textContent();
    expect(reason).toContain('is home birth');
    // Editing the case data re-evaluates the guards.
    await page.locator('.wf-sim [data-sim-case] summary').click();
    await page.locator('.wf-sim [data-sim-form] select[name="placeOfBirth"]').selectOption('home');
    await expect(home.isDisabled()).resolves.toBe(false);
    await expect(page.locator('.wf-sim [data-event="facility.notified"]').isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it('challenge mode asks where the case goes, counts wrong choices without moving, and scores the case', async () => {
    const scenario = birth!.scenarios.find((s) => s.id === 'fictitious-twins')!;
    const page = await openFresh(birth!.path!);
    await chooseScenario(page, scenario.id, 'challenge');
    await expect(page.locator('.wf-sim button.wf-expected').count()).resolves.toBe(0);
    await expect(page.locator('.wf-sim [data-sim-events] button:disabled').count()).resolves.toBe(0);
    // At notification, "facility notified" is a way out, but this case starts with the declaration.
    await page.click('.wf-sim [data-event="facility.notified"]');
    await expect(page.locator('.wf-sim [data-sim-wrong]').textContent()).resolves.toBe('Wrong choices: 1');
    await expect(activeIds(page)).resolves.toEqual(['notification']);
    const choose = (step: (typeof scenario.steps)[number]) => page.click(`.wf-sim [data-event="${step.event.type}"][data-target="${step.expect}"]`);
    for (const step of scenario.steps.slice(0, 2)) await choose(step);
    // The right event but the wrong branch: the case is suspected of fraud, not on time.
    await page.click('.wf-sim [data-event="verification.completed"][data-target="registration"]');
    await expect(page.locator('.wf-sim [data-sim-wrong]').textContent()).resolves.toBe('Wrong choices: 2');
    await expect(page.locator('.wf-sim [data-sim-guide]').textContent()).resolves.toMatch(/Reread section 6.3/);
    for (const step of scenario.steps.slice(2)) await choose(step);
    await expect(activeIds(page)).resolves.toEqual([scenario.final]);
    const score = await page.locator('.wf-sim [data-sim-score]').textContent();
    expect(score).toContain(`${scenario.steps.length - 2} of ${scenario.steps.length} steps right first time, 2 wrong choices`);
    await expect(page.locator('.wf-sim [data-sim-score] li').allTextContents()).resolves.toEqual(['6.1', '6.3']);
    await page.close();
  });

  it('can be walked with the keyboard only', async () => {
    const scenario = birth!.scenarios.find((s) => s.id === 'on-time-facility')!;
    const page = await openFresh(birth!.path!);
    await page.locator('.wf-sim [data-sim-scenario]').focus();
    await page.keyboard.press('ArrowDown'); // the first case
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe(birth!.scenarios[0]!.id);
    expect(birth!.scenarios[0]!.id).toBe(scenario.id);
    for (const step of scenario.steps) {
      // Tab until the focus is on the event the case calls for, then press Enter.
      for (let i = 0; i < 30; i++) {
        const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.event);
        if (focused === step.event.type) break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await expect(activeIds(page)).resolves.toEqual([step.expect]);
    }
    await page.close();
  });

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
      await page.close();
    }
  });

  it('has no WCAG 2.1 A/AA violations with the simulator running (axe-core)', async () => {
    const page = await openFresh(birth!.path!, { width: 360 });
    await chooseScenario(page, 'refugee-date-corrected', 'challenge');
    await page.click('.wf-sim [data-event="declaration.submitted"]'); // a wrong choice: feedback shown
    await page.locator('.wf-sim [data-sim-case] summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  // Each page is its own browser context (its own localStorage), so the machines walk side by side.
  for (const { id, path, scenarios } of pages.filter((p) => p.path)) {
    it.concurrent(`walks every scenario of ${id} in the browser`, async () => {
      const page = await openFresh(path!);
      for (const scenario of scenarios) await walk(page, scenario);
      await page.close();
    });
  }
});
