import type { SiteLocale } from './locales.ts';

/**
 * Pages (paths after the base, without `#` or `?`) that exist in every locale, under `/<lang>/`.
 * Other pages (an SOP's changes page, a course's report, a test's CSV template...) exist in the
 * source language only; links to them from a translated page go to the source's. The scoring page
 * exists in every locale of a trainer build only (the participant edition has none at all).
 */
export const localizedPaths: readonly RegExp[] = [
  /^\/$/,
  /^\/sops\/([^/]+\/)?$/,
  /^\/glossary\/$/,
  // The country profile: a value's link from a translated page opens it in the reader's language.
  /^\/country-profile\/$/,
  // The legal concordance: each translated SOP's steps and legal basis in the committee's language.
  /^\/concordance\/$/,
  /^\/search\/$/,
  /^\/translations\/$/,
  // Training: the modules index, a module, its slides, a course and its trainer's guide, an evaluation form.
  /^\/modules\/([^/]+\/(slides\/)?)?$/,
  /^\/courses\/[^/]+\/(guide\/)?$/,
  /^\/evaluations\/[^/]+\/$/,
  /^\/assessments\/$/,
  /^\/assessments\/[^/]+\/(pre|post)\/$/,
  /^\/scoring\/$/,
  // The offline page: the service worker shows a locale's in place of its pages never saved.
  /^\/offline\/$/,
];

/** True when a site path (without base or locale) has a page in every locale. */
export function isLocalized(path: string): boolean {
  const page = path.split(/[#?]/)[0] ?? path;
  return localizedPaths.some((p) => p.test(page));
}

/**
 * The path of a page in a locale: `/fr/sops/x/` for a translated locale when that page type is
 * localized, else the path itself (the source's page). Without the base; pass it to `href()`.
 * @param path A site path without base or locale prefix, starting with `/`.
 * @param lang The reader's language.
 * @param locales The site's locales, the default first (their codes and which is the default:
 *   the search island has only these).
 */
export function localePath(path: string, lang: string, locales: readonly Pick<SiteLocale, 'code' | 'default'>[]): string {
  const locale = locales.find((l) => l.code === lang);
  if (!locale || locale.default || !isLocalized(path)) return path;
  return `/${lang}${path}`;
}

/**
 * Splits a site path (without base) into its locale and the path in the source language:
 * `/fr/sops/x/` → `{ lang: 'fr', path: '/sops/x/' }`; a path without a translated locale's
 * prefix is in the default language.
 */
export function splitLocale(path: string, locales: readonly SiteLocale[]): { lang: string; path: string } {
  const first = /^\/([^/]+)(\/.*)?$/.exec(path);
  const hit = first && locales.find((l) => !l.default && l.code === first[1]);
  if (hit) return { lang: hit.code, path: first?.[2] ?? '/' };
  return { lang: locales[0]?.code ?? 'en', path };
}
