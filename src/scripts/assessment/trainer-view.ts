// The trainer view of a shared tablet: opened with the trainer PIN, it lists the responses
// submitted on the tablet and the attempts set aside unsubmitted, downloads each as CSV (the
// responses format), resumes a set-aside attempt for its participant, clears the tablet, and ends
// kiosk mode in the tab.
// Locked again by its button, by closing it, after two idle minutes and on every reload: while
// locked, no participant's name or id is in the page.
import type { ResponseRow } from '../../lib/assessment/csv-write.ts';
import { kioskDevice, type KioskStore, type SetAside, type StoredResponse } from './kiosk.ts';
import { afterFailure, pinMatches, typedPin, waitLeft } from './pin.ts';
import { pluralString } from '../../i18n/plural-form.ts';
import { formatDecimal } from '../../lib/assessment/score-line.ts';
import { download, fill } from './store.ts';

/** What the trainer view needs from the page (the test page, the evaluation page). */
export interface TrainerViewOptions {
  /** Start of the download names: `<quiz>-<form>`, `<evaluation>-evaluation`. */
  stem: string;
  /** Rows as the page's CSV format. */
  csv(rows: readonly ResponseRow[]): string;
  itemIds: string[];
  strings: Record<string, string>;
  /** Locale of numbers and times (`numberLocale`); the browser's when absent. */
  locale?: string;
  store: KioskStore;
  /** Puts a set-aside attempt back on screen for its participant. */
  resume(attempt: SetAside): void;
  /** Called after the stored lists change (the banner counts them). */
  changed(): void;
  /** Ends kiosk mode in this tab: its test and evaluation pages are normal again (kiosk-tab.ts). */
  end(): void;
}

/** Minutes without activity after which an open trainer view locks itself. */
export const TRAINER_IDLE_MS = 2 * 60_000;

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const item = (text: string) => Object.assign(document.createElement('li'), { textContent: text });

/** Wires the trainer view in `panel`; returns what the page calls on activity and to lock it. */
export function setUpTrainerView(panel: HTMLElement, o: TrainerViewOptions): { lock(): void; isOpen(): boolean } {
  const s = o.strings;
  const locale = o.locale ?? [];
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const num = (n: number) => (o.locale ? formatDecimal(n, o.locale) : String(n));
  /** The language whose plural rules word a count (the evaluation page gives no number locale). */
  const plural = o.locale ?? document.documentElement.lang;
  const $ = <T extends Element>(sel: string) => panel.querySelector<T>(sel)!;
  const details = $<HTMLDetailsElement>('details');
  const unlock = $<HTMLFormElement>('[data-unlock]');
  const pin = $<HTMLInputElement>('[data-unlock] input[name="pin"]');
  const status = $<HTMLElement>('[data-unlock-status]');
  const view = $<HTMLElement>('[data-trainer-view]');
  let open = false;

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.toggleAttribute('data-error', error);
  };

  function render(): void {
    const submitted = o.store.list();
    const aside = o.store.setAside();
    $('[data-label-responses]').textContent = fill(s['assess.kiosk.download'] ?? '', { n: num(submitted.length) });
    $('[data-label-aside]').textContent = fill(s['assess.kiosk.downloadAside'] ?? '', { n: num(aside.length) });
    const who = (r: Pick<StoredResponse, 'participant' | 'name'>) => `${r.participant || s['assess.kiosk.noId']}${r.name ? ` (${r.name})` : ''}`;
    $('[data-kiosk-list]').replaceChildren(...(submitted.length ? submitted.map((r) => item(`${who(r)}${s['list.separator'] ?? ', '}${time(r.submittedAt)}`)) : [item(s['assess.kiosk.none'] ?? '')]));
    $('[data-aside-list]').replaceChildren(
      ...(aside.length
        ? aside.map((a, i) => {
            const line = fill(s['assess.kiosk.asideLine'] ?? '', { n: num(Object.values(a.answers).filter((x) => x.length).length), m: num(o.itemIds.length), time: time(a.setAsideAt), why: s[`assess.kiosk.why.${a.reason}`] ?? a.reason });
            // "P01 : …" in French: the colon is spaced as the page's language spaces it.
            const li = item(`${fill(s['assess.labelled'] ?? '{label}: {text}', { label: who(a), text: line })} `);
            const resume = Object.assign(document.createElement('button'), { type: 'button', textContent: s['assess.kiosk.resume'] ?? '' });
            resume.setAttribute('aria-label', fill(s['assess.kiosk.resumeLabel'] ?? '', { who: who(a) }));
            resume.addEventListener('click', () => {
              const taken = o.store.takeBack(i);
              if (!taken) return;
              lock();
              o.changed();
              o.resume(taken);
            });
            li.append(resume);
            return li;
          })
        : [item(s['assess.kiosk.noneAside'] ?? '')]),
    );
  }

  /** Hides the view and empties its lists, so no name stays in the page. */
  function lock(): void {
    open = false;
    view.hidden = true;
    unlock.hidden = false;
    for (const sel of ['[data-kiosk-list]', '[data-aside-list]']) $(sel).replaceChildren();
    pin.value = '';
    details.open = false;
  }

  unlock.addEventListener('submit', async (e) => {
    e.preventDefault();
    const settings = kioskDevice.settings();
    if (!settings) return;
    const wait = waitLeft(kioskDevice.lock(), Date.now());
    if (wait > 0) return say(fill(pluralString(s, 'assess.kiosk.pinWait', Math.ceil(wait / 1000), plural), { n: num(Math.ceil(wait / 1000)) }), true);
    const typed = typedPin(pin.value);
    pin.value = '';
    if (!(await pinMatches(typed, settings.pin))) {
      const lockState = afterFailure(kioskDevice.lock(), Date.now());
      kioskDevice.setLock(lockState);
      const next = waitLeft(lockState, Date.now());
      say(next > 0 ? fill(pluralString(s, 'assess.kiosk.pinWait', Math.ceil(next / 1000), plural), { n: num(Math.ceil(next / 1000)) }) : s['assess.kiosk.pinWrong'] ?? '', true);
      pin.focus();
      return;
    }
    kioskDevice.setLock(undefined);
    say('');
    open = true;
    unlock.hidden = true;
    view.hidden = false;
    render();
    $<HTMLButtonElement>('[data-lock]').focus();
  });

  details.addEventListener('toggle', () => {
    if (!details.open && open) lock();
  });
  $('[data-lock]').addEventListener('click', () => {
    lock();
    details.querySelector('summary')?.focus();
  });
  $('[data-get="responses"]').addEventListener('click', () => {
    if (!open) return;
    const list = o.store.list();
    if (list.length) download(`${o.stem}-responses-${stamp()}.csv`, o.csv(list), 'text/csv;charset=utf-8');
  });
  $('[data-get="set-aside"]').addEventListener('click', () => {
    if (!open) return;
    const list = o.store.setAside();
    if (list.length) download(`${o.stem}-set-aside-${stamp()}.csv`, o.csv(list), 'text/csv;charset=utf-8');
  });
  $('[data-clear]').addEventListener('click', () => {
    if (!open) return;
    const n = o.store.list().length;
    const m = o.store.setAside().length;
    if (!n && !m) return;
    if (!confirm(fill(s['assess.kiosk.clearConfirm'] ?? '', { n: num(n), m: num(m) }))) return;
    o.store.clear();
    render();
    o.changed();
  });
  $('[data-end-kiosk]').addEventListener('click', () => {
    if (!open) return;
    lock();
    o.end();
  });
  lock();
  return { lock, isOpen: () => open };
}
