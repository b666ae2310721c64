import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate } from '../../src/lib/dates.ts';

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });

  it('counts whole days, across a leap day and backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-01-10', '2025-03-20')).toBe(69);
    expect(daysBetween('2025-03-20', '2025-01-10')).toBe(-69);
  });

  it('gives NaN for a missing or impossible date instead of rolling it into the next month', () => {
    expect(daysBetween('', '2025-01-01')).toBeNaN();
    expect(daysBetween('2025-01-01', '2025-02-30')).toBeNaN();
  });
});
