// The search island: loads lunr on the page and, on a query, only the index files it needs (the
// manifest, the shards of the query's words, the snippets of the hits shown), so reading pages
// never pays for search and a first query on a large library stays small. What it has loaded
// answers from memory afterwards (offline too); the whole index is in the offline pack.
import lunr from 'lunr';
import type { SearchHit } from '../../lib/search/index.ts';
import { DOCS_PER_FILE, docsFile, partialIndex, shardsFor, type SearchManifest, type TermShard } from '../../lib/search/shards.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const base = document.documentElement.dataset.base ?? '/';
const folder = `${base}search-index/`;

/** Files fetched once each; a failed fetch is forgotten, so the next query tries again. */
const files = new Map<string, Promise<unknown>>();
function get<T>(name: string): Promise<T> {
  let file = files.get(name);
  if (!file) {
    file = fetch(folder + name).then((r) => {
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    file.catch(() => files.delete(name));
    files.set(name, file);
  }
  return file as Promise<T>;
}

const stem = (word: string) => lunr.stemmer(new lunr.Token(word, {})).toString();
let built: { shards: string; index: lunr.Index } | undefined;

/** The lunr index of the shards the words need (rebuilt only when new shards came in). */
async function indexFor(words: string[]): Promise<lunr.Index> {
  const manifest = await get<SearchManifest>('manifest.json');
  const needed = shardsFor(words, stem, manifest);
  await Promise.all(needed.map((name) => get<TermShard>(name)));
  const loaded = [...files.keys()].filter((name) => Object.values(manifest.shards).includes(name)).sort();
  const key = loaded.join();
  if (built?.shards !== key) {
    const shards = await Promise.all(loaded.map((name) => get<TermShard>(name)));
    built = { shards: key, index: lunr.Index.load({ ...partialIndex(manifest, shards), version: lunr.version }) };
  }
  return built.index;
}

/** The hits of some refs, from their snippet files. */
async function hitsOf(refs: number[]): Promise<SearchHit[]> {
  const chunks = new Map(await Promise.all([...new Set(refs.map(docsFile))].map(async (name) => [name, await get<SearchHit[]>(name)] as const)));
  return refs.flatMap((ref) => chunks.get(docsFile(ref))?.[ref % DOCS_PER_FILE] ?? []);
}

function wordsOf(query: string): string[] {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** lunr's query syntax treats `:` `~` `^` `+` `-` `*` specially; a reader's words should not fail. */
function run(index: lunr.Index, words: string[]): lunr.Index.Result[] {
  if (!words.length) return [];
  return index.query((q) => {
    for (const word of words) {
      q.term(word, { boost: 10 });
      q.term(word, { wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    }
  });
}

function render(hits: SearchHit[], query: string) {
  if (!results || !status) return;
  results.replaceChildren(
    ...hits.map((hit) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = base + hit.path.replace(/^\//, '');
      a.textContent = hit.title;
      const context = document.createElement('p');
      context.className = 'hit-context';
      context.textContent = hit.context;
      const excerpt = document.createElement('p');
      excerpt.textContent = hit.excerpt;
      li.append(a, context, excerpt);
      return li;
    }),
  );
  status.textContent = query ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”` : '';
}

async function search(query: string) {
  if (status) status.textContent = 'Searching…';
  try {
    const words = wordsOf(query);
    const index = words.length ? await indexFor(words) : undefined;
    const refs = index ? run(index, words).slice(0, 30).map((r) => Number(r.ref)) : [];
    render(await hitsOf(refs), query);
  } catch {
    if (status) status.textContent = 'The search index could not be loaded. Check the connection and try again.';
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input?.value.trim() ?? '';
  history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  void search(query);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial && input) {
  input.value = initial;
  void search(initial);
}
