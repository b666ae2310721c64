import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { replay } from '../../../src/scripts/simulator/engine.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { runEvents, runScenario, startSnapshot, step } from '../../../src/lib/workflow/run.ts';
import { describeStart, formatRun, parseEvents, simulateEvents, simulateScenario } from '../../../src/lib/workflow/simulate.ts';
import { compareSteps, procedureTable, stepRows } from '../../../src/lib/workflow/steps.ts';
import { buildGraph } from '../../../src/lib/workflow/graph.ts';

const root = join(import.meta.dirname, '../../fixtures/workflows/project');
const loaded = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
const { machine, scenarios } = loaded.module;

describe('running a machine', () => {
  it('runs every fixture scenario, the timer alias after.<delay> included', () => {
    for (const s of scenarios) expect(runScenario(machine, s).failures, s.id).toEqual([]);
  });

  it('never fires a timer by itself: a 30-day wait lasts until a step says it has passed', async () => {
    const run = runEvents(machine, { documentsComplete: false }, [{ type: 'declaration.submitted' }, { type: 'identity.checked' }, { type: 'documents.checked' }]);
    expect(run.final).toBe('returned');
    await new Promise((ok) => setTimeout(ok, 20));
    const snapshot = startSnapshot(machine, {});
    expect(snapshot.status).toBe('active');
    const { next, sent } = step(machine, runEventsSnapshot(), { type: 'after.correctionPeriod' });
    expect(sent.type).toMatch(/^xstate\.after\.correctionPeriod\./);
    expect(next.value).toBe('closed');
  });

  it('reports a step whose event is not possible and a wrong final state', () => {
    const [first] = scenarios;
    const { failures } = runScenario(machine, { ...first!, steps: [{ event: { type: 'record.registered' }, expect: 'registered' }], final: 'registered' });
    expect(failures.map((f) => f.message)).toEqual([
      'event "record.registered" is not possible in state "reception"',
      'after "record.registered" expected "registered", got "reception"',
      'expected to end in final state "registered", ended in "reception" (active)',
    ]);
  });
});

function runEventsSnapshot() {
  let s = startSnapshot(machine, { documentsComplete: false });
  for (const type of ['declaration.submitted', 'identity.checked', 'documents.checked']) s = step(machine, s, { type }).next;
  return s;
}

describe('sopkit simulate (library)', () => {
  it('refuses an event the machine does not know, naming the known ones', () => {
    expect(() => parseEvents(loaded, 'declaration.submitted,declaration.sent')).toThrow(/no event "declaration.sent"; known: .*after.correctionPeriod/);
  });

  it('refuses --events that names no event, events separated by spaces, and names the event meant', () => {
    expect(() => parseEvents(loaded, ',')).toThrow('--events "," names no event; give the events in order, separated by commas, like ');
    expect(() => parseEvents(loaded, '')).toThrow(/names no event/);
    expect(() => parseEvents(loaded, 'declaration.submitted identity.checked')).toThrow('--events: "declaration.submitted identity.checked" is 2 events separated by spaces; separate them with commas: declaration.submitted,identity.checked');
    expect(() => parseEvents(loaded, 'declaration.submited')).toThrow(/no event "declaration.submited" \(did you mean "declaration.submitted"\?\); known: /);
  });

  it('marks events sent where they are not possible', () => {
    const run = simulateEvents(loaded, {}, parseEvents(loaded, 'record.registered,declaration.submitted'));
    expect(run.ignored).toEqual([1]);
    expect(formatRun(run)[0]).toBe('  1. reception --record.registered--> reception   (ignored: not possible in this state)');
    expect(run.steps[1]).toEqual({ from: 'reception', event: 'declaration.submitted', to: 'checks.identity.pending,checks.documents.pending' });
  });

  it('lets --input override a scenario input, which then fails its expectations', () => {
    const late = scenarios.find((s) => s.id === 'late-rejected')!;
    expect(simulateScenario(loaded, late).passed).toBe(true);
    const result = simulateScenario(loaded, late, { daysSinceEvent: 5 });
    expect(result.passed).toBe(false);
    expect(result.failures![0]!.message).toBe('after "documents.checked" expected "supervisorReview", got "registration"');
  });

  it('describes the start: the state and the events possible there', () => {
    expect(describeStart(loaded, {})).toEqual({ state: 'reception', events: [{ type: 'declaration.submitted', possible: true }] });
  });
});

