import type { Plugin } from 'vite';

/** The file of lunr-languages' Arabic module (not the proxies the CommonJS plugin adds with a query). */
const ARABIC = /[\\/]lunr-languages[\\/]lunr\.ar\.js$/;

/** The line of lunr.ar.js's stemmer that needs a sloppy-mode `this`, and what replaces it. */
const SLOPPY = 'var self = this;';
const STRICT = 'var self = {};';

/**
 * lunr.ar.js keeps its stemmer's state on `this` inside a function it calls bare
 * (`lunr.ar.stemmer = (function() { var self = this; self.result = false; ... })()`). Loaded by
 * Node as a CommonJS script that is the global object; bundled for the browser as an ES module
 * (strict mode) it is undefined, and every Arabic query failed with "Cannot set properties of
 * undefined (setting 'result')". The state goes on an object of its own instead, in the browser
 * bundle and in the dev server's pre-bundle; what the stemmer returns does not change.
 * @param code The text of lunr.ar.js.
 * @param file Its path, for the error.
 */
export function arabicStemmerStrict(code: string, file: string): string {
  const at = code.indexOf(SLOPPY);
  if (at < 0 || code.indexOf(SLOPPY, at + 1) >= 0) {
    throw new Error(`${file}: expected one "${SLOPPY}" in lunr-languages' Arabic stemmer; the package changed, so check that Arabic search still works in the browser and update src/lib/search/vite-plugin.ts`);
  }
  return code.slice(0, at) + STRICT + code.slice(at + SLOPPY.length);
}

/** The Vite plugin (browser bundle) and the esbuild plugin (dev pre-bundle) that apply it. */
export function arabicSearchInBrowser(): Plugin {
  return {
    name: 'sopkit:lunr-arabic',
    enforce: 'pre',
    config: () => ({
      optimizeDeps: {
        esbuildOptions: {
          plugins: [
            {
              name: 'sopkit:lunr-arabic',
              setup(build) {
                build.onLoad({ filter: /[\\/]lunr-languages[\\/]lunr\.ar\.js$/ }, async (args) => {
                  const { readFile } = await import('node:fs/promises');
                  return { contents: arabicStemmerStrict(await readFile(args.path, 'utf8'), args.path), loader: 'js' };
                });
              },
            },
          ],
        },
      },
    }),
    transform(code, id, options) {
      if (options?.ssr || !ARABIC.test(id)) return null;
      return { code: arabicStemmerStrict(code, id), map: null };
    },
  };
}
