// The test page island: saves every answer as it is given, restores it after a reload or a power
// cut, exports the response (CSV in the responses format, and JSON), and runs kiosk mode (?kiosk)
// on one shared tablet (kiosk-mode.ts). No framework: the page is complete HTML and this only adds
// behaviour. A page without the key (the participant edition) records answers and never scores.
import { responsesCsvFor } from '../../lib/assessment/csv-write.ts';
import { formatDecimal, scoreLine } from '../../lib/assessment/score-line.ts';
import type { TestPageConfig } from '../../lib/assessment/page-data.ts';
import { scoreAnswers, showFeedback } from './feedback.ts';
import { KioskStore, type Submitted } from './kiosk.ts';
import { startKiosk, type Attempt } from './kiosk-mode.ts';
import { kioskDraftKey, kioskModeHere, reloadIntoKioskFromCache } from './kiosk-tab.ts';
import { applyOrder, currentOrder, markAnswered, setUpOrderItems } from './order.ts';
import { registerOffline } from './offline.ts';
import { download, fileSafe, fill, store } from './store.ts';

interface Config extends TestPageConfig {
  /** Every UI string the script writes, in the page's language. */
  strings: Record<string, string>;
  base: string;
  /** The locale numbers and times are written in (`numberLocale`: the digits the server printed). */
  locale: string;
  /** The folder kept for offline use: `assessments/`, `fr/assessments/`. */
  scope: string;
  /** Link to the SOP section of each item of the key (post-test with feedback). */
  refs?: Record<string, string>;
}

/** What is saved on every change. */
interface Draft {
  participant: string;
  name: string;
  answers: Record<string, string[]>;
  mode: 'all' | 'one';
  current: number;
  savedAt: string;
}

const root = document.querySelector<HTMLElement>('[data-assess]');
const configText = document.getElementById('assess-config')?.textContent;
if (root && configText) start(root, JSON.parse(configText) as Config);

