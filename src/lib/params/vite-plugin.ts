import { join } from 'node:path';
import type { Plugin } from 'vite';
import { parametersFile } from './load.ts';
import { runtimePayloadFor } from './payload.ts';

/** The module the browser bundle gets in place of `runtime-source.ts`. */
const SOURCE = /[\\/]src[\\/]lib[\\/]params[\\/]runtime-source\.ts(?:\?.*)?$/;

/**
 * Gives the browser bundle the parameter values as data: `runtime-source.ts` (which reads the
 * YAML file in Node) loads as `export function initialParameters() { return {...} }`, built from
 * content/parameters.yaml when the bundle is made. The file is watched, so the dev server
 * follows edits. The project root is SOPKIT_ROOT (set by the check integration from Astro's
 * `config.root`), else Vite's root.
 */
export function parametersForBrowser(): Plugin {
  let root: string | undefined;
  return {
    name: 'sopkit:parameters',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    load(id, options) {
      if (options?.ssr || !SOURCE.test(id)) return null;
      const projectRoot = process.env.SOPKIT_ROOT ?? root ?? process.cwd();
      this.addWatchFile(join(projectRoot, parametersFile));
      const payload = runtimePayloadFor(projectRoot);
      return `export function initialParameters() { return ${JSON.stringify(payload)}; }\n`;
    },
  };
}
