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
