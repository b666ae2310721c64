// The search island: loads lunr on the page and, on a query, only the index files it needs, so
// reading pages never pay for search and a first query on a large library stays small. Every
// language's index is split into files (the manifest, the shards of the query's words, the
// snippets of the hits shown), the source language's under /search-index/, a translated locale's
// under /<lang>/search-index/. It asks the reader's language's index first, then the source
// language's for what is not translated. What it has loaded answers from memory afterwards
// (offline too); the whole index is in the offline pack.
import lunr from 'lunr';
import type { KindWords, ShownHit } from '../../lib/search/hits.ts';
import type { SearchHit } from '../../lib/search/index.ts';
import { nearShards, queryIndex, queryShards, queryWords } from '../../lib/search/languages.ts';
import { markRuns } from '../../lib/search/highlight.ts';
import { readerHits, SHOWN } from '../../lib/search/reader.ts';
import { DOCS_PER_FILE, docsFile, partialIndex, type SearchManifest, type TermShard } from '../../lib/search/shards.ts';

interface Words {
  results: Partial<Record<Intl.LDMLPluralRule, string>>;
  searching: string;
  failed: string;
  inSource: string;
  /** "Glossary" and "Procedures" in the reader's language, for the hits of the source language's index. */
  kinds: Partial<KindWords>;
  /** A session's label in each index's language, its number as `{n}` (`ReaderWords.sessions`). */
  sessions?: Record<string, string>;
  /** What to try when a query finds nothing ("Try fewer or other words…"). */
  noHits?: string;
  /** What to do when a query has no words ("Type one or more words…"). */
  empty?: string;
  /** "You can also browse {procedures} or {glossary}.", with each list's words and link (its `localeHref`). */
  browse?: { text: string; procedures: { label: string; href: string }; modules?: { label: string; href: string }; glossary: { label: string; href: string } };
  /** "The first {count} results for “{query}”…": the status when a query found more than it shows. */
  more?: string;
}

