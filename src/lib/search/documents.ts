import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Project } from '../content/project.ts';
import type { SectionData } from '../content/sections.ts';
import { forEdition, type SiteEdition } from '../edition.ts';

/** One searchable unit: a numbered section of an SOP, or a glossary term. */
export interface SearchDoc {
  /** Unique key: `<sop>#<anchor>` or `glossary#<id>`. */
  id: string;
  /** Site path (without the base) to open. */
  path: string;
  /** What the result shows as its title: `SOP-CR-01 §6.3 Late registration`. */
  title: string;
  /** The SOP title, or "Glossary". */
  context: string;
  /** The text to index. */
  text: string;
}

/**
 * Text of a node the way a reader sees it: JSX component text is kept, attributes are not, and a
 * `<Param id>` reads as its value ("90 days").
 */
function nodeText(node: RootContent, param: (id: string) => string | undefined = () => undefined): string {
  const withValues = structuredClone(node);
  visit(withValues, (n) => {
    const el = n as { type: string; name?: string | null; attributes?: { name?: string; value?: unknown }[]; children?: unknown[] };
    if ((el.type !== 'mdxJsxTextElement' && el.type !== 'mdxJsxFlowElement') || el.name !== 'Param') return;
    const id = el.attributes?.find((a) => a.name === 'id')?.value;
    el.children = [{ type: 'text', value: (typeof id === 'string' && param(id)) || '' }];
  });
  return toString(withValues, { includeImageAlt: true }).replace(/\s+/g, ' ').trim();
}

/**
 * Splits every SOP into its numbered sections (each with the text up to the next heading) and
 * adds the glossary, so a search for "foundling" lands on §6.5, not just on the SOP. Components
 * the edition leaves out (trainer notes in the participant edition) are not indexed.
 * @param project The loaded project.
 * @param edition The edition of the site the index is for.
 */
export function searchDocuments(project: Project, edition: SiteEdition): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const sop of project.sops) {
    if (!sop.tree || !sop.data) continue;
    const label = sop.data.code;
    docs.push({ id: `${sop.id}#`, path: `/sops/${sop.id}/`, title: `${label} ${sop.data.title}`, context: sop.data.summary, text: sop.data.summary });
    let current: SearchDoc | undefined;
    for (const node of forEdition(sop.tree, edition).children) {
      const section = node.type === 'heading' ? (node.data as { section?: SectionData } | undefined)?.section : undefined;
      if (section) {
        current = {
          id: `${sop.id}#${section.anchor}`,
          path: `/sops/${sop.id}/#${section.anchor}`,
          title: `${label} §${section.number} ${nodeText(node)}`,
          context: sop.data.title,
          text: '',
        };
        docs.push(current);
      } else if (current) {
        const text = nodeText(node, (id) => project.parameters.text(id, sop.data?.language ?? 'en'));
        if (text) current.text += (current.text ? ' ' : '') + text;
      }
    }
  }
  for (const term of project.glossary) {
    docs.push({ id: `glossary#${term.id}`, path: `/glossary/#${term.id}`, title: term.term, context: 'Glossary', text: term.definition });
  }
  return docs;
}
