import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sopkitHandbooks } from '../../src/integrations/handbooks.ts';

const fixtures = join(import.meta.dirname, '../fixtures/handbook');
const dirs: string[] = [];
const saved = { ...process.env };
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  for (const name of ['SOPKIT_PDF_WORKERS', 'SOPKIT_EDITION', 'SOPKIT_TODAY', 'SOPKIT_ROOT', 'SOPKIT_NO_PDFS']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

function project(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sopkit-pdf-stage-'));
  dirs.push(dir);
  cpSync(join(fixtures, fixture), dir, { recursive: true });
  return dir;
}

/** Runs the integration's hooks as `astro build` does, with no site around them. */
async function build(root: string, env: { workers: string; edition: 'participant' | 'trainer' }, beforeDone?: () => Promise<void>): Promise<string[]> {
  Object.assign(process.env, { SOPKIT_PDF_WORKERS: env.workers, SOPKIT_EDITION: env.edition, SOPKIT_TODAY: '2026-03-01', SOPKIT_ROOT: root });
  const lines: string[] = [];
  const logger = { info: (t: string) => lines.push(t), warn: (t: string) => lines.push(t), error: (t: string) => lines.push(t) };
  type Hook = (options: unknown) => unknown;
  const hooks = sopkitHandbooks().hooks as Record<string, Hook>;
  await hooks['astro:config:setup']!({ command: 'build', config: { root: pathToFileURL(`${root}/`) }, logger });
  await hooks['astro:config:done']!({ config: { root: pathToFileURL(`${root}/`) }, logger });
  await beforeDone?.();
  await hooks['astro:build:done']!({ dir: pathToFileURL(join(root, 'dist/')), logger });
  return lines;
}

/** Waits until a condition holds, checking every 50 ms (a minute at most). */
async function until(condition: () => boolean): Promise<void> {
  for (const giveUp = Date.now() + 60_000; !condition() && Date.now() < giveUp; ) await new Promise((r) => setTimeout(r, 50));
}

/** Every file under a folder, relative to it, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('sopkitHandbooks', () => {
  it.each(['participant', 'trainer'] as const)('makes the same bytes and cache keys on worker threads as in the build thread (SOPKIT_PDF_WORKERS=0), %s edition', async (edition) => {
    const [one, pool] = [project('project'), project('project')];
    const inThread = await build(one, { workers: '0', edition });
    // The workers make every job before the build's pages would be done (a real build renders
    // pages meanwhile), so none is left for the build's thread to make itself.
    const cached = tree(join(one, '.sopkit-cache/pdf'));
    const onWorkers = await build(pool, { workers: '2', edition }, () => until(() => existsSync(join(pool, '.sopkit-cache/pdf')) && tree(join(pool, '.sopkit-cache/pdf')).length === cached.length));
    expect(inThread.at(-1)).toMatch(/ PDFs, \d+ pages in [\d.]+ s in the build thread/);
    expect(onWorkers.at(-1)).toMatch(/ PDFs, \d+ pages in [\d.]+ s on 2 worker threads beside the site \(the build waited [\d.]+ s for them\)/);
    const files = tree(join(one, 'dist/handbooks'));
    expect(tree(join(pool, 'dist/handbooks'))).toEqual(files);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toContain('sample-registration.pdf');
    expect(pdfs).toContain('sopkit-handbook.pdf');
    if (edition === 'trainer') expect(pdfs).toContain('sample-registration-trainer.pdf');
    else expect(pdfs.some((f) => f.includes('trainer') || f.endsWith('-key.pdf'))).toBe(false);
    for (const f of pdfs) expect(readFileSync(join(pool, 'dist/handbooks', f)).equals(readFileSync(join(one, 'dist/handbooks', f))), f).toBe(true);
    // The same cache keys: a build with either setting reuses the other's PDFs.
    expect(tree(join(pool, '.sopkit-cache/pdf'))).toEqual(cached);
  });

  it("makes in a trainer build after a participant build only what the trainer edition adds: the participant's jobs are reused, the files and bytes those of a trainer build alone", async () => {
    const [after, alone] = [project('project'), project('project')];
    await build(after, { workers: '0', edition: 'participant' });
    const jobs = readdirSync(join(after, '.sopkit-cache/pdf/participant')).length;
    expect(jobs).toBeGreaterThan(4);
    rmSync(join(after, 'dist'), { recursive: true, force: true });
    const lines = await build(after, { workers: '0', edition: 'trainer' });
    expect(lines.at(-1)).toContain(`; ${jobs} of ${2 * jobs} documents remade, ${jobs} reused from the cache; trainer edition`);
    await build(alone, { workers: '2', edition: 'trainer' });
    const files = tree(join(alone, 'dist/handbooks'));
    expect(files).toContain('sample-registration-trainer.pdf');
    expect(tree(join(after, 'dist/handbooks'))).toEqual(files);
    for (const f of files.filter((x) => x.endsWith('.pdf'))) expect(readFileSync(join(after, 'dist/handbooks', f)).equals(readFileSync(join(alone, 'dist/handbooks', f))), f).toBe(true);
  });

  it('makes no PDF and says so when asked for the pages only (build --no-pdfs)', async () => {
    const root = project('project');
    process.env.SOPKIT_NO_PDFS = '1';
    const lines = await build(root, { workers: '2', edition: 'trainer' });
    expect(lines).toEqual(['no PDFs made (--no-pdfs): the pages link to handbooks/ files this build has not written; build without --no-pdfs before publishing']);
    expect(existsSync(join(root, 'dist/handbooks'))).toBe(false);
    expect(existsSync(join(root, '.sopkit-cache/pdf'))).toBe(false);
  });

  it.each(['0', '2'])('fails the build with one line naming the document, and writes no PDF into the site (SOPKIT_PDF_WORKERS=%s)', async (workers) => {
    const root = project('pool-broken');
    await expect(build(root, { workers, edition: 'participant' })).rejects.toThrow(/^handbooks: the whole pack \(handbook\): no valid SOP in content\/sops\/; run `sopkit check`$/);
    expect(existsSync(join(root, 'dist/handbooks'))).toBe(false);
  });

  it('makes the jobs no worker has taken yet in the build thread once the pages are done, and says so', async () => {
    const [one, pool] = [project('project'), project('project')];
    await build(one, { workers: '0', edition: 'participant' });
    // build:done comes at once: the worker is still starting, so the build's thread takes jobs.
    const lines = await build(pool, { workers: '1', edition: 'participant' });
    expect(lines.at(-1)).toMatch(/ on 1 worker thread beside the site, \d+ documents? made in the build's thread after the pages \(the build waited/);
    const pdfs = tree(join(one, 'dist/handbooks'));
    expect(tree(join(pool, 'dist/handbooks'))).toEqual(pdfs);
    for (const f of pdfs) expect(readFileSync(join(pool, 'dist/handbooks', f)).equals(readFileSync(join(one, 'dist/handbooks', f))), f).toBe(true);
  });

  it('refuses a SOPKIT_PDF_WORKERS that is not a number before it starts', async () => {
    const root = project('project');
    await expect(build(root, { workers: 'many', edition: 'participant' })).rejects.toThrow(/^handbooks: SOPKIT_PDF_WORKERS="many": give a whole number/);
  });
});
