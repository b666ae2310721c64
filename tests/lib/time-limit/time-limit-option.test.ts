import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/lib/errors.ts';
import { timeLimitMs } from '../../../src/lib/time-limit/run-in-worker.ts';

const refusal = (value: string) => {
  try {
    timeLimitMs(value);
  } catch (error) {
    if (isUserError(error)) return error.message;
    throw error;
  }
  return undefined;
};

describe('--time-limit and SOPKIT_TIME_LIMIT', () => {
  it('takes seconds, 20 by default', () => {
    expect(timeLimitMs('')).toBe(20_000);
    expect(timeLimitMs('2.5')).toBe(2_500);
    expect(timeLimitMs('86400')).toBe(86_400_000);
  });

  it('refuses a limit past what a Node timer holds (which fired at once and stopped every workflow file) or too short to load any file', () => {
    expect(refusal('3000000')).toBe('time limit "3000000": at most 86400 seconds (a day); the default is 20');
    expect(refusal('0.001')).toBe('time limit "0.001": at least 0.1 seconds; the default is 20');
    expect(refusal('0')).toContain('greater than 0');
    expect(refusal('soon')).toContain('give a number of seconds');
  });
});
