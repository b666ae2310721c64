import { describe, expect, it } from 'vitest';
import { withCodes } from '../../src/lib/bidi-codes.ts';

describe('codes kept whole in a sentence', () => {
  it('cuts out form and document codes, in any script around them, and leaves the rest as it is', () => {
    expect(withCodes('يملأ الموظف الاستمارة (BR-01).')).toEqual([{ text: 'يملأ الموظف الاستمارة (' }, { code: 'BR-01' }, { text: ').' }]);
    expect(withCodes('SOP-CR-01 and DQ-04, then BR-02')).toEqual([{ code: 'SOP-CR-01' }, { text: ' and ' }, { code: 'DQ-04' }, { text: ', then ' }, { code: 'BR-02' }]);
    expect(withCodes('A well-known case, 6.2 and co-trainer')).toEqual([{ text: 'A well-known case, 6.2 and co-trainer' }]);
    expect(withCodes('')).toEqual([]);
  });
});
