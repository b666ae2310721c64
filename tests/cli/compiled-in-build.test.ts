import { describe, expect, it } from 'vitest';
import { createServer } from 'vite';
import { repo } from './spawn.ts';

type Compiled = typeof import('../../src/integrations/compiled.ts');

/** compiled.ts loaded through a Vite module runner that is then closed, as Astro loads an integration. */
async function loadedLikeAnIntegration(): Promise<Compiled> {
  const server = await createServer({
    root: repo,
    configFile: false,
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const compiled = (await server.ssrLoadModule('/src/integrations/compiled.ts')) as Compiled;
  await server.close();
  return compiled;
}

// Astro loads astro.config.mjs and the integrations it imports through Vite's module runner, closes
// the runner, and only then calls the integrations' hooks. An `import()` in such a module is
// rewritten into a request to the runner, so one made from a hook failed ("Vite module runner has
// been closed"), and the build's check and PDF workers silently ran from the sources.
describe('the compiled copy of src/ seen from an integration, as Astro loads it', () => {
  it('gives the check its compiled module after the runner that loaded the integration is closed', async () => {
    const compiled = await loadedLikeAnIntegration();
    const previous = process.env.SOPKIT_FROM_SOURCE;
    delete process.env.SOPKIT_FROM_SOURCE;
    try {
      const problems: string[] = [];
      const checks = await compiled.compiledModule<{ runChecksWithTimeLimit?: unknown }>('src/lib/check/in-worker.js', (p) => problems.push(p));
      expect(problems).toEqual([]);
      expect(typeof checks?.runChecksWithTimeLimit).toBe('function');
      // And the module the build starts its PDF workers from.
      const pdf = await compiled.compiledModule<{ pdfPool?: unknown }>('src/lib/handbook/pdf-workers.js');
      expect(typeof pdf?.pdfPool).toBe('function');
      // A module the copy does not have is refused with its name, and the sources run instead.
      expect(await compiled.compiledModule('src/lib/no-such-module.js', (p) => problems.push(p))).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^src\/lib\/no-such-module\.js: /);
    } finally {
      if (previous === undefined) delete process.env.SOPKIT_FROM_SOURCE;
      else process.env.SOPKIT_FROM_SOURCE = previous;
    }
  });

  it('loads a module of src/ from the source through tsx when there is no compiled copy (SOPKIT_FROM_SOURCE=1)', async () => {
    const compiled = await loadedLikeAnIntegration();
    const previous = process.env.SOPKIT_FROM_SOURCE;
    process.env.SOPKIT_FROM_SOURCE = '1';
    try {
      const stage = await compiled.nativeModule<{ startPdfStage?: unknown }>('src/lib/handbook/pdf-stage');
      expect(typeof stage.startPdfStage).toBe('function');
      const workers = await compiled.nativeModule<{ PDF_JOB_TIME_LIMIT_MS?: number }>('src/lib/handbook/pdf-workers');
      expect(workers.PDF_JOB_TIME_LIMIT_MS).toBe(600_000);
    } finally {
      if (previous === undefined) delete process.env.SOPKIT_FROM_SOURCE;
      else process.env.SOPKIT_FROM_SOURCE = previous;
    }
  });
});
