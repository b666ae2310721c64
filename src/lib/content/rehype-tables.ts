import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** The text a reader sees in a hast node. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** A table's name for assistive technology: its header cells ("Record, Where kept, How long"). */
function tableName(table: Element): string {
  let names: string[] = [];
  visit(table, 'element', (el: Element) => {
    if (names.length || el.tagName !== 'tr') return;
    names = el.children.flatMap((c) => (c.type === 'element' && (c.tagName === 'th' || c.tagName === 'td') ? [textOf(c).replace(/\s+/g, ' ').trim()] : [])).filter(Boolean);
    return SKIP;
  });
  return names.join(', ');
}

/**
 * Rehype plugin for the site: every table written in Markdown goes into a box that scrolls
 * sideways on a narrow screen (never the page) and that a keyboard user can focus and scroll
 * (`tabindex="0"`, a region named by the table's header cells), as WCAG 2.1 asks of any
 * scrolling region. Tables that components draw already come in such a box.
 */
export function rehypeTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || index === undefined || !parent) return;
      if (parent.type === 'element' && String(parent.properties.className ?? '').includes('table-wrap')) return SKIP;
      const name = tableName(node);
      const wrap: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-wrap'], role: 'region', tabIndex: 0, ...(name ? { ariaLabel: name } : {}) },
        children: [node],
      };
      parent.children[index] = wrap;
      return [SKIP, index + 1];
    });
  };
}
