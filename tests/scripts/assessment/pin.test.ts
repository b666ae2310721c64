import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFailure, hashPin, pinMatches, validPin, waitLeft } from '../../../src/scripts/assessment/pin.ts';

afterEach(() => vi.unstubAllGlobals());

describe('kiosk PIN', () => {
  it('keeps a salted PBKDF2 hash, never the PIN, and checks it', async () => {
    const record = await hashPin('2468', 1000);
    // Only these four fields: the PIN is in none of them. (Random hex may spell "2468" by chance,
    // about once in 700 runs, so the salt and the hash are checked for their form, not for it.)
    const { salt, hash, ...rest } = record;
    expect(Object.keys(record).sort()).toEqual(['algo', 'hash', 'iterations', 'salt']);
    expect(JSON.stringify(rest)).not.toContain('2468');
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record).toMatchObject({ algo: 'pbkdf2-sha256', iterations: 1000 });
    expect(await pinMatches('2468', record)).toBe(true);
    expect(await pinMatches('2469', record)).toBe(false);
    expect(await pinMatches('', record)).toBe(false);
    // A fresh salt each time: the same PIN never gives the same record.
    expect((await hashPin('2468', 1000)).hash).not.toBe(record.hash);
  });

  it('gives the same hash without WebCrypto (a page served over plain http), through @noble/hashes', async () => {
    const record = await hashPin('97531', 1000);
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => webcrypto.getRandomValues(a), subtle: undefined });
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await pinMatches('97531', record)).toBe(true);
    expect(await pinMatches('97532', record)).toBe(false);
    const made = await hashPin('97531', 1000);
    vi.unstubAllGlobals();
    expect(await pinMatches('97531', made)).toBe(true);
  });

  it('takes 4 to 12 digits', () => {
    expect(['1234', '123456789012'].map(validPin)).toEqual([true, true]);
    expect(['123', '1234567890123', '12a4', ' 1234', ''].map(validPin)).toEqual([false, false, false, false, false]);
  });

  it('lets three wrong PINs through, then waits 30 s, doubling up to 15 minutes', () => {
    let lock: ReturnType<typeof afterFailure> | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      lock = afterFailure(lock, 1_000_000);
      waits.push(waitLeft(lock, 1_000_000) / 1000);
    }
    expect(waits).toEqual([0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
    expect(waitLeft(lock, 1_000_000 + 900_000)).toBe(0);
    expect(waitLeft(undefined, 0)).toBe(0);
  });
});
