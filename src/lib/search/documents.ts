import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Project } from '../content/project.ts';
import type { SectionData } from '../content/sections.ts';
import { forEdition, type SiteEdition } from '../edition.ts';
import { t } from '../../i18n/index.ts';
import { isTranslated, projectIn } from '../translation/localize.ts';
import { localePath } from '../translation/routes.ts';

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
 * Splits every SOP written in a language into its numbered sections (each with the text up to
 * the next heading) and adds the glossary terms in that language, so a search for "foundling"
 * lands on §6.5, not just on the SOP. Components the edition leaves out (trainer notes in the
 * participant edition) are not indexed. Each language gets its own index from here: the source
 * language's has every SOP; another's has its translations, at their `/<lang>/` paths.
 * @param project The loaded project.
 * @param edition The edition of the site the index is for.
 * @param lang The index's language; the source language when absent.
 */
export function searchDocuments(project: Project, edition: SiteEdition, lang?: string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const sourceLang = project.locales[0]?.code ?? 'en';
  const language = lang ?? sourceLang;
  const view = projectIn(project, language);
  const at = (path: string) => localePath(path, language, project.locales);
  for (const sop of view.sops) {
    if (!sop.tree || !sop.data) continue;
    if (language !== sourceLang && sop.data.language !== language) continue;
    const label = sop.data.code;
    // A translation's sections carry the source's anchors (the page's ids).
    const anchorOf = new Map(sop.sections.map((s) => [s.number, s.anchor]));
    docs.push({ id: `${sop.id}#`, path: at(`/sops/${sop.id}/`), title: `${label} ${sop.data.title}`, context: sop.data.summary, text: sop.data.summary });
    let current: SearchDoc | undefined;
    for (const node of forEdition(sop.tree, edition).children) {
      const section = node.type === 'heading' ? (node.data as { section?: SectionData } | undefined)?.section : undefined;
      if (section) {
        const anchor = anchorOf.get(section.number) ?? section.anchor;
        current = {
          id: `${sop.id}#${anchor}`,
          path: at(`/sops/${sop.id}/#${anchor}`),
          title: `${label} §${section.number} ${nodeText(node)}`,
          context: sop.data.title,
          text: '',
        };
        docs.push(current);
      } else if (current) {
        const text = nodeText(node, (id) => view.parameters.text(id, sop.data?.language ?? sourceLang));
        if (text) current.text += (current.text ? ' ' : '') + text;
      }
    }
  }
  for (const term of view.glossary) {
    if (language !== sourceLang && !isTranslated(project, language, 'glossary', term.id)) continue;
    docs.push({ id: `glossary#${term.id}`, path: at(`/glossary/#${term.id}`), title: term.term, context: t('glossary.title', language), text: term.definition });
  }
  return docs;
}
