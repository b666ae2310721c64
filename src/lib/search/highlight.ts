// The words of a hit's title and excerpt that its query found, to be marked on the search page.
// Pure: the search island bundles it, and the tests run it on the indexes they build.
import { searchPipelineOf } from './languages.ts';

/** A piece of a hit's text: a word the query found (`mark`), or text between such words. */
export interface MarkRun {
  text: string;
  mark: boolean;
}

/**
 * A word as the page writes it: letters, marks (Arabic vowel signs) and digits, joined by an
 * apostrophe or a full stop between two of them (`l'acte`, `6.3`, `officer's`).
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The terms a word of a text is to the index of a language: the word lowercased and run through
 * the language's search pipeline (its stemmer), whole and, for a word with an apostrophe, the
 * part after it (`l'acte` → `acte`, as the French index reads it).
 */
function termsOf(word: string, lang: string): string[] {
  const pipeline = searchPipelineOf(lang);
  const lower = word.normalize('NFC').toLowerCase();
  const forms = new Set([lower, lower.replace(/['’]s$/u, '')]);
  const apostrophe = lower.search(/['’]/u);
  if (apostrophe > 0) forms.add(lower.slice(apostrophe + 1));
  return [...forms].flatMap((form) => pipeline.runString(form));
}

/**
 * A hit's text cut into runs, the words whose terms the query found marked. A word is marked when
 * one of its terms (`termsOf`) is one of `terms`: the index terms lunr matched in the hit (a typo
 * finds `certificate` through its term `certif`, a start typed past the stem through the term
 * itself). Stop words have no term and are never marked.
 * @param text The title or excerpt, as shown.
 * @param terms The index terms the query matched in this hit (lunr's `matchData`).
 * @param lang The language of the hit's index, whose stemmer made those terms.
 */
export function markRuns(text: string, terms: ReadonlySet<string>, lang: string): MarkRun[] {
  const runs: MarkRun[] = [];
  const push = (piece: string, mark: boolean) => {
    if (!piece) return;
    const last = runs[runs.length - 1];
    // Text between marks is one run; each marked word is a run of its own.
    if (last && !last.mark && !mark) last.text += piece;
    else runs.push({ text: piece, mark });
  };
  let at = 0;
  if (terms.size) {
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      if (!termsOf(word, lang).some((term) => terms.has(term))) continue;
      push(text.slice(at, match.index), false);
      push(word, true);
      at = match.index + word.length;
    }
  }
  push(text.slice(at), false);
  return runs;
}
