import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Gives each test of the file a fresh project folder as `SOPKIT_ROOT` (where the parse cache
 * writes), handed to `set` before the test; after it, the folder is removed and the earlier
 * `SOPKIT_ROOT` put back. Call at the top of a test file.
 * @param prefix Start of the folder's name under the system temp dir.
 * @param set Receives the folder's path.
 */
export function useTempSopkitRoot(prefix: string, set: (root: string) => void): void {
  const before = process.env.SOPKIT_ROOT;
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), prefix));
    process.env.SOPKIT_ROOT = root;
    set(root);
  });
  afterEach(() => {
    if (before === undefined) delete process.env.SOPKIT_ROOT;
    else process.env.SOPKIT_ROOT = before;
    rmSync(root, { recursive: true, force: true });
  });
}
