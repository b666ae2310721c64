import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';
import { checkWorkflows } from '../../../src/lib/workflow/check.ts';
import { aliasOf, resolveEvent } from '../../../src/lib/workflow/events.ts';
import { ANY_STATE, buildGraph } from '../../../src/lib/workflow/graph.ts';
import { loadWorkflowFile, type LoadedWorkflow } from '../../../src/lib/workflow/load.ts';
import { inState, runScenario, startSnapshot, step } from '../../../src/lib/workflow/run.ts';
import { stepRows } from '../../../src/lib/workflow/steps.ts';

// The fixtures: tests/fixtures/workflows/xstate (SOP machines for each XState feature, two of them
// from XState's own examples) must pass check with no message at all; the machines of XState's
// examples as they are written (xstate-examples, no meta) must fail it for their real defects only.
const fixtures = join(import.meta.dirname, '../../fixtures/workflows');
const features = join(fixtures, 'xstate');
const examples = join(fixtures, 'xstate-examples');
const load = (root: string, id: string) => loadWorkflowFile(root, join(root, 'workflows', `${id}.machine.ts`));

let clean: Diagnostic[] = [];
let raw: Diagnostic[] = [];
beforeAll(async () => {
  clean = await checkWorkflows({ project: loadProject(features), today: '2026-06-01' });
  raw = await checkWorkflows({ project: loadProject(examples), today: '2026-06-01' });
}, 120_000);

describe('sopkit check on machines that use every XState feature', () => {
  it('passes parallel regions, history, invoked actors, named delays and parameterised guards without a message', () => {
    expect(clean).toEqual([]);
  });

  it("finds the real defects of XState's examples as written, and nothing else but the missing meta", () => {
    const others = raw
      .filter((d) => d.code !== 'workflow/meta')
      .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))
      .map((d) => `${d.file}:${d.line} ${d.code} ${d.message.split(':')[0]}`);
    expect(others).toEqual([
      'workflows/book-lending.machine.ts:152 workflow/unknown-delay state "Sleep two weeks"',
      'workflows/book-lending.machine.ts:162 workflow/no-end from state "Check Out Book.Checking out book" no path reaches an end (a top-level final state)',
      'workflows/book-lending.machine.ts:173 workflow/no-end from state "Check Out Book.Notifying Lender" no path reaches an end (a top-level final state)',
      'workflows/book-lending.machine.ts:185 workflow/no-end from state "Check Out Book.End" no path reaches an end (a top-level final state)',
      'workflows/book-lending.machine.ts:287 workflow/scenario-fails scenario "hold-two-weeks"',
      'workflows/book-lending.machine.ts:296 workflow/scenario-fails scenario "hold-two-weeks" step 5',
      'workflows/book-lending.machine.ts:297 workflow/scenario-fails scenario "hold-two-weeks" step 6',
      'workflows/credit-check.machine.ts:139 workflow/dead-end state "Timeout" is a dead end',
      'workflows/credit-check.machine.ts:170 workflow/scenario-fails scenario "no-answer"',
    ]);
  });

  it('names each state of a createMachine(config, implementations) file at its own line, nested ones included', () => {
    const at = (path: string) => raw.find((d) => d.code === 'workflow/meta' && d.message.startsWith(`state "${path}" has no meta`))?.line;
    // `End` is written twice: inside "Check Out Book" (line 185) and at the top level (line 190).
    expect([at('Check Out Book.End'), at('End'), at('Get Book Status')]).toEqual([185, 190, 74]);
  });

  it('asks no meta of history states, nor of regions of a parallel state, but checks what a region gives', async () => {
    const { setup } = await import('xstate');
    const { checkMachine } = await import('../../../src/lib/workflow/check-machine.ts');
    const meta = { step: '6.1', title: 'A step', role: 'clerk' };
    const machine = setup({}).createMachine({
      initial: 'p',
      states: {
        p: {
          type: 'parallel',
          meta,
          states: {
            quiet: { initial: 'a', states: { a: { meta, on: { go: 'h' } }, h: { type: 'history' } } },
            wrong: { meta: { role: 'ghost' }, initial: 'b', states: { b: { meta } } },
          },
        },
        bare: { on: { go: 'p' } },
      },
    });
    const loaded = { id: 'm', file: 'workflows/m.machine.ts', module: { machine, scenarios: [] } };
    const found = (await checkMachine(loadProject(features), loaded, '', undefined)).filter((d) => d.code === 'workflow/meta' || d.code.startsWith('role/'));
    expect(found.map((d) => `${d.code} ${(d.message.split(':')[0] ?? '').split(' has')[0]}`)).toEqual(['role/unknown state "p.wrong"', 'workflow/meta state "bare"']);
  });
});

