// The kiosk's trainer PIN: kept on the tablet only as a salted, slow hash (PBKDF2-SHA-256), never
// in clear, and checked with a growing wait after wrong attempts. It keeps participants passing a
// shared tablet round out of each other's answers; it is not protection against someone who
// takes the tablet apart (the answers themselves are stored in clear, so that nothing is lost).

import { asciiDigits } from '../../lib/digits.ts';

/** What the tablet keeps of the PIN. */
export interface PinRecord {
  /** Key derivation: PBKDF2 with SHA-256. */
  algo: 'pbkdf2-sha256';
  iterations: number;
  /** Random salt, hex. */
  salt: string;
  /** The derived key, hex. */
  hash: string;
}

/** Wrong attempts so far, and until when (epoch ms) the PIN field refuses to check. */
export interface PinLock {
  failures: number;
  until: number;
}

const ITERATIONS = 100_000;
/** Wrong attempts allowed before the first wait. */
const FREE_TRIES = 3;
/** First wait, doubled with each further wrong attempt, up to MAX_WAIT_MS. */
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** A PIN a trainer can type on a phone keypad and remember: 4 to 12 digits. */
export function validPin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));

/**
 * PBKDF2-SHA-256 of a PIN. WebCrypto where the page has it (https, localhost, a file); a page
 * served over plain http on a training-room network has no `crypto.subtle`, so the same function
 * comes from @noble/hashes there (loaded only then).
 */
async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const data = new TextEncoder().encode(pin);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const key = await subtle.importKey('raw', data, 'PBKDF2', false, ['deriveBits']);
    return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
  }
  const [{ pbkdf2Async }, { sha256 }] = await Promise.all([import('@noble/hashes/pbkdf2'), import('@noble/hashes/sha2')]);
  return pbkdf2Async(sha256, data, salt, { c: iterations, dkLen: 32 });
}

/** Hashes a new PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = ITERATIONS): Promise<PinRecord> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return { algo: 'pbkdf2-sha256', iterations, salt: hex(salt), hash: hex(await derive(pin, salt, iterations)) };
}

/** Whether a PIN matches the record (compared in full, not stopping at the first difference). */
export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const got = await derive(pin, unhex(record.salt), record.iterations);
  const want = unhex(record.hash);
  if (got.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= (got[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}

/**
 * Milliseconds still to wait before the next attempt is checked (0: go ahead), never more than
 * the longest wait: a tablet whose clock went back a day (a reboot, a flat battery) said "wait
 * 86429 s" and kept the trainer from the responses.
 */
export function waitLeft(lock: PinLock | undefined, now: number): number {
  return lock ? Math.min(MAX_WAIT_MS, Math.max(0, lock.until - now)) : 0;
}

/** A PIN as typed, Arabic-Indic digits (١٢٣٤, on an Arabic keypad) as the ASCII digits they are. */
export function typedPin(text: string): string {
  return asciiDigits(text.trim());
}

/** The lock after a wrong attempt: three free tries, then 30 s, 1 min, 2 min… up to 15 min. */
export function afterFailure(lock: PinLock | undefined, now: number): PinLock {
  const failures = (lock?.failures ?? 0) + 1;
  const over = failures - FREE_TRIES;
  const wait = over > 0 ? Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (over - 1)) : 0;
  return { failures, until: now + wait };
}
