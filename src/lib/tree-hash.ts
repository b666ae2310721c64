import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Feeds a folder's files into a hash, in name order, each as its path relative to the root and
 * its bytes: the same tree gives the same hash on every machine; a missing folder adds nothing.
 * @param hash The hash being built.
 * @param root The project root.
 * @param folder A folder under the root (`src/lib`).
 */
export function hashTree(hash: Hash, root: string, folder: string): void {
  const dir = join(root, folder);
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = `${folder}/${entry.name}`;
    if (entry.isDirectory()) hashTree(hash, root, rel);
    else if (entry.isFile()) hash.update(`\0${rel}\0`).update(readFileSync(join(root, rel)));
  }
}
