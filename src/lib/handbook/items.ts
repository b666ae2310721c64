import type { PageWriter } from '../pdf/writer.ts';

/**
 * A box drawn behind a run of items on each page they reach (a callout's ground and bar): the
 * paginator measures its extent per page, so a callout split across pages is boxed on both.
 */
export interface Frame {
  /** Space inside the box above its first item and below its last, on every page. */
  padTop: number;
  padBottom: number;
  draw(w: PageWriter, x: number, top: number, height: number): void;
}

/** Where a heading lands: collected for the table of contents, bookmarks and links. */
export interface HeadingMark {
  /** Named destination (unique in the PDF). */
  anchor: string;
  /** 1 for a top-level section. */
  level: number;
  /** Title as listed in the contents and bookmarks (with its number). */
  title: string;
  /** Listed in the table of contents (bookmarks list every heading). */
  toc: boolean;
}

/**
 * The unit of pagination: an unbreakable strip of a given height (a line of text, a table row, a
 * figure) and the rules about breaking around it.
 */
export interface Item {
  height: number;
  /** Space above, dropped at the top of a page. */
  spaceBefore?: number;
  /** No page break between this item and the next (headings, widow and orphan control). */
  keepWithNext?: boolean;
  /** Always start a new page with this item. */
  pageBreakBefore?: boolean;
  /** Put this item alone on a landscape page (a wide diagram). */
  landscape?: boolean;
  /** Indent from the left edge of the text area. */
  indent?: number;
  /** Drawn at the top of a new page when a page break falls just before this item (table header rows). */
  repeat?: readonly Item[];
  /** Boxes the item sits in, outermost first. */
  frames?: readonly Frame[];
  /** Named destination at the item's top. */
  anchor?: string;
  /** Offsets from the item's top to the baseline of each line of text it prints (line numbers in a review copy). */
  lines?: readonly number[];
  /** A note printed in the margin beside the item's first line (a paragraph marker). */
  marginNote?: string;
  /** A heading for the contents and bookmarks. */
  heading?: HeadingMark;
  /**
   * Splits an item taller than the room left (a long figure): the part that fits in `room` points
   * and the rest, or undefined when no useful part fits.
   */
  split?(room: number): [Item, Item] | undefined;
  /** Draws the item with its top-left corner at (x, top). */
  draw?(w: PageWriter, x: number, top: number): void;
}

/**
 * A document's items with its closing line (a booklet's "End of the test", a form's thanks) kept
 * on the page of the last item before it: alone at the top of a page it made a page of one line.
 */
export function withClosing(items: readonly Item[], closing: readonly Item[]): Item[] {
  const out = [...items];
  const last = out.at(-1);
  if (last) out[out.length - 1] = { ...last, keepWithNext: true };
  return [...out, ...closing];
}

/** A blank strip. */
export function spacer(height: number, keepWithNext = false): Item {
  return { height, keepWithNext };
}
