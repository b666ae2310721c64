import lunr from 'lunr';
import type { Project } from '../content/project.ts';
import type { SiteEdition } from '../edition.ts';
import { searchDocuments, type SearchDoc } from './documents.ts';
import type { WorkflowTexts } from './workflow-texts.ts';
import { indexAsciiDigits, joinDigitGroups, lunrLanguage } from './languages.ts';

export type { SearchDoc } from './documents.ts';

/**
 * What a hit displays. `terms`, the index terms the query matched in it (lunr's `matchData`), is
 * set by the search page from its query, for the words it marks (`markRuns`); a stored hit has none.
 */
export type SearchHit = Pick<SearchDoc, 'title' | 'context' | 'path'> & { excerpt: string; terms?: string[] };

/** The lunr index and, by ref (the position), what each hit shows; `shardFiles` splits it into the files the site serves. */
export interface SearchBundle {
  index: object;
  docs: SearchHit[];
}

const EXCERPT = 160;

/** The weight of a session's label ("Session 4"): "session 3" still finds the sessions 3 first, and "session" weighs less than a word of a title. */
const LABEL_BOOST = 3;

/** The title as indexed: without its label ("M2 Session 4 · Counting the days" is indexed as "M2 Counting the days"). */
function indexedTitle(doc: SearchDoc): string {
  return doc.label ? doc.title.replace(`${doc.label} · `, '').replace(doc.label, '') : doc.title;
}

/**
 * Runs the indexing pipeline (trimmer, stop words, stemmer) once per distinct word instead of
 * once per occurrence, and hands the builder strings rather than tokens: it uses a term only as
 * a key, and keeps no metadata here (`metadataWhitelist` is empty). Every stage of lunr's and
 * lunr-languages' pipelines reads only the token it is given, so a word always gives the same
 * terms. The words come from lunr's own tokenizer rule (lower case, split on
 * `lunr.tokenizer.separator`) as strings, not as tokens with a copy of their metadata each.
 * At 300 generated SOPs (5,512 documents) the index took 1.5 → 0.7 s, with the same files
 * written. When the builder is not the one this was written against (a language with its own
 * tokenizer, a pipeline without a stage list), it is left as it is.
 * @param builder The index builder, set up (the language plugin applied).
 */
function memoizeTerms(builder: lunr.Builder): void {
  const stages = (builder.pipeline as unknown as { _stack?: unknown })._stack;
  const memo = new lunr.Pipeline();
  const memoStages = (memo as unknown as { _stack?: unknown })._stack;
  if (builder.tokenizer !== lunr.tokenizer || !Array.isArray(stages) || !Array.isArray(memoStages)) return;
  // The builder's own pipeline, kept whole, turns each new word into its terms (lunr's runString).
  const own = builder.pipeline;
  const terms = new Map<string, string[]>();
  memoStages.push((word: string) => {
    let out = terms.get(word);
    if (!out) terms.set(word, (out = own.runString(word)));
    return out;
  });
  builder.pipeline = memo;
  // lunr.tokenizer on a string: its lower case split on the separator, empty pieces dropped.
  builder.tokenizer = ((text: unknown) => {
    if (text === null || text === undefined) return [];
    const words = Array.isArray(text) ? text.map((t) => String(t).toLowerCase()) : String(text).toLowerCase().split(lunr.tokenizer.separator);
    return words.filter((w) => w.length > 0);
  }) as unknown as typeof lunr.tokenizer;
}

/**
 * The average length of the label field over the documents that have one (sessions), not over
 * every document: lunr's BM25 divides a field's weight by its length against the average, and
 * against an average over every SOP section (0.1 word) a session's two words weighed next to
 * nothing, so "session 3" listed the SOPs' "§3 Legal basis" first.
 */
function averageOverLabelled(builder: lunr.Builder): void {
  const b = builder as unknown as { fieldLengths: Record<string, number>; calculateAverageFieldLengths: () => void };
  const average = b.calculateAverageFieldLengths;
  b.calculateAverageFieldLengths = function (this: typeof b) {
    for (const ref of Object.keys(this.fieldLengths)) if (ref.startsWith('label/') && this.fieldLengths[ref] === 0) delete this.fieldLengths[ref];
    average.call(this);
  };
}

/**
 * What every search index is made of, set on a builder (its language's plugin applied): digits
 * as ASCII ones, refs, the fields `title` (boost 5), `text` and `label` (`LABEL_BOOST`, averaged
 * over the documents that have one), no metadata.
 */
export function searchFields(builder: lunr.Builder): void {
  // Arabic-Indic and Persian digits indexed as ASCII ones, in every language (`asciiDigits`).
  indexAsciiDigits(builder);
  builder.ref('id');
  builder.field('title', { boost: 5 });
  builder.field('text');
  // "§6.3", "Session 4", apart from the title's words (`SearchDoc.label`). Last: a term's
  // postings in the shards leave out the empty lists at their end (`shardFiles`).
  builder.field('label', { boost: LABEL_BOOST });
  averageOverLabelled(builder);
  builder.metadataWhitelist = [];
}

/**
 * A document as the index reads it. Refs are positions, not `sop#anchor`: lunr repeats each ref
 * under every term it indexes, and short refs make the index several times smaller on a slow
 * connection. A number is indexed without its digit groups (`joinDigitGroups`); the hit shows it
 * as the page does. The label is its own field, not title words (`indexedTitle`).
 */
export function indexedDoc(doc: SearchDoc, i: number, language: string): Record<string, string> {
  return { id: String(i), title: joinDigitGroups(indexedTitle(doc), language), text: joinDigitGroups(doc.text, language), ...(doc.label ? { label: joinDigitGroups(doc.label, language) } : {}) };
}

/** An index as the site serves it: without the empty label vectors of the documents that have none (no query reads them). */
export function indexJson(index: lunr.Index): object {
  const json = index.toJSON() as unknown as { fieldVectors: [string, number[]][] };
  json.fieldVectors = json.fieldVectors.filter(([ref, vector]) => vector.length > 0 || !ref.startsWith('label/'));
  return json;
}

/** The start of a document's text that a result shows, cut at a space. */
function excerptOf(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, text.lastIndexOf(' ', EXCERPT)).replace(/ ·$/, '')} …` : text;
}

/**
 * Builds the lunr index of every SOP and its sections, every training module and its sessions,
 * and every glossary term in a language (titles weigh more than text), with that language's
 * stemmer and stop words (lunr-languages) where it has them.
 * @param project The loaded project.
 * @param edition The site edition: the participant index has no trainer-only content.
 * @param lang The index's language (served as the files under `/<lang>/search-index/`); the source language when absent.
 * @param tableTexts The words of the tables made from machines (job aids, step tables) in that language (`workflowTexts`).
 */
export function buildSearchBundle(project: Project, edition: SiteEdition, lang?: string, tableTexts?: WorkflowTexts): SearchBundle {
  const documents = searchDocuments(project, edition, lang, tableTexts);
  const language = lang ?? project.locales[0]?.code ?? 'en';
  const plugin = lunrLanguage(language);
  const index = lunr(function () {
    if (plugin) this.use(plugin);
    searchFields(this);
    memoizeTerms(this);
    documents.forEach((doc, i) => this.add(indexedDoc(doc, i, language)));
  });
  const docs = documents.map((d) => ({
    title: d.title,
    context: d.context,
    path: d.path,
    excerpt: excerptOf(d.lead ?? d.text),
  }));
  return { index: indexJson(index), docs };
}
