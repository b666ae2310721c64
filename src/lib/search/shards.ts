// The search index as small files a browser fetches on demand (ARCHITECTURE.md, Formats: search
// index). Pure functions: the build writes the files, the search island reads them.
import type { SearchHit } from './index.ts';

/** Documents per snippet file: a result downloads the titles and excerpts of its neighbours only. */
export const DOCS_PER_FILE = 16;
/** Characters of a term that name its shard. */
const KEY_LENGTH = 2;
/**
 * Characters of JSON a term file fills with the prefixes that follow its first one (in term
 * order) before the next file starts. Most prefixes of a small index hold a few hundred bytes: one
 * file each made the sample pack's three indexes 1,032 term files, which saving the pack for
 * offline use fetched one by one; now 274. A query's usual words fetch the same bytes or fewer
 * (gzip does better on one file than on several); a typo's wider search fetches up to 13 kB more.
 * A prefix larger than this is a file of its own, as before, so a large library's are unchanged.
 */
export const SHARD_TARGET = 2048;

/** `manifest.json`: what every query reads first. */
export interface SearchManifest {
  /** Format version. */
  v: 1;
  /** The index's fields, in the order a term's postings list them. */
  fields: string[];
  /** The lunr search pipeline (function labels) the index was built with: it depends on the language. */
  pipeline: string[];
  /** Shard file of each term prefix (the first two characters of an indexed term); neighbouring small prefixes share a file. */
  shards: Record<string, string>;
  /** How many documents (refs 0 … docs - 1) the snippet files hold. */
  docs: number;
}

/**
 * A term shard: `[term, postings of field 0, postings of field 1, …]`, where postings are
 * `[ref, score, ref, score, …]` with each ref written as the difference from the previous one;
 * the empty lists at the end of a row are left out.
 * A score is the term's weight in that field of that document, as lunr computed it.
 */
export type TermShard = [string, ...number[][]][];

/** The shard key of a term: its first two characters (one for a one-character term). */
export function shardKey(term: string): string {
  return [...term].slice(0, KEY_LENGTH).join('');
}

/** The snippet file that holds a document's hit. */
export function docsFile(ref: number): string {
  return `d-${Math.floor(ref / DOCS_PER_FILE)}.json`;
}

/** A serialised lunr index, as `lunr.Index#toJSON` writes it. */
export interface LunrJson {
  fields: string[];
  pipeline: string[];
  invertedIndex: [string, { _index: number }][];
  fieldVectors: [string, number[]][];
}

/**
 * Splits a lunr index and its hits into the files of the on-demand index: the manifest, the
 * terms by prefix (small neighbouring prefixes in one file) and one snippet file per `DOCS_PER_FILE` documents. Works for any
 * language: it keeps lunr's terms, weights and pipeline as they are.
 * @param index The serialised lunr index (refs are document positions).
 * @param docs What each document shows as a hit, by position.
 * @returns File name → JSON text.
 */
