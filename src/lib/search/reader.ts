// What the search page lists for a reader's query, from the hits of each index it asks: shared
// by the search island (which fetches the indexes) and the tests (which build them). Pure: the
// island bundles it.
import { shownHit, type KindWords, type ShownHit } from './hits.ts';
import type { SearchHit } from './index.ts';
import { searchPipelineOf } from './languages.ts';
import type { SiteLocale } from '../translation/locales.ts';

/** The most hits a query shows: a longer list is not read on a phone, and each fetched snippet costs bytes. */
export const SHOWN = 30;

/** An index the page asks: its language (the reader's first, then the source's for what is not translated). */
export interface ReaderSource {
  lang: string;
}

/** What the page's words give the list. */
export interface ReaderWords {
  /** The context words of the labelled kinds in the reader's language. */
  kinds?: Partial<KindWords>;
  /**
   * A session's label in each language the page asks an index in, its number as `{n}`
   * (`training.session`: "Session {n}", "Séance {n}", "الجلسة {n}"): a query of one of them and a
   * number asks each index for its own (`sessionAsked`).
   */
  sessions?: Record<string, string>;
}

/** The page's hits for a query, at most `SHOWN`, and whether it found more than it shows. */
export interface ReaderHits {
  hits: ShownHit[];
  more: boolean;
}

/** A hit's page without its locale prefix: the same page in two indexes is shown once. */
export const pageOf = (path: string) => path.replace(/^\/[a-z]{2,3}(?=\/)/, '');

/** The word of a session's label (`Séance {n}` → `séance`), or undefined when it has none. */
function sessionWord(template: string): string | undefined {
  return template.replace('{n}', ' ').normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}]+/u).find(Boolean);
}

/** Whether two words are one to an index of a language: the same terms out of its search pipeline. */
function sameWord(a: string, b: string, lang: string): boolean {
  const pipeline = searchPipelineOf(lang);
  return pipeline.runString(a).join(' ') === pipeline.runString(b).join(' ');
}

/** A session asked for by its number: the query's word for a session (its position) and the number. */
export interface SessionAsked {
  at: number;
  n: number;
}

/**
 * The session a query asks for by its number, in the words of any language the page has (`séance
 * 3`, `الجلسة ٣`, `session 3`, as `queryWords` gives them: any form its language's index reads as
 * that word, `Séances`, `جلسة`), or undefined: the word for a session with the number after it,
 * else before it.
 * @param terms The query's words (`queryWords`).
 * @param sessions A session's label in each language (`ReaderWords.sessions`).
 */
export function sessionAsked(terms: readonly string[], sessions: Readonly<Record<string, string>> = {}): SessionAsked | undefined {
  const words = Object.entries(sessions).flatMap(([lang, template]) => ((word) => (word ? [[lang, word] as const] : []))(sessionWord(template)));
  const at = terms.findIndex((term) => words.some(([lang, word]) => sameWord(term, word, lang)));
  if (at < 0) return undefined;
  const number = (term: string | undefined) => (term && /^\d+$/.test(term) ? Number(term) : undefined);
  const n = number(terms[at + 1]) ?? number(terms[at - 1]);
  return n === undefined ? undefined : { at, n };
}

/**
 * A query's words as an index is asked them: the word for a session of a query that asks one by
 * its number as the index's language writes it (a French reader's `séance 3` asks the English
 * index for `session 3`, whose labels say "Session 3"), the others as typed.
 */
function indexWords(terms: readonly string[], asked: SessionAsked | undefined, lang: string, sessions: Readonly<Record<string, string>> = {}): string[] {
  const own = sessions[lang] === undefined ? undefined : sessionWord(sessions[lang]);
  return terms.map((term, i) => (asked?.at === i && own ? own : term));
}

/** A module session's page and its number: `/modules/<id>/#session-<n>` (a locale prefix dropped). */
const SESSION_PATH = /^\/modules\/[^/#]+\/#session-(\d+)$/;

/**
 * The hits a reader's query lists: each index asked in turn, the reader's language's first, then
 * the source language's (what is not translated yet), each page once (its first index's hit), as
 * the reader sees it (`shownHit`), the first `SHOWN`. A query that asks for a session by its
 * number (`sessionAsked`) asks each index in its own word for a session, and lists the sessions of
 * that number first, the reader's index's, then the source's (a module not translated, at its page
 * in the reader's site): a French reader's `séance 3` listed the English modules' sessions 3 after
 * every French hit with a 3 in it, past the 30 shown.
 * @param terms The query's words (`queryWords`).
 * @param sources The indexes, in the order they are asked.
 * @param ask The hits of an index for these words, best first (the first `SHOWN` of a sharded
 *   index), and whether it found more.
 * @param lang The reader's language.
 * @param locales The site's locales.
 * @param words The page's words for the list.
 */
export async function readerHits<S extends ReaderSource>(terms: readonly string[], sources: readonly S[], ask: (source: S, words: string[]) => Promise<{ hits: SearchHit[]; more: boolean }>, lang: string, locales: readonly Pick<SiteLocale, 'code' | 'default'>[], words: ReaderWords): Promise<ReaderHits> {
  const seen = new Set<string>();
  const hits: ShownHit[] = [];
  let more = false;
  const asked = sessionAsked(terms, words.sessions);
  for (const source of terms.length ? sources : []) {
    const found = await ask(source, indexWords(terms, asked, source.lang, words.sessions));
    more ||= found.more;
    for (const doc of found.hits) {
      if (seen.has(pageOf(doc.path))) continue;
      seen.add(pageOf(doc.path));
      hits.push(shownHit(doc, source.lang, lang, locales, words.kinds ?? {}));
    }
  }
  // The sessions asked for first, each list's order kept.
  const isAsked = (hit: ShownHit) => asked !== undefined && Number(SESSION_PATH.exec(pageOf(hit.path))?.[1]) === asked.n;
  const listed = [...hits.filter(isAsked), ...hits.filter((hit) => !isAsked(hit))];
  return { hits: listed.slice(0, SHOWN), more: more || listed.length > SHOWN };
}
