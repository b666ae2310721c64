import { describe, expect, it } from 'vitest';
import { inlineTerm } from '../../../src/lib/content/inline-term.ts';

describe('inlineTerm', () => {
  it.each([
    ['Late registration', 'late registration'],
    ['Medical certificate of cause of death (MCCD)', 'medical certificate of cause of death (MCCD)'],
    ['DPIA', 'DPIA'],
    ['Data-protection impact assessment (DPIA)', 'data-protection impact assessment (DPIA)'],
    ['Registrar General', 'Registrar General'],
    ['ICAO photo standard', 'ICAO photo standard'],
    ['Foundling', 'foundling'],
    ['Ŋ-letter word', 'Ŋ-letter word'],
    ['Élection de domicile', 'élection de domicile'],
  ])('%s → %s', (input, expected) => {
    expect(inlineTerm(input)).toBe(expected);
  });
});
