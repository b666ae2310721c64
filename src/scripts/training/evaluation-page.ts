// The evaluation page island: saves every answer as it is given, restores it after a reload or a
// power cut, exports the response as CSV (the evaluation responses format), and runs kiosk mode
// (?kiosk) on one shared tablet with the test page's modules (store, kiosk, kiosk mode, trainer
// view, offline). The page is complete HTML; this only adds behaviour.
import type { ResponseRow } from '../../lib/assessment/csv-write.ts';
import { evaluationCsv } from '../../lib/training/evaluation/csv.ts';
import type { Evaluation } from '../../schemas/evaluation.ts';
import { KioskStore, type StoredResponse } from '../assessment/kiosk.ts';
import { startKiosk, type Attempt } from '../assessment/kiosk-mode.ts';
import { kioskDraftKey, kioskModeHere, reloadIntoKioskFromCache } from '../assessment/kiosk-tab.ts';
import { registerOffline } from '../assessment/offline.ts';
import { download, fileSafe, fill, store } from '../assessment/store.ts';

interface Config {
  form: Evaluation;
  strings: Record<string, string>;
  base: string;
}

/** What is saved on every change. */
interface Draft {
  participant: string;
  name: string;
  answers: Record<string, string[]>;
  savedAt: string;
}

const root = document.querySelector<HTMLElement>('[data-evaluation]');
const configText = document.getElementById('evaluation-config')?.textContent;
if (root && configText) start(root, JSON.parse(configText) as Config);

