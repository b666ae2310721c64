import { getProject } from '../content/cache.ts';
import { href } from '../url.ts';
import { localePath } from './routes.ts';

/**
 * `href()` for a page in a reader's language: `/fr/sops/x/` when the page type exists in that
 * locale, else the source's page.
 * @param path Site path without base or locale, starting with `/`.
 * @param lang The reader's language (undefined: the source language).
 */
export function localeHref(path: string, lang: string | undefined): string {
  return href(lang ? localePath(path, lang, getProject().locales) : path);
}
