import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { PACK_PATH, type Pack, type PackFile, type PackKind } from './pack.ts';

/** Files that are never part of the pack: the worker itself and the pack list. */
const NOT_IN_PACK = new Set(['sw.js', PACK_PATH]);

/** Extensions a page or script loads by itself (as opposed to downloads such as `.txt` or `.csv`). */
const LOADED = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.png', '.jpg', '.webp', '.ico', '.woff', '.woff2']);

/** A file name as bundlers and the build write them: file-name characters with a dot (its extension). */
const NAME = /^[\w~-]*\.[\w.~-]*$/;

/** Whether a UTF-16 code is one of the file-name characters `[\w.~-]`. */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 126 || code === 45;
}

/**
 * Calls `visit` with each word of file-name characters in a text that holds a dot, whole. Every
 * name looked up has one (an extension), and most words of a page have none: going from dot to
 * dot skips them without reading them as words.
 */
function eachDottedWord(text: string, visit: (word: string) => void): void {
  for (let at = text.indexOf('.'); at !== -1; ) {
    let start = at;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    visit(text.slice(start, end));
    at = text.indexOf('.', end);
  }
}

/** Files whose text is read for the names of the files they load. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css']);

function walk(dir: string, root: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** `sops/x/index.html` → `sops/x/` (the address links use, with `trailingSlash: 'always'`). */
export function addressOf(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

function kindOf(file: string): PackKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.html') return 'page';
  if (ext === '.pdf') return 'pdf';
  return file.startsWith('_astro/') || LOADED.has(ext) ? 'asset' : 'file';
}

/** Text of an HTML attribute or element with its character references decoded. */
function decoded(raw: string): string {
  return raw
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function titleOf(html: string): string | undefined {
  const raw = /<title>([^<]*)<\/title>/i.exec(html)?.[1];
  return raw === undefined ? undefined : decoded(raw);
}

/**
 * The part of a page's title in another language than the page's, from the
 * `<meta name="sopkit:title-part" content lang dir>` the layout writes beside the `<title>` (an
 * untranslated SOP's English name on an Arabic page).
 */
function titlePartOf(html: string): PackFile['titlePart'] {
  const tag = /<meta\b[^>]*\sname="sopkit:title-part"[^>]*>/i.exec(html)?.[0];
  if (!tag) return undefined;
  const text = /\scontent="([^"]*)"/i.exec(tag)?.[1];
  const lang = /\slang="([^"]+)"/i.exec(tag)?.[1];
  const dir = /\sdir="(ltr|rtl)"/i.exec(tag)?.[1] as 'ltr' | 'rtl' | undefined;
  if (!text || !lang) return undefined;
  return { text: decoded(text), lang, ...(dir ? { dir } : {}) };
}

/** The language and direction of a page, from its `<html lang dir>`. */
function languageOf(html: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const tag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '';
  const lang = /\slang="([^"]+)"/i.exec(tag)?.[1];
  const dir = /\sdir="(ltr|rtl)"/i.exec(tag)?.[1] as 'ltr' | 'rtl' | undefined;
  return { ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) };
}

/** The revision of some bytes: the start of their SHA-256. */
const revisionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * Revisions of files the scan does not read as text, by what identifies a file's content on disk
 * (`<inode>:<size>:<modification time in ns>`): `known` from the last scan, `seen` filled by this
 * one. A build's PDFs reach the site as hard links to the PDF cache, so an unchanged PDF keeps its
 * inode and time from build to build and is not read again.
 */
export interface RevisionCache {
  known: ReadonlyMap<string, string>;
  seen: Map<string, string>;
}

/**
 * Files changed this recently are not kept in the cache: a file's time has the granularity of the
 * kernel's clock tick, so one written again within it, at the same size, would keep its key
 * (git treats such entries as "racy" the same way). They are kept by the next build's scan.
 */
const RACY_MS = 1000;

/** Size and revision of a file that is not read as text, from the cache when its inode, size and time are known. */
function binaryFile(path: string, cache: RevisionCache | undefined, now: number): { bytes: number; revision: string } {
  if (!cache) {
    const bytes = readFileSync(path);
    return { bytes: bytes.length, revision: revisionOf(bytes) };
  }
  const stat = statSync(path, { bigint: true });
  const key = `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  let revision = cache.known.get(key);
  if (revision === undefined) {
    const bytes = readFileSync(path);
    revision = revisionOf(bytes);
    if (BigInt(bytes.length) !== stat.size || Number(stat.mtimeMs) > now - RACY_MS) return { bytes: bytes.length, revision };
  }
  cache.seen.set(key, revision);
  return { bytes: Number(stat.size), revision };
}

/**
 * Lists a built site for the offline pack: every file with its size, a content hash, its kind,
 * a page's title, and what each page and script loads. A file loads an asset when the asset's
 * file name appears in its text: bundler output names are hashed and unique, and this also finds
 * chunks a script imports on demand and data fetched by name (the search manifests, `manifest.json`). Pages,
 * scripts and styles are read whole; every other file (the PDFs: most of the bytes) is read one
 * at a time for its hash and let go, or not read at all when `cache` knows it.
 * @param dir The output folder of the build (`dist/`, `dist-trainer/`).
 * @param cache Revisions of files not read as text, from the last scan of this folder.
 */
export function scanBuild(dir: string, cache?: RevisionCache): Pack {
  const now = Date.now();
  const paths = walk(dir, dir, []).filter((p) => !NOT_IN_PACK.has(p)).sort();
  // The text of each file read for names (pages, scripts, styles), decoded once.
  const texts: (string | undefined)[] = [];
  const files: PackFile[] = paths.map((p, i) => {
    const kind = kindOf(p);
    let file: PackFile;
    if (TEXT.has(extname(p).toLowerCase())) {
      const bytes = readFileSync(join(dir, p));
      texts[i] = bytes.toString('utf8');
      file = { path: addressOf(p), bytes: bytes.length, revision: revisionOf(bytes), kind };
    } else {
      file = { path: addressOf(p), ...binaryFile(join(dir, p), cache, now), kind };
    }
    if (kind === 'page') {
      const title = titleOf(texts[i] ?? '');
      if (title) file.title = title;
      Object.assign(file, languageOf(texts[i] ?? ''));
      const part = titlePartOf(texts[i] ?? '');
      if (part) file.titlePart = part;
    }
    return file;
  });
  // Names made of file-name characters with a dot (an extension) are looked up among the words of
  // each text that hold a dot (one pass per text, however many assets a large library has); any
  // other name is searched for as it is.
  const byName = new Map<string, number[]>();
  const odd: { i: number; name: string }[] = [];
  files.forEach((f, i) => {
    if (f.kind !== 'asset') return;
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    if (NAME.test(name)) byName.set(name, [...(byName.get(name) ?? []), i]);
    else odd.push({ i, name });
  });
  texts.forEach((text, i) => {
    if (text === undefined) return;
    const found = new Set<number>();
    eachDottedWord(text, (word) => {
      for (const n of byName.get(word) ?? []) found.add(n);
    });
    for (const a of odd) if (text.includes(a.name)) found.add(a.i);
    const needs = [...found].filter((n) => n !== i).sort((a, b) => a - b);
    const file = files[i];
    if (file && needs.length) file.needs = needs;
  });
  const version = createHash('sha256').update(files.map((f) => `${f.path}\0${f.revision}`).join('\n')).digest('hex').slice(0, 16);
  return { version, files };
}
