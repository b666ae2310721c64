import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../../src/scripts/assessment/idle.ts';
import { KioskStore, sameParticipant } from '../../../src/scripts/assessment/kiosk.ts';
import { afterFailure, typedPin, validPin, waitLeft } from '../../../src/scripts/assessment/pin.ts';
import { fileSafe } from '../../../src/scripts/assessment/store.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** localStorage in memory, as the browser gives it. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, String(v)), removeItem: (k) => void data.delete(k), clear: () => data.clear(), key: (i) => [...data.keys()][i] ?? null, get length() { return data.size; } };
}

describe('a shared tablet', () => {
  it('takes a PIN typed on an Arabic keypad as the digits it is', () => {
    // ١٢٣٤ was refused at set-up as "not 4 to 12 digits", and counted as a wrong PIN at unlock.
    expect(typedPin('١٢٣٤')).toBe('1234');
    expect(typedPin(' ۱۲۳۴۵ ')).toBe('12345');
    expect(validPin(typedPin('١٢٣٤'))).toBe(true);
    expect(validPin(typedPin('١٢٣'))).toBe(false);
  });

  it('never makes the trainer wait more than 15 minutes, whatever the clock did', () => {
    // Four wrong PINs, then the clock set back a day: the wait said 86429 s.
    let lock = afterFailure(undefined, 0);
    for (let i = 0; i < 3; i++) lock = afterFailure(lock, 0);
    const dayBack = -86_400_000;
    expect(waitLeft(lock, dayBack)).toBe(15 * 60_000);
    expect(waitLeft(lock, 0)).toBe(30_000);
  });

  it('refuses a second response from the same participant as the scoring reads ids: P01, p01, P-1 and P٠١ are one person', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const kiosk = new KioskStore('sopkit.kiosk.test.pre');
    kiosk.add({ participant: 'P01', name: 'Amina', answers: {}, submittedAt: '2026-12-07T10:00:00Z' });
    for (const same of ['P01', 'p01', 'P-1', 'P٠١', ' P 01 ']) expect(kiosk.has(same), same).toBe(true);
    for (const other of ['P02', 'P011', 'Q01']) expect(kiosk.has(other), other).toBe(false);
    expect(sameParticipant('أمينة-٠٣', 'أمينة-3')).toBe(true);
  });

  it('names downloads by the id in its own script, with Arabic-Indic digits as ASCII', () => {
    // P٠١٧ and P٠١٨ both downloaded as …-P_.csv: copied into one folder, one replaced the other.
    expect(fileSafe('P٠١٧')).toBe('P017');
    expect(fileSafe('P٠١٨')).toBe('P018');
    expect(fileSafe('أمينة-٠٣')).toBe('أمينة-03');
    expect(fileSafe('P/01 x')).toBe('P_01_x');
    expect(fileSafe('///')).toBe('_');
    expect(fileSafe('')).toBe('participant');
  });

  it('sets an attempt aside after its idle time even when the clock was set back', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    vi.stubGlobal('addEventListener', () => {});
    let expired = 0;
    watchIdle(120_000, 30_000, { active: () => true, warn: () => {}, calm: () => {}, expire: () => void expired++ });
    vi.advanceTimersByTime(10_000);
    // The clock goes back an hour (a reboot, a flat battery, a time zone set by hand).
    vi.setSystemTime(new Date('2026-12-07T09:00:10Z'));
    vi.advanceTimersByTime(100_000);
    expect(expired).toBe(0);
    vi.advanceTimersByTime(11_000);
    expect(expired).toBe(1);
  });
});
