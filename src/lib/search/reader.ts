// What the search page lists for a reader's query, from the hits of each index it asks: shared
// by the search island (which fetches the indexes) and the tests (which build them). Pure: the
// island bundles it.
import { shownHit, type KindWords, type ShownHit } from './hits.ts';
import type { SearchHit } from './index.ts';
import type { SiteLocale } from '../translation/locales.ts';

/** The most hits a query shows: a longer list is not read on a phone, and each fetched snippet costs bytes. */
export const SHOWN = 30;

/** An index the page asks: its language (the reader's first, then the source's for what is not translated). */
export interface ReaderSource {
  lang: string;
}

/** What the page's words give the list: the context words of the labelled kinds in the reader's language. */
export interface ReaderWords {
  kinds?: Partial<KindWords>;
}

/** The page's hits for a query, at most `SHOWN`, and whether it found more than it shows. */
export interface ReaderHits {
  hits: ShownHit[];
  more: boolean;
}

/** A hit's page without its locale prefix: the same page in two indexes is shown once. */
export const pageOf = (path: string) => path.replace(/^\/[a-z]{2,3}(?=\/)/, '');

/**
 * The hits a reader's query lists: each index asked in turn, the reader's language's first, then
 * the source language's (what is not translated yet), each page once (its first index's hit), as
 * the reader sees it (`shownHit`), the first `SHOWN`.
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
  for (const source of terms.length ? sources : []) {
    const found = await ask(source, [...terms]);
    more ||= found.more;
    for (const doc of found.hits) {
      if (seen.has(pageOf(doc.path))) continue;
      seen.add(pageOf(doc.path));
      hits.push(shownHit(doc, source.lang, lang, locales, words.kinds ?? {}));
    }
  }
  return { hits: hits.slice(0, SHOWN), more: more || hits.length > SHOWN };
}
