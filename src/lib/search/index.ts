import lunr from 'lunr';
import type { Project } from '../content/project.ts';
import type { SiteEdition } from '../edition.ts';
import { searchDocuments, type SearchDoc } from './documents.ts';

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
 * Builds the lunr index of every SOP section and glossary term (titles weigh more than text).
 * @param project The loaded project.
 * @param edition The site edition: the participant index has no trainer-only content.
 */
export function buildSearchBundle(project: Project, edition: SiteEdition): SearchBundle {
  const documents = searchDocuments(project, edition);
  const index = lunr(function () {
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