describe('scenarios naming parallel values as sopkit simulate prints them', () => {
  let loaded: LoadedWorkflow;
  beforeAll(async () => {
    loaded = await load(features, 'certificate-request');
  });

  it('matches every region named, and only those', () => {
    const { machine } = loaded.module;
    const at = step(machine, startSnapshot(machine, {}), { type: 'request.received' }).next;
    expect(inState(at, 'processing.review.pending,processing.payment.unpaid')).toBe(true);
    expect(inState(at, 'processing.review.pending, processing.payment.unpaid')).toBe(true);
    expect(inState(at, 'processing.payment.unpaid')).toBe(true);
    expect(inState(at, 'processing.review.approved,processing.payment.unpaid')).toBe(false);
  });

  it('reports a region path the machine does not have, with the form to write', async () => {
    const scenario = { ...loaded.module.scenarios[0]!, steps: [{ event: { type: 'request.received' }, expect: 'processing.review.waiting,processing.payment.unpaid' }] };
    const { checkMachine } = await import('../../../src/lib/workflow/check-machine.ts');
    const project = loadProject(features);
    const found = await checkMachine(project, { ...loaded, module: { ...loaded.module, scenarios: [scenario, ...loaded.module.scenarios.slice(1)] } }, '', undefined);
    const [unknown] = found.filter((d) => d.code === 'workflow/unknown-state');
    expect(unknown!.message).toBe(
      'scenario "paid-then-approved" step 1: expects state "processing.review.waiting", which the machine does not have (write a state as sopkit simulate prints it: a dot path, and for parallel regions every region\'s path joined with a comma, e.g. "processing.review.pending,processing.payment.unpaid")',
    );
  });
});

describe('history states', () => {
  it('are drawn as H and H*, say what they resume, and lead to their default', async () => {
    const graph = buildGraph((await load(features, 'interview-resume')).module.machine);
    const history = graph.states.filter((s) => s.kind === 'history').map((s) => [s.path, s.history, s.fallbackTitle]);
    expect(history).toEqual([
      ['interview.resume', 'shallow', 'Interview the applicant (resumed)'],
      ['interview.resumeExact', 'deep', 'Interview the applicant (resumed at the same step)'],
    ]);
    expect(graph.transitions.filter((t) => t.source === 'interview.resume').map((t) => [t.kind, t.target])).toEqual([['initial', 'interview.identity']]);
    // Not steps of the procedure: the step rows leave them out.
    const rows = stepRows(graph).flatMap(function flat(r): string[] {
      return [r.path, ...r.children.flatMap(flat)];
    });
    expect(rows).not.toContain('interview.resume');
  });

  it('count as reached, and so does what only they lead to', async () => {
    const { setup } = await import('xstate');
    const { reachedStates, structurallyUnreachable } = await import('../../../src/lib/workflow/reach.ts');
    // `late` is entered only as the default of the history state.
    const machine = setup({}).createMachine({
      initial: 'idle',
      states: {
        idle: { on: { resume: 'work.again' } },
        work: { initial: 'early', states: { early: { on: { next: 'late' } }, late: { type: 'final' }, again: { type: 'history', target: 'late' } }, onDone: 'end' },
        end: { type: 'final' },
      },
    });
    const graph = buildGraph(machine);
    expect(structurallyUnreachable(graph)).toEqual(['work.early']);
    const { reached } = reachedStates(machine, []);
    expect([...reached].sort()).toEqual(['end', 'idle', 'work', 'work.again', 'work.late']);
  });
});

