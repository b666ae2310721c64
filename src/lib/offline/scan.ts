import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
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

function titleOf(html: string): string | undefined {
  const raw = /<title>([^<]*)<\/title>/i.exec(html)?.[1];
  return raw
    ?.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * Lists a built site for the offline pack: every file with its size, a content hash, its kind,
 * a page's title, and what each page and script loads. A file loads an asset when the asset's
 * file name appears in its text: bundler output names are hashed and unique, and this also finds
 * chunks a script imports on demand and data fetched by name (`search-index.json`).
 * @param dir The output folder of the build (`dist/`, `dist-trainer/`).
 * @param together Folders whose pages are kept together (see `Pack.together`).
 */
export function scanBuild(dir: string, together: readonly string[] = []): Pack {
  const paths = walk(dir, dir, []).filter((p) => !NOT_IN_PACK.has(p)).sort();
  const contents = paths.map((p) => readFileSync(join(dir, p)));
  // The text of each file read for names (pages, scripts, styles), decoded once.
  const texts = paths.map((p, i) => (TEXT.has(extname(p).toLowerCase()) ? (contents[i]?.toString('utf8') ?? '') : undefined));
  const files: PackFile[] = paths.map((p, i) => {
    const bytes = contents[i] ?? Buffer.alloc(0);
    const kind = kindOf(p);
    const file: PackFile = { path: addressOf(p), bytes: bytes.length, revision: createHash('sha256').update(bytes).digest('hex').slice(0, 16), kind };
    if (kind === 'page') {
      const title = titleOf(texts[i] ?? '');
      if (title) file.title = title;
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
  return { version, together: [...together], files };
}