describe('procedure table rows', () => {
  const rows = stepRows(buildGraph(machine), (r) => (r === 'registrar' ? 'Registrar' : undefined));

  it('nests rows as the machine nests states and lists where each can go', () => {
    expect(rows.map((r) => r.path)).toEqual(['reception', 'checks', 'routing', 'returned', 'supervisorReview', 'registration', 'registered', 'rejected', 'closed']);
    expect(rows[1]!.children.map((r) => r.path)).toEqual(['checks.identity', 'checks.documents']);
    expect(rows.find((r) => r.path === 'routing')!.next.map((n) => `${n.label} → ${n.targetTitle} (${n.targetStep})`)).toEqual([
      '[documents incomplete] → Returned for correction (2.3)',
      '[is late] → Supervisor decides (2.4)',
      '[otherwise] → Register (2.4)',
    ]);
    expect(rows.find((r) => r.path === 'registration')).toMatchObject({ roleTitle: 'Registrar', forms: [] });
    expect(rows[0]).toMatchObject({ sla: 'same day', forms: ['FX-01'] });
  });

  it('orders the table by SOP section numerically, then as written', () => {
    expect(compareSteps('6.9', '6.10')).toBeLessThan(0);
    expect(compareSteps('6', '6.1')).toBeLessThan(0);
    expect(compareSteps(undefined, '1')).toBeGreaterThan(0);
    const table = procedureTable(rows).map((r) => r.step);
    expect(table).toEqual([...table].sort(compareSteps));
    expect(procedureTable(rows).filter((r) => r.step === '2.4').map((r) => r.path)).toEqual(['supervisorReview', 'registration', 'registered', 'rejected']);
  });
});

describe('a context function that throws on some case data', () => {
  // XState keeps the error in the snapshot (status "error", context {}) and still takes events
  // from it: the scenario below passed, the check called its states unreachable, and the browser
  // simulator showed a start state with no buttons and no word.
  const fragile = setup({ guards: { isComplete: ({ context }) => (context as { complete?: boolean }).complete === true } }).createMachine({
    id: 'fragile',
    initial: 'reception',
    context: ({ input }: { input: { complete?: boolean } }) => {
      if (input.complete === undefined) throw new Error('input.complete is required');
      return { complete: input.complete };
    },
    states: {
      reception: { on: { 'declaration.checked': [{ guard: 'isComplete', target: 'registered' }, { target: 'returned' }] } },
      returned: { on: { 'correction.expired': 'closed' } },
      registered: { type: 'final' },
      closed: { type: 'final' },
    },
  });
  const scenario = { id: 'no-data', title: 'No data', description: 'A case with no data.', input: {}, steps: [{ event: { type: 'declaration.checked' }, expect: 'returned' }, { event: { type: 'correction.expired' }, expect: 'closed' }], final: 'closed' };

  it('fails the scenario at its input, naming the error, instead of running it on an empty context', () => {
    expect(runScenario(fragile, scenario).failures).toEqual([
      { step: 0, message: "input: the machine's context function failed on this case data ({}): input.complete is required; give the case data it reads, or make it read them with defaults" },
    ]);
    expect(runScenario(fragile, { ...scenario, input: { complete: false } }).failures).toEqual([]);
  });

  it('stops sopkit simulate with the error', () => {
    expect(() => startSnapshot(fragile, {})).toThrow(/^the machine's context function failed on this case data \(\{\}\): input\.complete is required$/);
  });

  it('tells the browser simulator why it cannot start, and takes no event', () => {
    const run = replay(fragile, {}, [{ type: 'declaration.checked' }]);
    expect(run.startError).toBe('input.complete is required');
    expect(run.log).toEqual([]);
    expect(replay(fragile, { complete: true }, [{ type: 'declaration.checked' }]).startError).toBeUndefined();
  });
});
