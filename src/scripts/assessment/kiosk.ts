// What a shared tablet (kiosk mode) keeps: the responses submitted on it, the attempts set aside
// unsubmitted (a participant left, the tablet sat idle, the page was reloaded), and the device's
// kiosk settings (the trainer PIN's hash, the idle time). Nothing here is ever shown to a
// participant; the trainer view reads it after the PIN.
import type { ResponseRow } from '../../lib/assessment/csv-write.ts';
import type { PinLock, PinRecord } from './pin.ts';
import { asciiDigits } from '../../lib/digits.ts';
import { looseId } from '../../lib/assessment/look-alike.ts';
import { store } from './store.ts';

/** Whether two ids are one participant's as the scoring reads them: digits of any script, no case, dashes or leading zeros. */
export function sameParticipant(a: string, b: string): boolean {
  return looseId(asciiDigits(a.trim())) === looseId(asciiDigits(b.trim()));
}

/** A response as a kiosk page (the test page, the evaluation page) keeps it. */
export interface StoredResponse extends ResponseRow {
  answers: Record<string, string[]>;
  /** ISO time of submission, as the device's clock says. */
  submittedAt: string;
}

/** A response as the test page keeps it. */
export interface Submitted extends StoredResponse {
  quiz: string;
  form: 'pre' | 'post';
}

/** Why an unsubmitted attempt was set aside. */
export type SetAsideReason = 'next-participant' | 'inactive' | 'reload' | 'other-tab';

/** An attempt that was never submitted, kept for the trainer. */
export interface SetAside extends ResponseRow {
  answers: Record<string, string[]>;
  /** ISO time of the attempt's last change. */
  lastChange: string;
  /** ISO time it was set aside. */
  setAsideAt: string;
  reason: SetAsideReason;
}

/** The kiosk settings of this device, shared by every test taken on it. */
export interface KioskSettings {
  pin: PinRecord;
  /** Minutes without activity after which an unsubmitted attempt is set aside. */
  idleMinutes: number;
}

/** Default, smallest and largest idle time, in minutes. */
export const IDLE_MINUTES = { default: 10, min: 2, max: 120 } as const;

const SETTINGS_KEY = 'sopkit.kiosk.settings';
const LOCK_KEY = 'sopkit.kiosk.pin-lock';

/** This device's kiosk settings: the PIN hash and the idle time. */
export const kioskDevice = {
  settings: (): KioskSettings | undefined => store.get<KioskSettings>(SETTINGS_KEY),
  save: (settings: KioskSettings): boolean => store.set(SETTINGS_KEY, settings),
  /** Wrong-PIN attempts survive a reload, or reloading would reset the wait. */
  lock: (): PinLock | undefined => store.get<PinLock>(LOCK_KEY),
  setLock: (lock: PinLock | undefined): void => (lock ? void store.set(LOCK_KEY, lock) : store.remove(LOCK_KEY)),
};

/** Whether an attempt holds anything worth keeping: an id, a name or an answer. */
export function hasContent(attempt: Pick<ResponseRow, 'participant' | 'name' | 'answers'>): boolean {
  return Boolean(attempt.participant.trim() || attempt.name?.trim() || Object.values(attempt.answers).some((a) => a.length));
}

/** The responses and set-aside attempts stored on a shared tablet for one form of a quiz or one evaluation form. */
export class KioskStore {
  /** @param key Storage key of the form, e.g. `sopkit.kiosk.birth-registration.pre`, `sopkit.kiosk.evaluation.registry-officers`. */
  constructor(private readonly key: string) {}

  list(): StoredResponse[] {
    return store.get<StoredResponse[]>(this.key) ?? [];
  }

  /**
   * Whether a participant already answered on this device, their id compared as `sopkit score`
   * and the scoring page compare them (`sameParticipant`): P01, p01, P-1 and P٠١ are one person
   * there, and a tablet that took each as new gave the trainer a file the scoring refused.
   */
  has(participant: string): boolean {
    return this.list().some((r) => sameParticipant(r.participant, participant));
  }

  /** Adds a response; false when the device could not store it. */
  add(response: StoredResponse): boolean {
    return store.set(this.key, [...this.list(), response]);
  }

  setAside(): SetAside[] {
    return store.get<SetAside[]>(`${this.key}.set-aside`) ?? [];
  }

  /** Keeps an unsubmitted attempt for the trainer; false when the device could not store it. */
  putAside(attempt: SetAside): boolean {
    return store.set(`${this.key}.set-aside`, [...this.setAside(), attempt]);
  }

  /** Takes a set-aside attempt back (the trainer resumes it for its participant). */
  takeBack(index: number): SetAside | undefined {
    const list = this.setAside();
    const [taken] = list.splice(index, 1);
    if (taken) store.set(`${this.key}.set-aside`, list);
    return taken;
  }

  /** Deletes everything stored for this form: responses and set-aside attempts. */
  clear(): void {
    store.remove(this.key);
    store.remove(`${this.key}.set-aside`);
  }
}
