// Kiosk mode (?kiosk): one tablet passed round the class. The first use sets a trainer PIN; from
// then on no participant sees another's id, name or answers: an unsubmitted attempt is set aside
// for the trainer (kept, never shown) when the next participant starts, after the idle time, and
// when the page is reloaded. The trainer view (trainer-view.ts) needs the PIN.
import type { ResponseRow } from '../../lib/assessment/csv-write.ts';
import { hasContent, IDLE_MINUTES, kioskDevice, type KioskStore, type SetAside, type SetAsideReason } from './kiosk.ts';
import { watchIdle } from './idle.ts';
import { asciiDigits } from '../../lib/digits.ts';
import { hashPin, typedPin, validPin } from './pin.ts';
import { formatDecimal } from '../../lib/assessment/score-line.ts';
import { fill, store } from './store.ts';
import { pluralString } from '../../i18n/plural-form.ts';
import { setUpTrainerView, TRAINER_IDLE_MS } from './trainer-view.ts';
import { clearAll as forgetSimulatedCases } from '../simulator/storage.ts';
import { DRAFT_ALIVE_MS, forgetKioskTab, keepKioskInLinks, rememberKioskTab, staleDrafts } from './kiosk-tab.ts';

/** An attempt as the test page holds it. */
export interface Attempt {
  participant: string;
  name: string;
  answers: Record<string, string[]>;
}

/** What kiosk mode needs from the page it runs on (the test page, the evaluation page). */
export interface KioskPage {
  root: HTMLElement;
  /** Start of the trainer's download names: `<quiz>-<form>`, `<evaluation>-evaluation`. */
  stem: string;
  /** The stored responses (or set-aside attempts) as the page's CSV format. */
  csv(rows: readonly ResponseRow[]): string;
  itemIds: string[];
  strings: Record<string, string>;
  /** Locale of numbers and times (`numberLocale`); the browser's when absent. */
  locale?: string;
  store: KioskStore;
  /** Where the attempt on screen is saved as it is given. */
  draftKey: string;
  /** The attempt on screen. */
  attempt(): Attempt;
  /** Empties the screen for the next participant (and drops the draft). */
  reset(): void;
  /** Puts an attempt on screen (and saves it as the draft). */
  restore(attempt: Attempt): void;
  /** Hides or shows the test while the tablet is not set up. */
  block(blocked: boolean): void;
  say(text: string, error?: boolean): void;
  /** Redraws the banner with the number of responses stored. */
  refresh(): void;
  /** Puts the focus where the next participant starts (the participant id, or the first question). */
  focusStart(): void;
}

/** How long before the idle time the warning shows. */
const WARN_MS = 60_000;

