// A hit as the search page shows it to a reader: shared by the index's documents (the labels of
// the kinds of hit) and the search island (a hit of the source language's index shown on a
// translated page). Pure: the island bundles it.
import type { SiteLocale } from '../translation/locales.ts';
import { localePath } from '../translation/routes.ts';
import type { SearchHit } from './index.ts';

/**
 * What a hit is: a glossary term, a whole SOP (its summary), a whole training module (its summary
 * and objectives), or a part of a page: a numbered section of an SOP or a session of a module. The
 * first three show a word of the interface as their context ("Glossary", "Procedures",
 * "Training"), a section its SOP's or module's title.
 */
export type HitKind = 'glossary' | 'sop' | 'module' | 'section';

/** The UI string each kind of hit shows as its context; a section shows its SOP's or module's title instead. */
export const kindLabels = { glossary: 'glossary.title', sop: 'site.nav.sops', module: 'site.nav.modules' } as const;

/** The context words of the labelled kinds, in the reader's language. */
export type KindWords = Record<keyof typeof kindLabels, string>;

/**
 * The kind of a hit, from its path as `searchDocuments` writes it (without a locale prefix):
 * `/glossary/#<term>`, `/sops/<id>/` for a whole SOP, `/modules/<id>/` for a whole module,
 * `/sops/<id>/#<anchor>` or `/modules/<id>/#<anchor>` (a session, an activity, a case study, a
 * handout, a job aid) for a section.
 * @param path The hit's site path, in the source language.
 */
export function hitKind(path: string): HitKind {
  if (path.startsWith('/glossary/')) return 'glossary';
  const whole = /^\/(sops|modules)\/[^/#]+\/$/.exec(path);
  return whole ? (whole[1] === 'sops' ? 'sop' : 'module') : 'section';
}

/** A hit as shown: its page in the reader's language, and the language of its context words. */
export interface ShownHit extends SearchHit {
  /** The language of the hit's text: the index it came from. */
  lang: string;
  /** The language of `context`: the reader's for a word of the interface, else the hit's. */
  contextLang: string;
}

/**
 * A hit of one language's index as a reader of another language sees it. A hit of the reader's
 * own index is shown as it is. A hit of the source language's index (what is not translated yet)
 * keeps its title and excerpt, in the source language, but links to the page under the reader's
 * language prefix when the site has that page there (`localePath`, the rule of `localeHref`:
 * every SOP, module and the glossary exist under `/<lang>/`, untranslated ones with a notice), so a
 * click does not switch the whole interface to the source language; and "Glossary", "Procedures"
 * or "Training" is in the reader's language.
 * @param hit The hit, as its index stores it.
 * @param hitLang The language of the index it came from.
 * @param lang The reader's language.
 * @param locales The site's locales (their codes and which is the default).
 * @param words The context words of the labelled kinds in the reader's language.
 */
export function shownHit(hit: SearchHit, hitLang: string, lang: string, locales: readonly Pick<SiteLocale, 'code' | 'default'>[], words: Partial<KindWords>): ShownHit {
  if (hitLang === lang) return { ...hit, lang: hitLang, contextLang: lang };
  const kind = hitKind(hit.path);
  const label = kind === 'section' ? undefined : words[kind];
  return { ...hit, path: localePath(hit.path, lang, locales), context: label ?? hit.context, lang: hitLang, contextLang: label ? lang : hitLang };
}
