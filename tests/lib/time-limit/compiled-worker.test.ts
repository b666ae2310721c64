import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledCli } from '../../../bin/compiled-cli.mjs';
import type { PdfPool as Pool } from '../../../src/lib/handbook/pdf-pool.ts';
import { PdfPool as PoolFromSource } from '../../../src/lib/handbook/pdf-pool.ts';
import type { runInWorker as RunInWorker } from '../../../src/lib/time-limit/run-in-worker.ts';
import { runInWorker as runFromSource } from '../../../src/lib/time-limit/run-in-worker.ts';

// The time-limit worker as the compiled CLI runs it: no tsx registered (that start-up was the
// point of compiling), and a workflow file that never returns still stopped and named.
const repo = join(import.meta.dirname, '../../..');
const fixtures = join(repo, 'tests/fixtures/time-limit');
const tasks = pathToFileURL(join(fixtures, 'tasks.mjs')).href;
const tsFile = pathToFileURL(join(fixtures, 'plain.ts')).href;
let compiled: string;
let runCompiled: typeof RunInWorker;

beforeAll(async () => {
  compiled = await compiledCli(repo);
  runCompiled = ((await import(pathToFileURL(join(compiled, 'src/lib/time-limit/run-in-worker.js')).href)) as { runInWorker: typeof RunInWorker }).runInWorker;
});

describe('the time-limit worker of the compiled CLI', () => {
  it('does not register tsx; run from source, it does', async () => {
    const task = { module: tasks, name: 'importTypeScript', payload: { tsFile } };
    const fromCopy = await runCompiled<string>(task, { timeLimitMs: 20_000 });
    expect(fromCopy.status).toBe('done');
    expect(fromCopy.status === 'done' && fromCopy.value).not.toBe('loaded');
    // The source copy of the worker imports TypeScript modules of its own, so it registers tsx.
    const fromSource = await runFromSource<string>(task, { timeLimitMs: 20_000 });
    expect(fromSource).toEqual({ status: 'done', value: 'loaded' });
  });

  it('stops content code that never returns and names its file', async () => {
    const contentCode = pathToFileURL(join(compiled, 'src/lib/time-limit/content-code.js')).href;
    const outcome = await runCompiled({ module: tasks, name: 'loopForever', payload: { contentCode } }, { timeLimitMs: 1_000 });
    expect(outcome).toMatchObject({ status: 'stopped', code: 'workflow/timeout', file: 'workflows/endless.machine.ts' });
    expect(outcome.status === 'stopped' && outcome.reason).toMatch(/^did not finish loading within 1 s/);
  });
});

describe('the PDF workers of the compiled copy (the build starts them from it)', () => {
  it('do not register tsx, make jobs, and stop content code that never returns; from source they register it', async () => {
    const { PdfPool } = (await import(pathToFileURL(join(compiled, 'src/lib/handbook/pdf-pool.js')).href)) as { PdfPool: typeof Pool };
    const options = { size: 1, root: repo, timeLimitMs: 1_000, jobTimeLimitMs: 60_000 };
    const fromCopy = new PdfPool({ ...options, task: { module: tasks, name: 'importTypeScript' } });
    const fromSource = new PoolFromSource({ ...options, task: { module: tasks, name: 'importTypeScript' } });
    try {
      expect(await fromCopy.run<string>({ tsFile }, 'content/sops/a.mdx')).not.toBe('loaded');
      expect(await fromSource.run<string>({ tsFile }, 'content/sops/a.mdx')).toBe('loaded');
    } finally {
      await Promise.all([fromCopy.close(), fromSource.close()]);
    }
    const contentCode = pathToFileURL(join(compiled, 'src/lib/time-limit/content-code.js')).href;
    const looping = new PdfPool({ ...options, task: { module: tasks, name: 'loopForever' } });
    try {
      await expect(looping.run({ contentCode }, 'content/sops/b.mdx')).rejects.toThrow(/content\/sops\/b\.mdx.*workflows\/endless\.machine\.ts/s);
    } finally {
      await looping.close();
    }
  });
});