function start(root: HTMLElement, { form: ev, strings: s, base }: Config): void {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  const form = $<HTMLFormElement>('[data-form]')!;
  const status = $<HTMLElement>('[data-status]')!;
  const saved = $<HTMLElement>('[data-saved]')!;
  const done = $<HTMLElement>('[data-done]')!;
  // `?kiosk`, or any page of a tab in kiosk mode, whatever link opened it (kiosk-tab.ts).
  const kioskMode = kioskModeHere();
  const id = `sopkit.evaluation.${ev.id}`;
  const draftKey = kioskMode ? kioskDraftKey(id) : `${id}.draft`;
  const submittedKey = `${id}.submitted`;
  const kiosk = new KioskStore(`sopkit.kiosk.evaluation.${ev.id}`);
  const itemIds = ev.items.map((i) => i.id);
  const csv = (rows: readonly ResponseRow[]) => evaluationCsv(ev, rows.map((r) => ({ respondent: r.participant, answers: r.answers })));
  let warnedStorage = false;

  const respondent = () => form.querySelector<HTMLInputElement>('input[name="respondent"]');
  // Times in the page's language (a French or Arabic form says the time as its reader writes it).
  const time = (iso: string) => new Date(iso).toLocaleTimeString(document.documentElement.lang || [], { hour: '2-digit', minute: '2-digit' });
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.toggleAttribute('data-error', error);
  };

  function readAnswers(): Record<string, string[]> {
    const data = new FormData(form);
    return Object.fromEntries(itemIds.map((item) => [item, data.getAll(item).map(String).filter((v) => v.trim())]));
  }

  function writeAnswers(answers: Record<string, readonly string[]>): void {
    for (const item of ev.items) {
      const answer = answers[item.id] ?? [];
      if (item.type === 'text') {
        const area = form.querySelector<HTMLTextAreaElement>(`textarea[name="${item.id}"]`);
        if (area) area.value = answer.join(' ');
      } else for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${item.id}"]`)) input.checked = answer.includes(input.value);
    }
  }

  const attempt = (): Attempt => ({ participant: respondent()?.value.trim() ?? '', name: '', answers: readAnswers() });

  function save(): void {
    const draft: Draft = { ...attempt(), savedAt: new Date().toISOString() };
    if (store.set(draftKey, draft)) saved.textContent = fill(s['assess.saved'] ?? '', { time: time(draft.savedAt) });
    else if (!warnedStorage) {
      warnedStorage = true;
      say(s['assess.noStorage'] ?? '', true);
    }
  }

  /** Empties every answer and drops the draft. */
  function clearForm(): void {
    form.reset();
    const restored = $<HTMLElement>('[data-restored]');
    if (restored) restored.hidden = true;
    store.remove(draftKey);
    saved.textContent = '';
  }

  /** A fresh, empty form on screen. */
  function reset(): void {
    clearForm();
    say('');
    form.hidden = false;
    done.hidden = true;
  }

  function restore(a: Attempt): void {
    reset();
    const field = respondent();
    if (field) field.value = a.participant;
    writeAnswers(a.answers);
    save();
  }

  const focusStart = () => (respondent() ?? form.querySelector<HTMLElement>('input, textarea'))?.focus();
  const fileName = (r: StoredResponse) => `${ev.id}-evaluation-${r.participant ? `${fileSafe(r.participant)}-` : ''}${r.submittedAt.slice(0, 16).replace(/[:T]/g, '-')}.csv`;
  const downloadOne = (r: StoredResponse) => download(fileName(r), csv([r]), 'text/csv;charset=utf-8');

  function showDone(r: StoredResponse, first: boolean): void {
    done.hidden = false;
    form.hidden = true;
    $<HTMLElement>('[data-done-normal]')!.hidden = kioskMode;
    $<HTMLElement>('[data-done-kiosk]')!.hidden = !kioskMode;
    if (first && !kioskMode) downloadOne(r);
    done.focus();
  }

  function refreshKiosk(): void {
    const banner = $<HTMLElement>('[data-kiosk-banner]')!;
    banner.hidden = false;
    banner.textContent = fill(s['assess.kiosk.banner'] ?? '', { n: kiosk.list().length });
  }

  /** The response submitted when storage refused it: the download button still has it. */
  let unstored: StoredResponse | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r: StoredResponse = { ...attempt(), submittedAt: new Date().toISOString() };
    const missing = ev.items.flatMap((item, i) => (item.required && !(r.answers[item.id] ?? []).length ? [i + 1] : []));
    if (missing.length) {
      say(fill(s['evaluation.page.required'] ?? '', { list: missing.join(s['list.separator'] ?? ', ') }), true);
      form.querySelector<HTMLElement>(`[name="${ev.items[(missing[0] ?? 1) - 1]?.id}"]`)?.focus();
      return;
    }
    if (!Object.values(r.answers).some((a) => a.length)) return say(s['evaluation.page.empty'] ?? '', true);
    if (kioskMode && r.participant && kiosk.has(r.participant)) {
      say(fill(s['evaluation.page.duplicate'] ?? '', { id: r.participant }), true);
      respondent()?.focus();
      return;
    }
    let stored = true;
    if (kioskMode) {
      if (!kiosk.add(r)) return say(s['assess.kiosk.full'] ?? '', true);
      refreshKiosk();
    } else {
      // Storage full or gone at the last moment: the draft stays, so a reload still has the
      // answers; the participant is told to keep the file downloaded, and can download it again.
      stored = store.set(submittedKey, r);
      unstored = stored ? undefined : r;
    }
    if (stored) store.remove(draftKey);
    say(stored ? '' : (s['assess.notStored'] ?? ''), !stored);
    showDone(r, true);
    // On a shared tablet the answers leave the page as soon as they are stored.
    if (kioskMode) clearForm();
  });
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  $('[data-download]')?.addEventListener('click', () => {
    const r = store.get<StoredResponse>(submittedKey) ?? unstored;
    if (r) downloadOne(r);
  });
  $('[data-again]')?.addEventListener('click', () => {
    if (!confirm(s['assess.againConfirm'] ?? '')) return;
    store.remove(submittedKey);
    reset();
    focusStart();
  });
  $('[data-next]')?.addEventListener('click', () => {
    reset();
    window.scrollTo(0, 0);
    focusStart();
  });

  // Ready: restore what this device holds (never on a shared tablet, where it belongs to someone else).
  root.dataset.ready = '';
  if (kioskMode) {
    startKiosk({
      root,
      stem: `${ev.id}-evaluation`,
      csv,
      itemIds,
      strings: s,
      store: kiosk,
      draftKey,
      attempt,
      reset,
      restore,
      block: (blocked) => (form.hidden = blocked),
      say,
      refresh: refreshKiosk,
      focusStart,
    });
  } else {
    // Back to this page from the back-forward cache after the tab entered kiosk mode: load it again, in kiosk mode.
    reloadIntoKioskFromCache();
    const submitted = store.get<StoredResponse>(submittedKey);
    const draft = store.get<Draft>(draftKey);
    if (submitted) showDone(submitted, false);
    else if (draft) {
      restore({ participant: draft.participant, name: '', answers: draft.answers });
      // At the top of the form, with a way out: on a shared phone the answers put back may be
      // the last person's (an anonymous comment shown to the next one, who could send it as theirs).
      const notice = $<HTMLElement>('[data-restored]');
      const text = $<HTMLElement>('[data-restored-text]');
      if (notice && text) {
        text.textContent = fill(s['evaluation.page.restored'] ?? '', { time: time(draft.savedAt) });
        notice.hidden = false;
        $('[data-clear-form]')?.addEventListener('click', () => {
          clearForm();
          notice.hidden = true;
          focusStart();
        });
      } else say(fill(s['assess.restored'] ?? '', { time: time(draft.savedAt) }));
    }
  }
  // Opened normally, the form keeps itself in each language and nothing more: a trainee on
  // prepaid data who opened one form downloaded every form of its language. Kiosk set-up keeps
  // this language's whole evaluations folder (`evaluations/`, `fr/evaluations/`): the trainer
  // prepares the shared tablet once on the venue's connection, and a course hands out a module's
  // form at the end of each module and its own at the end, days later and maybe with none.
  const locale = location.pathname.startsWith(base) ? (/^(.*?)evaluations\//.exec(decodeURI(location.pathname.slice(base.length)))?.[1] ?? '') : '';
  void registerOffline(base, kioskMode ? `${locale}evaluations/` : undefined).then((ok) => {
    if (ok) root.dataset.offlineSaved = '';
  });
}
