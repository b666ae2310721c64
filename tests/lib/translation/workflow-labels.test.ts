import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphIn } from '../../../src/lib/translation/workflow-labels.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { stepRows } from '../../../src/lib/workflow/steps.ts';
import { workflowLabelsSchema } from '../../../src/schemas/translation.ts';
import { machineNames } from '../../../src/lib/translation/check-lists.ts';

const root = join(import.meta.dirname, '../../fixtures/workflows/project');
const loaded = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
const labels = workflowLabelsSchema.parse({
  states: { reception: 'Recevoir la déclaration', routing: "Orienter le dossier" },
  events: { 'declaration.submitted': 'déclaration déposée' },
  guards: { isLate: 'déclarée hors délai' },
});

describe('workflow words in another language', () => {
  it('titles the steps, events and conditions from the labels file and keeps the rest', () => {
    const rows = stepRows(graphIn(loaded, labels), () => undefined);
    const reception = rows.find((r) => r.path === 'reception');
    expect(reception?.title).toBe('Recevoir la déclaration');
    expect(reception?.next.map((n) => `${n.label} → ${n.targetTitle}`)).toEqual(['déclaration déposée → Check the person and the documents']);
    const routing = rows.find((r) => r.path === 'routing');
    expect(routing?.title).toBe('Orienter le dossier');
    expect(routing?.next.map((n) => n.label)).toContain('[déclarée hors délai]');
  });

  it('is the machine itself without a labels file', () => {
    expect(stepRows(graphIn(loaded, undefined), () => undefined).find((r) => r.path === 'reception')?.title).toBe('Receive the declaration');
  });

  it('names what the machine has and the labels file does not translate, in one warning', async () => {
    const { checkWorkflowLabels } = await import('../../../src/lib/translation/check-lists.ts');
    const { parseYamlWithPositions } = await import('../../../src/lib/content/frontmatter.ts');
    const file = 'workflows/fr/registration.yaml';
    const found = checkWorkflowLabels({ id: 'registration', file, labels, yaml: parseYamlWithPositions('states: {}\n') }, loaded, ['registration']);
    expect(found.map((d) => d.code)).toEqual(['translation/workflow-missing']);
    const message = found[0]!.message;
    expect(message).toMatch(/^\d+ names of workflows\/registration\.machine\.ts have no words here \(states: /);
    expect(message).toContain('checks.identity.pending');
    expect(message).not.toMatch(/states: [^;]*\breception\b/);
    expect(message).not.toMatch(/xstate\./);
    expect(message).toMatch(/: this language's diagram, step table and simulator show them in the source's words; translate them here$/);
  });

  it('knows the names a labels file may translate', () => {
    const names = machineNames(loaded);
    expect(names.states.has('checks.identity.pending')).toBe(true);
    expect(names.events.has('declaration.submitted')).toBe(true);
    expect(names.guards.has('isLate')).toBe(true);
    expect(names.delays.has('correctionPeriod')).toBe(true);
  });
});

describe('the choices of a case field in a labels file', () => {
  it('must be values the machine offers: an unknown one is an error at its line, naming the values', async () => {
    const { readFileSync } = await import('node:fs');
    const { validateYaml } = await import('../../../src/lib/content/validate.ts');
    const { checkWorkflowLabels } = await import('../../../src/lib/translation/check-lists.ts');
    const repo = join(import.meta.dirname, '../../..');
    const birth = await loadWorkflowFile(repo, join(repo, 'workflows/birth-registration.machine.ts'));
    const file = 'tests/fixtures/translation/workflow-labels/fr-birth-registration-options.yaml';
    const v = validateYaml(readFileSync(join(repo, file), 'utf8'), workflowLabelsSchema, file, 'translation/workflow-labels');
    const found = checkWorkflowLabels({ id: 'birth-registration', file, labels: v.value!, yaml: v.yaml! }, birth, ['birth-registration']).filter((d) => d.code !== 'translation/workflow-missing');
    expect(found.map((d) => [d.code, d.line, d.message])).toEqual([
      ['translation/unknown-id', 7, 'fields.placeOfBirth.options.abroad: the field has no such choice; it has facility, home'],
    ]);
  });
});

describe("a country's value in a step, event, condition or timer of a words file", () => {
  // A translator may name a value where the words say it ("déclarée dans les {param:…}"); the
  // words files filled it in time limits, scenarios and case fields only, so a condition or a
  // timer printed the braces on the French diagram and step table, and the check said nothing.
  it('is worded in the language, as in the time limits', async () => {
    const { loadProject } = await import('../../../src/lib/content/project.ts');
    const { workflowLabelsIn } = await import('../../../src/lib/translation/workflow-labels.ts');
    const project = loadProject(process.cwd());
    const fr = project.translations.fr!;
    const words = fr.workflows.find((w) => w.id === 'birth-registration')!;
    const changed = {
      ...words,
      labels: {
        ...words.labels,
        title: 'Enregistrement des naissances ({param:birth-registration-period})',
        states: { ...words.labels.states, received: 'Recevoir la déclaration ({param:birth-registration-period})' },
        guards: { ...words.labels.guards, isOnTime: 'déclarée dans les {param:birth-registration-period}' },
        delays: { ...words.labels.delays, appealPeriod: 'après {param:appeal-period}' },
      },
    };
    const copy = { ...project, translations: { ...project.translations, fr: { ...fr, workflows: fr.workflows.map((w) => (w === words ? changed : w)) } } };
    const shown = workflowLabelsIn(copy, 'fr', 'birth-registration')!;
    const days = (id: string) => project.parameters.text(id, 'fr');
    expect(days('birth-registration-period')).toBe('90 jours');
    expect(shown.title).toBe(`Enregistrement des naissances (${days('birth-registration-period')})`);
    expect(shown.states.received).toBe(`Recevoir la déclaration (${days('birth-registration-period')})`);
    expect(shown.guards.isOnTime).toBe(`déclarée dans les ${days('birth-registration-period')}`);
    expect(shown.delays.appealPeriod).toBe(`après ${days('appeal-period')}`);
    expect(JSON.stringify(shown)).not.toContain('{param:');
  });

  it('must name a parameter of the project: the check names the section, the key and the line', async () => {
    const { checkWorkflowLabels } = await import('../../../src/lib/translation/check-lists.ts');
    const { parseYamlWithPositions } = await import('../../../src/lib/content/frontmatter.ts');
    const file = 'workflows/fr/registration.yaml';
    const text = 'guards:\n  isLate: "déclarée après les {param:late-period}"\n';
    const bad = workflowLabelsSchema.parse({ ...labels, guards: { isLate: 'déclarée après les {param:late-period}' } });
    const found = checkWorkflowLabels({ id: 'registration', file, labels: bad, yaml: parseYamlWithPositions(text) }, loaded, ['registration'], new Set(['registration-period']));
    const unknown = found.filter((d) => d.code === 'params/unknown');
    expect(unknown.map((d) => [d.message.split(':')[0], d.line])).toEqual([['guards.isLate', 2]]);
    expect(unknown[0]!.message).toContain('{param:late-period}');
  });
});
