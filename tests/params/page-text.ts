import type { Project } from '../../src/lib/content/project.ts';
import { searchDocuments } from '../../src/lib/search/documents.ts';

/** The text of an SOP's page in a language, components in the project's words (its search documents, spaces made one). */
export function pageText(project: Project, sop: string, lang: string): string {
  return searchDocuments(project, 'participant', lang === 'en' ? undefined : lang)
    .filter((d) => d.id.startsWith(`${sop}#`))
    .map((d) => d.text)
    .join(' ')
    .replace(/\s+/g, ' ');
}
