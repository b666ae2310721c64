import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { allOf, annotateOutline } from './outline.ts';

/**
 * Remark plugin for the site: numbers the sessions, slides, activities and case studies of a
 * module body exactly as the loader and the PDFs do (`__n` attributes read by the web
 * renderers), and tells each `<JobAid>` its module (`__module`, for the link to its PDF). Files
 * without `<Session>` are left as they are.
 */
export function remarkTraining() {
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const id = /([^/\\]+)\.mdx?$/.exec(path)?.[1] ?? '';
    const outline = annotateOutline(tree);
    for (const aid of allOf(outline, 'jobAids')) {
      const node: MdxJsxFlowElement = aid.node;
      node.attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === '__module'));
      node.attributes.push({ type: 'mdxJsxAttribute', name: '__module', value: id });
    }
  };
}
