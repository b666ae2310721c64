import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let copy: Promise<string | undefined> | undefined;

/**
 * A module of the compiled copy of src/ that the CLI runs (`bin/compiled-cli.mjs`: made with
 * esbuild once per change of src/, under `.sopkit-cache/cli/`), for the build's worker threads:
 * a worker started from it loads plain JavaScript instead of registering tsx and transforming
 * every module it needs again. The copy is made at most once per process. Undefined when it
 * cannot be made (a read-only installation) or when `SOPKIT_FROM_SOURCE=1`: the caller then uses
 * the sources, as before.
 * @param path The module's path in the copy (`src/lib/check/in-worker.js`).
 */
export async function compiledModule<T>(path: string): Promise<T | undefined> {
  if (process.env.SOPKIT_FROM_SOURCE) return undefined;
  copy ??= (async () => {
    const installation = fileURLToPath(new URL('../..', import.meta.url));
    const { compiledCli } = (await import(/* @vite-ignore */ pathToFileURL(join(installation, 'bin/compiled-cli.mjs')).href)) as { compiledCli(root: string): Promise<string> };
    return compiledCli(installation);
  })().catch(() => undefined);
  const dir = await copy;
  if (dir === undefined) return undefined;
  try {
    return (await import(/* @vite-ignore */ pathToFileURL(join(dir, path)).href)) as T;
  } catch {
    return undefined;
  }
}
