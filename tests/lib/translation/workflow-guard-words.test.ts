import { describe, expect, it } from 'vitest';
import { and, createMachine, not, or, setup, stateIn } from 'xstate';
import { fixedWordsIn } from '../../../src/lib/translation/workflow-labels.ts';
import { buildGraph } from '../../../src/lib/workflow/graph.ts';

// Combinators, an inline guard and an eventless transition: the words the graph writes itself.
const machine = setup({ guards: { isLate: () => true, hasWitness: () => false, isFoundling: () => false } }).createMachine({
  initial: 'a',
  states: {
    a: {
      on: {
        'declaration.checked': [
          { guard: and(['isLate', not('hasWitness')]), target: 'b' },
          { guard: or(['isFoundling', 'hasWitness']), target: 'b' },
          { guard: () => true, target: 'c' },
        ],
      },
    },
    b: { always: 'c' },
    c: { type: 'final' },
  },
});
const labelsOf = (words: Record<string, string> = {}) => buildGraph(machine, words).transitions.filter((t) => t.source !== '(initial)' && t.kind !== 'initial').map((t) => t.label);

describe('the built-in words of guards in the reader’s language', () => {
  it('are French on a French page: not, and, or, condition, at once', () => {
    expect(labelsOf({ ...fixedWordsIn('fr'), isLate: 'déclarée hors délai', hasWitness: 'témoin présent', isFoundling: 'enfant trouvé', 'declaration.checked': 'déclaration contrôlée' })).toEqual([
      'déclaration contrôlée [déclarée hors délai et non témoin présent]',
      'déclaration contrôlée [enfant trouvé ou témoin présent]',
      'déclaration contrôlée [condition]',
      'immédiatement',
    ]);
  });

  it('are Arabic on an Arabic page', () => {
    const words = fixedWordsIn('ar');
    const labels = labelsOf(words);
    expect(labels[0]).toContain(` ${words.and} ${words.not} `);
    expect(labels[1]).toContain(` ${words.or} `);
    expect(labels[3]).toBe('فورًا');
  });

  it('stay the English words, byte for byte, without a language', () => {
    expect(labelsOf()).toEqual(['declaration checked [is late and not has witness]', 'declaration checked [is foundling or has witness]', 'declaration checked [condition]', 'at once']);
    expect(labelsOf(fixedWordsIn('en'))).toEqual(labelsOf());
  });

  it('word a stateIn guard in the language', () => {
    const m = createMachine({ initial: 'a', states: { a: { on: { go: { guard: stateIn('a'), target: 'b' } } }, b: { type: 'final' } } });
    expect(buildGraph(m, fixedWordsIn('fr')).transitions.find((t) => t.source === 'a')?.label).toBe(`go [dans l’état "a"]`);
    expect(buildGraph(m).transitions.find((t) => t.source === 'a')?.label).toBe('go [in "a"]');
  });
});