function start(root: HTMLElement, config: Config): void {
  const s = config.strings;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const form = $<HTMLFormElement>('[data-form]')!;
  const items = [...root.querySelectorAll<HTMLElement>('[data-item]')];
  const status = $<HTMLElement>('[data-status]')!;
  const saved = $<HTMLElement>('[data-saved]')!;
  const done = $<HTMLElement>('[data-done]')!;
  // `?kiosk`, or any page of a tab in kiosk mode, whatever link opened it (kiosk-tab.ts).
  const kioskMode = kioskModeHere();
  const id = `sopkit.assess.${config.quiz}.${config.form}`;
  const draftKey = kioskMode ? kioskDraftKey(id) : `${id}.draft`;
  const submittedKey = `${id}.submitted`;
  const kiosk = new KioskStore(`sopkit.kiosk.${config.quiz}.${config.form}`);
  let mode: Draft['mode'] = 'all';
  let current = 0;
  let warnedStorage = false;

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  /** Puts a kept attempt's id and name in their fields. */
  const showWho = (r: { participant: string; name?: string }) => {
    field('participant')!.value = r.participant;
    field('name')!.value = r.name ?? '';
  };
  const time = (iso: string) => new Date(iso).toLocaleTimeString(config.locale, { hour: '2-digit', minute: '2-digit' });
  const num = (n: number) => formatDecimal(n, config.locale);
  const list = (parts: string[]) => {
    try {
      return new Intl.ListFormat(config.locale, { style: 'short', type: 'unit' }).format(parts);
    } catch {
      return parts.join(', ');
    }
  };
  const say = (text: string, error = false) => {
    status.textContent = text;
    if (error) status.dataset.error = '';
    else delete status.dataset.error;
  };

  /**
   * A problem with the participant ID, said beside the field (where the focus goes: on a phone the
   * submit button's status line is thousands of pixels away) and at the submit button; undefined
   * clears it.
   */
  function participantError(text: string | undefined) {
    const input = field('participant');
    const note = form.querySelector<HTMLElement>('[data-participant-error]');
    if (!input || !note) {
      if (text) say(text, true);
      return;
    }
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== note.id);
    if (text === undefined) {
      note.hidden = true;
      note.textContent = '';
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', described.join(' '));
      return;
    }
    note.textContent = text;
    note.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [...described, note.id].join(' '));
    say(text, true);
    input.focus();
  }

  function readAnswers(): Record<string, string[]> {
    const data = new FormData(form);
    return Object.fromEntries(
      items.map((el) => {
        const itemId = el.dataset.item ?? '';
        if (el.dataset.type === 'order') return [itemId, 'answered' in el.dataset ? String(data.get(itemId) ?? '').split(' ').filter(Boolean) : []];
        return [itemId, data.getAll(itemId).map(String)];
      }),
    );
  }

  function writeAnswers(answers: Record<string, string[]>): void {
    for (const el of items) {
      const itemId = el.dataset.item ?? '';
      const answer = answers[itemId] ?? [];
      if (el.dataset.type === 'order') {
        const list = el.querySelector<HTMLElement>('[data-order]');
        if (list && answer.length) {
          applyOrder(list, answer);
          markAnswered(el);
        }
        continue;
      }
      for (const input of el.querySelectorAll<HTMLInputElement>('input')) input.checked = answer.includes(input.value);
    }
  }

  function save(): void {
    const draft: Draft = { participant: field('participant')?.value ?? '', name: field('name')?.value ?? '', answers: readAnswers(), mode, current, savedAt: new Date().toISOString() };
    if (store.set(draftKey, draft)) saved.textContent = fill(s['assess.saved'] ?? '', { time: time(draft.savedAt) });
    else if (!warnedStorage) {
      warnedStorage = true;
      say(s['assess.noStorage'] ?? '', true);
    }
  }

  function showItem(index: number, focus: boolean): void {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach((el, i) => el.toggleAttribute('data-current', i === current));
    const label = $<HTMLElement>('[data-page-label]');
    if (label) label.textContent = fill(s['assess.question'] ?? '', { n: num(current + 1), m: num(items.length) });
    root.querySelectorAll<HTMLButtonElement>('[data-page]').forEach((b) => {
      b.disabled = Number(b.dataset.page) < 0 ? current === 0 : current === items.length - 1;
    });
    if (focus) items[current]?.querySelector<HTMLElement>('input:not([type=hidden]), button')?.focus();
  }

  function setMode(next: Draft['mode']): void {
    mode = next;
    root.dataset.mode = mode;
    $<HTMLElement>('[data-pager]')!.hidden = mode !== 'one';
    const radio = root.querySelector<HTMLInputElement>(`input[name="assess-mode"][value="${mode}"]`);
    if (radio) radio.checked = true;
    showItem(current, false);
  }

  /** Empties every answer, the id and the name, and drops the draft. */
  function clearForm(): void {
    form.reset();
    for (const el of items) {
      delete el.dataset.answered;
      const list = el.querySelector<HTMLElement>('[data-order]');
      const initial = el.dataset.initial?.split(' ');
      if (list && initial) applyOrder(list, initial);
      el.querySelector<HTMLElement>('[data-feedback]')?.setAttribute('hidden', '');
    }
    form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button').forEach((c) => (c.disabled = false));
    store.remove(draftKey);
    saved.textContent = '';
  }

  /** A fresh, empty test on screen. */
  function reset(): void {
    clearForm();
    say('');
    form.hidden = false;
    done.hidden = true;
    $<HTMLElement>('[data-submit]')!.hidden = false;
    $<HTMLElement>('[data-tools]')!.hidden = false;
    setMode(mode);
    showItem(0, false);
  }

  function response(): Submitted {
    return { quiz: config.quiz, form: config.form, participant: field('participant')?.value.trim() ?? '', name: field('name')?.value.trim() ?? '', answers: readAnswers(), submittedAt: new Date().toISOString() };
  }

  function files(r: Submitted) {
    const base = `${config.quiz}-${config.form}-${fileSafe(r.participant)}`;
    const score = config.key ? scoreAnswers(config.key, r.answers) : undefined;
    const json = { ...r, ...(score !== undefined ? { score, maxScore: config.maxScore } : {}) };
    return {
      csv: () => download(`${base}.csv`, responsesCsvFor(config.itemIds, config.form, [r]), 'text/csv;charset=utf-8'),
      json: () => download(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`, 'application/json'),
    };
  }

  /** "P-017 (Grace Okello)": whose answers a screen shows, on a device another participant may pick up. */
  const whoOf = (r: { participant: string; name?: string }) => (r.name ? `${r.participant} (${r.name})` : r.participant);

  function showDone(r: Submitted, first: boolean): void {
    done.hidden = false;
    const who = $<HTMLElement>('[data-done-who]');
    if (who) who.textContent = kioskMode ? '' : fill(s['assess.done.who'] ?? '', { who: whoOf(r), time: time(r.submittedAt) });
    $<HTMLElement>('[data-done-normal]')!.hidden = kioskMode;
    $<HTMLElement>('[data-done-kiosk]')!.hidden = !kioskMode;
    const key = kioskMode ? undefined : config.key;
    form.hidden = !key;
    $<HTMLElement>('[data-submit]')!.hidden = true;
    $<HTMLElement>('[data-pager]')!.hidden = true;
    $<HTMLElement>('[data-tools]')!.hidden = true;
    if (key) {
      writeAnswers(r.answers);
      form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button').forEach((c) => (c.disabled = true));
      root.dataset.mode = 'all';
      showFeedback(root, key, r.answers, s, config.refs ?? {});
      const result = scoreLine(s['assess.score'] ?? '', { score: scoreAnswers(key, r.answers), max: config.maxScore, passMark: config.passMark }, config.locale);
      const line = $<HTMLElement>('[data-score]')!;
      line.textContent = `${result.text} ${result.passed ? s['assess.passed'] : s['assess.notPassed']}`;
      line.hidden = false;
    }
    if (first && !kioskMode) files(r).csv();
    done.focus();
  }

  function refreshKiosk(): void {
    const banner = $<HTMLElement>('[data-kiosk-banner]')!;
    banner.hidden = false;
    banner.textContent = fill(s['assess.kiosk.banner'] ?? '', { n: num(kiosk.list().length) });
  }

  function restore(a: Attempt): void {
    reset();
    showWho(a);
    writeAnswers(a.answers);
    save();
  }

  // Enter in the ID field, or on a chosen option, submitted the whole test (the browser's implicit
  // submission): a trainee who typed an ID and pressed Enter was asked "Submit anyway?" with OK
  // as the default, and on a shared tablet was then refused as having taken the test. Only the
  // submit button submits.
  form.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'submit' && target.type !== 'button') e.preventDefault();
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = response();
    if (!r.participant) {
      participantError(s['assess.needId'] ?? '');
      return;
    }
    if (kioskMode && kiosk.has(r.participant)) {
      participantError(fill(s['assess.kiosk.duplicate'] ?? '', { id: r.participant }));
      return;
    }
    participantError(undefined);
    const missing = items.flatMap((el, i) => ((r.answers[el.dataset.item ?? ''] ?? []).length ? [] : [i + 1]));
    if (missing.length && !confirm(fill(s['assess.unanswered'] ?? '', { list: list(missing.map(num)) }))) return;
    let stored = true;
    if (kioskMode) {
      if (!kiosk.add(r)) return say(s['assess.kiosk.full'] ?? '', true);
      store.remove(draftKey);
      refreshKiosk();
    } else {
      // Storage full or gone at the last moment: the draft stays, so a reload still has the
      // answers, and the participant is told to keep the file downloaded below.
      stored = store.set(submittedKey, r);
      if (stored) store.remove(draftKey);
    }
    say(stored ? '' : (s['assess.notStored'] ?? ''), !stored);
    showDone(r, true);
    // On a shared tablet the answers leave the page as soon as they are stored.
    if (kioskMode) clearForm();
  });

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  setUpOrderItems(root, {
    changed: save,
    announce: (text, n, m) => say(fill(s['assess.moved'] ?? '', { text, n: num(n), m: num(m) })),
  });
  for (const el of items) {
    const list = el.querySelector<HTMLElement>('[data-order]');
    if (list) el.dataset.initial = [...list.querySelectorAll<HTMLElement>('[data-option]')].map((li) => li.dataset.option).join(' ');
  }
  root.querySelectorAll<HTMLInputElement>('input[name="assess-mode"]').forEach((r) =>
    r.addEventListener('change', () => {
      setMode(r.value === 'one' ? 'one' : 'all');
      save();
    }),
  );
  root.querySelectorAll<HTMLButtonElement>('[data-page]').forEach((b) =>
    b.addEventListener('click', () => {
      showItem(current + Number(b.dataset.page), true);
      save();
    }),
  );
  // A blank copy: the print had the trainee's id and name in its boxes, and order questions in the
  // order they had arranged (a solved question on paper). Both are put back once printed.
  $('[data-print]')?.addEventListener('click', () => {
    const fields = [field('participant'), field('name')].flatMap((f) => (f ? [f] : []));
    const typed = fields.map((f) => f.value);
    const arranged = items.flatMap((el) => {
      const list = el.querySelector<HTMLElement>('[data-order]');
      return list ? [{ list, shown: currentOrder(list), initial: el.dataset.initial?.split(' ') ?? [] }] : [];
    });
    fields.forEach((f) => (f.value = ''));
    for (const a of arranged) applyOrder(a.list, a.initial);
    let restored = false;
    const restore = () => {
      if (restored) return;
      restored = true;
      fields.forEach((f, i) => (f.value = typed[i] ?? ''));
      for (const a of arranged) applyOrder(a.list, a.shown);
    };
    addEventListener('afterprint', restore, { once: true });
    // Where a browser fires no afterprint, the next touch or key puts them back before it can
    // change (and save) anything.
    for (const type of ['pointerdown', 'keydown']) addEventListener(type, restore, { once: true, capture: true });
    print();
  });
  $('[data-download="csv"]')?.addEventListener('click', () => files(store.get<Submitted>(submittedKey) ?? response()).csv());
  $('[data-download="json"]')?.addEventListener('click', () => files(store.get<Submitted>(submittedKey) ?? response()).json());
  $('[data-again]')?.addEventListener('click', () => {
    if (!confirm(s['assess.againConfirm'] ?? '')) return;
    store.remove(submittedKey);
    reset();
    field('participant')?.focus();
  });
  $('[data-next]')?.addEventListener('click', () => {
    reset();
    window.scrollTo(0, 0);
    field('participant')?.focus();
  });

  // Ready: show the tools, then restore what this device holds (never on a shared tablet).
  root.dataset.ready = '';
  $<HTMLElement>('[data-tools]')!.hidden = false;
  setMode('all');
  if (kioskMode) {
    startKiosk({
      root,
      stem: `${config.quiz}-${config.form}`,
      csv: (rows) => responsesCsvFor(config.itemIds, config.form, rows),
      itemIds: config.itemIds,
      strings: s,
      locale: config.locale,
      store: kiosk,
      draftKey,
      attempt: () => ({ participant: field('participant')?.value ?? '', name: field('name')?.value ?? '', answers: readAnswers() }),
      reset,
      restore,
      block: (blocked) => {
        form.hidden = blocked;
        $<HTMLElement>('[data-tools]')!.hidden = blocked;
      },
      say,
      refresh: refreshKiosk,
      focusStart: () => field('participant')?.focus(),
    });
  } else {
    // The same test open in two tabs or windows is one test: what one saves, the other shows. A tab
    // left open and empty wrote its empty form over the other's answers at its first click, and
    // after the other had submitted it took a second submission in its place.
    addEventListener('storage', (event) => {
      const e = event as StorageEvent;
      if (e.storageArea !== localStorage || (e.key !== draftKey && e.key !== submittedKey) || !e.newValue) return;
      let value: Submitted | Draft;
      try {
        value = JSON.parse(e.newValue) as Submitted | Draft;
      } catch {
        return;
      }
      showWho(value);
      if (e.key === submittedKey) return showDone(value as Submitted, false);
      if (store.get<Submitted>(submittedKey)) return;
      writeAnswers(value.answers);
      say(s['assess.otherTab'] ?? '');
    });
    // Back to this page from the back-forward cache after the tab entered kiosk mode: load it again, in kiosk mode.
    reloadIntoKioskFromCache();
    const submitted = store.get<Submitted>(submittedKey);
    const draft = store.get<Draft>(draftKey);
    if (submitted) {
      showWho(submitted);
      showDone(submitted, false);
    } else if (draft) {
      showWho(draft);
      writeAnswers(draft.answers);
      current = draft.current;
      setMode(draft.mode);
      // Named, so a participant who picks up a device someone else left sees whose answers these are.
      say(draft.participant ? fill(s['assess.restoredOf'] ?? '', { who: whoOf(draft), time: time(draft.savedAt) }) : fill(s['assess.restored'] ?? '', { time: time(draft.savedAt) }));
    }
  }
  // Kiosk set-up keeps every test of this language (the trainer prepares the tablet while
  // connected); a test opened normally keeps itself, in each language, and nothing more.
  if (kioskMode) {
    const note = $<HTMLElement>('.assess-offline');
    if (note) note.textContent = s['assess.offline.kiosk'] ?? note.textContent;
  }
  void registerOffline(config.base, kioskMode ? config.scope : undefined).then((ok) => {
    if (ok) root.dataset.offlineSaved = '';
  });
}
