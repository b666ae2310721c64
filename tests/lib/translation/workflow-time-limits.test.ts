import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { validateYaml } from '../../../src/lib/content/validate.ts';
import { checkWorkflowLabels, sourceIds } from '../../../src/lib/translation/check-lists.ts';
import { graphIn, workflowLabelsIn } from '../../../src/lib/translation/workflow-labels.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { scenarioPathSteps } from '../../../src/lib/workflow/path-graph.ts';
import { stepRows } from '../../../src/lib/workflow/steps.ts';
import { workflowLabelsSchema } from '../../../src/schemas/translation.ts';

const repo = join(import.meta.dirname, '../../..');
const project = loadProject(repo);
const birth = await loadWorkflowFile(repo, join(repo, 'workflows/birth-registration.machine.ts'));
const noRole = () => undefined;
const rowsIn = (lang: string | undefined) => stepRows(graphIn(birth, workflowLabelsIn(project, lang, 'birth-registration'), lang), noRole);
const param = (id: string, lang: string) => project.parameters.text(id, lang);
/** What the check finds in a birth-registration labels file of the fixtures, but the words it lacks. */
const labelsFileFindings = (name: string) => {
  const file = `tests/fixtures/translation/workflow-labels/${name}`;
  const v = validateYaml(readFileSync(join(repo, file), 'utf8'), workflowLabelsSchema, file, 'translation/workflow-labels');
  return checkWorkflowLabels({ id: 'birth-registration', file, labels: v.value!, yaml: v.yaml! }, birth, ['birth-registration'], sourceIds(project).parameters).filter((d) => d.code !== 'translation/workflow-missing');
};

