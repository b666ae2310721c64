// A tab that entered kiosk mode stays in it. The site's menu is on the kiosk page, so a participant
// on the shared tablet can reach another test (Assessments, then the test's plain link) or an
// evaluation form (a course page's link): opened without `?kiosk`, that page ran in normal mode,
// kept the participant's id, name and answers as the device's draft and showed whose they were
// once sent, and the next participant to open it found them. So the tab remembers kiosk mode in
// its sessionStorage (this tab only: the trainer's other tabs on the same device are unaffected,
// and a closed tab forgets it) from the moment a kiosk page runs, and every test and evaluation
// page it opens runs in kiosk mode, whatever the link, until the trainer ends kiosk mode in the
// trainer view (the PIN). The assessments index runs `keepKioskInLinks` on its test links.

/** The tab's sessionStorage key; its presence means "kiosk mode". */
export const KIOSK_TAB_KEY = 'sopkit.kiosk.tab';

/** Whether this tab is in kiosk mode (entered with `?kiosk`, not ended by the trainer). */
export function isKioskTab(): boolean {
  try {
    return sessionStorage.getItem(KIOSK_TAB_KEY) !== null;
  } catch {
    return false;
  }
}

/** Remembers that this tab is in kiosk mode (a running kiosk page calls it). */
export function rememberKioskTab(): void {
  try {
    sessionStorage.setItem(KIOSK_TAB_KEY, '1');
  } catch {
    // No sessionStorage: each page keeps kiosk mode through its links only (`keepKioskInLinks`).
  }
}

/** Ends kiosk mode in this tab (the trainer, after the PIN). */
export function forgetKioskTab(): void {
  try {
    sessionStorage.removeItem(KIOSK_TAB_KEY);
  } catch {
    // Nothing was remembered.
  }
}

const hasKiosk = (search: string) => new URLSearchParams(search).has('kiosk');
const withKiosk = (search: string) => (hasKiosk(search) ? search : search && search !== '?' ? `${search}&kiosk` : '?kiosk');

/**
 * Whether a test or evaluation page runs in kiosk mode: its address has `?kiosk`, or its tab is in
 * kiosk mode. In the latter case `?kiosk` is put in the address (without a new history entry), so
 * the address tells the truth: a reload, a bookmark or a copied link stay in kiosk mode.
 */
export function kioskModeHere(loc: Location = location): boolean {
  if (hasKiosk(loc.search)) return true;
  if (!isKioskTab()) return false;
  try {
    history.replaceState(history.state, '', `${loc.pathname}${withKiosk(loc.search)}${loc.hash}`);
  } catch {
    // The page still runs in kiosk mode; only its address says otherwise.
  }
  return true;
}

/**
 * Whether a path is a test page (`assessments/<quiz>/pre/`, `…/post/`) or an evaluation page
 * (`evaluations/<id>/`), in any language (`fr/assessments/…`), under the site's base path.
 */
export function isKioskPagePath(pathname: string, base = '/'): boolean {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root)) return false;
  return /^(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)*\/)?(?:assessments\/[^/]+\/(?:pre|post)|evaluations\/[^/]+)\/$/.test(pathname.slice(root.length));
}

/**
 * In a tab in kiosk mode (or on a kiosk page, `force`), makes every link of the page to a test or
 * evaluation page carry `?kiosk`: the language links, the assessments index's "Take on this
 * device", a course page's evaluation form. The page opened runs in kiosk mode without it (the
 * tab remembers), but the link then says where it goes.
 */
export function keepKioskInLinks(doc: Document = document, force = false): void {
  if (!force && !isKioskTab()) return;
  const base = doc.documentElement.dataset.base ?? '/';
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (a.origin !== location.origin || a.hasAttribute('download') || !isKioskPagePath(a.pathname, base)) continue;
    if (hasKiosk(a.search)) continue;
    // The written address, not `a.search`, whose setter makes it absolute: `/fr/assessments/x/pre/?kiosk`.
    const raw = a.getAttribute('href') ?? '';
    const hash = raw.includes('#') ? raw.slice(raw.indexOf('#')) : '';
    const rest = raw.slice(0, raw.length - hash.length);
    const query = rest.includes('?') ? rest.slice(rest.indexOf('?')) : '';
    a.setAttribute('href', `${rest.slice(0, rest.length - query.length)}${withKiosk(query)}${hash}`);
  }
}

