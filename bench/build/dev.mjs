// The author's loop with `astro dev`: time until the first SOP page answers, and time from saving
// an edited SOP until the page serves the new text.
import { spawn } from 'node:child_process';
import { editSop } from './projects.mjs';

/** Seconds until `fn` returns true, checked every 100 ms, or undefined past the limit. */
export async function poll(fn, limitSeconds) {
  const started = performance.now();
  for (;;) {
    if (await fn()) return (performance.now() - started) / 1000;
    if ((performance.now() - started) / 1000 > limitSeconds) return undefined;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** The page's text, or undefined when it does not answer with 2xx. */
export async function fetchText(url) {
  try {
    const r = await fetch(url);
    return r.ok ? await r.text() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts `astro dev` in a project, measures, and stops it.
 * @returns firstPage: seconds from start to the first SOP page served; reload: seconds from the
 * edit to the page serving it (undefined when the limit passed).
 */
export async function devLoop(project, port, limitSeconds = 600) {
  const child = startDev(project, port);
  const url = `http://127.0.0.1:${port}${project.sopPath(1)}`;
  try {
    const firstPage = await poll(async () => (await fetchText(url)) !== undefined, limitSeconds);
    const marker = `Edited${Date.now()}`;
    editSop(project.sopFile(1), marker);
    const reload = await poll(async () => (await fetchText(url))?.includes(marker) ?? false, limitSeconds);
    return { firstPage, reload };
  } finally {
    stopDev(child);
  }
}

/** Starts `astro dev` in a project on a port of this machine, in its own process group. */
export function startDev(project, port) {
  return spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: project.dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    stdio: 'ignore',
    detached: true,
  });
}

/** Stops a server `startDev` started, with the processes it started. */
export function stopDev(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
