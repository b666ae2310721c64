import type { Root } from 'mdast';
import { annotateOutline } from './outline.ts';

/**
 * Remark plugin for the site: numbers the sessions, slides, activities and case studies of a
 * module body exactly as the loader and the PDFs do (`__n` attributes read by the web
 * renderers). Files without `<Session>` are left as they are.
 */
export function remarkTraining() {
  return (tree: Root) => {
    annotateOutline(tree);
  };
}