/** Starts kiosk mode: the set-up on first use, then setting aside, the idle watch and the trainer view. */
export function startKiosk(page: KioskPage): void {
  // The language links too: a participant may choose their language on a shared tablet (every
  // language keeps the same kiosk store).
  keepKioskInLinks(document, true);
  const s = page.strings;
  const num = (n: number) => (page.locale ? formatDecimal(n, page.locale) : String(n));
  const $ = <T extends Element>(sel: string) => page.root.querySelector<T>(sel)!;
  const setup = $<HTMLElement>('[data-kiosk-setup]');
  const warning = $<HTMLElement>('[data-idle-warning]');

  /** Keeps the attempt on screen (or saved as the draft) for the trainer, and empties the screen. */
  function setAside(reason: SetAsideReason, attempt: Attempt & { lastChange?: string } = page.attempt()): boolean {
    const kept = !hasContent(attempt) || page.store.putAside({ ...attempt, lastChange: attempt.lastChange ?? new Date().toISOString(), setAsideAt: new Date().toISOString(), reason });
    if (!kept) {
      page.say(s['assess.noStorage'] ?? '', true);
      return false;
    }
    // A reload's attempt is no longer on screen; another tab's never was.
    if (reason !== 'reload' && reason !== 'other-tab') {
      page.reset();
      forgetSimulatedCases();
    }
    return true;
  }

  function run(minutes: number): void {
    // From now on every test and evaluation page this tab opens runs in kiosk mode (kiosk-tab.ts).
    rememberKioskTab();
    page.block(false);
    setup.hidden = true;
    $<HTMLElement>('[data-kiosk-bar]').hidden = false;
    /**
     * Sets aside the draft stored at `key`, if it holds anything, and removes it: 'kept' when an
     * attempt was set aside, 'empty' when there was none, 'failed' when the device could not store
     * it (the draft then stays).
     */
    const setAsideAt = (key: string, reason: SetAsideReason): 'kept' | 'empty' | 'failed' => {
      const draft = store.get<Attempt & { savedAt?: string }>(key);
      const has = Boolean(draft && hasContent(draft));
      if (draft && has && !setAside(reason, { participant: draft.participant, name: draft.name, answers: draft.answers, ...(draft.savedAt ? { lastChange: draft.savedAt } : {}) })) return 'failed';
      store.remove(key);
      return has ? 'kept' : 'empty';
    };
    // Whatever was on screen before a reload belongs to someone who may have left.
    const setAsideDraft = () => {
      if (setAsideAt(page.draftKey, 'reload') === 'kept') page.say(s['assess.kiosk.setAside'] ?? '');
    };
    // A draft another tab left (closed with the browser, or crashed) is set aside too, as soon as
    // no open tab has kept it alive for a while: from this page's start, then every half minute.
    const setAsideStale = () => {
      const kept = staleDrafts(page.draftKey).map((key) => setAsideAt(key, 'other-tab'));
      if (kept.includes('kept')) page.refresh();
    };
    // This tab's draft says it is alive, so other tabs leave it alone.
    const touchDraft = () => {
      const draft = store.get<Record<string, unknown>>(page.draftKey);
      if (draft) store.set(page.draftKey, { ...draft, aliveAt: new Date().toISOString() });
    };
    setAsideDraft();
    setAsideStale();
    setInterval(() => {
      touchDraft();
      setAsideStale();
    }, DRAFT_ALIVE_MS);

    const panel = $<HTMLElement>('[data-trainer]');
    panel.hidden = false;
    const trainer = setUpTrainerView(panel, {
      stem: page.stem,
      csv: page.csv,
      itemIds: page.itemIds,
      strings: s,
      ...(page.locale ? { locale: page.locale } : {}),
      store: page.store,
      changed: page.refresh,
      resume: (a: SetAside) => {
        if (hasContent(page.attempt())) setAside('next-participant');
        page.restore({ participant: a.participant, name: a.name ?? '', answers: a.answers });
        page.say(s['assess.kiosk.resumed'] ?? '');
      },
      // The trainer takes the tab back: an attempt on screen is set aside (never shown again
      // outside kiosk mode), and the page opens again without `?kiosk`, as a normal test page.
      end: () => {
        if (hasContent(page.attempt()) && !setAside('next-participant')) return;
        store.remove(page.draftKey);
        forgetSimulatedCases();
        forgetKioskTab();
        const url = new URL(location.href);
        url.searchParams.delete('kiosk');
        location.replace(url.href);
      },
    });
    page.refresh();

    // The next participant, who may open an SOP in this tab (the site's menu, Back, Forward),
    // must not find the last one's simulated case there: the simulator keeps its place in the
    // tab's sessionStorage and restores it on Back, Forward and reload. So "New participant",
    // "Next participant" after a response is sent, and the idle time's set-aside (`setAside`)
    // forget it.
    page.root.querySelector('[data-next]')?.addEventListener('click', forgetSimulatedCases);
    $('[data-new-participant]').addEventListener('click', () => {
      if (hasContent(page.attempt()) && !setAside('next-participant')) return;
      trainer.lock();
      page.reset();
      forgetSimulatedCases();
      page.say(s['assess.kiosk.fresh'] ?? '');
      page.focusStart();
    });

    // A page that is left may be kept whole in the browser's back-forward cache and shown again,
    // as it was, to whoever presses Back next: the attempt on screen, or an open trainer view with
    // every name and the downloads. So leaving the page locks the trainer view and empties the
    // screen (the attempt stays as the draft), and a page shown again from that cache sets the
    // draft aside as a reload does.
    addEventListener('pagehide', () => {
      trainer.lock();
      const draft = store.get<unknown>(page.draftKey);
      page.reset();
      if (draft !== undefined) store.set(page.draftKey, draft);
    });
    addEventListener('pageshow', (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      trainer.lock();
      setAsideDraft();
      page.refresh();
    });

    let trainerIdleSince = Date.now();
    watchIdle(minutes * 60_000, WARN_MS, {
      active: () => hasContent(page.attempt()),
      warn: (n) => {
        warning.hidden = false;
        warning.textContent = fill(pluralString(s, 'assess.kiosk.idleWarning', n, page.locale ?? document.documentElement.lang), { n: num(n) });
      },
      calm: () => {
        warning.hidden = true;
        warning.textContent = '';
      },
      expire: () => {
        trainer.lock();
        if (setAside('inactive')) page.say(s['assess.kiosk.setAside'] ?? '');
      },
    });
    // An open trainer view locks itself when left alone.
    addEventListener('pointerdown', () => (trainerIdleSince = Date.now()), { capture: true });
    addEventListener('keydown', () => (trainerIdleSince = Date.now()), { capture: true });
    setInterval(() => {
      if (trainer.isOpen() && Date.now() - trainerIdleSince > TRAINER_IDLE_MS) trainer.lock();
    }, 1000);
  }

  const settings = kioskDevice.settings();
  if (settings) return run(settings.idleMinutes);

  // First use on this tablet: the trainer chooses the PIN before the first participant.
  page.block(true);
  setup.hidden = false;
  const formEl = $<HTMLFormElement>('[data-setup]');
  const status = $<HTMLElement>('[data-setup-status]');
  const field = (name: string) => formEl.elements.namedItem(name) as HTMLInputElement;
  const value = (name: string) => field(name).value.trim();
  // The field a problem is about is marked invalid, described by the message, and focused: the
  // message alone, said at the button, left a keyboard or screen reader user to find the field.
  const described = new Map(['pin', 'again', 'idle'].map((name) => [name, field(name).getAttribute('aria-describedby') ?? '']));
  const markField = (bad: string | undefined) => {
    for (const [name, own] of described) {
      const input = field(name);
      if (name === bad) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [own, status.id].filter(Boolean).join(' '));
      } else {
        input.removeAttribute('aria-invalid');
        if (own) input.setAttribute('aria-describedby', own);
        else input.removeAttribute('aria-describedby');
      }
    }
    if (bad) field(bad).focus();
  };
  // A PIN half typed must not come back with the page on Back (the back-forward cache, above).
  addEventListener('pagehide', () => formEl.reset());
  formEl.addEventListener('submit', async (e) => {
    e.preventDefault();
    // ١٢٣٤ typed on an Arabic keypad is the PIN 1234 (it was refused as "not 4 to 12 digits").
    const pin = typedPin(value('pin'));
    const minutes = Number(asciiDigits(value('idle')));
    const [problem, bad] = !validPin(pin)
      ? [s['assess.kiosk.pinRule'], 'pin']
      : pin !== typedPin(value('again'))
        ? [s['assess.kiosk.pinDiffer'], 'again']
        : !Number.isInteger(minutes) || minutes < IDLE_MINUTES.min || minutes > IDLE_MINUTES.max
          ? [fill(s['assess.kiosk.idleRule'] ?? '', { min: num(IDLE_MINUTES.min), max: num(IDLE_MINUTES.max) }), 'idle']
          : ['', undefined];
    markField(problem ? bad : undefined);
    if (problem) {
      status.textContent = problem;
      status.dataset.error = '';
      return;
    }
    if (!kioskDevice.save({ pin: await hashPin(pin), idleMinutes: minutes })) {
      status.textContent = s['assess.noStorage'] ?? '';
      status.dataset.error = '';
      return;
    }
    formEl.reset();
    run(minutes);
    page.say(s['assess.kiosk.ready'] ?? '');
    page.focusStart();
  });
}
