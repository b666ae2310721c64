import type { Direction } from '../pdf/bidi.ts';
import type { PageWriter, Rgb, TextRun } from '../pdf/writer.ts';
import type { Inline } from './inline.ts';
import type { Item } from './items.ts';
import { breakLines, type Line } from './lines.ts';
import { colors, type } from './theme.ts';

/** Baseline of a line of text within its line box. */
export function baselineIn(top: number, lineHeight: number, size: number): number {
  return top + lineHeight / 2 + size * 0.357;
}

/**
 * Draws one broken line: runs in their faces, links recorded as link areas, inline code on a light
 * ground, redline marks struck through or underlined.
 * @param dir The paragraph's own base direction, when it is not the document's.
 */
export function drawLine(w: PageWriter, line: Line, x: number, top: number, size: number, lineHeight: number, color: Rgb = colors.text, dir?: Direction): void {
  const baseline = baselineIn(top, lineHeight, size);
  if (w.needsBidi(line.pieces)) return drawBidiLine(w, line, x, top, size, lineHeight, color, dir);
  for (const piece of line.pieces) {
    const { inline } = piece;
    if (inline.code) w.rect(x + piece.x - 1, top + 1, piece.width + 2, lineHeight - 2, { fill: colors.faint });
    const ink = inline.color ?? (inline.link ? colors.link : color);
    w.text([{ text: piece.text, style: inline.style, size, color: ink }], x + piece.x, baseline);
    if (inline.mark) {
      const y = inline.mark === 'del' ? baseline - size * 0.3 : baseline + size * 0.17;
      w.line(x + piece.x, y, x + piece.x + piece.width, y, ink, size * 0.07);
    }
    if (inline.link) {
      w.link(x + piece.x, top, piece.width, lineHeight, inline.link);
      // Web addresses are underlined; links within the PDF are only coloured (print stays calm).
      if ('uri' in inline.link) w.line(x + piece.x, baseline + size * 0.15, x + piece.x + piece.width, baseline + size * 0.15, colors.link, 0.4);
    }
  }
}

/**
 * `drawLine` for a line that needs the bidi algorithm: its pieces are cut where the paragraph's
 * levels change and put in visual order (a piece can land in several places), then grounds,
 * text, links and underlines are drawn where each part landed.
 */
function drawBidiLine(w: PageWriter, line: Line, x: number, top: number, size: number, lineHeight: number, color: Rgb, dir: Direction | undefined): void {
  const baseline = baselineIn(top, lineHeight, size);
  const runs: TextRun[] = line.pieces.map((p) => ({ text: p.text, style: p.inline.style, size, color: p.inline.color ?? (p.inline.link ? colors.link : color) }));
  const first = line.pieces[0];
  const own = dir ? { dir } : {};
  const context = line.paragraph !== undefined && first?.start !== undefined ? { text: line.paragraph, offset: first.start, ...own } : dir ? { text: runs.map((r) => r.text).join(''), offset: 0, dir } : undefined;
  const placed = w.arrange(runs, x, context);
  for (const c of placed) if (line.pieces[c.run]!.inline.code) w.rect(c.x - 1, top + 1, c.width + 2, lineHeight - 2, { fill: colors.faint });
  w.drawChunks(runs, placed, baseline);
  for (const c of placed) {
    const link = line.pieces[c.run]!.inline.link;
    if (!link) continue;
    w.link(c.x, top, c.width, lineHeight, link);
    if ('uri' in link) w.line(c.x, baseline + size * 0.15, c.x + c.width, baseline + size * 0.15, colors.link, 0.4);
  }
}

/** Options for a paragraph's lines. */
export interface TextOptions {
  width: number;
  size?: number;
  leading?: number;
  color?: Rgb;
  align?: 'left' | 'center' | 'right';
  /** The paragraph's own base direction, when it is not the document's (its bidi levels start from it). */
  dir?: Direction;
  /** Lines that may not be separated (headings): every line keeps with the next. */
  keepAll?: boolean;
  /** Minimum lines at the foot and at the head of a page (2: no widows or orphans). */
  minLines?: number;
}

/**
 * Lays out a paragraph as one item per line, with widow and orphan control: a page break may
 * fall after line i only when at least `minLines` lines stay on each side.
 */
export function textItems(inlines: readonly Inline[], o: TextOptions): Item[] {
  const size = o.size ?? type.body;
  const lineHeight = size * (o.leading ?? type.leading);
  const lines = breakLines(inlines, o.width, size);
  const min = o.minLines ?? 2;
  return lines.map((line, i): Item => {
    const n = i + 1;
    const breakable = n >= min && lines.length - n >= min;
    const offset = o.align === 'center' ? (o.width - line.width) / 2 : o.align === 'right' ? o.width - line.width : 0;
    return {
      height: lineHeight,
      lines: [baselineIn(0, lineHeight, size)],
      keepWithNext: n < lines.length && (o.keepAll || !breakable),
      draw: (w, x, top) => drawLine(w, line, x + offset, top, size, lineHeight, o.color, o.dir),
    };
  });
}

/** Height of inlines broken at a width. */
export function textHeight(inlines: readonly Inline[], width: number, size: number, leading: number = type.leading): number {
  return breakLines(inlines, width, size).length * size * leading;
}
