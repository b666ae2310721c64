import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Moves what a folder holds into a new folder under `trash` (a rename each: no file is read or
 * deleted yet) and starts deleting that folder, and any a killed build left there, in the
 * background. Entries that cannot be moved (another file system) stay where they are.
 * @param dir The folder to empty (the build's output folder).
 * @param trash Where to move it (`.sopkit-cache/trash`, on the same disk as the project).
 * @param keep Names to leave in place.
 * @returns How many entries were moved, and the deletion, which never rejects.
 */
export function emptyInBackground(dir: string, trash: string, keep: ReadonlySet<string> = new Set(['.git'])): { moved: number; removed: Promise<void> } {
  if (!existsSync(dir)) return { moved: 0, removed: Promise.resolve() };
  mkdirSync(trash, { recursive: true });
  const bin = join(trash, `${process.pid}-${Date.now()}`);
  mkdirSync(bin);
  let moved = 0;
  for (const name of readdirSync(dir)) {
    if (keep.has(name)) continue;
    try {
      renameSync(join(dir, name), join(bin, name));
      moved++;
    } catch {
      break; // Astro deletes what is left, as it always did.
    }
  }
  // A bin whose process is gone was left by a build that was stopped before it ended.
  const abandoned = readdirSync(trash).filter((name) => name !== bin.slice(trash.length + 1) && !alive(Number(name.split('-')[0])));
  const removed = Promise.all([bin, ...abandoned.map((name) => join(trash, name))].map((path) => rm(path, { recursive: true, force: true, maxRetries: 3 }))).then(
    () => undefined,
    () => undefined,
  );
  return { moved, removed };
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Astro empties the output folder with one synchronous delete after another on the build's
 * thread as the bundling starts (2,675 files at 300 SOPs, 8,000 at 1,000). At `astro:build:start`,
 * after the check passed (a failed check still leaves the last site in place), this moves the old
 * output aside by renaming its entries, which is instant, and deletes it beside the bundling; the
 * build waits for that deletion at its end.
 */
export function sopkitOutDir(): AstroIntegration {
  let outDir = '';
  let trash = '';
  let removed: Promise<void> = Promise.resolve();
  return {
    name: 'sopkit:out-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        trash = join(fileURLToPath(config.root), '.sopkit-cache', 'trash');
      },
      'astro:build:start': () => {
        ({ removed } = emptyInBackground(outDir, trash));
      },
      'astro:build:done': async () => {
        await removed;
      },
    },
  };
}
