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

const PREFIX = 'sopkit:simulator:';
const key = (id: string) => `${PREFIX}${id}`;

/**
 * The position is kept in the tab's sessionStorage and restored only when the page is reloaded,
 * shown again with Back or Forward, or reached from its own language links (`returning`): it
 * survives a reload, not a new visit. On a
 * shared phone, where the next trainee often takes over the same tab, opening the SOP again starts
 * clean instead of showing the previous trainee's case. Earlier versions kept it in localStorage;
 * such an entry is removed the first time the simulator reads its workflow's storage, and never
 * restored (it may be another trainee's).
 */
function forgetLegacy(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Storage blocked: there is nothing to forget.
  }
}

/** Whether two paths are the same page in two languages (`/fr/sops/x/` and `/sops/x/` or `/ar/sops/x/`): they differ by one locale folder. */
function samePage(a: string, b: string): boolean {
  const locale = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
  const [x, y] = [a, b].map((p) => p.split('/').filter(Boolean)) as [string[], string[]];
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  const at = long.findIndex((s, i) => s !== short[i]);
  if (at < 0 || !locale.test(long[at]!)) return false;
  if (long.length === short.length + 1) return long.slice(at + 1).join('/') === short.slice(at).join('/');
  return long.length === short.length && locale.test(short[at]!) && long.slice(at + 1).join('/') === short.slice(at + 1).join('/');
}

/**
 * True when this page was reloaded, came back with Back or Forward, or was reached from the same
 * page in another language (its language links: a case started on `/fr/` goes on on `/`); not
 * when it was opened anew. A browser without navigation timing: true.
 */
function returning(): boolean {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (!nav || nav.type === 'reload' || nav.type === 'back_forward') return true;
    const from = document.referrer ? new URL(document.referrer) : undefined;
    return from?.origin === location.origin && from.pathname !== location.pathname && samePage(from.pathname, location.pathname);
  } catch {
    return true;
  }
}

/** Reads the saved position of a workflow; undefined when there is none, it is unreadable, or the page was opened anew. */
export function load(id: string): Saved | undefined {
  forgetLegacy(id);
  if (!returning()) {
    clear(id);
    return undefined;
  }
  return peek(id);
}

/**
 * Reads the saved position of a workflow as the tab holds it now, however the page was opened: for
 * a page shown again from the back-forward cache, which was opened long before.
 */
export function peek(id: string): Saved | undefined {
  try {
    const raw = sessionStorage.getItem(key(id));
    const saved = raw ? (JSON.parse(raw) as Saved) : undefined;
    return saved?.v === 1 && Array.isArray(saved.log) ? saved : undefined;
  } catch {
    return undefined; // private mode or a damaged entry: start clean
  }
}

/** Saves the position for this tab (quietly does nothing when storage is full or blocked). */
export function save(id: string, saved: Saved): void {
  try {
    sessionStorage.setItem(key(id), JSON.stringify(saved));
  } catch {
    // The simulator still works; the position is simply not kept.
  }
}

/** Forgets the saved position. */
export function clear(id: string): void {
  forgetLegacy(id);
  try {
    sessionStorage.removeItem(key(id));
  } catch {
    // Nothing to forget.
  }
}

/**
 * Forgets the saved position of every workflow in this tab, and nothing else of the tab's
 * storage. Kiosk mode calls it for the next participant: a tablet passed round keeps one tab, and
 * an SOP page shown again with Back or Forward, or reloaded, restored the last participant's case.
 */
export function clearAll(): void {
  try {
    for (const k of Object.keys(sessionStorage)) if (k.startsWith(PREFIX)) sessionStorage.removeItem(k);
  } catch {
    // Storage blocked: nothing was saved.
  }
}
