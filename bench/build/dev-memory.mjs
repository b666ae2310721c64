// Memory of one `astro dev` session over many edits: the page of one SOP is fetched, the SOP
// edited and the page fetched again until it serves the edit, round after round; after each
// round, the RSS of the dev server's process tree once it has been idle for a few seconds.
import { spawn } from 'node:child_process';
import { editSop } from './projects.mjs';
import { treeRss } from './measure.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function fetchText(url) {
  try {
    const r = await fetch(url);
    return r.ok ? await r.text() : undefined;
  } catch {
    return undefined;
  }
}

async function until(fn, limitSeconds) {
  const giveUp = performance.now() + limitSeconds * 1000;
  while (performance.now() < giveUp) {
    if (await fn()) return true;
    await sleep(200);
  }
  return false;
}

/**
 * Starts `astro dev` in a project, edits one SOP `rounds` times, and stops it.
 * @returns RSS in bytes after the first page and after each edit was served.
 */
export async function devMemory(project, port, rounds, limitSeconds = 600) {
  const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: project.dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}${project.sopPath(1)}`;
  const rss = [];
  try {
    if (!(await until(async () => (await fetchText(url)) !== undefined, limitSeconds))) throw new Error(`astro dev did not serve ${url}`);
    await sleep(5000);
    rss.push(treeRss(child.pid));
    for (let round = 1; round <= rounds; round++) {
      const marker = `Edited${round}x${Date.now()}`;
      editSop(project.sopFile(1), marker);
      if (!(await until(async () => (await fetchText(url))?.includes(marker) ?? false, limitSeconds))) throw new Error(`the edit of round ${round} was not served`);
      await sleep(5000);
      rss.push(treeRss(child.pid));
    }
    return rss;
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
