/**
 * The offline pack: every file a build wrote, with its size and revision, written to
 * `offline/pack.json` at the end of the build and read by the service worker and by the
 * "Save for offline use" page. The format is described in ARCHITECTURE.md ("Offline").
 * Types only and pure helpers: the browser scripts import this file.
 */

/** What a file is, for the reader ("31 pages, 66 PDFs") and for what it needs. */
export type PackKind = 'page' | 'pdf' | 'asset' | 'file';

/** One file of the built site. */
export interface PackFile {
  /** Address relative to the site root, as a link names it: `sops/birth-registration/`, `handbooks/x.pdf`, `` for the home page. */
  path: string;
  /** Size in bytes, as served. */
  bytes: number;
  /** Hash of the content: changes exactly when the file changes. */
  revision: string;
  kind: PackKind;
  /** The page's `<title>`, for the list of pages saved on a device (pages only). */
  title?: string;
  /** The page's language and direction, from its `<html lang dir>` (pages only), to show its title as its own language. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /**
   * The part of the title in another language than the page's, with its language and direction
   * (pages only; from `<meta name="sopkit:title-part">`): an untranslated SOP's, module's or
   * test's English name on a French or Arabic page, which the list marks as English.
   */
  titlePart?: { text: string; lang: string; dir?: 'ltr' | 'rtl' };
  /** Indexes in `files` of the scripts, styles and data this file loads, directly or through another script (pages and scripts only). */
  needs?: number[];
}

/** `offline/pack.json`. */
export interface Pack {
  /** Hash of every revision: changes when any file of the build changes. */
  version: string;
  files: PackFile[];
}

/** Where the pack list is published, relative to the site root. */
export const PACK_PATH = 'offline/pack.json';

/** The offline page of the source language: shown for a page never opened when there is no connection. */
export const OFFLINE_PAGE = 'offline/';

/** The tests folder of the source language: its pages are the assessments index, the tests and the practice pages. */
export const TESTS_FOLDER = 'assessments/';

/**
 * The tests folder of a locale (`assessments/`, `fr/assessments/`): what kiosk set-up, the
 * assessments page and the offline page's "Save all tests" keep whole. A test page opened
 * normally keeps only itself in each language: a trainee on prepaid data who opened one test
 * downloaded every test of the pack (1.5 MB where the page and its languages are 0.15 MB).
 * @param locale A translated locale's code; none for the source language.
 */
export function testsFolderIn(locale?: string): string {
  return locale ? `${locale}/${TESTS_FOLDER}` : TESTS_FOLDER;
}

/**
 * The offline page of a locale: `offline/` for the source language, `fr/offline/` for a
 * translated locale's (each locale has its own, in its language and direction).
 * @param locale A translated locale's code; none for the source language.
 */
export function offlinePageIn(locale?: string): string {
  return locale ? `${locale}/${OFFLINE_PAGE}` : OFFLINE_PAGE;
}

/**
 * True when a page of the pack is an offline page, the source's or a locale's (`fr/offline/`, a
 * page whose language is `fr`): not a page to list among the pages saved.
 */
export function isOfflinePage(file: Pick<PackFile, 'path' | 'lang'>): boolean {
  return file.path === OFFLINE_PAGE || (file.lang !== undefined && file.path === offlinePageIn(file.lang));
}

/**
 * The offline pages to show, best first, in place of a page never saved: its locale's (the first
 * folder of its address: `ar/sops/x/` → `ar/offline/`), then the source's. The service worker
 * serves the first it has precached, so a folder that is not a locale (`sops/`) falls through to
 * the source's: only the locales' offline pages are precached.
 * @param path The page's address relative to the site root (`ar/sops/x/`).
 */
export function offlineFallbacks(path: string): string[] {
  const folder = /^([^/]+)\//.exec(path)?.[1];
  return folder && `${folder}/` !== OFFLINE_PAGE ? [offlinePageIn(folder), OFFLINE_PAGE] : [OFFLINE_PAGE];
}

/**
 * The translated locales of a build, from its pack: each has its home page at `<lang>/` in its
 * language (`fr/`, `lang: 'fr'`); the source language's home is ``.
 */
export function packLocales(files: readonly PackFile[]): string[] {
  return files.filter((f) => f.kind === 'page' && f.lang !== undefined && f.path === `${f.lang}/`).map((f) => f.lang as string);
}

/** Bytes and counts of a set of files, by kind. */
export function packTotals(files: readonly PackFile[]): { bytes: number; count: number; pages: number; pdfs: number; other: number } {
  let bytes = 0;
  let pages = 0;
  let pdfs = 0;
  for (const f of files) {
    bytes += f.bytes;
    if (f.kind === 'page') pages++;
    else if (f.kind === 'pdf') pdfs++;
  }
  return { bytes, count: files.length, pages, pdfs, other: files.length - pages - pdfs };
}

/**
 * The files to keep for a set of page addresses: each page and everything it needs, and every
 * page (with its needs) of the given folders. A folder is kept whole only when asked for: opening
 * a page keeps that page, never its neighbours. Unknown paths are skipped.
 * @param pack The pack list.
 * @param paths Addresses relative to the site root (`assessments/x/pre/`).
 * @param folders Folders to keep whole (`assessments/`).
 */
