import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `import()` as Node runs it (`native-import.cjs`, loaded with `require`). Astro loads the config
 * and its integrations (this module) through Vite's module runner, which rewrites every `import()`
 * in them, `@vite-ignore` or not, into a request to the runner; the runner is closed once the
 * config is loaded, so such an import made from an integration's hook fails ("Vite module runner
 * has been closed"), and until 2026-12-02 the build's workers ran from the sources because of it.
 */
const importNative = createRequire(import.meta.url)('./native-import.cjs') as (specifier: string) => Promise<unknown>;

let copy: Promise<{ dir: string } | { problem: string }> | undefined;

/** Told why the compiled copy was not used (the sources run instead), for the build's log. */
export type CompiledProblem = (problem: string) => void;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A module of the compiled copy of src/ that the CLI runs (`bin/compiled-cli.mjs`: made with
 * esbuild once per change of src/, under `.sopkit-cache/cli/`), for the build's worker threads:
 * a worker started from it loads plain JavaScript instead of registering tsx and transforming
 * every module it needs again. The copy is made at most once per process. Undefined when it
 * cannot be made (a read-only installation; `onProblem` is told why) or when
 * `SOPKIT_FROM_SOURCE=1`: the caller then uses the sources.
 * @param path The module's path in the copy (`src/lib/check/in-worker.js`).
 * @param onProblem Told why, when the copy cannot be made or has no such module.
 */
export async function compiledModule<T>(path: string, onProblem?: CompiledProblem): Promise<T | undefined> {
  if (process.env.SOPKIT_FROM_SOURCE) return undefined;
  copy ??= (async () => {
    const installation = fileURLToPath(new URL('../..', import.meta.url));
    const { compiledCli } = (await importNative(pathToFileURL(join(installation, 'bin/compiled-cli.mjs')).href)) as { compiledCli(root: string): Promise<string> };
    return { dir: await compiledCli(installation) };
  })().catch((error: unknown) => ({ problem: message(error) }));
  const made = await copy;
  if ('problem' in made) {
    onProblem?.(made.problem);
    return undefined;
  }
  try {
    return (await importNative(pathToFileURL(join(made.dir, path)).href)) as T;
  } catch (error) {
    onProblem?.(`${path}: ${message(error)}`);
    return undefined;
  }
}

/**
 * A module of src/ as Node loads it, for an integration's hook (Vite's module runner, which loaded
 * the integration, is closed by then): from the compiled copy, else from the source through tsx
 * (`tsImport`). A module needed only once the build is under way is loaded this way instead of
 * imported at the top of the integration: the config is then loaded sooner, and the check and
 * the PDF workers, which start in the first hook, start sooner (while they run, this thread only
 * waits, and loads such modules in the meantime). A module loaded through `tsImport` has tsx's
 * namespace in its `import.meta.url`: one that hands its own URL to a worker thread (the check's
 * `in-worker.ts` does) must not be loaded this way from the sources.
 * @param path The module's path in src/ without its ending (`src/lib/handbook/pdf-stage`).
 * @param onProblem Told why the compiled copy was not used, when it was not.
 */
export async function nativeModule<T>(path: string, onProblem?: CompiledProblem): Promise<T> {
  const compiled = await compiledModule<T>(`${path}.js`, onProblem);
  if (compiled) return compiled;
  const { tsImport } = (await importNative('tsx/esm/api')) as { tsImport(specifier: string, parent: string): Promise<unknown> };
  const installation = fileURLToPath(new URL('../..', import.meta.url));
  return (await tsImport(pathToFileURL(join(installation, `${path}.ts`)).href, import.meta.url)) as T;
}
