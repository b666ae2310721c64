import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { runChecksWithTimeLimit } from '../lib/check/in-worker.ts';
import { cachedCheck, checkKey } from '../lib/check/result-cache.ts';
import { today } from '../lib/check/today.ts';
import { holdProject, releaseProject } from '../lib/content/cache.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { limitHeapGrowth } from '../lib/heap-growth.ts';
import { refuseContentCode } from '../lib/time-limit/content-code.ts';
import { timeLimitMs } from '../lib/time-limit/run-in-worker.ts';
import { compiledModule } from './compiled.ts';

/**
 * A build that ends before the site is written must not exit 0: content code that waits on a
 * promise nothing settles empties the event loop, and Node then exits with the code it has.
 * Called once per build; `done()` says the site was written.
 */
function refuseSilentExit(logger: AstroIntegrationLogger): { done(): void } {
  let written = false;
  process.once('exit', (code) => {
    if (written || code !== 0) return;
    logger.error('the build stopped before it wrote the site: something it waited for never finished (a top-level await in content?); run `sopkit check` to find it');
    process.exitCode = 1;
  });
  return {
    done() {
      written = true;
    },
  };
}

/**
 * `runChecksWithTimeLimit` from the compiled copy of src/ (`compiledModule`), so that the check's
 * worker loads plain JavaScript instead of registering tsx and transforming the checkers' modules
 * again. Without a copy the sources' own version runs (imported above: light, and loaded with the
 * config; not through tsx's `tsImport`, whose modules carry a namespace in their URL that the
 * check's worker, given that URL, cannot load), and the log says why.
 */
async function compiledChecks(logger: AstroIntegrationLogger): Promise<typeof runChecksWithTimeLimit> {
  const onProblem = (problem: string) => logger.info(`the check runs from the sources, not the compiled copy of src/: ${problem}`);
  const compiled = await compiledModule<{ runChecksWithTimeLimit: typeof runChecksWithTimeLimit }>('src/lib/check/in-worker.js', onProblem);
  return compiled?.runChecksWithTimeLimit ?? runChecksWithTimeLimit;
}

/**
 * Runs `sopkit check` inside Astro: `astro build` stops on any error with the same one-line
 * messages as the CLI; `astro dev` prints them and keeps serving so authors can fix as they go.
 * The check runs in a worker with the time limit of content code (ARCHITECTURE.md, Formats: time limit of content code),
 * so a workflow file that never finishes stops the build with its name instead of hanging it.
 * From the start of the build's bundling to its end the pages share one loaded project without
 * looking at the sources again (`holdProject`). When nothing the check reads changed since the
 * last check, its result is printed again without checking (`src/lib/check/result-cache.ts`).
 * The process's heap is kept near what it holds (`limitHeapGrowth`): V8 would otherwise let
 * Astro's bundling grow it to several times that.
 */
export function sopkitCheck(): AstroIntegration {
  let exit: { done(): void } | undefined;
  let projectRoot: string | undefined;
  return {
    name: 'sopkit:check',
    hooks: {
      'astro:config:setup': async ({ command, logger, config }) => {
        const started = performance.now();
        limitHeapGrowth();
        const root = fileURLToPath(config.root);
        process.env.SOPKIT_ROOT = root;
        projectRoot = root;
        if (command === 'build') exit ??= refuseSilentExit(logger);
        // A pack in which nothing the check reads changed since the last check prints that
        // check's result again (.sopkit-cache/check/last.json, keyed by every file it reads).
        const day = today();
        const limit = timeLimitMs();
        const { summary, reused } = await cachedCheck(root, checkKey(root, day, limit), async () => (await compiledChecks(logger))(root, { today: day, timeLimitMs: limit }));
        const { diagnostics } = summary;
        // `astro dev` keeps serving after errors: a page must not load a file the check had to stop.
        refuseContentCode(diagnostics.filter((d) => d.code === 'workflow/timeout' || d.code === 'workflow/exit').map((d) => ({ file: d.file, code: d.code, reason: d.message })));
        const errors = diagnostics.filter((d) => d.severity === 'error');
        for (const d of diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
        logger.info(`checked in ${Math.round(performance.now() - started)} ms: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${diagnostics.length - errors.length} warning${diagnostics.length - errors.length === 1 ? '' : 's'}${reused ? ' (nothing it reads changed: the last check’s result)' : ''}`);
        if (errors.length && command === 'build') {
          const error = new Error(`sopkit check found ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and build again (first: ${formatDiagnostic(errors[0]!)})`);
          // No stack: Astro prints "Stack trace:" above a stack it is given, and an empty heading
          // ended the failed build's output.
          error.stack = '';
          throw error;
        }
      },
      'astro:build:start': () => {
        if (projectRoot !== undefined) holdProject(projectRoot);
      },
      'astro:build:done': () => {
        releaseProject();
        exit?.done();
      },
    },
  };
}
