import type { SiteLocale } from './locales.ts';
import { localePath } from './routes.ts';

/**
 * The links of a body written in another language, pointed at the reader's pages: an SOP or a
 * module not translated yet is shown under `/<lang>/` with its own words, and its components
 * (`<Ref>`, `<Term>`, a case study's simulator link) and Markdown links name the source's pages
 * (`/sops/x/#y`, `/glossary/#t`), since they take the body's language (remarkSop's `__lang`). A
 * French reader following one landed on the English site. Each `<a href>` to a page that exists in
 * every locale (`localePath`, the rule of `localeHref`) gets the reader's locale; a link to a page
 * that exists in the source language only (a value's `/country-profile/#param-x`, a changes page)
 * says so with `hreflang`, as the menu's links to such pages do; a link that names its language
 * (`hreflang`), one already under a locale, an outside address and an anchor on the page stay as
 * they are.
 * @param html The body's HTML.
 * @param lang The reader's language (the page's).
 * @param locales The site's locales, the source first.
 * @param base The site's base (`/`, `/pack/`).
 */
export function readerLinks(html: string, lang: string, locales: readonly Pick<SiteLocale, 'code' | 'default'>[], base = '/'): string {
  const locale = locales.find((l) => l.code === lang);
  if (!locale || locale.default) return html;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const source = locales.find((l) => l.default)?.code ?? locales[0]?.code ?? 'en';
  return html.replace(/<a\s[^>]*>/gi, (tag) => {
    if (/\shreflang\s*=/i.test(tag)) return tag;
    let sourceOnly = false;
    const shown = tag.replace(/(\shref=")([^"]*)(")/i, (all, before: string, url: string, after: string) => {
      if (!url.startsWith(prefix)) return all;
      const path = `/${url.slice(prefix.length)}`;
      // Already a locale's page (a translated SOP's own references): neither moved nor marked.
      if (locales.some((l) => !l.default && path.startsWith(`/${l.code}/`))) return all;
      const there = localePath(path, lang, locales);
      sourceOnly = there === path && /\/$/.test(path.split(/[?#]/)[0] ?? path);
      return there === path ? all : `${before}${prefix}${there.slice(1)}${after}`;
    });
    return sourceOnly ? shown.replace(/\s*(\/?)>$/, ` hreflang="${source}"$1>`) : shown;
  });
}
