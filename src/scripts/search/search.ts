// The search island: loads lunr and the prebuilt indexes on the first query only, so reading
// pages never pay for search, and answers from memory afterwards (offline too). It asks the
// reader's language's index first, then the source language's for what is not translated.
import lunr from 'lunr';
import type { SearchBundle, SearchHit } from '../../lib/search/index.ts';
import { lunrLanguage } from '../../lib/search/languages.ts';

interface Words {
  results: Partial<Record<Intl.LDMLPluralRule, string>>;
  searching: string;
  failed: string;
  inSource: string;
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const results = document.querySelector<HTMLElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const base = document.documentElement.dataset.base ?? '/';
const lang = form?.dataset.lang ?? 'en';
const sources = JSON.parse(form?.dataset.indexes ?? '[{"lang":"en","path":"/search-index.json"}]') as { lang: string; path: string }[];
const words = JSON.parse(form?.dataset.words ?? '{}') as Words;

type Loaded = { lang: string; index: lunr.Index; docs: SearchHit[] };
let loaded: Promise<Loaded[]> | undefined;

function load() {
  loaded ??= Promise.all(
    sources.map((s) =>
      fetch(base + s.path.replace(/^\//, ''))
        .then((r) => {
          if (!r.ok) throw new Error(`index: HTTP ${r.status}`);
          return r.json() as Promise<SearchBundle>;
        })
        .then((b) => {
          // The index's pipeline names its language's stemmer and stop-word filter: register them first.
          lunrLanguage(s.lang);
          return { lang: s.lang, index: lunr.Index.load(b.index), docs: b.docs };
        }),
    ),
  );
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

/** A hit's page without its locale prefix: the same page in two indexes is shown once. */
const pageOf = (path: string) => path.replace(/^\/[a-z]{2,3}(?=\/)/, '');

function message(count: number, query: string): string {
  const category = new Intl.PluralRules(lang).select(count);
  const text = words.results?.[category] ?? words.results?.other ?? '{count} results for “{query}”';
  return text.replace('{count}', new Intl.NumberFormat(lang, { useGrouping: false }).format(count)).replace('{query}', query);
}

function render(hits: (SearchHit & { lang: string })[], query: string) {
  if (!results || !status) return;
  results.replaceChildren(
    ...hits.map((hit) => {
      const li = document.createElement('li');
      if (hit.lang !== lang) li.lang = hit.lang;
      const a = document.createElement('a');
      a.href = base + hit.path.replace(/^\//, '');
      a.textContent = hit.title;
      const context = document.createElement('p');
      context.className = 'hit-context';
      context.textContent = hit.lang !== lang ? `${hit.context} · ${words.inSource}` : hit.context;
      const excerpt = document.createElement('p');
      excerpt.textContent = hit.excerpt;
      li.append(a, context, excerpt);
      return li;
    }),
  );
  status.textContent = query ? message(hits.length, query) : '';
}

async function search(query: string) {
  if (status) status.textContent = words.searching ?? '…';
  try {
    const seen = new Set<string>();
    const hits: (SearchHit & { lang: string })[] = [];
    for (const { lang: l, index, docs } of await load()) {
      for (const r of run(index, query)) {
        const doc = docs[Number(r.ref)];
        if (!doc || seen.has(pageOf(doc.path))) continue;
        seen.add(pageOf(doc.path));
        hits.push({ ...doc, lang: l });
      }
    }
    render(hits.slice(0, 30), query);
  } catch {
    loaded = undefined;
    if (status) status.textContent = words.failed ?? '';
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
