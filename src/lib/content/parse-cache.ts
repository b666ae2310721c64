import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * Bump when the parser's options change (plugins in `mdx.ts`): the trees cached on disk are then
 * made again. The versions of the parser packages are part of the key as well.
 */
// 2: a body nested too deep (`nesting.ts`) is refused; a deep tree cached before is not read back.
const PARSER_FORMAT = 2;
const PACKAGES = ['micromark', 'mdast-util-from-markdown', 'remark-parse', 'remark-mdx', 'remark-gfm', 'unified'];
/**
 * Most bytes of serialized trees kept in memory (an SOP's is about 27 kB: 1,000 SOPs fit). Past
 * it (`limitParseCacheMemory`) the trees used longest ago are let go, so a dev server that reparses every saved version of
 * a file, or a CLI run over many packs, does not grow without end; they stay on disk.
 */
let memoryLimit = 64 * 1024 * 1024;

function root(): string {
  return process.env.SOPKIT_ROOT ?? process.cwd();
}

/** A parser whose results are cached: its folder under `.sopkit-cache/`, format and packages. */
export interface ParserKind {
  /** Folder under `.sopkit-cache/`. */
  dir: string;
  /** Bump when the parser's options change: the results cached on disk are then made again. */
  format: number;
  /** Packages whose installed versions are part of the key. */
  packages: readonly string[];
}

/** The MDX parser of `mdx.ts`: trees in `.sopkit-cache/mdx/`. */
const MDX_PARSER: ParserKind = { dir: 'mdx', format: PARSER_FORMAT, packages: PACKAGES };

const versions = new Map<ParserKind, string>();

/** A parser's version: its format and the installed versions of the packages that parse. */
function parserVersion(kind: ParserKind): string {
  let version = versions.get(kind);
  if (version === undefined) {
    const hash = createHash('sha256').update(String(kind.format));
    for (const name of kind.packages) {
      try {
        hash.update(`${name}@${(JSON.parse(readFileSync(join(root(), 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version}`);
      } catch {
        hash.update(`${name}@?`);
      }
    }
    version = hash.digest('hex').slice(0, 12);
    versions.set(kind, version);
  }
  return version;
}

/** The cache key of a text, and the file its result is kept in. */
function placeOf(text: string, kind: ParserKind): { key: string; file: string } {
  const key = createHash('sha256').update(parserVersion(kind)).update('\0').update(text).digest('hex').slice(0, 32);
  return { key, file: join(root(), '.sopkit-cache', kind.dir, `${key}.bin`) };
}

/**
 * True when the parse of a text is cached (in this thread's memory or on disk), so
 * `cachedParse` would read it back rather than parse it.
 * @param text The text.
 * @param kind The parser (MDX unless given).
 */
export function isParseCached(text: string, kind: ParserKind = MDX_PARSER): boolean {
  const { key, file } = placeOf(text, kind);
  return memory.has(key) || existsSync(file);
}

/** Serialized trees by key, the one used longest ago first. */
const memory = new Map<string, Buffer>();
let memoryBytes = 0;

/**
 * A parse result cached by the hash of the text it was parsed from, in memory and on disk
 * (`.sopkit-cache/mdx/`): a build, `sopkit check` and the PDFs each read an unchanged SOP's tree
 * back (a fraction of a millisecond) instead of parsing it again (tens of milliseconds). Every
 * call returns a fresh copy, which the caller may change. A cache that cannot be read or
 * written is skipped.
 * @param text The text parsed.
 * @param parse Parses it; a result it returns `undefined` for (a syntax error) is not cached.
 * @param kind The parser (MDX unless given): its folder and what its version is made of.
 */
export function cachedParse<T>(text: string, parse: () => T | undefined, kind: ParserKind = MDX_PARSER): T | undefined {
  const { key, file } = placeOf(text, kind);
  let bytes = memory.get(key);
  if (!bytes) {
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = undefined;
    }
  }
  if (bytes) {
    try {
      const value = deserialize(bytes) as T;
      remember(key, bytes);
      return value;
    } catch {
      // A damaged file: parse again below and overwrite it.
    }
  }
  const value = parse();
  if (value === undefined) return undefined;
  const fresh = serialize(value);
  remember(key, fresh);
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, fresh);
    renameSync(temp, file);
  } catch {
    // A read-only project still builds; it only parses every time.
  }
  return deserialize(fresh) as T;
}

/** Keeps a tree in memory as the one used last, letting go of the oldest past the limit. */
function remember(key: string, bytes: Buffer): void {
  const old = memory.get(key);
  if (old) {
    memory.delete(key);
    memoryBytes -= old.byteLength;
  }
  memory.set(key, bytes);
  memoryBytes += bytes.byteLength;
  for (const [oldest, value] of memory) {
    if (memoryBytes <= memoryLimit || oldest === key) break;
    memory.delete(oldest);
    memoryBytes -= value.byteLength;
  }
}

/**
 * Sets how many bytes of trees the memory layer keeps (64 MiB unless set), letting go of the
 * oldest at once if it holds more.
 * @param bytes The new limit.
 */
export function limitParseCacheMemory(bytes: number): void {
  memoryLimit = bytes;
  for (const [oldest, value] of memory) {
    if (memoryBytes <= memoryLimit) break;
    memory.delete(oldest);
    memoryBytes -= value.byteLength;
  }
}

/** What the memory layer holds: how many trees and their bytes (for tests and measurements). */
export function parseCacheMemory(): { trees: number; bytes: number } {
  return { trees: memory.size, bytes: memoryBytes };
}
