import type { LaidPage } from '../handbook/paginate.ts';
import type { PageGeometry } from '../handbook/theme.ts';
import { colors } from '../handbook/theme.ts';
import type { PageWriter } from '../pdf/writer.ts';

/** A line number or a paragraph marker to print in a page's margins. */
export interface MarginMark {
  /** Baseline, measured from the top of the text area. */
  baseline: number;
  text: string;
}

/** What goes in the margins of one page. */
export interface PageMargins {
  lines: MarginMark[];
  paragraphs: MarginMark[];
}

/**
 * Numbers every printed line of text (paragraph lines, headings, table rows by their tallest
 * cell) continuously over the pages, from 1 on the first page, and collects the paragraph
 * markers (`§6.2 ¶3`) beside the first line of their block. Every line gets a number, so a
 * reviewer cites "line 347" without counting or naming the page (ARCHITECTURE.md, Formats:
 * paragraph numbers).
 * @param pages The laid-out pages of the SOP body, in order.
 */
export function marginsOf(pages: readonly LaidPage[]): PageMargins[] {
  let n = 0;
  return pages.map((page) => {
    const out: PageMargins = { lines: [], paragraphs: [] };
    for (const { item, top } of page.placed) {
      for (const offset of item.lines ?? []) out.lines.push({ baseline: top + offset, text: String(++n) });
      if (item.marginNote) out.paragraphs.push({ baseline: top + (item.lines?.[0] ?? 9), text: item.marginNote });
    }
    return out;
  });
}

const SIZE = 6.5;

/**
 * Draws line numbers in the left margin (right-aligned, grey) and paragraph markers in the right
 * margin (accent colour), outside the text so they never hide it; marked as artifacts, so a
 * screen reader reads the text without them. On a right-to-left page the writer mirrors both:
 * line numbers in the right margin, where the lines start, and markers in the left, ending
 * beside the text. A marker reads left to right in every language (`§6.2 ¶3`, not `3¶ 6.2§`):
 * it is the identifier the register's section and paragraph columns take, the same as the
 * source's.
 */
export function drawMargins(w: PageWriter, g: PageGeometry, margins: PageMargins): void {
  w.artifact(() => {
    for (const m of margins.lines) {
      const width = w.fonts.width(m.text, SIZE, 'regular');
      w.text([{ text: m.text, style: 'regular', size: SIZE, color: colors.muted }], g.marginLeft - 12 - width, g.marginTop + m.baseline);
    }
    const right = g.width - g.marginRight + 8;
    for (const m of margins.paragraphs) w.text([{ text: m.text, style: 'bold', size: SIZE, color: colors.accent }], right, g.marginTop + m.baseline, { text: m.text, offset: 0, dir: 'ltr' });
  });
}
