import type { Plugin } from 'vite';
import { codeKey, fileKey, stableText } from './mdx-compile-key.ts';
import { mdxCompileDir, pruneCompiled, readCompiled, writeCompiled, type MdxCompiled } from './mdx-compile-store.ts';

/** The name of the Vite plugin of `@astrojs/mdx` that compiles `.mdx` files (`vite-plugin-mdx.js`). */
export const MDX_PLUGIN_NAME = '@mdx-js/rollup';

/** How many MDX files a build compiled and how many it read back from the cache. */
export interface MdxCacheCounts {
  compiled: number;
  reused: number;
}

/** What the cache needs from the build around it. */
export interface MdxCompileCacheOptions {
  /** The project root (`.sopkit-cache/` is under it). */
  root: () => string;
  /** The compile options as text: the markdown config and the MDX integration's options. */
  options: () => unknown;
  /** What the remark plugins read from the project for a file (`remarkSopInputs`). */
  inputs: (id: string, text: string) => string;
}

type Transform = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;

/** The MDX plugin's own transform, kept when it is wrapped (the same plugin object is seen by each of a build's Vite runs). */
const originals = new WeakMap<object, Transform>();

/**
 * A Vite plugin that keeps the MDX compile across builds: it wraps the transform of
 * `@astrojs/mdx`'s Vite plugin with a disk cache in `.sopkit-cache/mdx-compiled/`, keyed by
 * everything the compiled module depends on (`mdx-compile-key.ts`): the file's path and text,
 * the project inputs its remark plugins read, the compile options, the versions of the
 * packages that compile and the text of our own plugins' code. A hit returns the stored
 * `{ code, map, meta }` exactly as the transform returned it; a miss compiles and stores.
 * A file that does not compile is not stored (the error is the transform's own).
 * @param options How to reach the build's root, options and project inputs.
 */
export function mdxCompileCache(options: MdxCompileCacheOptions): Plugin & { counts(): MdxCacheCounts; finish(): MdxCacheCounts } {
  let counts: MdxCacheCounts = { compiled: 0, reused: 0 };
  let code = '';
  let dir = '';
  return {
    name: 'sopkit:mdx-compile-cache',
    configResolved(resolved) {
      const mdx = resolved.plugins.find((p) => p.name === MDX_PLUGIN_NAME);
      const transform = mdx?.transform;
      if (!mdx || !transform) return;
      const original = originals.get(mdx) ?? (typeof transform === 'function' ? (transform as Transform) : (transform.handler as Transform));
      originals.set(mdx, original);
      const root = options.root();
      dir = mdxCompileDir(root);
      code = codeKey(root, stableText({ options: options.options(), sourcemap: resolved.build.sourcemap }));
      const key = code;
      const cached = async function (this: unknown, text: string, id: string, ...rest: unknown[]): Promise<unknown> {
        if (!id.endsWith('.mdx')) return original.call(this, text, id, ...rest);
        const file = fileKey(key, id, text, options.inputs(id, text));
        const hit = readCompiled(dir, id, file);
        if (hit) {
          counts.reused++;
          return hit;
        }
        const result = (await original.call(this, text, id, ...rest)) as MdxCompiled | undefined;
        if (result && typeof result.code === 'string') {
          counts.compiled++;
          writeCompiled(dir, id, file, result);
        }
        return result;
      };
      (mdx as { transform: unknown }).transform = cached;
    },
    counts: () => ({ ...counts }),
    /** The counts of the build that ends, and drops the entries of source files that are gone. */
    finish() {
      const done = counts;
      counts = { compiled: 0, reused: 0 };
      if (dir) pruneCompiled(dir);
      return done;
    },
  };
}
