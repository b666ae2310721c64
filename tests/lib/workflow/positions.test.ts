import { describe, expect, it } from 'vitest';
import { sourcePositions } from '../../../src/lib/workflow/positions.ts';

const source = `import { setup } from 'xstate';
// states: { fake: {} } in a comment must not confuse the search
export const machine = setup({}).createMachine({
  initial: 'a',
  states: {
    a: { on: { go: 'b' } },
    'b': {
      initial: 'inner',
      states: { inner: { type: 'final' } },
    },
  },
});
export const scenarios = [
  { id: 'first', steps: [{ event: { type: 'go' }, expect: 'b' }, { event: { type: 'x' }, expect: 'b' }] },
] as const;
`;

describe('sourcePositions', () => {
  it('finds state keys (nested, quoted) and scenario ids and steps with the TypeScript parser', async () => {
    const at = await sourcePositions(source);
    expect(Object.fromEntries(at.states)).toEqual({
      a: { line: 6, column: 5 },
      b: { line: 7, column: 5 },
      'b.inner': { line: 9, column: 17 },
    });
    expect(at.scenarios.get('first')).toEqual({ at: { line: 14, column: 9 }, steps: [{ line: 14, column: 26 }, { line: 14, column: 66 }] });
    expect(at.machine).toEqual({ line: 3, column: 34 });
  });
});

const written = `import { createMachine } from 'xstate';
const review = {
  initial: 'pending',
  states: { pending: {}, done: { type: 'final' } },
};
const config = {
  initial: 'review',
  states: {
    review,
    payment: createStateConfig({
      initial: 'pending',
      states: { pending: {} },
    }),
    pending: {},
  },
};
export const machine = createMachine(config, {});
`;

describe('sourcePositions on machines written other ways', () => {
  it('follows createMachine(config) with the config, and states, held in constants', async () => {
    const at = await sourcePositions(written);
    expect(Object.fromEntries(at.states)).toEqual({
      review: { line: 9, column: 5 },
      'review.pending': { line: 4, column: 13 },
      'review.done': { line: 4, column: 26 },
      payment: { line: 10, column: 5 },
      'payment.pending': { line: 12, column: 17 },
      pending: { line: 14, column: 5 },
    });
    expect(at.machine).toEqual({ line: 17, column: 24 });
  });

  it('without TypeScript, finds a nested key inside its parent, not at the first key of that name', async () => {
    const mod = await import('../../../src/lib/workflow/positions.ts');
    const source = `createMachine({ states: {\n  a: {\n    states: {\n      end: {},\n    },\n  },\n  end: {},\n} })`;
    // The parser-free search is what runs when the config is built by helper functions.
    const at = await mod.sourcePositions(source.replace('createMachine({', 'build({'), ['a', 'a.end', 'end']);
    expect(Object.fromEntries(at.states)).toEqual({ a: { line: 2, column: 3 }, 'a.end': { line: 4, column: 7 }, end: { line: 7, column: 3 } });
  });
});
