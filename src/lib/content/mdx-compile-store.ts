import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { pathKey } from './mdx-compile-key.ts';

/** What the MDX integration's transform returns for a file, stored as it is. */
export interface MdxCompiled {
  code: string;
  map?: unknown;
  meta?: unknown;
}

/** Compiled versions kept per source file: the latest two (a build and a dev server may differ). */
export const KEEP_PER_FILE = 2;
/** The name of the file in each source's folder that says which source it is. */
const SOURCE = 'source.txt';

/** The folder of the MDX compile cache under a project root. */
export function mdxCompileDir(root: string): string {
  return join(root, '.sopkit-cache', 'mdx-compiled');
}

/**
 * The stored compile of a file under a key, or undefined. A hit is marked as used (its time set
 * to now), so the versions kept per file are the ones used last. A file that cannot be read is a
 * miss.
 * @param dir The cache folder (`mdxCompileDir`).
 * @param id The source file's path.
 * @param key The file's key (`fileKey`).
 */
export function readCompiled(dir: string, id: string, key: string): MdxCompiled | undefined {
  const file = join(dir, pathKey(id), `${key}.bin`);
  try {
    const value = deserialize(readFileSync(file)) as MdxCompiled;
    if (typeof value?.code !== 'string') return undefined;
    const now = new Date();
    utimesSync(file, now, now);
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Stores a file's compile under its key (written to a temporary name, then renamed, so a
 * reader never sees half a file) and drops the file's older versions past `KEEP_PER_FILE`. A
 * cache that cannot be written is skipped: a read-only project still builds.
 * @param dir The cache folder.
 * @param id The source file's path.
 * @param key The file's key.
 * @param value What the transform returned.
 */
export function writeCompiled(dir: string, id: string, key: string, value: MdxCompiled): void {
  const folder = join(dir, pathKey(id));
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, SOURCE), id);
    const file = join(folder, `${key}.bin`);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, serialize({ code: value.code, map: value.map, meta: value.meta }));
    renameSync(temp, file);
    const versions = readdirSync(folder)
      .filter((name) => name.endsWith('.bin') && name !== `${key}.bin`)
      .map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of versions.slice(KEEP_PER_FILE - 1)) rmSync(join(folder, old.name), { force: true });
  } catch {
    // Not cached: the next build compiles this file again.
  }
}

/**
 * Drops the stored compiles of source files that no longer exist (a renamed or deleted SOP),
 * and folders left without their source name. Run at the end of a build.
 * @param dir The cache folder.
 * @returns How many source files' entries were dropped.
 */
export function pruneCompiled(dir: string): number {
  if (!existsSync(dir)) return 0;
  let dropped = 0;
  for (const name of readdirSync(dir)) {
    const folder = join(dir, name);
    let source: string | undefined;
    try {
      source = readFileSync(join(folder, SOURCE), 'utf8');
    } catch {
      source = undefined;
    }
    if (source && existsSync(source)) continue;
    rmSync(folder, { recursive: true, force: true });
    dropped++;
  }
  return dropped;
}
