import type { Locale, SiteConfig } from '../../schemas/site.ts';
import { direction } from '../../i18n/index.ts';

/** A locale with its direction decided. */
export interface SiteLocale {
  code: string;
  label: string;
  default: boolean;
  dir: 'ltr' | 'rtl';
}

const resolve = (l: Locale): SiteLocale => ({ code: l.code, label: l.label, default: l.default, dir: l.dir ?? direction(l.code) });

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
