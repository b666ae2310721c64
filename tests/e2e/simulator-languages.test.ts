// The workflow diagram and simulator in the reader's language, on the French and Arabic birth
// registration pages: the words come from workflows/<lang>/birth-registration.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadWorkflowFile } from '../../src/lib/workflow/load.ts';
import { workflowLabelsSchema, type WorkflowLabels } from '../../src/schemas/translation.ts';
import { axeViolations } from './harness.ts';
import { chooseScenario, LONG, openFresh, waitForActive } from './simulator-helpers.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const root = process.cwd();
const { module } = await loadWorkflowFile(root, join(root, 'workflows/birth-registration.machine.ts'));
const labels = (lang: string): WorkflowLabels => workflowLabelsSchema.parse(YAML.parse(readFileSync(join(root, `workflows/${lang}/birth-registration.yaml`), 'utf8')));
const scenario = module.scenarios.find((s) => s.id === 'late-home-birth-approved')!;
const english = (path: string) => module.machine.getStateNodeById(`birth-registration.${path}`).meta?.title as string;

describe.each(['fr', 'ar'])('the birth registration workflow in %s', (lang) => {
  const words = labels(lang);

  it('draws the diagram, the buttons and the current step in the language, and runs a case to its end in it', { timeout: LONG }, async () => {
    const page = await openFresh(site.browser, `${site.url}/${lang}/sops/birth-registration/`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
    // The diagram's SVG text: the translated titles, not the machine's.
    const svgText = await page.locator('svg.wf-diagram').first().evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' '));
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const path of ['notification', 'reception', 'verification']) {
      for (const word of words.states[path]!.split(' ')) expect(flat(svgText), path).toContain(word);
    }
    expect(svgText).not.toContain(english('reception'));
    if (lang === 'ar') {
      const dirs = await page.locator('svg.wf-diagram text[direction="rtl"]').count();
      expect(dirs).toBeGreaterThan(20);
      await expect(page.locator('.wf-scroll').first().getAttribute('dir')).resolves.toBe('ltr');
    }
    // The simulator: current step and buttons.
    await waitForActive(page, ['notification']);
    const now = page.locator('.wf-sim [data-sim-now]').first();
    await expect(now.textContent()).resolves.toContain(words.states.notification);
    await chooseScenario(page, scenario.id);
    await expect(page.locator('.wf-sim [data-sim-scenario] option:checked').textContent()).resolves.toBe(words.scenarios[scenario.id]!.title);
    await expect(page.locator('.wf-sim [data-sim-desc]').textContent()).resolves.toBe(words.scenarios[scenario.id]!.description);
    await expect(page.locator('.wf-sim [data-sim-form] label[for$="-f-placeOfBirth"]').textContent()).resolves.toBe(words.fields.placeOfBirth!.label);
    for (const [i, step] of scenario.steps.entries()) {
      const button = page.locator(`.wf-sim [data-sim-events] button[data-event="${step.event.type}"]`).first();
      const label = step.event.type.startsWith('after.') ? undefined : words.events[step.event.type];
      if (label) await expect(button.textContent()).resolves.toContain(label);
      await button.click();
      const expected = step.expect.split('.').pop()!;
      await waitForActive(page, [step.expect], 'including', `step ${i + 1}`);
      const title = words.states[step.expect] ?? words.states[expected];
      if (title && i < scenario.steps.length - 1) await expect(now.textContent()).resolves.toContain(title);
    }
    // The end: the procedure's final state named in the language, every log line in it.
    const done = page.locator('.wf-sim [data-sim-events] li').first();
    await expect(done.textContent()).resolves.toContain(words.states[scenario.final]!);
    const log = await page.locator('.wf-sim [data-sim-log] li').allTextContents();
    expect(log).toHaveLength(scenario.steps.length);
    expect(log[0]).toContain(words.events[scenario.steps[0]!.event.type]!);
    // Challenge mode: the score in the language, with its plural forms.
    await chooseScenario(page, scenario.id, 'challenge');
    for (const step of scenario.steps) {
      const choices = page.locator(`.wf-sim [data-sim-events] button[data-event="${step.event.type}"][data-target]`);
      const targets = await choices.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-target')));
      const right = targets.indexOf(step.expect) >= 0 ? targets.indexOf(step.expect) : 0;
      await choices.nth(right).click();
      await waitForActive(page, [step.expect], 'including');
    }
    const score = await page.locator('.wf-sim [data-sim-score]').first().textContent();
    expect(score).toMatch(lang === 'fr' ? /^Cas terminé\u00a0: \d+ sur \d+ étapes justes du premier coup, 0 mauvais choix\./ : /^انتهت الحالة: الخطوات الصحيحة من المحاولة الأولى: .+، ولا اختيار خاطئ\./);
    if (lang === 'ar') expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
