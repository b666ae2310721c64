import type { DryRunCase } from '../../../src/lib/lifecycle/dryrun/cases.ts';

/**
 * The hand-made case of tests/fixtures/lifecycle/dryrun/results/hand.csv: section 1.1 is one state
 * (same day = 480 min), section 1.2 two states met in order (2 hours = 120 min, then 1 working day
 * = 480 min); and the context its results are read in (two sites, sections 1, 1.1 and 1.2).
 */
export const handCases: DryRunCase[] = [
  {
    id: 'c1',
    title: 'Case one',
    description: '',
    outcome: 'Done',
    steps: [
      { state: 'a', step: '1.1', title: 'Receive', role: 'registrar', sla: 'same day', forms: [] },
      { state: 'b', step: '1.2', title: 'Check', role: 'registrar', sla: '2 hours', forms: [] },
      { state: 'c', step: '1.2', title: 'Register', role: 'registrar', sla: '1 working day', forms: [] },
    ],
  },
];
export const handContext = { cases: handCases, sites: ['s1', 's2'], sections: new Set(['1', '1.1', '1.2']) };
