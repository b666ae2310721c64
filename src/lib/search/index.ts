import lunr from 'lunr';
import type { Project } from '../content/project.ts';
import type { SiteEdition } from '../edition.ts';
import { searchDocuments, type SearchDoc } from './documents.ts';
import { indexAsciiDigits, joinDigitGroups, lunrLanguage } from './languages.ts';

export type { SearchDoc } from './documents.ts';

/** What a hit displays. */
export type SearchHit = Pick<SearchDoc, 'title' | 'context' | 'path'> & { excerpt: string };

/** The lunr index and, by ref (the position), what each hit shows; `shardFiles` splits it into the files the site serves. */
export interface SearchBundle {
  index: object;
  docs: SearchHit[];
}

const EXCERPT = 160;

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
 * Builds the lunr index of every SOP and its sections, every training module and its sessions,
 * and every glossary term in a language (titles weigh more than text), with that language's
 * stemmer and stop words (lunr-languages) where it has them.
 * @param project The loaded project.
 * @param edition The site edition: the participant index has no trainer-only content.
 * @param lang The index's language (`/<lang>/search-index.json`); the source language when absent.
 */
export function buildSearchBundle(project: Project, edition: SiteEdition, lang?: string): SearchBundle {
  const documents = searchDocuments(project, edition, lang);
  const language = lang ?? project.locales[0]?.code ?? 'en';
  const plugin = lunrLanguage(language);
  const index = lunr(function () {
    if (plugin) this.use(plugin);
    // Arabic-Indic and Persian digits indexed as ASCII ones, in every language (`asciiDigits`).
    indexAsciiDigits(this);
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('text');
    this.metadataWhitelist = [];
    memoizeTerms(this);
    // Refs are positions, not `sop#anchor`: lunr repeats each ref under every term it indexes,
    // and short refs make the index several times smaller on a slow connection. A number is
    // indexed without its digit groups (`joinDigitGroups`); the hit shows it as the page does.
    documents.forEach((doc, i) => this.add({ id: String(i), title: joinDigitGroups(doc.title, language), text: joinDigitGroups(doc.text, language) }));
  });
  const docs = documents.map((d) => ({
    title: d.title,
    context: d.context,
    path: d.path,
    excerpt: d.text.length > EXCERPT ? `${d.text.slice(0, d.text.lastIndexOf(' ', EXCERPT))} …` : d.text,
  }));
  return { index: index.toJSON(), docs };
}