/**
 * A page shown again from the back-forward cache keeps the mode it was opened in: a test page
 * opened normally, before the tab entered kiosk mode, would come back with whatever it had. So a
 * page not in kiosk mode, shown from that cache in a tab now in kiosk mode, loads again (in kiosk
 * mode, `kioskModeHere`).
 */
export function reloadIntoKioskFromCache(): void {
  addEventListener('pageshow', (e: PageTransitionEvent) => {
    if (e.persisted && isKioskTab()) location.replace(`${location.pathname}${withKiosk(location.search)}${location.hash}`);
  });
}

// Each kiosk tab keeps its attempt's draft under its own key. With one key for the device, a
// second kiosk tab of the same test (or evaluation form) wrote its participant's draft over the
// first's: when the tablet's browser was closed or crashed, the first participant's unsubmitted
// answers were gone, with nothing set aside for the trainer. The tab's id lives in its
// sessionStorage, so a reload finds its own draft again; a draft whose tab is gone is set aside by
// the next kiosk page of the form (`staleDrafts`), as a reload sets aside the tab's own.
const TAB_ID_KEY = 'sopkit.tab-id';

/** This tab's id (made on first use), or undefined where the browser has no sessionStorage. */
function tabId(): string | undefined {
  try {
    let id = sessionStorage.getItem(TAB_ID_KEY);
    if (!id) {
      // Not crypto.randomUUID: a site served over plain http on a training room's network has no secure context.
      id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
      sessionStorage.setItem(TAB_ID_KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}

/**
 * The key of this tab's kiosk draft of a form (`sopkit.assess.<quiz>.pre`, `sopkit.evaluation.<id>`):
 * `<form>.kiosk-draft.<tab>`. Without sessionStorage, the device's one key `<form>.kiosk-draft`.
 */
export function kioskDraftKey(form: string): string {
  const tab = tabId();
  return tab ? `${form}.kiosk-draft.${tab}` : `${form}.kiosk-draft`;
}

/** A kiosk tab rewrites its draft's `aliveAt` this often while it is open (`touchDraft`). */
export const DRAFT_ALIVE_MS = 30_000;
/**
 * A draft of another tab not rewritten for this long is taken as left by a closed tab (a browser
 * runs the timers of a tab in the background at least once a minute).
 */
export const DRAFT_STALE_MS = 3 * 60_000;

function parseDraft(text: string | null): { savedAt?: unknown; aliveAt?: unknown } | null | undefined {
  try {
    return JSON.parse(text ?? 'null') as { savedAt?: unknown; aliveAt?: unknown } | null;
  } catch {
    return undefined;
  }
}

/**
 * The other tabs' kiosk drafts of the same form that no open tab keeps alive: their keys, given
 * this tab's `ownKey` (from `kioskDraftKey`). A draft of the device's former single key
 * (`<form>.kiosk-draft`) counts as another tab's.
 */
export function staleDrafts(ownKey: string, now = Date.now(), storage: Pick<Storage, 'length' | 'key' | 'getItem'> = localStorage): string[] {
  const base = ownKey.replace(/\.kiosk-draft(?:\..*)?$/, '.kiosk-draft');
  const stale: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key || key === ownKey || (key !== base && !key.startsWith(`${base}.`))) continue;
      const draft = parseDraft(storage.getItem(key));
      // Not a draft this page wrote: left alone.
      if (draft === undefined) continue;
      const times = [draft?.aliveAt, draft?.savedAt].map((t) => (typeof t === 'string' ? Date.parse(t) : NaN)).filter((t) => !Number.isNaN(t));
      const last = times.length ? Math.max(...times) : -Infinity;
      if (now - last >= DRAFT_STALE_MS) stale.push(key);
    }
  } catch {
    // No localStorage: nothing was kept.
  }
  return stale;
}
