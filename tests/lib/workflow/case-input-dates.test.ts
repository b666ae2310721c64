import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaseInput } from '../../../src/lib/workflow/case-input.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';

// `sopkit simulate --input`: a date field given a day the month does not have was refused as "not a
// date written YYYY-MM-DD", though it was written so; the user looked for a typing error.
const root = join(import.meta.dirname, '../../..');
const refusal = async (value: string) => {
  const loaded = await loadWorkflowFile(root, join(root, 'workflows/birth-registration.machine.ts'));
  try {
    checkCaseInput(loaded, { dateOfBirth: value }, '--input case.json');
  } catch (e) {
    return (e as Error).message.split('. The fields')[0];
  }
  return 'accepted';
};

describe('a date in case data', () => {
  it('a day the month does not have says how many days it has; a month past 12 says there is none', async () => {
    expect(await refusal('2025-02-30')).toBe('--input case.json: dateOfBirth is "2025-02-30", not a date in the calendar: 2025-02 has 28 days');
    expect(await refusal('2024-02-30')).toBe('--input case.json: dateOfBirth is "2024-02-30", not a date in the calendar: 2024-02 has 29 days');
    expect(await refusal('2025-13-01')).toBe('--input case.json: dateOfBirth is "2025-13-01", not a date in the calendar: there is no month 13 (write YYYY-MM-DD, the month second)');
  });
  it('a date written otherwise is still asked for as YYYY-MM-DD; a real day is taken', async () => {
    expect(await refusal('30/01/2025')).toBe('--input case.json: dateOfBirth is "30/01/2025", not a date written "YYYY-MM-DD"');
    expect(await refusal('2024-02-29')).toBe('accepted');
  });
});
