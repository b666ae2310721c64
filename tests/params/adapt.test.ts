import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../src/lib/assessment/quiz-load.ts';
import { runChecks } from '../../src/lib/check/index.ts';
import { loadProject } from '../../src/lib/content/project.ts';
import { renderSopHandbook } from '../../src/lib/handbook/handbook.ts';
import { countryProfile } from '../../src/lib/params/profile.ts';
import { graphOf } from '../../src/lib/workflow/graph.ts';
import { layoutWorkflow } from '../../src/lib/workflow/layout.ts';
import { loadWorkflow, type LoadedWorkflow } from '../../src/lib/workflow/load.ts';
import { flattenRows, stepRows } from '../../src/lib/workflow/steps.ts';
import { pdfText, saveTo } from '../lib/handbook/pdf-tools.ts';
import { copyModelPack, copyProject, rewriteLateItem, setParameter, tempFolder } from './project.ts';

// The same fixture project twice: with the model value of the late-registration period (30 days)
// and with the country's value (60 days). Nothing else differs.
const parent = tempFolder('sopkit-params-');
let model: string;
let changed: string;
afterAll(() => rmSync(parent, { recursive: true, force: true }));
beforeAll(() => {
  model = copyProject(parent, 'model');
  changed = copyProject(parent, 'changed', (root) => setParameter(root, 'late-registration-period', 60));
});

/** The state a case of `days` days ends in after the declaration is checked. */
function routeOf(loaded: LoadedWorkflow, days: number): string {
  const actor = createActor(loaded.module.machine, { input: { daysSinceEvent: days } }).start();
  actor.send({ type: 'declaration.checked' });
  const value = actor.getSnapshot().value;
  actor.stop();
  return String(value);
}

