// Memory of one `astro dev` session over many edits: the page of one SOP is fetched, the SOP
// edited and the page fetched again until it serves the edit, round after round; after each
// round, the RSS of the dev server's process tree once it has been idle for a few seconds.
import { editSop } from './projects.mjs';
import { fetchText, poll, startDev, stopDev } from './dev.mjs';
import { treeRss } from './measure.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));


/**
 * Starts `astro dev` in a project, edits one SOP `rounds` times, and stops it.
 * @returns RSS in bytes after the first page and after each edit was served.
 */
export async function devMemory(project, port, rounds, limitSeconds = 600) {
  const child = startDev(project, port);
  const url = `http://127.0.0.1:${port}${project.sopPath(1)}`;
  const rss = [];
  try {
    if ((await poll(async () => (await fetchText(url)) !== undefined, limitSeconds)) === undefined) throw new Error(`astro dev did not serve ${url}`);
    await sleep(5000);
    rss.push(treeRss(child.pid));
    for (let round = 1; round <= rounds; round++) {
      const marker = `Edited${round}x${Date.now()}`;
      editSop(project.sopFile(1), marker);
      if ((await poll(async () => (await fetchText(url))?.includes(marker) ?? false, limitSeconds)) === undefined) throw new Error(`the edit of round ${round} was not served`);
      await sleep(5000);
      rss.push(treeRss(child.pid));
    }
    return rss;
  } finally {
    stopDev(child);
  }
}