export function filesToKeep(pack: Pack, paths: readonly string[], folders: readonly string[] = []): PackFile[] {
  const byPath = new Map(pack.files.map((f, i) => [f.path, i]));
  const wanted = new Set<number>();
  const add = (i: number) => {
    if (wanted.has(i)) return;
    wanted.add(i);
    for (const n of pack.files[i]?.needs ?? []) add(n);
  };
  for (const path of paths) {
    const i = byPath.get(path);
    if (i !== undefined) add(i);
  }
  pack.files.forEach((f, i) => {
    if (f.kind === 'page' && folders.some((folder) => f.path.startsWith(folder))) add(i);
  });
  return [...wanted].sort((a, b) => a - b).flatMap((i) => pack.files[i] ?? []);
}

/** A run of a saved page's name in a language of its own (`lang`), or in the name's (none). */
export interface NamePart {
  text: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** A saved page's name as the list shows it: its language and direction, and its runs when part of it is in another language. */
export interface SavedPageName {
  text: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The name in runs, one of them in another language (`titlePart`); absent when the whole name is in one. */
  parts?: NamePart[];
}

/**
 * Names of saved pages for the list of saved pages: a page's title without the site's name that
 * ends every title (` · SOPKit model pack`, or its locale's ` · Ensemble modèle SOPKit`: the
 * title of the home page of the site or of the page's language folder), with the page's language
 * and direction so a right-to-left title reads in its own order inside the list. The part of a
 * title in another language (`titlePart`: an untranslated SOP's English name on an Arabic page)
 * carries that language and direction: the whole name's when it is all of it, else a run of its
 * own inside a name in the page's language, so `<English name>: الاختبار القبلي` reads right to
 * left with the English isolated as one left-to-right run, as the page's own heading shows it.
 * Every Arabic page's title was marked Arabic and right to left: an English title broke at
 * 360 px as "civil-" / ":status records…" and screen readers read it with an Arabic voice. The
 * site's names are found once, not once per page (a pack of 1,000 SOPs lists thousands of pages).
 * @param files The pack's files.
 */
export function savedPageNames(files: readonly PackFile[]): (file: PackFile) => SavedPageName {
  const suffixes = files
    .filter((f) => f.kind === 'page' && f.title && (f.path === '' || (f.lang !== undefined && f.path === `${f.lang}/`)))
    .map((h) => ` · ${h.title}`)
    .sort((a, b) => b.length - a.length);
  return (file) => {
    const title = file.title ?? file.path;
    const suffix = suffixes.find((x) => title.endsWith(x) && title.length > x.length);
    const text = suffix ? title.slice(0, -suffix.length) : title;
    const own = { ...(file.lang ? { lang: file.lang } : {}), ...(file.dir ? { dir: file.dir } : {}) };
    const part = file.titlePart;
    const at = part ? text.indexOf(part.text) : -1;
    if (!part || at === -1 || part.lang === file.lang) return { text, ...own };
    const marked = { lang: part.lang, ...(part.dir ? { dir: part.dir } : {}) };
    if (part.text === text) return { text, ...marked };
    const before = text.slice(0, at);
    const after = text.slice(at + part.text.length);
    return { text, ...own, parts: [...(before ? [{ text: before }] : []), { text: part.text, ...marked }, ...(after ? [{ text: after }] : [])] };
  };
}

/**
 * The saved pages as the offline page lists them: the reader's own language first, then each other
 * language in the site's order (`locales`, the source first), and in each the home page, the SOPs,
 * then the rest by title. A page without a language is the source's. An Arabic reader saw the
 * English home page first and their own pages lost among the others.
 * @param pages The saved pages.
 * @param lang The offline page's language.
 * @param locales The site's languages, the source first.
 */
export function orderSavedPages<F extends Pick<PackFile, 'path' | 'lang' | 'title'>>(pages: readonly F[], lang: string, locales: readonly string[]): F[] {
  const source = locales[0] ?? 'en';
  const langOf = (f: F) => f.lang ?? source;
  const group = (f: F) => (langOf(f) === lang ? -1 : locales.includes(langOf(f)) ? locales.indexOf(langOf(f)) : locales.length);
  const rest = (f: F) => (langOf(f) !== source && f.path.startsWith(`${langOf(f)}/`) ? f.path.slice(langOf(f).length + 1) : f.path);
  const rank = (f: F) => (rest(f) === '' ? 0 : rest(f).startsWith('sops/') ? 1 : 2);
  return [...pages].sort((a, b) => group(a) - group(b) || langOf(a).localeCompare(langOf(b)) || rank(a) - rank(b) || (a.title ?? a.path).localeCompare(b.title ?? b.path, lang));
}

/**
 * The units of `formatBytes` (kilobytes, megabytes) in a language: French counts octets (`ko`,
 * `Mo`); Arabic writes the unit as a word, since the Latin `MB` in an Arabic sentence is a
 * left-to-right run that takes the punctuation and the next number with it ("30.6 MB: 215"
 * showed as "MB :215 30.6"). Every other language: `kB`, `MB`.
 */
const BYTE_UNITS: Readonly<Record<string, readonly [string, string]>> = { fr: ['ko', 'Mo'], ar: ['كيلوبايت', 'ميغابايت'] };

/**
 * Human size in megabytes with one decimal (`8.4 MB`, `8,4 Mo`), or kilobytes below 0.1 MB;
 * decimal units, as phones show data. A no-break space keeps the number with its unit.
 */
export function formatBytes(bytes: number, lang = 'en'): string {
  const number = (n: number, digits: number) => n.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const [kb, mb] = BYTE_UNITS[lang.split('-')[0] ?? lang] ?? ['kB', 'MB'];
  return bytes >= 100_000 ? `${number(bytes / 1_000_000, 1)}\u00a0${mb}` : `${number(Math.max(1, Math.round(bytes / 1000)), 0)}\u00a0${kb}`;
}
