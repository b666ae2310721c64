import type { Locale, SiteConfig } from '../../schemas/site.ts';
import { direction } from '../../i18n/index.ts';

/** A locale with its direction decided. */
export interface SiteLocale {
  code: string;
  label: string;
  default: boolean;
  dir: 'ltr' | 'rtl';
  /** The site's name in this language, when the locale gives one. */
  title?: string;
  /** The organisation's name in this language, when the locale gives one. */
  organisation?: string;
}

const resolve = (l: Locale): SiteLocale => ({
  code: l.code,
  label: l.label,
  default: l.default,
  dir: l.dir ?? direction(l.code),
  ...(l.title ? { title: l.title } : {}),
  ...(l.organisation ? { organisation: l.organisation } : {}),
});

/**
 * The locales a site is published in, the default (source) language first: `site.locales`, or
 * the one language of `site.language` when the pack lists none.
 * @param site The loaded `content/site.yaml`, if any.
 */
export function localesOf(site: SiteConfig | undefined): SiteLocale[] {
  const language = site?.language ?? 'en';
  const list = site?.locales?.map(resolve) ?? [{ code: language, label: language, default: true, dir: direction(language) }];
  return [...list.filter((l) => l.default), ...list.filter((l) => !l.default)];
}

/** The source language's code. */
export function defaultLocale(site: SiteConfig | undefined): string {
  return localesOf(site)[0]?.code ?? 'en';
}

/** Locales other than the source language: the ones with `content/<lang>/` folders and `/<lang>/` URLs. */
export function translatedLocales(site: SiteConfig | undefined): SiteLocale[] {
  return localesOf(site).filter((l) => !l.default);
}

/** The site's own words in one language. */
export interface SiteWords {
  /** The site's name. */
  title: string;
  /** The publishing organisation. */
  organisation: string;
}

/**
 * The site's name and organisation in a language: the locale's `title` and `organisation` in
 * `content/site.yaml`, else the site's own (in the source language).
 * @param site The loaded `content/site.yaml`, if any.
 * @param lang The reader's language.
 */
export function siteIn(site: SiteConfig | undefined, lang: string): SiteWords {
  const locale = localesOf(site).find((l) => l.code === lang);
  return { title: locale?.title ?? site?.title ?? 'SOPKit', organisation: locale?.organisation ?? site?.organisation ?? '' };
}
