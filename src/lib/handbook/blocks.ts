import type { PageWriter } from '../pdf/writer.ts';
import type { Inline } from './inline.ts';
import type { Tone } from './theme.ts';

/** A table cell: inline text, optionally a header cell. */
export interface Cell {
  inlines: Inline[];
  /** Extra blank height, for cells to be written in by hand. */
  minHeight?: number;
  /** A square to tick by hand, this many points wide, drawn at the cell's start (a job aid's steps). */
  box?: number;
}

/** A figure drawn from a model (a workflow diagram), scaled to fit. */
export interface Figure {
  /** Natural size, in points. */
  width: number;
  height: number;
  /**
   * Draws at a scale with the top-left corner at (x, top). `window` (points, unscaled, from the
   * figure's top): the part a page shows of a figure cut over pages; what lies wholly outside it
   * is left out, not only clipped, so that its words are not in the page's text (search, copy,
   * screen readers read clipped text too).
   */
  draw(w: PageWriter, x: number, top: number, scale: number, window?: { from: number; to: number }): void;
  /** Where to cut the figure between pages: the best height (points, unscaled) at or above `limit`. */
  cutAt?(limit: number): number;
}

/**
 * The handbook's block model, between mdast and pages: what every print renderer returns.
 * One kind per thing a reader sees.
 */
export type Block =
  | { kind: 'heading'; level: number; number?: string; inlines: Inline[]; anchor?: string; toc?: boolean; pageBreakBefore?: boolean }
  /**
   * `lang`: the paragraph's language when it is not the document's (course content not translated
   * yet); a paragraph of the other direction (English in an Arabic document) is ordered from its
   * own base direction and aligned to its own start side.
   * `indent`: points from the start edge (a redline's nested list item or the paragraph under one).
   */
  /** `lang` lays a paragraph out in its language's direction; `dir` in a direction with no language (a web address: left to right). */
  | { kind: 'paragraph'; inlines: Inline[]; size?: number; align?: 'left' | 'center'; spaceBefore?: number; keepWithNext?: boolean; lang?: string; dir?: 'ltr' | 'rtl'; indent?: number }
  | { kind: 'list'; ordered: boolean; start?: number; items: Block[][]; checkboxes?: boolean; indent?: number }
  /**
   * `worksheet`: an exercise's grid, its blank body cells written in by hand (`worksheetOf`,
   * table.ts): each blank cell a handwriting line high, each column to write in wide enough for a
   * few words. `compact`: rows closer together (less padding and leading); `shortest`: columns
   * sized to make the table lowest (`shortestWidths`), `widths` not used.
   */
  | { kind: 'table'; header: Cell[][]; rows: Cell[][]; widths?: number[]; caption?: Inline[]; align?: ('left' | 'right' | 'center')[]; size?: number; keepTogether?: boolean; worksheet?: boolean; compact?: boolean; shortest?: boolean }
  | { kind: 'box'; tone: Tone; title?: Inline[]; label?: string; children: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'figure'; figure: Figure; caption: Inline[]; anchor?: string }
  | { kind: 'image'; bytes: Uint8Array; format: 'png' | 'jpg'; alt: string; width: number; height: number }
  | { kind: 'rule' }
  | { kind: 'space'; height: number }
  | { kind: 'anchor'; name: string }
  /** A paragraph marker (`§6.2 ¶3`) printed in the margin beside the next block's first line; takes no space. */
  | { kind: 'mark'; label: string }
  /**
   * Drawn by its own code in a box of the text's width. `heightAt`, where the height depends on that
   * width (a legend that wraps), gives it at the width the layout has; `height` otherwise.
   */
  | { kind: 'custom'; height: number; heightAt?(width: number): number; draw(w: PageWriter, x: number, top: number, width: number): void; keepWithNext?: boolean; spaceBefore?: number; pageBreakBefore?: boolean };
