import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { allOf, annotateOutline } from './outline.ts';

/** Training components that print words of their own ("Activity", "Questions"): they get the file's language. */
const worded = new Set(['Session', 'Activity', 'Handout', 'JobAid', 'SpeakerNotes', 'FacilitatorKey', 'Questions', 'CaseStudy', 'Callout', 'Param']);

/**
 * Remark plugin for the site: numbers the sessions, slides, activities and case studies of a
 * module body exactly as the loader and the PDFs do (`__n` attributes read by the web
 * renderers), tells each `<JobAid>` its module (`__module`, for the link to its PDF), and gives
 * the components that print words of their own the file's `language` (`__lang`), so a French
 * module's "Activité" and "Questions" are French. Files without `<Session>` are left as they are.
 */
export function remarkTraining() {
  return (tree: Root, file: { path?: string; history?: string[]; data?: { astro?: { frontmatter?: { language?: unknown } } } }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const id = /([^/\\]+)\.mdx?$/.exec(path)?.[1] ?? '';
    const outline = annotateOutline(tree);
    if (!outline.sessions.length) return;
    const language = file.data?.astro?.frontmatter?.language;
    const lang = typeof language === 'string' ? language : 'en';
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as MdxJsxFlowElement;
      if (!el.name || !worded.has(el.name) || el.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === '__lang')) return;
      el.attributes.push({ type: 'mdxJsxAttribute', name: '__lang', value: lang });
    });
    for (const aid of allOf(outline, 'jobAids')) {
      const node: MdxJsxFlowElement = aid.node;
      node.attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === '__module'));
      node.attributes.push({ type: 'mdxJsxAttribute', name: '__module', value: id });
    }
  };
}