describe('time limits in the reader’s language', () => {
  it('a French step table row shows the French time limit, the parameter worded in French', () => {
    const row = rowsIn('fr').find((r) => r.path === 'notification');
    expect(row?.sla).toBe(`dans un délai de ${param('birth-notification-period', 'fr')} à compter de la naissance`);
    expect(row?.sla).not.toMatch(/days|\{param:/);
    // A time limit that is only a parameter: its French unit (`jour ouvrable`), not the English one.
    expect(rowsIn('fr').find((r) => r.path === 'verification')?.sla).toBe(param('birth-verification-time', 'fr'));
    expect(param('birth-verification-time', 'fr')).not.toBe(param('birth-verification-time', 'en'));
  });

  it('an Arabic row has the Arabic words and the parameter in Arabic', () => {
    const row = rowsIn('ar').find((r) => r.path === 'notification');
    expect(row?.sla).toBe(`خلال ${param('birth-notification-period', 'ar')} من تاريخ الولادة`);
  });

  it('every time limit of the translated machines is translated, each {param:id} worded', async () => {
    for (const [lang, id] of [['fr', 'birth-registration'], ['ar', 'birth-registration'], ['fr', 'national-id-enrolment'], ['ar', 'national-id-enrolment'], ['ar', 'document-replacement'], ['ar', 'civil-status-correction'], ['ar', 'data-quality-audit'], ['ar', 'personal-data-requests'], ['ar', 'refugee-registration'], ['ar', 'proof-of-nationality'], ['fr', 'refugee-registration'], ['fr', 'proof-of-nationality'], ['fr', 'appeals-grievances'], ['fr', 'foreign-residents'], ['ar', 'appeals-grievances'], ['ar', 'foreign-residents']] as const) {
      const loaded = await loadWorkflowFile(repo, join(repo, `workflows/${id}.machine.ts`));
      const labels = workflowLabelsIn(project, lang, id);
      const english = stepRows(graphIn(loaded, undefined), noRole).filter((r) => r.sla);
      const translated = stepRows(graphIn(loaded, labels, lang), noRole);
      expect(english.length, id).toBeGreaterThan(10);
      for (const r of english) {
        const sla = translated.find((x) => x.path === r.path)?.sla;
        expect(sla, `${lang} ${id} ${r.path}`).toBeTruthy();
        expect(sla, `${lang} ${id} ${r.path}`).not.toBe(r.sla);
        expect(sla).not.toContain('{param:');
      }
    }
  });

  it('every Arabic words file has words for every state, event, guard, delay, scenario and case field of its machine', async () => {
    // The check's own rule (translation/workflow-missing, unknown ids, time limits), file by file:
    // a step left in English shows in the Arabic diagram, job aid and simulator.
    const ids = readdirSync(join(repo, 'workflows/ar')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(ids).toEqual(expect.arrayContaining(['personal-data-requests', 'refugee-registration', 'proof-of-nationality', 'appeals-grievances', 'foreign-residents']));
    for (const id of ids) {
      const file = `workflows/ar/${id}.yaml`;
      const v = validateYaml(readFileSync(join(repo, file), 'utf8'), workflowLabelsSchema, file, 'translation/workflow-labels');
      const loaded = await loadWorkflowFile(repo, join(repo, `workflows/${id}.machine.ts`));
      expect(checkWorkflowLabels({ id, file, labels: v.value!, yaml: v.yaml! }, loaded, [id], sourceIds(project).parameters), file).toEqual([]);
    }
  });

  it('every French words file has words for every state, event, guard, delay, scenario and case field of its machine', async () => {
    // The check's own rule (translation/workflow-missing, unknown ids, time limits), file by file:
    // a step left in English shows in the French diagram, job aid and simulator.
    const ids = readdirSync(join(repo, 'workflows/fr')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(ids).toEqual(expect.arrayContaining(['personal-data-requests', 'proof-of-nationality', 'appeals-grievances', 'foreign-residents']));
    // certified-copies stays without French words: the browser tests' workflow with no words in the language.
    expect(ids).not.toContain('certified-copies');
    for (const id of ids) {
      const file = `workflows/fr/${id}.yaml`;
      const v = validateYaml(readFileSync(join(repo, file), 'utf8'), workflowLabelsSchema, file, 'translation/workflow-labels');
      const loaded = await loadWorkflowFile(repo, join(repo, `workflows/${id}.machine.ts`));
      expect(checkWorkflowLabels({ id, file, labels: v.value!, yaml: v.yaml! }, loaded, [id], sourceIds(project).parameters), file).toEqual([]);
    }
  });

  it('an Arabic scenario names the country\'s period in its case: a nationality application stays open for it', () => {
    const scenarios = workflowLabelsIn(project, 'ar', 'proof-of-nationality')?.scenarios;
    expect(scenarios?.['documents-never-brought-lapsed']?.description).toContain(`مفتوحًا ${project.parameters.text('nationality-evidence-period', 'ar', 'accusative')}`);
    expect(scenarios?.['decision-overdue-reassigned']?.description).toContain(`الملف ${project.parameters.text('nationality-decision-time', 'ar', 'accusative')}`);
    for (const s of Object.values(scenarios ?? {})) expect(s.description).not.toContain('{param:');
    // So does a foreign resident's returned application, and the notice before deactivation after بعد, in the genitive.
    const residents = workflowLabelsIn(project, 'ar', 'foreign-residents')?.scenarios;
    expect(residents?.['permit-left-home-lapsed']?.description).toContain(`مفتوحًا ${project.parameters.text('id-application-period', 'ar', 'accusative')}`);
    expect(residents?.['permit-ended-then-renewed']?.description).toContain(`بعد ${project.parameters.text('permit-grace-period', 'ar', 'genitive')}`);
    for (const s of Object.values(residents ?? {})) expect(s.description).not.toContain('{param:');
  });

  it("words each {param:id} of a case field's label, help and choices in the reader's language", () => {
    // The French simulator's date field said "jusqu'à la fin du délai légal" where the English
    // says "Up to 90 days after the birth": a trainee classifying a case needs the number.
    const words = workflowLabelsIn(project, 'fr', 'birth-registration');
    const help = words?.fields['declarationDate']?.help ?? '';
    expect(help).toContain(param('birth-registration-period', 'fr'));
    expect(help).toContain(param('birth-grace-period', 'fr'));
    expect(help).not.toContain('{param:');
    const ar = workflowLabelsIn(project, 'ar', 'birth-registration')?.fields['declarationDate']?.help ?? '';
    expect(ar).toContain(param('birth-registration-period', 'ar'));
    expect(ar).not.toContain('{param:');
    // The Arabic enrolment simulator's age hint says the country's age, as the French one does.
    const age = workflowLabelsIn(project, 'ar', 'national-id-enrolment')?.fields['minimumAge']?.help ?? '';
    expect(age).toContain(param('id-enrolment-age', 'ar'));
    expect(age).not.toContain('{param:');
    // A count in an Arabic hint is the country's, with its Arabic noun and, after بعد or من, its case.
    const audit = workflowLabelsIn(project, 'ar', 'data-quality-audit')?.fields;
    expect(audit?.['randomSample']?.help).toContain(param('audit-sample-size', 'ar'));
    // Said with its Arabic noun ("100 قيد"), not as a bare number.
    for (const id of ['audit-sample-size', 'bulk-request-records']) expect(param(id, 'ar'), id).toMatch(/\d [\u0600-\u06ff]/);
    expect(audit?.['correctionRounds']?.help).toContain(`بعد ${project.parameters.text('audit-correction-returns', 'ar', 'genitive')} `);
    const bulk = workflowLabelsIn(project, 'ar', 'personal-data-requests')?.fields['recordsRequested']?.help ?? '';
    expect(bulk).toContain(`من ${project.parameters.text('bulk-request-records', 'ar', 'genitive')}`);
    expect(bulk).not.toContain('{param:');
  });

  it('keeps the machine’s own time limits in English (no labels file)', () => {
    expect(rowsIn(undefined).find((r) => r.path === 'notification')?.sla).toBe(birth.module.machine.config.states?.notification?.meta?.sla);
  });

  it('a path view in French has the steps’ French titles, time limits and the scenario’s French title', () => {
    const words = workflowLabelsIn(project, 'fr', 'birth-registration');
    const view = scenarioPathSteps(birth, 'on-time-facility', noRole, { graph: graphIn(birth, words, 'fr'), title: words?.scenarios['on-time-facility']?.title });
    expect(view.title).toBe(words?.scenarios['on-time-facility']?.title);
    expect(view.steps[0]?.title).toBe(words?.states.notification);
    expect(view.steps[0]?.sla).toContain('à compter de la naissance');
    expect(view.steps[1]?.via).toBe(words?.events['facility.notified']);
    const english = scenarioPathSteps(birth, 'on-time-facility', noRole);
    expect(english.steps).toHaveLength(view.steps.length);
    expect(english.steps[0]?.title).toBe('Notify the birth');
  });
});

describe('the sla section of a labels file', () => {
  it('is checked: an unknown state, a state with no time limit and an unknown parameter are errors at their line', () => {
    const found = labelsFileFindings('fr-birth-registration-sla.yaml');
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ['translation/unknown-id', 5],
      ['translation/unknown-id', 6],
      ['params/unknown', 7],
    ]);
    expect(found[0]?.message).toMatch(/^sla\.nowhere: the machine has no such state with a time limit \(meta\.sla\); states with one: .*notification/);
    expect(found[2]?.message).toContain('{param:no-such-period}');
  });

  it("checks the parameters a scenario's title and description name, at their lines", () => {
    const found = labelsFileFindings('fr-birth-registration-scenario-params.yaml');
    expect(found.map((d) => [d.code, d.line, d.message.split(':')[0]])).toEqual([
      ['params/unknown', 8, 'scenarios.on-time-facility.title'],
      ['params/unknown', 9, 'scenarios.on-time-facility.description'],
    ]);
  });

  it("checks the parameters a case field's label, help and choices name, at their lines", () => {
    const found = labelsFileFindings('fr-birth-registration-field-params.yaml');
    expect(found.map((d) => [d.code, d.line, d.message.split(':')[0]])).toEqual([
      ['params/unknown', 5, 'fields.declarationDate.label'],
      ['params/unknown', 6, 'fields.declarationDate.help'],
      ['params/unknown', 10, 'fields.placeOfBirth.options.facility'],
    ]);
  });

  it('accepts a labels file without one (the files written before time limits)', () => {
    expect(workflowLabelsSchema.parse({ states: { a: 'A' } }).sla).toEqual({});
  });
});