export function shardFiles(index: LunrJson, docs: readonly SearchHit[]): Map<string, string> {
  const terms: string[] = [];
  for (const [term, posting] of index.invertedIndex) terms[posting._index] = term;
  const postings = new Map<string, [number, number][][]>();
  for (const [fieldRef, elements] of index.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = index.fields.indexOf(fieldRef.slice(0, slash));
    const ref = Number(fieldRef.slice(slash + 1));
    for (let i = 0; i < elements.length; i += 2) {
      const term = terms[elements[i] ?? -1];
      if (term === undefined) continue;
      let byField = postings.get(term);
      if (!byField) postings.set(term, (byField = index.fields.map(() => [])));
      byField[field]?.push([ref, elements[i + 1] ?? 0]);
    }
  }
  const byKey = new Map<string, TermShard>();
  for (const term of [...postings.keys()].sort()) {
    const key = shardKey(term);
    const row: [string, ...number[][]] = [term];
    for (const list of postings.get(term) ?? []) {
      list.sort((a, b) => a[0] - b[0]);
      const flat: number[] = [];
      let last = 0;
      for (const [ref, score] of list) {
        flat.push(ref - last, score);
        last = ref;
      }
      row.push(flat);
    }
    // Empty lists at the end are left out (`partialIndex` reads a missing one as empty): most
    // terms are in no session label, and many in no text.
    while (row.length > 1 && (row.at(-1) as number[]).length === 0) row.pop();
    byKey.get(key)?.push(row) ?? byKey.set(key, [row]);
  }
  const files = new Map<string, string>();
  const manifest: SearchManifest = { v: 1, fields: index.fields, pipeline: index.pipeline, shards: {}, docs: docs.length };
  // Prefixes in term order fill a file up to SHARD_TARGET characters: a query's prefix brings its
  // neighbours' terms along (`partialIndex` scores only the query's terms, so the answer is the
  // same), and a one-letter wildcard mostly finds its prefixes in one file.
  let rows: TermShard = [];
  let size = 0;
  const flush = () => {
    if (rows.length) files.set(`t-${files.size}.json`, JSON.stringify(rows));
    rows = [];
    size = 0;
  };
  for (const [key, shard] of byKey) {
    // The file's length as written: joining two arrays drops a bracket pair and adds a comma.
    const text = JSON.stringify(shard).length;
    if (rows.length && size + text - 1 > SHARD_TARGET) flush();
    manifest.shards[key] = `t-${files.size}.json`;
    for (const row of shard) rows.push(row);
    size = size ? size + text - 1 : text;
  }
  flush();
  files.set('manifest.json', JSON.stringify(manifest));
  for (let start = 0; start < docs.length; start += DOCS_PER_FILE) files.set(docsFile(start), JSON.stringify(docs.slice(start, start + DOCS_PER_FILE)));
  return files;
}

/**
 * The shards that hold the index terms a query looks up: a term's own shard, and for a term with
 * a wildcard (`*`, as lunr's query writes a trailing one) whose shard key reaches it, every shard
 * that starts with the characters before it (a one-letter prefix takes every shard of that letter).
 * @param terms The terms as the index's search pipeline made them (`queryShards`, languages.ts).
 * @param manifest The index's manifest.
 */
export function shardsFor(terms: readonly string[], manifest: SearchManifest): string[] {
  const keys = new Set<string>();
  for (const term of terms) {
    const star = term.indexOf('*');
    const key = shardKey(star < 0 ? term : term.slice(0, star));
    if (star >= 0 && [...key].length < KEY_LENGTH) for (const k of Object.keys(manifest.shards)) if (k.startsWith(key)) keys.add(k);
    keys.add(key);
  }
  return [...new Set([...keys].flatMap((k) => manifest.shards[k] ?? []))];
}

/**
 * A serialised lunr index of the terms loaded so far: enough for `lunr.Index.load` to answer
 * any query whose words are in these shards exactly as the whole index would (a document's
 * score only reads the weights of the query's terms).
 * @param manifest The index's manifest.
 * @param shards The term shards loaded.
 */
export function partialIndex(manifest: SearchManifest, shards: readonly TermShard[]): LunrJson {
  const invertedIndex: [string, { _index: number } & Record<string, Record<string, object>>][] = [];
  const vectors = new Map<string, number[]>();
  let n = 0;
  for (const shard of shards) {
    for (const [term, ...lists] of shard) {
      const posting = { _index: n } as { _index: number } & Record<string, Record<string, object>>;
      manifest.fields.forEach((field, f) => {
        const refs: Record<string, object> = {};
        const list = lists[f] ?? [];
        let ref = 0;
        for (let i = 0; i < list.length; i += 2) {
          ref += list[i] ?? 0;
          refs[ref] = {};
          const key = `${field}/${ref}`;
          const vector = vectors.get(key) ?? [];
          vector.push(n, list[i + 1] ?? 0);
          vectors.set(key, vector);
        }
        posting[field] = refs;
      });
      invertedIndex.push([term, posting]);
      n++;
    }
  }
  invertedIndex.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { fields: manifest.fields, pipeline: manifest.pipeline, invertedIndex, fieldVectors: [...vectors] };
}
