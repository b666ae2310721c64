// `<Workflow id path="scenario">`: the path of one case, for slides where the whole diagram
// cannot be read. The fixtures: a linear machine with a timer and an appeal loop, and a machine
// whose every scenario passes through parallel regions (no single line to draw).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { pathProblem, scenarioPathGraph, scenarioPathSteps } from '../../../src/lib/workflow/path-graph.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/workflows');
const load = (root: string, id: string) => loadWorkflowFile(root, join(root, 'workflows', `${id}.machine.ts`));
const roleTitle = (id: string) => ({ clerk: 'Clerk', supervisor: 'Supervisor', registrar: 'Registrar' })[id];

describe('the path of a scenario', () => {
  it('lists each state the case passes through once, in order, with who acts, the time limit and the event that led there', async () => {
    const loaded = await load(join(fixtures, 'xstate'), 'late-registration');
    const { title, steps } = scenarioPathSteps(loaded, 'child-of-three', roleTitle);
    expect(title).toBe('A child of three');
    expect(steps.map((s) => s.title)).toEqual(['Receive the late declaration', 'Review the late declaration', 'Review overdue: escalated', 'Register the birth', 'Registered']);
    expect(steps[1]).toMatchObject({ step: '6.2', roleTitle: 'Supervisor', sla: '7 days' });
    expect(steps[0]?.via).toBeUndefined();
    expect(steps[2]?.via).toBeTruthy();
    expect(steps.map((s) => s.final)).toEqual([false, false, false, false, true]);
  });

  it('draws a state visited twice once, and keeps the arrow back (an appeal)', async () => {
    const loaded = await load(join(fixtures, 'xstate'), 'late-registration');
    const graph = scenarioPathGraph(loaded, 'refused-appealed');
    expect(graph.states.map((s) => s.path)).toEqual(['declaration', 'lateReview', 'refused', 'registration', 'registered']);
    expect(graph.transitions.map((t) => `${t.source}>${t.target}`)).toEqual(['#initial>declaration', 'declaration>lateReview', 'lateReview>refused', 'refused>lateReview', 'lateReview>registration', 'registration>registered']);
    expect(graph.states.every((s) => s.parent === null && s.children.length === 0)).toBe(true);
  });

  it('says what is wrong with an unknown scenario or one through parallel regions, and nothing for a good one', async () => {
    const linear = await load(join(fixtures, 'xstate'), 'late-registration');
    expect(pathProblem(linear, 'infant')).toBeUndefined();
    expect(pathProblem(linear, 'toddler')).toMatch(/<Workflow id="late-registration" path="toddler">: .* has no such scenario; known: child-of-three, adult-no-order, refused-appealed, infant/);
    const parallel = await load(join(fixtures, 'project'), 'registration');
    expect(pathProblem(parallel, 'on-time')).toMatch(/passes through parallel regions \(checks\.identity\.pending,checks\.documents\.pending\)/);
  });
});
