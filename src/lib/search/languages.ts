import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import arabic from 'lunr-languages/lunr.ar.js';
import french from 'lunr-languages/lunr.fr.js';

/** lunr-languages plugins by language: stemmer, stop words and trimmer of that language. */
const plugins: Record<string, (l: typeof lunr) => void> = { fr: french, ar: arabic };

let supported = false;

/**
 * The lunr plugin for a language (`lunr.fr`, `lunr.ar`), registered on first use, or undefined
 * for English (lunr's own pipeline) and languages without one. The index builder and the browser
 * script both call this, so a stored index finds its pipeline functions when it is loaded.
 * @param lang Language code.
 */
export function lunrLanguage(lang: string): lunr.Builder.Plugin | undefined {
  const code = lang.split('-')[0] ?? lang;
  const register = plugins[code];
  if (!register) return undefined;
  if (!supported) {
    stemmerSupport(lunr);
    supported = true;
  }
  const table = lunr as unknown as Record<string, lunr.Builder.Plugin | undefined>;
  if (!table[code]) register(lunr);
  return table[code];
}

/** Languages with a stemmer here besides English. */
export const stemmedLanguages = Object.keys(plugins);
