// The search island: loads lunr and the prebuilt index on the first query only, so reading
// pages never pay for search, and answers from memory afterwards (offline too).
import lunr from 'lunr';
import type { SearchBundle, SearchHit } from '../../lib/search/index.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const base = document.documentElement.dataset.base ?? '/';

let loaded: Promise<{ index: lunr.Index; docs: SearchHit[] }> | undefined;

function load() {
  loaded ??= fetch(`${base}search-index.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`index: HTTP ${r.status}`);
      return r.json() as Promise<SearchBundle>;
    })
    .then((b) => ({ index: lunr.Index.load(b.index), docs: b.docs }));
  return loaded;
}

/** lunr's query syntax treats `:` `~` `^` `+` `-` `*` specially; a reader's words should not fail. */
function run(index: lunr.Index, query: string): lunr.Index.Result[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
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
    const { index, docs } = await load();
    const hits = run(index, query)
      .slice(0, 30)
      .map((r) => docs[Number(r.ref)])
      .filter((d): d is SearchHit => d !== undefined);
    render(hits, query);
  } catch {
    loaded = undefined;
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
