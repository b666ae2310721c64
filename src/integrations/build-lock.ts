import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Takes the build lock of one edition of a project (`.sopkit-cache/build-<edition>.lock`, holding
 * the builder's process id), or says which build holds it. Two builds of one edition in one
 * project share Astro's and Vite's caches and the output folder: the second replaced files the
 * first was reading, and the first failed far from the cause ("Unexpected error while rendering"
 * a page). A lock whose process is gone (a build that was killed) is taken over. The lock is let
 * go when the process exits.
 * @param root The project root.
 * @param edition The edition being built (participant or trainer).
 * @returns Undefined when the lock is taken; otherwise a one-line reason to stop.
 */
export function takeBuildLock(root: string, edition: string): string | undefined {
  const dir = join(root, '.sopkit-cache');
  const file = join(dir, `build-${edition}.lock`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return undefined; // No cache folder (a read-only project): nothing to share, nothing to lock.
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.once('exit', () => {
        if (holder(file) === process.pid) rmSync(file, { force: true });
      });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      const pid = holder(file);
      if (pid !== undefined && pid !== process.pid && alive(pid)) {
        return `another build of the ${edition} edition is running in this project (process ${pid}); two at once overwrite each other's files: wait for it to end or stop it (if none is running, delete .sopkit-cache/build-${edition}.lock)`;
      }
      if (pid === process.pid) return undefined;
      rmSync(file, { force: true }); // Left by a build that was stopped: take it over.
    }
  }
  return undefined;
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when a process with this id runs (one of another user counts). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