/** Where an index is: its language, its direction and the folder of its files (`/search-index/`, `/fr/search-index/`). */
type Source = { lang: string; dir?: 'ltr' | 'rtl'; shards: string };

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const base = document.documentElement.dataset.base ?? '/';
const lang = form?.dataset.lang ?? 'en';
const sources = JSON.parse(form?.dataset.indexes ?? '[{"lang":"en","shards":"/search-index/"}]') as Source[];
const words = JSON.parse(form?.dataset.words ?? '{}') as Words;
/** The site's locales, to link a hit to its page in the reader's language (`localePath`). */
const locales = JSON.parse(form?.dataset.locales ?? '[]') as { code: string; default: boolean }[];
const url = (path: string) => base + path.replace(/^\//, '');

/** Files fetched once each; a failed fetch is forgotten, so the next query tries again. */
const files = new Map<string, Promise<unknown>>();
function get<T>(path: string): Promise<T> {
  let file = files.get(path);
  if (!file) {
    file = fetch(url(path)).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    file.catch(() => files.delete(path));
    files.set(path, file);
  }
  return file as Promise<T>;
}

const built = new Map<string, { shards: string; index: lunr.Index }>();

/**
 * The lunr index of the shards the words need, from a sharded folder (rebuilt only when new
 * shards came in): those `queryShards` names, then, for a word that finds nothing in them (a
 * typo), those `nearShards` names, so that the near spellings are the whole index's.
 */
async function shardedIndex(folder: string, query: string[], langs: readonly string[]): Promise<lunr.Index> {
  const manifest = await get<SearchManifest>(`${folder}manifest.json`);
  const load = async (names: string[]): Promise<lunr.Index> => {
    await Promise.all(names.map((name) => get<TermShard>(folder + name)));
    const all = new Set(Object.values(manifest.shards).map((name) => folder + name));
    const loaded = [...files.keys()].filter((path) => all.has(path)).sort();
    const key = loaded.join();
    let hit = built.get(folder);
    if (hit?.shards !== key) {
      const shards = await Promise.all(loaded.map((path) => get<TermShard>(path)));
      hit = { shards: key, index: lunr.Index.load({ ...partialIndex(manifest, shards), version: lunr.version }) };
      built.set(folder, hit);
    }
    return hit.index;
  };
  const index = await load(queryShards(manifest, query, langs));
  const more = nearShards(index, manifest, query, langs);
  return more.length ? load(more) : index;
}

/** The hits of some refs of a sharded folder, from its snippet files, each with the index terms its result matched. */
async function shardedHits(folder: string, results: lunr.Index.Result[]): Promise<SearchHit[]> {
  const refs = results.map((r) => Number(r.ref));
  const chunks = new Map(await Promise.all([...new Set(refs.map(docsFile))].map(async (name) => [name, await get<SearchHit[]>(folder + name)] as const)));
  return results.flatMap((result, i) => {
    const hit = chunks.get(docsFile(refs[i]!))?.[refs[i]! % DOCS_PER_FILE];
    return hit ? [{ ...hit, terms: Object.keys(result.matchData.metadata) }] : [];
  });
}

/**
 * The hits of one source, best first (the first `SHOWN`), and whether it found more. The
 * manifest names the index's pipeline, its language's stemmer: `queryShards` registers the
 * language's functions before the partial index is loaded.
 */
async function hitsIn(source: Source, query: string[]): Promise<{ hits: SearchHit[]; more: boolean }> {
  const index = await shardedIndex(source.shards, query, [source.lang, lang]);
  const found = queryIndex(index, query, [source.lang, lang]);
  return { hits: await shardedHits(source.shards, found.slice(0, SHOWN)), more: found.length > SHOWN };
}

/**
 * The status line: the count of hits for the query, or, with `more`, "The first {count} results…"
 * (the query found more than are shown).
 */
function message(count: number, query: string, more = false): string {
  const category = new Intl.PluralRules(lang).select(count);
  const text = (more ? words.more : undefined) ?? words.results?.[category] ?? words.results?.other ?? '{count} results for “{query}”';
  return text.replace('{count}', new Intl.NumberFormat(lang, { useGrouping: false }).format(count)).replace('{query}', query);
}

/**
 * The status when a query finds nothing: the count, what to try, and links to the procedures and
 * the glossary (the status is polite, so it is all read out once). A query without words (only
 * spaces) says what to type instead: the address has dropped it, so the results go too.
 */
function nothingFound(query: string): (Node | string)[] {
  // The count on its line, what to try on the next: no punctuation of one language between them.
  const parts: (Node | string)[] = query ? [message(0, query), document.createElement('br'), words.noHits ?? ''] : [words.empty ?? ''];
  const browse = words.browse;
  if (!browse) return parts;
  parts.push(' ');
  for (const piece of browse.text.split(/(\{procedures\}|\{modules\}|\{glossary\})/)) {
    const list = piece === '{procedures}' ? browse.procedures : piece === '{modules}' ? browse.modules : piece === '{glossary}' ? browse.glossary : undefined;
    if (!list) {
      if (piece) parts.push(piece);
      continue;
    }
    const a = document.createElement('a');
    a.href = list.href;
    a.textContent = list.label;
    parts.push(a);
  }
  return parts;
}

/** The page's direction, for the reader's words inside a hit of another language. */
const pageDir = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';

/**
 * @param more Whether the query found more than the hits shown: the status says they are the
 *   first ones ("The first 30 results…") rather than a count that reads as all there is.
 */
function render(hits: ShownHit[], query: string, more = false) {
  if (!results || !status) return;
  results.replaceChildren(
    ...hits.map((hit) => {
      const li = document.createElement('li');
      // A hit in another language has its language and direction on its own text, not on the
      // `li` (global.css keeps an item on its list's side, and a paragraph in it inherits that
      // side): an English excerpt on an Arabic page was laid out right to left, its … at the start.
      const inHitLanguage = (element: HTMLElement) => {
        if (hit.lang === lang) return;
        element.lang = hit.lang;
        element.dir = sources.find((s) => s.lang === hit.lang)?.dir ?? 'auto';
      };
      // The words the query found, marked in the title and the excerpt, in the hit's language.
      const terms = new Set(hit.terms ?? []);
      const marked = (element: HTMLElement, text: string) => element.append(...markRuns(text, terms, hit.lang).map((run) => (run.mark ? Object.assign(document.createElement('mark'), { textContent: run.text }) : run.text)));
      const a = document.createElement('a');
      a.href = url(hit.path);
      marked(a, hit.title);
      inHitLanguage(a);
      const context = document.createElement('p');
      context.className = 'hit-context';
      if (hit.lang === lang) context.textContent = hit.context;
      else if (hit.contextLang === lang) {
        // "Glossaire · En anglais": all in the reader's language, in a hit that is not.
        context.lang = lang;
        context.dir = pageDir;
        context.textContent = `${hit.context} · ${words.inSource}`;
      } else {
        // Its SOP's title in the hit's language, then that language named in the reader's.
        inHitLanguage(context);
        const inSource = document.createElement('span');
        inSource.lang = lang;
        inSource.dir = pageDir;
        inSource.textContent = words.inSource;
        context.append(`${hit.context} · `, inSource);
      }
      const excerpt = document.createElement('p');
      marked(excerpt, hit.excerpt);
      inHitLanguage(excerpt);
      li.append(a, context, excerpt);
      return li;
    }),
  );
  if (hits.length) status.textContent = message(hits.length, query, more);
  else status.replaceChildren(...nothingFound(query));
}

async function search(query: string) {
  if (status) status.textContent = words.searching ?? '…';
  try {
    const found = await readerHits(queryWords(query), sources, hitsIn, lang, locales, words);
    render(found.hits, query, found.more);
  } catch (error) {
    // Shown to the reader as a failed load; the cause goes to the console for whoever looks.
    console.error('search failed:', error);
    if (status) status.textContent = words.failed ?? '';
    // The last word's results must not stay listed under this one (offline, "birth"'s hits stayed under "fingerprint").
    results?.replaceChildren();
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input?.value.trim() ?? '';
  history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  void search(query);
});

const initial = new URLSearchParams(location.search).get('q')?.trim();
if (initial && input) {
  input.value = initial;
  void search(initial);
}
