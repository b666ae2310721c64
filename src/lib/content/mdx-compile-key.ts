import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashTree } from '../tree-hash.ts';

/** Bump when what the MDX compile cache stores, or how it keys it, changes. */
export const MDX_COMPILE_FORMAT = 1;

/** Packages whose installed versions are named in the key (package-lock.json covers the rest). */
const PACKAGES = ['astro', '@astrojs/mdx', '@mdx-js/mdx', '@astrojs/markdown-remark', 'vite'];
/** Folders of our own code: the remark and rehype plugins and everything they import (a parameter's text takes its unit words from src/i18n). */
const CODE_FOLDERS = ['src/lib', 'src/schemas', 'src/i18n'];
/** Files that configure the compile: the MDX integration's options are written in the Astro config. */
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'package-lock.json'];


/**
 * The part of the MDX compile key that is the same for every file of one build: the cache's
 * format, the installed versions of Astro, its MDX integration, the MDX compiler, its markdown
 * pipeline and Vite, the lock file, the Astro config file and the text of every file under
 * `src/lib`, `src/schemas` and `src/i18n` (our remark and rehype plugins and all they import). Read when a
 * build (or the dev server) starts, which is when that code is loaded.
 * @param root The project root.
 * @param options The compile options as text (`stableText`): markdown config, source maps.
 */
export function codeKey(root: string, options: string): string {
  const hash = createHash('sha256').update(`format ${MDX_COMPILE_FORMAT}\0${options}`);
  for (const name of PACKAGES) {
    let version = '?';
    try {
      version = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
    } catch {
      // Not installed where we look: the lock file still says which version it is.
    }
    hash.update(`\0${name}@${version}`);
  }
  for (const file of CONFIG_FILES) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(`\0${file}\0`).update(readFileSync(path));
  }
  for (const folder of CODE_FOLDERS) hashTree(hash, root, folder);
  return hash.digest('hex');
}

/**
 * Options as text for a key: like JSON, with functions written as their source (a remark
 * plugin given as a function), regular expressions and URLs as text, and cycles cut.
 * @param value The options.
 */
export function stableText(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function') return `function ${v.name}: ${String(v)}`;
    if (v instanceof RegExp || v instanceof URL) return String(v);
    if (v && typeof v === 'object') {
      if (seen.has(v)) return '[cycle]';
      seen.add(v);
    }
    return v;
  });
}

/**
 * The key of one compiled file: the build's code key, the file's path and text, and what the
 * remark plugins read from the project for it (`remarkSopInputs`).
 * @param code The build's `codeKey`.
 * @param id The file's path, as Vite names it.
 * @param text The file's text.
 * @param inputs The project inputs of the file.
 */
export function fileKey(code: string, id: string, text: string, inputs: string): string {
  return createHash('sha256').update(code).update('\0').update(id).update('\0').update(text).update('\0').update(inputs).digest('hex').slice(0, 32);
}

/** A short name for a file's folder in the cache: the hash of its path. */
export function pathKey(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}
