import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the printed outputs are made from: content, machines, quizzes, strings and the engine itself. */
const inputs = ['content', 'workflows', 'quizzes', 'src/lib', 'src/i18n', 'src/schemas', 'package-lock.json'];

function files(root: string, rel: string): string[] {
  const abs = join(root, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => files(root, join(rel, name)));
}

/**
 * A hash of every file the PDFs depend on: when it is unchanged, the PDFs of the last build are
 * byte-identical to what a new run would write (the engine is deterministic), so they are reused.
 */
export function inputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const rel of inputs.flatMap((r) => files(root, r))) hash.update(`${rel}\0`).update(readFileSync(join(root, rel)));
  return hash.digest('hex').slice(0, 20);
}

/** Copies a cached set of PDFs into `outDir` if there is one for the hash; true when it did. */
export function restore(cacheDir: string, hash: string, outDir: string): boolean {
  const dir = join(cacheDir, hash);
  if (!existsSync(join(dir, '.complete'))) return false;
  cpSync(dir, outDir, { recursive: true, filter: (src) => relative(dir, src) !== '.complete' });
  return true;
}

/** Keeps the PDFs just written under the hash, and drops older sets. */
export function store(cacheDir: string, hash: string, outDir: string): void {
  if (existsSync(cacheDir)) for (const old of readdirSync(cacheDir)) if (old !== hash) rmSync(join(cacheDir, old), { recursive: true, force: true });
  const dir = join(cacheDir, hash);
  rmSync(dir, { recursive: true, force: true });
  cpSync(outDir, dir, { recursive: true });
  writeFileSync(join(dir, '.complete'), '');
}