describe('one parameter changed in content/parameters.yaml', () => {
  it('leaves the model clean for sopkit check, and stops the changed one at the quiz item whose key it breaks', async () => {
    expect((await runChecks(model, { today: '2026-06-01' })).diagnostics).toEqual([]);
    // px-01 declares the event 45 days after it and its key says late: true under 30 days, wrong
    // under 60. Its assumes line makes that an error at the line, not a silently wrong score.
    const { diagnostics } = await runChecks(changed, { today: '2026-06-01' });
    const line = readFileSync(join(changed, 'quizzes/registration.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('late-registration-period < 45 days')) + 1;
    expect(diagnostics.map((d) => [d.file, d.line, d.severity, d.code, d.message])).toEqual([
      ['quizzes/registration.yaml', line, 'error', 'params/assumption', 'item px-01 assumes late-registration-period < 45 days ("45 days is late"), but content/parameters.yaml sets 60 days (the model value: 30 days); its dates or figures and its key were written for other values: rewrite the item for the country\'s value (or take it out of the quiz), then its assumes line'],
    ]);
    // Rewritten for the country (the event declared 75 days after it), the project is clean again.
    const rewritten = copyProject(parent, 'rewritten', (root) => {
      setParameter(root, 'late-registration-period', 60);
      rewriteLateItem(root, 75);
    });
    expect((await runChecks(rewritten, { today: '2026-06-01' })).diagnostics).toEqual([]);
  });

  it("changes the simulator's classification of the same case", async () => {
    // 45 days after the event: late under a 30-day period, on time under a 60-day one.
    expect(routeOf(await loadWorkflow(model, 'registration'), 45)).toBe('lateReview');
    expect(routeOf(await loadWorkflow(changed, 'registration'), 45)).toBe('registration');
    // Loading one project does not change the values the other's machine was loaded with.
    const first = await loadWorkflow(model, 'registration');
    await loadWorkflow(changed, 'registration');
    expect(routeOf(first, 45)).toBe('lateReview');
  });

  it('changes the step table and the diagram labels', async () => {
    for (const [root, text] of [[model, 'late after 30 days'], [changed, 'late after 60 days']] as const) {
      const loaded = await loadWorkflow(root, 'registration');
      const row = flattenRows(stepRows(graphOf(loaded))).find((r) => r.path === 'lateReview');
      expect(row?.sla).toBe(text);
      const layout = await layoutWorkflow(loaded, { cacheDir: false, root });
      expect(JSON.stringify(layout)).toContain(text);
      expect(JSON.stringify(layout)).toContain('after appeal period (21 days)');
    }
  });

  it('changes the quiz item that computes with it, wherever quiz text is read', () => {
    const stem = (root: string) => loadQuizFile(root, join(root, 'quizzes/registration.yaml')).quiz?.items[0]?.stem;
    expect(stem(model)).toBe('The legal period is 30 days. An event is declared 45 days after it happened. Who decides?');
    expect(stem(changed)).toBe('The legal period is 60 days. An event is declared 45 days after it happened. Who decides?');
  });

  it('changes the handbook PDF: the text, the step facts, the step table and the forms annex', async () => {
    const pdf = saveTo(parent, 'changed.pdf', await renderSopHandbook(loadProject(changed), 'registration', { edition: 'participant', paper: 'a4' }));
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('An event declared within 60 days is on time');
    expect(text).toContain('60 days after the event, then 5 working days');
    expect(text).toContain('late after 60 days');
    expect(text).toContain('declare within 60 days');
    expect(text).not.toMatch(/\b30 days\b/);
  });

  it('lists the value, the model value and every place it is used on the country profile', async () => {
    const groups = await countryProfile(loadProject(changed), 'en');
    const entry = groups.flatMap((g) => g.entries).find((e) => e.parameter.id === 'late-registration-period');
    expect(entry).toMatchObject({ value: '60 days', model: '30 days', changed: true });
    expect(entry?.uses.map((u) => `${u.kind} ${u.label} ${u.path ?? ''}`)).toEqual([
      'sop SOP-PX-01 §6 Procedure /sops/registration/#procedure',
      'sop SOP-PX-01 §6.2 Decide a late case /sops/registration/#decide-a-late-case',
      'sop SOP-PX-01 §10 Forms annex /sops/registration/#forms-annex',
      'workflow SOP-PX-01 workflow: Receive the declaration (§6.1) /sops/registration/#receive-the-declaration',
      'workflow SOP-PX-01 workflow: Supervisor decides the late case (§6.2) /sops/registration/#decide-a-late-case',
      'quiz Registration with parameters: item px-01 /assessments/registration/pre/#q-px-01',
      'glossary Glossary: Late registration /glossary/#late-registration',
    ]);
  });

  it("changes a glossary definition that names it; check reports an unknown parameter or a value typed in a definition", async () => {
    const definition = (root: string) => loadProject(root).glossary.find((g) => g.id === 'late-registration')?.definition;
    expect(definition(model)).toBe('The registration of a vital event after the legal period, here 30 days from the event.');
    expect(definition(changed)).toBe('The registration of a vital event after the legal period, here 60 days from the event.');
    const root = copyProject(parent, 'glossary-values', (r) => {
      const file = join(r, 'content/glossary.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}- id: appeal\n  term: Appeal\n  definition: "A request, within 21 days, to review a decision ({param:apeal-period})."\n`);
    });
    const found = (await runChecks(root, { today: '2026-06-01' })).diagnostics.filter((d) => d.file === 'content/glossary.yaml').sort((a, b) => b.code.localeCompare(a.code));
    expect(found.map((d) => [d.line, d.severity, d.code])).toEqual([
      [12, 'error', 'params/unknown'],
      [12, 'warning', 'params/hard-coded'],
    ]);
    expect(found[0]?.message).toContain('no parameter "apeal-period"');
    expect(found[1]?.message).toContain('"21 days" is the value of parameter appeal-period');
  });

  it('reports a parameter a machine names that does not exist, at its line', async () => {
    const root = copyProject(parent, 'unknown-in-machine', (r) => {
      const file = join(r, 'workflows/registration.machine.ts');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n/** Never called: only the checker reads it. */\nexport const unused = () => param('late-registration-priod');\n`);
    });
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const line = readFileSync(join(root, 'workflows/registration.machine.ts'), 'utf8').split('\n').findIndex((l) => l.includes('late-registration-priod')) + 1;
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      `workflows/registration.machine.ts:${line}:35 error params/unknown param('late-registration-priod'): no parameter "late-registration-priod" in content/parameters.yaml (did you mean "late-registration-period"?); add it there or fix the id`,
    ]);
  });
});

describe('a value written with its unit ("60 days")', () => {
  const parent = tempFolder('adapt-bad-value-');
  const root = join(parent, 'pack');
  copyModelPack(root);
  const file = join(root, 'content/parameters.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(- id: birth-registration-period\n(?:  .*\n)*?  value: )90/, '$1"60 days"'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is the one error check shows: no "longerThan: no parameter ... did you mean death-registration-period", no workflow or quiz that cannot load it', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.code])).toEqual([['content/parameters.yaml', 'params/schema']]);
    expect(errors[0]!.message).toMatch(/^parameter birth-registration-period, value: found "60 days"/);
    expect(diagnostics.find((d) => d.code === 'check/follow-on')?.message).toMatch(/^\d+ more errors naming a parameter are not shown/);
  });
});

describe('a value typed into a translated parameters file (values are set in content/parameters.yaml only)', () => {
  const parent = tempFolder('adapt-fr-value-');
  const root = join(parent, 'pack');
  copyModelPack(root);
  const file = join(root, 'content/fr/parameters.yaml');
  const text = readFileSync(file, 'utf8');
  const first = text.indexOf('\n', text.indexOf('- id: '));
  writeFileSync(file, `${text.slice(0, first + 1)}  value: 60\n${text.slice(first + 1)}`);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is the one problem check names in that file: no "has no entry for it" warnings for the entries that are there', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const here = diagnostics.filter((d) => d.file === 'content/fr/parameters.yaml');
    expect(here.map((d) => [d.severity, d.code, d.message])).toEqual([['error', 'translation/parameters', 'parameter birth-registration-period: value is set once, in content/parameters.yaml, for every language; content/fr/parameters.yaml gives only the words (label, group, why, source, noun): remove value here']]);
  });
});