describe('invoked actors', () => {
  it('end with readable labels and aliases, from the invoke id or src', async () => {
    const graph = buildGraph((await load(features, 'certificate-request')).module.machine);
    expect(graph.transitions.filter((t) => t.kind === 'invoke').map((t) => [t.alias, t.label, t.target])).toEqual([
      ['done.invoke.paymentCheck', 'payment check completes', 'processing.payment.paid'],
      ['error.platform.paymentCheck', 'payment check fails', 'processing.payment.unpaid'],
    ]);
    const credit = buildGraph((await load(examples, 'credit-check')).module.machine);
    expect(credit.transitions.filter((t) => t.kind === 'invoke').map((t) => t.label)).toEqual(['call credit check microservice completes', 'start application workflow id completes', 'send rejection email function completes']);
    expect(credit.transitions.map((t) => t.label).join(' ')).not.toMatch(/xstate/);
  });

  it('complete or fail through their aliases, with the output the event carries', async () => {
    const { machine } = (await load(examples, 'credit-check')).module;
    const start = startSnapshot(machine, { customer: { name: 'E' } });
    const done = resolveEvent(machine, start, { type: 'done.invoke.callCreditCheckMicroservice', output: { decision: 'Approved' } });
    expect(done).toEqual({ type: 'xstate.done.actor.0.customercreditcheck.CheckCredit', output: { decision: 'Approved' } });
    expect(aliasOf(machine, done.type)).toBe('done.invoke.callCreditCheckMicroservice');
    expect(step(machine, start, done).next.value).toBe('StartApplication');
  });

  it('say why a step fails when the machine reads an output the event does not carry', async () => {
    const loaded = await load(examples, 'book-lending');
    const scenario = loaded.module.scenarios.find((s) => s.id === 'unknown-status')!;
    const broken = { ...scenario, steps: [scenario.steps[0]!, { event: { type: 'done.invoke.Get status for book' }, expect: 'End' }] };
    expect(runScenario(loaded.module.machine, broken).failures[0]).toEqual({
      step: 2,
      message: `event "done.invoke.Get status for book" failed in the machine's guards or actions: Cannot read properties of undefined (reading 'status'); if its actions read the actor's output, give it: { type: 'done.invoke.Get status for book', output: {...} }`,
    });
  });
});

describe('transitions on the machine itself, delays and guards', () => {
  it('start from an "At any step" node, lead from every state, and list first in the steps', async () => {
    const graph = buildGraph((await load(examples, 'purchase-order-deadline')).module.machine);
    expect(graph.anyTitle).toBe('At any step');
    expect(graph.transitions.filter((t) => t.source === ANY_STATE).map((t) => [t.kind, t.label, t.target, t.alias])).toEqual([['after', 'after PT30D (15 seconds)', 'CancelOrder', 'after.PT30D']]);
    expect(stepRows(graph)[0]).toMatchObject({ path: ANY_STATE, title: 'At any step', next: [{ label: 'after PT30D (15 seconds)', target: 'CancelOrder' }] });
  });

  it('labels parameterised guards with their params and named delays with their length', async () => {
    const graph = buildGraph((await load(features, 'late-registration')).module.machine);
    expect(graph.transitions.filter((t) => t.source === 'declaration').map((t) => t.label)).toEqual([
      'declaration received [is above (min 18)]',
      'declaration received [is above (min 1)]',
      'declaration received [otherwise]',
    ]);
    expect(graph.transitions.filter((t) => t.kind === 'after').map((t) => t.label)).toEqual(['after reminder (7 days)', 'after appeal period (30 days)', 'after appeal period (30 days)']);
  });
});
