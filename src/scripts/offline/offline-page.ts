/**
 * The offline page's island: states the size of the whole pack, saves it, or every test of the
 * page's language (its tests folder, `data-tests-folder`), with progress (files and bytes) that
 * can be cancelled, lists the pages saved on this device, and, when the worker serves this page
 * in place of one never opened, says so.
 */
import { PACK_PATH, filesToKeep, formatBytes, isOfflinePage, orderSavedPages, packTotals, savedPageNames, type Pack, type PackFile } from '../../lib/offline/pack.ts';
import { cacheFor } from './caches.ts';
import { activeWorker, offlineSupported, siteScope } from './client.ts';
import { isCurrent, saveFiles, type SaveProgress } from './save.ts';
import { pluralForm, pluralString } from '../../i18n/plural-form.ts';

const root = document.querySelector<HTMLElement>('[data-offline-page]');
const strings = JSON.parse(document.getElementById('offline-strings')?.textContent ?? '{}') as Record<string, string>;
const lang = document.documentElement.lang || 'en';
const scope = siteScope();
const $ = <T extends HTMLElement>(selector: string) => root?.querySelector<T>(selector) ?? undefined;

/** A UI string with `{name}` placeholders filled. */
function say(key: string, params: Record<string, string | number> = {}): string {
  return (strings[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A count with its noun (`offline.pack.pages`), in the plural form the page's language gives the count. */
function sayCount(base: string, n: number): string {
  const forms = Object.fromEntries(['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => [c, strings[`${base}.${c}`]]));
  return pluralForm(forms, n, lang).replace(/\{count\}/g, String(n));
}

/** A sentence with a count (`offline.failed`), in the plural form the page's language gives `n`, its `{name}` placeholders filled. */
function sayN(base: string, n: number, params: Record<string, string | number>): string {
  return pluralString(strings, base, n, lang).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The site's languages, the source first, as the page wrote their names (`language.fr`). */
const locales = Object.keys(strings).flatMap((k) => (k.startsWith('language.') ? [k.slice('language.'.length)] : []));

const ui = {
  title: $('[data-offline-title]'),
  missing: $('[data-offline-missing]'),
  size: $('[data-pack-size]'),
  status: $('[data-pack-status]'),
  save: $<HTMLButtonElement>('[data-pack-save]'),
  testsStatus: $('[data-tests-status]'),
  testsSave: $<HTMLButtonElement>('[data-tests-save]'),
  progressLabel: $('[data-pack-progress-label]'),
  cancel: $<HTMLButtonElement>('[data-pack-cancel]'),
  progress: $('[data-pack-progress]'),
  bar: $<HTMLProgressElement>('progress'),
  count: $('[data-pack-count]'),
  result: $('[data-pack-result]'),
  announce: $('[data-pack-announce]'),
  none: $('[data-pages-none]'),
  list: $<HTMLUListElement>('[data-pages-list]'),
};

/**
 * Served in place of another page: that page was never opened here and there is no connection.
 * The page knows its own address (`offline/`, `ar/offline/`: `data-offline-page`); any other is
 * the page it stands in for.
 */
function markFallback(): void {
  const here = decodeURI((location.href.split(/[?#]/)[0] ?? '').slice(scope.length));
  if (here === root?.dataset.offlinePage || !ui.title || !ui.missing) return;
  ui.title.textContent = say('offline.missing.title');
  document.title = say('offline.missing.title');
  ui.missing.hidden = false;
}

async function cachedOf(files: readonly PackFile[]): Promise<(Response | undefined)[]> {
  return Promise.all(files.map(async (f) => (await caches.open(cacheFor(scope, f.path))).match(new URL(f.path, scope).href)));
}

/** The files of every test of this page's language (its tests folder), with what they load; none in a pack without tests. */
function testFilesOf(pack: Pack): PackFile[] {
  const folder = root?.dataset.testsFolder;
  return folder ? filesToKeep(pack, [], [folder]) : [];
}

/** Shows what is saved: the count of files of this build, the save buttons with what is left to fetch, the saved pages. */
async function refresh(pack: Pack): Promise<void> {
  const cached = await cachedOf(pack.files);
  const current = pack.files.filter((f, i) => isCurrent(cached[i], f));
  const tests = testFilesOf(pack);
  const currentSet = new Set(current);
  const testsCurrent = tests.filter((f) => currentSet.has(f));
  if (ui.testsStatus) {
    ui.testsStatus.hidden = tests.length === 0;
    ui.testsStatus.textContent = testsCurrent.length === tests.length ? say('offline.tests.complete') : sayN('offline.tests.status', tests.length, { files: testsCurrent.length, count: tests.length });
  }
  if (ui.testsSave) {
    ui.testsSave.textContent = say('offline.tests.save', { size: formatBytes(packTotals(tests).bytes - packTotals(testsCurrent).bytes, lang) });
    ui.testsSave.hidden = testsCurrent.length === tests.length;
  }
  const left = packTotals(pack.files).bytes - packTotals(current).bytes;
  if (ui.status) {
    ui.status.hidden = false;
    ui.status.textContent = current.length === pack.files.length ? say('offline.pack.complete') : sayN('offline.pack.status', pack.files.length, { files: current.length, count: pack.files.length });
  }
  if (ui.save) {
    ui.save.textContent = say('offline.save', { size: formatBytes(left, lang) });
    ui.save.hidden = current.length === pack.files.length;
  }
  const saved = orderSavedPages(
    pack.files.filter((f, i) => f.kind === 'page' && cached[i] && !isOfflinePage(f)),
    lang,
    locales,
  );
  const nameOf = savedPageNames(pack.files);
  ui.list?.replaceChildren(
    ...saved.map((f) => {
      const a = document.createElement('a');
      a.href = new URL(f.path, scope).pathname;
      const name = nameOf(f);
      // A run in another language (an untranslated page's English name in an Arabic title) is
      // marked with its language and direction, which also isolates it (`dir` on an element).
      a.append(
        ...(name.parts ?? [{ text: name.text }]).map((p) => {
          if (!p.lang) return p.text;
          const run = document.createElement('span');
          run.textContent = p.text;
          run.lang = p.lang;
          if (p.dir) run.dir = p.dir;
          return run;
        }),
      );
      if (name.lang) a.lang = name.lang;
      if (name.dir) a.dir = name.dir;
      const li = document.createElement('li');
      li.append(a);
      // A page in another language says which, in the reader's words: "Home (English)".
      const pageLang = f.lang ?? locales[0];
      if (pageLang && pageLang !== lang) {
        a.hreflang = pageLang;
        const label = document.createElement('span');
        label.className = 'nav-lang';
        label.dataset.pageLang = pageLang;
        label.textContent = ` (${strings[`language.${pageLang}`] ?? pageLang})`;
        li.append(label);
      }
      return li;
    }),
  );
  if (ui.none) ui.none.hidden = saved.length > 0;
}

function showProgress(p: SaveProgress): void {
  if (ui.bar) ui.bar.value = p.totalBytes ? p.bytes / p.totalBytes : 0;
  // Files on the device (saved or already there): a failed one is said apart, not counted as done.
  const count = say('offline.progress', { done: p.done - p.failed, total: p.total, bytes: formatBytes(p.bytes, lang), totalBytes: formatBytes(p.totalBytes, lang) });
  if (ui.count) ui.count.textContent = p.failed ? `${count}${say('offline.progress.failed', { failed: p.failed })}` : count;
}

/**
 * Saves the whole pack, or every test (`which`); the status region announces the start, each
 * quarter and the end (not every file).
 */
async function savePack(pack: Pack, which: 'pack' | 'tests'): Promise<void> {
  if (!ui.save || !ui.cancel || !ui.result || !ui.progress) return;
  const files = which === 'tests' ? testFilesOf(pack) : pack.files;
  const controller = new AbortController();
  const cancel = () => controller.abort();
  ui.cancel.addEventListener('click', cancel, { once: true });
  ui.save.hidden = true;
  if (ui.testsSave) ui.testsSave.hidden = true;
  if (ui.progressLabel) ui.progressLabel.textContent = say(which === 'tests' ? 'offline.tests.progress.label' : 'offline.progress.label');
  ui.cancel.hidden = false;
  ui.cancel.focus();
  ui.result.textContent = say('offline.waiting');
  await activeWorker();
  ui.result.textContent = '';
  // Ask the browser not to clear the saved pack when space runs low (it may say no).
  await navigator.storage?.persist?.().catch(() => false);
  ui.progress.hidden = false;
  let quarter = -1;
  const result = await saveFiles(files, {
    scope,
    mode: 'current',
    signal: controller.signal,
    concurrency: 3,
    onProgress: (p) => {
      showProgress(p);
      const q = Math.floor((4 * p.bytes) / Math.max(1, p.totalBytes));
      if (q !== quarter && q < 4 && ui.announce) ui.announce.textContent = ui.count?.textContent ?? '';
      quarter = q;
    },
  });
  ui.cancel.removeEventListener('click', cancel);
  ui.cancel.hidden = true;
  // Done: the result says so; cancelled or failed: the bar shows how far it got.
  ui.progress.hidden = !result.aborted && result.failed.length === 0;
  if (ui.announce) ui.announce.textContent = '';
  await refresh(pack);
  ui.result.textContent = result.aborted ? say('offline.cancelled') : result.failed.length ? sayN('offline.failed', result.failed.length, { count: result.failed.length }) : say(which === 'tests' ? 'offline.tests.done' : 'offline.done');
  const again = which === 'tests' ? ui.testsSave : ui.save;
  (again && !again.hidden ? again : ui.result).focus();
}

async function start(): Promise<void> {
  markFallback();
  if (!ui.size) return;
  if (!offlineSupported()) {
    ui.size.textContent = say('offline.unsupported');
    return;
  }
  ui.size.textContent = say('offline.pack.sizing');
  const pack = await fetch(new URL(PACK_PATH, scope))
    .then((r) => (r.ok ? (r.json() as Promise<Pack>) : undefined))
    .catch(() => undefined);
  if (!pack?.files) {
    ui.size.textContent = say('offline.pack.unknown');
    return;
  }
  const all = packTotals(pack.files);
  ui.size.textContent = say('offline.pack.size', { size: formatBytes(all.bytes, lang), pages: sayCount('offline.pack.pages', all.pages), pdfs: sayCount('offline.pack.pdfs', all.pdfs), other: sayCount('offline.pack.others', all.other) });
  ui.save?.addEventListener('click', () => void savePack(pack, 'pack'));
  ui.testsSave?.addEventListener('click', () => void savePack(pack, 'tests'));
  await refresh(pack);
}

void start();
