import type { ScenarioEvent } from '../../lib/workflow/types.ts';

/** What is saved per workflow: enough to rebuild the position by replaying, and to check it. */
export interface Saved {
  v: 1;
  fingerprint: string;
  scenario: string;
  mode: 'guided' | 'challenge';
  input: Record<string, unknown>;
  log: ScenarioEvent[];
  /** Wrong choices per scenario step (challenge mode). */
  wrong: Record<number, number>;
  /** SOP sections named by wrong choices (challenge mode). */
  reread: string[];
  /** `machine.getPersistedSnapshot(...)` at the time of saving: restoring must arrive at the same. */
  snapshot: unknown;
}

const key = (id: string) => `sopkit:simulator:${id}`;

/** Reads the saved position of a workflow; undefined when there is none or it is unreadable. */
export function load(id: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(key(id));
    const saved = raw ? (JSON.parse(raw) as Saved) : undefined;
    return saved?.v === 1 && Array.isArray(saved.log) ? saved : undefined;
  } catch {
    return undefined; // private mode or a damaged entry: start clean
  }
}

/** Saves the position (quietly does nothing when storage is full or blocked). */
export function save(id: string, saved: Saved): void {
  try {
    localStorage.setItem(key(id), JSON.stringify(saved));
  } catch {
    // The simulator still works; the position is simply not kept.
  }
}

/** Forgets the saved position. */
export function clear(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Nothing to forget.
  }
}
