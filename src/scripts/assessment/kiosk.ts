import { responsesCsvFor, type ResponseRow } from '../../lib/assessment/csv-write.ts';
import { download, fill, store } from './store.ts';

/** A response as the test page keeps it. */
export interface Submitted extends ResponseRow {
  quiz: string;
  form: 'pre' | 'post';
  answers: Record<string, string[]>;
  /** ISO time of submission, as the device's clock says. */
  submittedAt: string;
}

const HOLD_MS = 2000;

/**
 * A button that acts only after being held for two seconds, by pointer or by keyboard (Space or
 * Enter held): enough to stop a participant downloading or clearing the class's answers by a tap.
 * It is a guard against accidents, not security.
 */
export function holdButton(button: HTMLButtonElement, act: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => {
    if (timer) return;
    button.dataset.holding = '';
    timer = setTimeout(() => {
      stop();
      act();
    }, HOLD_MS);
  };
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    delete button.dataset.holding;
  };
  button.addEventListener('pointerdown', start);
  for (const type of ['pointerup', 'pointerleave', 'pointercancel', 'blur']) button.addEventListener(type, stop);
  button.addEventListener('keydown', (e) => {
    if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
      e.preventDefault();
      start();
    }
  });
  button.addEventListener('keyup', (e) => {
    if (e.key === ' ' || e.key === 'Enter') stop();
  });
  button.addEventListener('click', (e) => e.preventDefault());
}

/** The responses stored on a shared tablet for one form of one quiz. */
export class KioskStore {
  constructor(private readonly key: string) {}

  list(): Submitted[] {
    return store.get<Submitted[]>(this.key) ?? [];
  }

  has(participant: string): boolean {
    return this.list().some((r) => r.participant === participant);
  }

  /** Adds a response; false when the device could not store it. */
  add(response: Submitted): boolean {
    return store.set(this.key, [...this.list(), response]);
  }

  clear(): void {
    store.remove(this.key);
  }
}

/**
 * Wires the trainer panel of kiosk mode: the stored list, hold-to-download all as one CSV (the
 * responses format, the file `sopkit score` reads) and hold-to-clear.
 */
export function setUpTrainerPanel(panel: HTMLElement, kiosk: KioskStore, opts: { itemIds: string[]; form: string; quiz: string; strings: Record<string, string>; refresh(): void }): void {
  const { strings } = opts;
  const downloadButton = panel.querySelector<HTMLButtonElement>('[data-hold="download"]');
  const clearButton = panel.querySelector<HTMLButtonElement>('[data-hold="clear"]');
  if (downloadButton) {
    holdButton(downloadButton, () => {
      const list = kiosk.list();
      if (!list.length || !confirm(fill(strings['assess.kiosk.downloadConfirm'] ?? '', { n: list.length }))) return;
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      download(`${opts.quiz}-${opts.form}-responses-${stamp}.csv`, responsesCsvFor(opts.itemIds, opts.form, list), 'text/csv;charset=utf-8');
    });
  }
  if (clearButton) {
    holdButton(clearButton, () => {
      const n = kiosk.list().length;
      if (!n || !confirm(fill(strings['assess.kiosk.clearConfirm'] ?? '', { n }))) return;
      kiosk.clear();
      opts.refresh();
    });
  }
}

/** Redraws the trainer panel's list and button label. */
export function renderTrainerPanel(panel: HTMLElement, kiosk: KioskStore, strings: Record<string, string>): void {
  const list = kiosk.list();
  const label = panel.querySelector('[data-hold-label]');
  if (label) label.textContent = fill(strings['assess.kiosk.download'] ?? '', { n: list.length });
  const ul = panel.querySelector('[data-kiosk-list]');
  if (!ul) return;
  ul.replaceChildren(
    ...(list.length
      ? list.map((r) => {
          const li = document.createElement('li');
          li.textContent = `${r.participant}${r.name ? ` (${r.name})` : ''}, ${new Date(r.submittedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
          return li;
        })
      : [Object.assign(document.createElement('li'), { textContent: strings['assess.kiosk.none'] ?? '' })]),
  );
}
