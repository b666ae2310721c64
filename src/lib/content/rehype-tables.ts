import type { Element, ElementContent, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { colon, t } from '../../i18n/index.ts';

/** The text a reader sees in a hast node. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'th' || c.tagName === 'td'));
}

/** A table's header cells, as a reader sees them: its first row's. */
function headerCells(table: Element): string[] {
  let names: string[] = [];
  let found = false;
  visit(table, 'element', (el: Element) => {
    if (found || el.tagName !== 'tr') return;
    found = true;
    names = cellsOf(el).map((c) => textOf(c).replace(/\s+/g, ' ').trim());
    return SKIP;
  });
  return names;
}

/** Whether a cell spans columns or rows: a table that has one is not read as cards. */
function spans(cell: Element): boolean {
  return Number(cell.properties.colSpan ?? 1) > 1 || Number(cell.properties.rowSpan ?? 1) > 1;
}

/**
 * How a table reads on a phone: as a table (it scrolls in its box), as cards, as cards with
 * blanks to fill in, or as a list of like items, one card per cell (`items`).
 */
type Reading = 'table' | 'cards' | 'fill-in' | 'items';

/**
 * Makes a table of two or more columns readable on a phone: each body cell but the first gets
 * its column's name as `data-label` ("Retention: "), and the box takes `phone-cards`
 * (global.css), which shows a row as a card under 40rem. Two columns fit a 360 px phone as a
 * table, so theirs takes `narrow-cards`, cards under 22.5rem only: at 320 px each column is about
 * 120 px, narrower than a long word with its cell's padding ("l'enregistrement", module M1's task
 * cards in French, 28 px wider than their box). A
 * table with a header cell left empty (but the first: its column names the rows, and each of its
 * cells becomes the row's header, `<th scope="row">`) or a cell that spans is left as a table.
 * A blank body cell is left out of its card, unless a column is blank in every row: then the
 * table is an exercise's grid to fill in (`fill-in`), and each blank shows under its column's
 * name as a line to write on. At 360 px such grids (module M2's worksheet: six columns, 188 px
 * wider than the phone) had to be scrolled sideways for every row.
 * Columns that all bear one name ("Task | Task": cut-out cards laid out in a grid for print) hold
 * like items, not records: each cell becomes its own card, with no column name (`items`), where
 * the first card of a row read as the heading of the second ("Task: Sign the register entry").
 */
function labelCells(table: Element, heads: string[], lang: string): Reading {
  if (heads.length < 2 || heads.slice(1).some((h) => !h)) return 'table';
  if (heads.every((h) => h === heads[0])) return 'items';
  const rows: Element[] = [];
  visit(table, 'element', (el: Element) => {
    if (el.tagName === 'tbody') {
      for (const tr of el.children) if (tr.type === 'element' && tr.tagName === 'tr') rows.push(tr);
      return SKIP;
    }
  });
  // Blank: nothing but white space and line breaks (a component, such as `<Param>`, is content).
  const blank = (cell: Element) => cell.children.every((c) => (c.type === 'text' && !c.value.trim()) || (c.type === 'element' && c.tagName === 'br'));
  if (!rows.length || rows.some((tr) => cellsOf(tr).length !== heads.length || cellsOf(tr).some(spans))) return 'table';
  const fillIn = heads.some((_, i) => rows.every((tr) => blank(cellsOf(tr)[i]!)));
  for (const tr of rows) {
    cellsOf(tr).forEach((cell, i) => {
      // `:empty` in global.css: a blank left with white space in it would show as an empty label.
      if (blank(cell)) cell.children = [];
      if (i > 0) cell.properties = { ...cell.properties, dataLabel: `${heads[i]}${colon(lang)} ` };
      else if (!heads[0] && cell.tagName === 'td') {
        cell.tagName = 'th';
        cell.properties = { ...cell.properties, scope: 'row' };
      }
    });
  }
  return fillIn ? 'fill-in' : 'cards';
}

/** The classes of a table's box: how it reads on a phone (global.css). */
function wrapClasses(reading: Reading, columns: number): string[] {
  if (reading === 'table') return ['table-wrap'];
  if (reading === 'items') return ['table-wrap', 'phone-items'];
  const cards = columns > 2 ? 'phone-cards' : 'narrow-cards';
  return reading === 'cards' ? ['table-wrap', cards] : ['table-wrap', cards, 'fill-in'];
}

/**
 * Rehype plugin for the site: every table written in Markdown goes into a box that scrolls
 * sideways on a narrow screen (never the page) and that a keyboard user can focus and scroll
 * (`tabindex="0"`, a region named by the table's header cells), as WCAG 2.1 asks of any
 * scrolling region. A table of three or more columns reads as cards on a phone instead, one
 * of two columns on the narrowest phones (`labelCells`). Tables that components draw already come in such a box.
 * The page's language (for the colon after a column's name and the commas between the names
 * that name the region) is the file's frontmatter
 * `language`, as Astro's MDX pipeline and `sopBodySegments` give it; English when there is none.
 */
export function rehypeTables() {
  return (tree: Root, file?: { data?: { astro?: { frontmatter?: { language?: unknown } } } }) => {
    const language = file?.data?.astro?.frontmatter?.language;
    const lang = typeof language === 'string' ? language : 'en';
    const named = new Map<string, Element[]>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || index === undefined || !parent) return;
      if (parent.type === 'element' && String(parent.properties.className ?? '').includes('table-wrap')) return SKIP;
      const heads = headerCells(node);
      const name = heads.filter(Boolean).join(t('list.separator', lang));
      const reading = labelCells(node, heads, lang);
      const wrap: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: wrapClasses(reading, heads.length), role: 'region', tabIndex: 0, ...(name ? { ariaLabel: name } : {}) },
        children: [node],
      };
      parent.children[index] = wrap;
      if (name) named.set(name, [...(named.get(name) ?? []), wrap]);
      return [SKIP, index + 1];
    });
    // Tables with the same header cells (three case files of one layout) would be regions of one
    // name, which a list of landmarks cannot tell apart (axe landmark-unique): numbered in order.
    for (const [name, wraps] of named) {
      if (wraps.length > 1) wraps.forEach((w, i) => (w.properties.ariaLabel = `${name} (${i + 1})`));
    }
  };
}
