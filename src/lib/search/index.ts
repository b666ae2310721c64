import lunr from 'lunr';
import type { Project } from '../content/project.ts';
import type { SiteEdition } from '../edition.ts';
import { searchDocuments, type SearchDoc } from './documents.ts';
import { lunrLanguage } from './languages.ts';

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
 * Builds the lunr index of every SOP section and glossary term in a language (titles weigh more
 * than text), with that language's stemmer and stop words (lunr-languages) where it has them.
 * @param project The loaded project.
 * @param edition The site edition: the participant index has no trainer-only content.
 * @param lang The index's language (`/<lang>/search-index.json`); the source language when absent.
 */
export function buildSearchBundle(project: Project, edition: SiteEdition, lang?: string): SearchBundle {
  const documents = searchDocuments(project, edition, lang);
  const plugin = lunrLanguage(lang ?? project.locales[0]?.code ?? 'en');
  const index = lunr(function () {
    if (plugin) this.use(plugin);
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('text');
    this.metadataWhitelist = [];
    // Refs are positions, not `sop#anchor`: lunr repeats each ref under every term it indexes,
    // and short refs make the index several times smaller on a slow connection.
    documents.forEach((doc, i) => this.add({ id: String(i), title: doc.title, text: doc.text }));
  });
  const docs = documents.map((d) => ({
    title: d.title,
    context: d.context,
    path: d.path,
    excerpt: d.text.length > EXCERPT ? `${d.text.slice(0, d.text.lastIndexOf(' ', EXCERPT))} …` : d.text,
  }));
  return { index: index.toJSON(), docs };
}
