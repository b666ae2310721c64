import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { checkWorkflows } from '../../../src/lib/workflow/check.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/workflows');
// The machine with a syntax error is kept as .txt so that `tsc` over the repository stays clean;
// it becomes a workflow in a copy of the fixture project (inside the repository, so that the
// machines still find the xstate package).
mkdirSync(join(process.cwd(), '.sopkit-cache'), { recursive: true });
const root = mkdtempSync(join(process.cwd(), '.sopkit-cache', 'wf-check-'));
let found: Diagnostic[] = [];

beforeAll(async () => {
  cpSync(join(fixtures, 'project'), root, { recursive: true });
  copyFileSync(join(fixtures, 'broken.machine.ts.txt'), join(root, 'workflows/broken.machine.ts'));
  copyFileSync(join(fixtures, 'bad-target.machine.ts.txt'), join(root, 'workflows/bad-target.machine.ts'));
  copyFileSync(join(fixtures, 'throws-object.machine.ts.txt'), join(root, 'workflows/throws-object.machine.ts'));
  copyFileSync(join(fixtures, 'always-loop.machine.ts.txt'), join(root, 'workflows/always-loop.machine.ts'));
  copyFileSync(join(fixtures, 'no-final.machine.ts.txt'), join(root, 'workflows/no-final.machine.ts'));
  found = await checkWorkflows({ project: loadProject(root), today: '2026-06-01' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The diagnostics of one file with one code, as `line:col message`. */
const of = (file: string, code: string) => found.filter((d) => d.file === file && d.code === code);

describe('workflow checks on fixture machines with seeded defects', () => {
  it('passes the valid machine (parallel, compound, always, after, guards) without a single message', () => {
    expect(found.filter((d) => d.file === 'workflows/registration.machine.ts')).toEqual([]);
  });

  it('names a state no transition leads to, at its key', () => {
    const [orphan] = of('workflows/unreachable.machine.ts', 'workflow/unreachable').filter((d) => d.message.includes('"orphan"'));
    expect(orphan).toMatchObject({ severity: 'error', line: 17, column: 5 });
    expect(orphan!.message).toMatch(/no transition leads to it/);
  });

  it('names a state that a guard blocks for the case data of every scenario', () => {
    const [blocked] = of('workflows/unreachable.machine.ts', 'workflow/unreachable').filter((d) => d.message.includes('"approved"'));
    expect(blocked).toMatchObject({ severity: 'error', line: 21 });
    expect(blocked!.message).toMatch(/never reached with the case data of any scenario \(4 tried/);
  });

  it('names states whose unguarded always transitions go round for ever, without running the machine', () => {
    // Run, it looped until the time limit: "did not finish ... within 20 s" after 33 s, naming no state.
    const loop = of('workflows/always-loop.machine.ts', 'workflow/always-loop');
    expect(loop.map((d) => [d.severity, d.line, d.message.split(' move on')[0]])).toEqual([['error', 16, 'the states "reception" → "review" → "reception"']]);
    expect(found.filter((d) => d.file === 'workflows/always-loop.machine.ts' && /timeout|exit/.test(d.code))).toEqual([]);
  });

  it('names a dead end and the states of a loop with no way to an end', () => {
    expect(of('workflows/dead-end.machine.ts', 'workflow/dead-end').map((d) => [d.line, d.message.split(' ')[1]])).toEqual([[13, '"waiting"']]);
    expect(of('workflows/dead-end.machine.ts', 'workflow/no-end').map((d) => d.message.split(' ')[2])).toEqual(['"loopA"', '"loopB"']);
  });

  it('checks meta against the SOP: section, roles (declared and known), forms, missing meta', () => {
    const file = 'workflows/bad-meta.machine.ts';
    expect(of(file, 'workflow/unknown-step')[0]!.message).toMatch(/state "decision": meta.step "9.9" is not a section of content\/sops\/bad-meta.mdx/);
    expect(of(file, 'role/undeclared')[0]!.message).toMatch(/role "supervisor" is used but not declared; add it to roles: in content\/sops\/bad-meta.mdx/);
    expect(of(file, 'role/unknown')[0]!.message).toMatch(/role "ghost" is not in content\/roles.yaml/);
    expect(of(file, 'form/unknown')[0]!.message).toMatch(/form "ZZ-99"/);
    expect(of(file, 'workflow/meta')[0]).toMatchObject({ line: 18, column: 5 });
  });

  it('warns about a procedure section no state names', () => {
    const [w] = of('content/sops/bad-meta.mdx', 'workflow/section-without-state');
    expect(w).toMatchObject({ severity: 'warning' });
    expect(w!.message).toMatch(/section 2.3 "Archive the file"/);
  });

  it('names scenario events the machine does not have, unknown states and failing expectations', () => {
    const file = 'workflows/bad-scenario.machine.ts';
    expect(of(file, 'workflow/unknown-event')[0]!.message).toMatch(/scenario "typo" step 1: the machine has no event "case.chekced"; known: case.checked, case.closed/);
    expect(of(file, 'workflow/unknown-state')[0]!.message).toMatch(/scenario "ghost-state" step 1: expects state "verified"/);
    const [fails] = of(file, 'workflow/scenario-fails');
    expect(fails!.message).toBe('scenario "wrong-expectation" step 2: after "case.closed" expected "checked", got "done"');
    expect(fails!.line).toBe(25);
  });

  it('reports a module that does not load as one positioned line', () => {
    const [broken] = of('workflows/broken.machine.ts', 'workflow/import');
    expect(broken).toMatchObject({ severity: 'error', line: 6, column: 1 });
    expect(broken!.message).toBe('syntax error: Expected "}" but found ")"');
  });

  it('names the misspelt target of a transition, at the line that writes it', () => {
    // XState's message is two lines; the first ended at a colon, before the state's name.
    const [target] = of('workflows/bad-target.machine.ts', 'workflow/import');
    expect(target).toMatchObject({ severity: 'error', line: 10, column: 37 });
    expect(target!.message).toMatch(/^cannot load the module: Invalid transition definition for state node '[^']*reception': Child state 'reviw' does not exist on '[^']*'$/);
  });

  it('reports a module that throws while loading at the line that throws', () => {
    const [thrown] = of('workflows/throws.machine.ts', 'workflow/import');
    expect(thrown).toMatchObject({ severity: 'error', line: 5 });
    expect(thrown!.message).toMatch(/^cannot load the module: Cannot read properties of undefined \(reading 'days'\)$/);
  });

  it('says what a module threw when it is not an Error, never "[object Object]"', () => {
    const [thrown] = of('workflows/throws-object.machine.ts', 'workflow/import');
    expect(thrown).toMatchObject({ severity: 'error' });
    expect(thrown!.message).toBe(`cannot load the module: it threw {"missing":"birth","limits":0}, not an Error: throw new Error('what went wrong') instead`);
  });

  it('says a scenario has no final, where simulate stopped with "Cannot read properties of undefined (reading \'split\')"', () => {
    const [shape] = of('workflows/no-final.machine.ts', 'workflow/scenario-shape');
    expect(shape).toMatchObject({ severity: 'error' });
    expect(shape!.message).toMatch(/^scenario "goes": no final \(the final state the case ends in\); a scenario is \{ id, title/);
  });

  it('reports SOPs naming workflows or scenarios that do not exist', () => {
    const refs = found.filter((d) => d.file === 'content/sops/references.mdx');
    expect(refs.map((d) => d.code).sort()).toEqual(['workflow/unknown', 'workflow/unknown', 'workflow/unknown-scenario']);
    expect(refs.find((d) => d.message.startsWith('workflow:'))!.message).toMatch(/"missing-one" names no file workflows\/missing-one.machine.ts/);
    expect(refs.find((d) => d.message.startsWith('<StepTable'))!.message).toMatch(/"nowhere"/);
  });
});
