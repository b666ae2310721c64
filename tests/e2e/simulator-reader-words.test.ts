// An SOP not translated into the reader's language keeps its text in its own, but its workflow —
// diagram, steps and simulator — speaks the reader's language where `workflows/<lang>/<id>.yaml`
// words it: a French trainee sent from a French module's case study to practise it meets the case
// in the words the module quoted. A workflow with no words in the language stays as the SOP is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { workflowLabelsSchema, type WorkflowLabels } from '../../src/schemas/translation.ts';
import { workflowCaption } from '../../src/lib/workflow/caption.ts';
import { axeViolations } from './harness.ts';
import { LONG, openFresh } from './simulator-helpers.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const root = process.cwd();
const labels = (lang: string, id: string): WorkflowLabels => workflowLabelsSchema.parse(YAML.parse(readFileSync(join(root, `workflows/${lang}/${id}.yaml`), 'utf8')));
const exists = (path: string) => {
  try {
    readFileSync(join(root, path));
    return true;
  } catch {
    return false;
  }
};

// An SOP with no translation in the language, whose workflow has words in it (the correction SOP is
// kept untranslated in both languages for this and the other browser tests of that premise).
const cases = [
  { lang: 'fr', sop: 'civil-status-correction', scenario: 'clerical-more-evidence' },
  { lang: 'ar', sop: 'civil-status-correction', scenario: 'date-of-birth-objection-sustained' },
] as const;

describe.each(cases)('the $sop workflow on the $lang page of the SOP not translated', ({ lang, sop, scenario }) => {
  it('premise: the SOP is not translated into the language, its workflow is', () => {
    expect(exists(`content/${lang}/sops/${sop}.mdx`)).toBe(false);
    expect(exists(`workflows/${lang}/${sop}.yaml`)).toBe(true);
  });

  it("draws the diagram and runs the case study's scenario in the reader's words, the SOP's text in its own", { timeout: LONG }, async () => {
    const words = labels(lang, sop);
    const page = await openFresh(site.browser, `${site.url}/${lang}/sops/${sop}/?workflow=${sop}&scenario=${scenario}#practise-${sop}`);
    await expect(page.locator('.sop-body').getAttribute('lang')).resolves.toBe('en');
    const figure = page.locator('figure.workflow').first();
    await expect(figure.getAttribute('lang')).resolves.toBe(lang);
    const svgText = await figure.locator('svg.wf-diagram').evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' ').replace(/\s+/g, ' '));
    const first = Object.values(words.states)[0]!;
    for (const word of first.split(' ')) expect(svgText).toContain(word);
    await expect(figure.locator('figcaption').textContent()).resolves.toBe(workflowCaption('figure', lang, { id: sop, title: words.title ?? sop }, sop));
    // The case the link named, chosen, in the reader's words.
    await expect(page.locator('.wf-sim [data-sim-scenario] option:checked').textContent()).resolves.toBe(words.scenarios[scenario]!.title);
    await expect(page.locator('.wf-sim [data-sim-desc]').textContent()).resolves.toBe(words.scenarios[scenario]!.description);
    const now = await page.locator('.wf-sim [data-sim-now]').first().textContent();
    expect(Object.values(words.states).some((title) => now?.includes(title))).toBe(true);
    // The steps in text, in the reader's words too.
    const steps = await figure.locator('.wf-text').textContent();
    expect(steps).toContain(first);
    if (lang === 'ar') expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("keeps the source's words on the source's own page", { timeout: LONG }, async () => {
    const page = await openFresh(site.browser, `${site.url}/sops/${sop}/`);
    const figure = page.locator('figure.workflow').first();
    await expect(figure.getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('.wf-sim-title').first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('en');
    const svgText = await figure.locator('svg.wf-diagram').evaluate((svg) => svg.textContent ?? '');
    expect(svgText).not.toContain(labels(lang, sop).title!);
    await page.close();
  });
});

describe('a workflow with no words in the language', () => {
  it('stays in the SOP\'s language on the translated site', { timeout: LONG }, async () => {
    // Certified copies: the one procedure the model pack keeps with no words in French (its test
    // is the untranslated one of the other browser tests too).
    expect(exists('workflows/fr/certified-copies.yaml')).toBe(false);
    expect(exists('content/fr/sops/certified-copies.mdx')).toBe(false);
    const page = await openFresh(site.browser, `${site.url}/fr/sops/certified-copies/`);
    const figure = page.locator('figure.workflow').first();
    await expect(figure.getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('.wf-sim-title').first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('en');
    await page.close();
  });
});
