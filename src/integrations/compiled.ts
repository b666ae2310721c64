import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `import()` as Node runs it. Astro loads the config and its integrations (this module) through
 * Vite's module runner, which rewrites every `import()` in them, `@vite-ignore` or not, into a
 * request to the runner; the runner is closed once the config is loaded, so such an import made
 * from an integration's hook fails ("Vite module runner has been closed") and the build's workers
 * ran from the sources. A function made at run time is not rewritten: its `import()` is Node's.
 */
const importNative = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let copy: Promise<{ dir: string } | { problem: string }> | undefined;
let problem: string | undefined;

/**
 * A module of the compiled copy of src/ that the CLI runs (`bin/compiled-cli.mjs`: made with
 * esbuild once per change of src/, under `.sopkit-cache/cli/`), for the build's worker threads:
 * a worker started from it loads plain JavaScript instead of registering tsx and transforming
 * every module it needs again. The copy is made at most once per process. Undefined when it
 * cannot be made (a read-only installation; `compiledProblem()` says why) or when
 * `SOPKIT_FROM_SOURCE=1`: the caller then uses the sources.
 * @param path The module's path in the copy (`src/lib/check/in-worker.js`).
 */
export async function compiledModule<T>(path: string): Promise<T | undefined> {
  if (process.env.SOPKIT_FROM_SOURCE) return undefined;
  copy ??= (async () => {
    const installation = fileURLToPath(new URL('../..', import.meta.url));
    const { compiledCli } = (await importNative(pathToFileURL(join(installation, 'bin/compiled-cli.mjs')).href)) as { compiledCli(root: string): Promise<string> };
    return { dir: await compiledCli(installation) };
  })().catch((error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }));
  const made = await copy;
  if ('problem' in made) {
    problem = made.problem;
    return undefined;
  }
  try {
    return (await importNative(pathToFileURL(join(made.dir, path)).href)) as T;
  } catch (error) {
    problem = `${path}: ${error instanceof Error ? error.message : String(error)}`;
    return undefined;
  }
}

/** Why the last `compiledModule` call returned nothing (the sources run instead), if it did. */
export function compiledProblem(): string | undefined {
  return problem;
}
