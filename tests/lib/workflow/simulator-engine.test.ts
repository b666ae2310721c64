import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/lib/workflow/graph.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { simData } from '../../../src/lib/workflow/sim-data.ts';
import { activePaths, candidates, replay } from '../../../src/scripts/simulator/engine.ts';
import { progress, sameEvent, score } from '../../../src/scripts/simulator/scenario.ts';

// The simulator's logic is plain TypeScript over the real machine: tested here without a browser.
const root = join(import.meta.dirname, '../../fixtures/workflows/project');
const loaded = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
const { machine, scenarios } = loaded.module;
const data = simData(loaded, buildGraph(machine), { roleTitle: () => undefined, anchor: (s) => `s-${s}`, strings: {} });
const late = scenarios.find((s) => s.id === 'returned-then-late')!;

describe('simulator data', () => {
  it('carries states with their SOP anchors, the sendable transitions, and case fields typed from the data', () => {
    expect(data.states.returned).toEqual({ title: 'Returned for correction', final: false, step: '2.3', anchor: 's-2.3', roleTitle: 'informant' });
    expect(data.transitions.returned!.map((t) => [t.kind, t.label])).toEqual([
      ['event', 'documents resubmitted'],
      ['after', 'after correction period (30 days)'],
    ]);
    expect(data.transitions.routing).toBeUndefined(); // always: nothing to press
    expect(data.caseFields).toEqual([
      { id: 'daysSinceEvent', label: 'Days since event', type: 'number' },
      { id: 'documentsComplete', label: 'Documents complete', type: 'boolean' },
    ]);
    expect(data.defaults).toEqual({ daysSinceEvent: 0, documentsComplete: true, corrections: 0 });
    expect(data.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('simulator engine', () => {
  it('lists the active states of a parallel state, parents first', () => {
    expect(activePaths({ checks: { identity: 'ok', documents: 'pending' } })).toEqual(['checks', 'checks.identity', 'checks.identity.ok', 'checks.documents', 'checks.documents.pending']);
  });

  it('replays a log and stops at the first event that no longer applies', () => {
    const events = late.steps.map((s) => s.event);
    expect(replay(machine, late.input, events).snapshot.value).toBe('registered');
    // With the documents complete, the case is not returned: "documents resubmitted" no longer applies.
    const cut = replay(machine, { ...late.input, documentsComplete: true }, events);
    expect(cut.cutAt).toBe(3);
    expect(cut.log).toHaveLength(3);
    expect(cut.snapshot.value).toBe('supervisorReview');
  });

  it('offers one button per event, disabled with the guard in words when it fails', () => {
    const guarded = setupGuarded();
    expect(guarded).toEqual([{ event: 'go', enabled: false, reason: 'is late or documents incomplete' }]);
    const at = replay(machine, { documentsComplete: false }, late.steps.slice(0, 3).map((s) => s.event));
    expect(candidates(machine, at.snapshot, data).map((c) => [c.transition.event, c.enabled])).toEqual([
      ['documents.resubmitted', true],
      ['after.correctionPeriod', true],
    ]);
  });

  it('follows a scenario: expected step, off the path, done; and scores a challenge', () => {
    const events = late.steps.map((s) => s.event);
    expect(progress(late, events.slice(0, 2))).toMatchObject({ onPath: true, index: 2, expected: late.steps[2] });
    expect(progress(late, [events[0]!, { type: 'documents.checked' }])).toMatchObject({ onPath: false, done: false });
    expect(progress(late, events)).toMatchObject({ onPath: true, done: true });
    expect(sameEvent('xstate.after.correctionPeriod.registration.returned', 'after.correctionPeriod')).toBe(true);
    expect(score(late, { 1: 2, 4: 1 }, ['2.2', '2.2', '2.4'])).toEqual({ total: 6, correct: 4, wrong: 3, reread: ['2.2', '2.4'] });
  });
});

/** A one-state machine whose only event is blocked by two guards. */
function setupGuarded() {
  const fake = { ...data, transitions: { reception: [{ event: 'go', kind: 'event' as const, label: 'go', target: 'x', guard: 'is late' }, { event: 'go', kind: 'event' as const, label: 'go', target: 'y', guard: 'documents incomplete' }] } };
  const snapshot = replay(machine, {}, []).snapshot;
  return candidates(machine, snapshot, fake).map((c) => ({ event: c.transition.event, enabled: c.enabled, reason: c.reason }));
}

describe('simulator engine on invoked actors and transitions on the machine itself', () => {
  const examples = join(import.meta.dirname, '../../fixtures/workflows/xstate-examples');

  it('offers the end of an invoked actor as a button, and a step the machine cannot take says why', async () => {
    const book = await loadWorkflowFile(examples, join(examples, 'workflows/book-lending.machine.ts'));
    const bookData = simData(book, buildGraph(book.module.machine), { roleTitle: () => undefined, anchor: () => undefined, strings: {} });
    const request = book.module.scenarios[0]!.steps[0]!.event;
    const at = replay(book.module.machine, {}, [request]);
    expect(candidates(book.module.machine, at.snapshot, bookData).map((c) => [c.transition.event, c.transition.kind, c.transition.label])).toEqual([
      ['done.invoke.Get status for book', 'invoke', 'get status for book completes'],
    ]);
    // Without the output its actions read, the step is refused with the machine's own error.
    const cut = replay(book.module.machine, {}, [request, { type: 'done.invoke.Get status for book' }]);
    expect(cut).toMatchObject({ cutAt: 1, error: "Cannot read properties of undefined (reading 'status')" });
    expect(replay(book.module.machine, {}, [request, { type: 'done.invoke.Get status for book', output: { status: 'unknown' } }]).snapshot.value).toBe('End');
    // Scenario steps name events as the buttons send them.
    expect(bookData.scenarios[0]!.steps.map((s) => s.event.type)).toContain('done.invoke.Get status for book');
  });

  it('offers a transition written on the machine itself in every state', async () => {
    const order = await loadWorkflowFile(examples, join(examples, 'workflows/purchase-order-deadline.machine.ts'));
    const orderData = simData(order, buildGraph(order.module.machine), { roleTitle: () => undefined, anchor: () => undefined, strings: {} });
    const at = replay(order.module.machine, {}, [{ type: 'OrderCreatedEvent' }]);
    expect(candidates(order.module.machine, at.snapshot, orderData).map((c) => [c.transition.event, c.enabled])).toEqual([
      ['OrderConfirmedEvent', true],
      ['after.PT30D', true],
    ]);
    expect(replay(order.module.machine, {}, [{ type: 'OrderCreatedEvent' }, { type: 'after.PT30D' }]).snapshot.value).toBe('CancelOrder');
  });
});
