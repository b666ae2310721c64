/** Slides on a handout page. */
export const HANDOUT_SLIDES_PER_PAGE = 3;

/** Where things go in one row of a handout page, relative to the row's top-left corner (points). */
export interface HandoutRow {
  /** The slide's box (16:9). */
  slide: { x: number; top: number; width: number; height: number };
  /** The "Notes" label above the lines. */
  label: { x: number; baseline: number };
  /** Ruled lines to write on, top to bottom. */
  lines: { x1: number; x2: number; y: number }[];
}

/** Space between two ruled lines: enough for handwriting with a ballpoint pen. */
export const HANDOUT_LINE_GAP = 21;

/**
 * One row of a handout page: the slide on the start side (54 % of the width), ruled lines for
 * notes beside it, from the top of the slide to the bottom of the row. In layout coordinates,
 * start edge on the left: a right-to-left page mirrors them as it draws (the slide on the right,
 * the lines on the left), so they are never mirrored here as well.
 * @param width Width of the text area.
 * @param height Height of the row (a third of the text area).
 */
export function handoutRow(width: number, height: number): HandoutRow {
  const gap = 16;
  const slideWidth = Math.round(width * 0.54);
  const slideHeight = (slideWidth * 9) / 16;
  const top = Math.max(0, (height - 12 - slideHeight) / 2);
  const [slideX, x1, x2] = [0, slideWidth + gap, width];
  const lines: HandoutRow['lines'] = [];
  for (let y = top + 2 * HANDOUT_LINE_GAP - 6; y <= height - 8; y += HANDOUT_LINE_GAP) lines.push({ x1, x2, y });
  return { slide: { x: slideX, top, width: slideWidth, height: slideHeight }, label: { x: x1, baseline: top + 9 }, lines };
}
