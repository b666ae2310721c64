import type { ListItem, Root, RootContent } from 'mdast';
import { numberParagraphs, paragraphOf, type ParagraphData } from './paragraphs.ts';

/** A node that mdast-util-to-hast turns into the element named in its data (its "unknown node" rule). */
interface HastNode {
  type: string;
  data: { hName: string; hProperties: Record<string, unknown>; hChildren?: unknown[] };
  children?: unknown[];
}

/** The marker link `§6.2 ¶3` that points at its own paragraph; CSS shows it on hover, focus or in review mode. */
function marker(p: ParagraphData): HastNode {
  return {
    type: 'sopParagraphMark',
    data: { hName: 'a', hProperties: { href: `#${p.anchor}`, className: ['pmark'] }, hChildren: [{ type: 'text', value: p.label }] },
  };
}

function setId(node: { data?: unknown }, p: ParagraphData): void {
  const data = ((node as { data?: Record<string, unknown> }).data ??= {});
  data.hProperties = { ...(data.hProperties as object | undefined), id: p.anchor, className: ['para'] };
}

function markItem(item: ListItem, p: ParagraphData): void {
  setId(item, p);
  const first = item.children[0];
  if (first?.type === 'paragraph') first.children.unshift(marker(p) as never);
  else item.children.unshift(marker(p) as never);
}

/**
 * Numbers the paragraphs of an SOP page (as `numberParagraphs` does for the checker and the
 * review copy) and gives each its anchor `id="p-6.2-3"` and a hidden marker link: paragraphs and
 * list items carry them themselves, other blocks (tables, components) are wrapped in a `<div>`.
 * The reading page stays clean: no script, the markers show on hover, on focus and in review mode.
 * @param tree The page's mdast, with numbered sections.
 */
export function markParagraphs(tree: Root): void {
  numberParagraphs(tree);
  tree.children = tree.children.map((node): RootContent => {
    if (node.type === 'list') {
      for (const item of node.children) {
        const p = paragraphOf(item);
        if (p) markItem(item, p);
      }
      return node;
    }
    const p = paragraphOf(node);
    if (!p) return node;
    if (node.type === 'paragraph') {
      setId(node, p);
      node.children.unshift(marker(p) as never);
      return node;
    }
    // A Markdown table scrolls sideways on a phone: it takes keyboard focus so that it can be scrolled.
    if (node.type === 'table') {
      const data = (node.data ??= {}) as Record<string, unknown>;
      data.hProperties = { ...(data.hProperties as object | undefined), tabIndex: 0 };
    }
    const wrapper: HastNode = { type: 'sopParagraph', data: { hName: 'div', hProperties: { id: p.anchor, className: ['para'] } }, children: [marker(p), node] };
    return wrapper as unknown as RootContent;
  });
}
