import {
  beginMarkedContent,
  clip,
  concatTransformationMatrix,
  endPath,
  endMarkedContent,
  PDFName,
  PDFOperatorNames as Op,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setGraphicsState,
  type PDFImage,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { withoutIsolates, type FontStyle } from '../fonts/index.ts';
import { hasRtl, visualChunks, type Chunk, type Direction } from './bidi.ts';
import { fillRgb, fontAndSize, num, op, pushLines, showHex, strokeRgb, textMatrix } from './content-ops.ts';
import { chunkOperators } from './glyph-runs.ts';
import type { TextFonts } from './text-fonts.ts';

/** An RGB colour, each channel 0–1. */
export type Rgb = readonly [number, number, number];

/** A piece of text drawn in one face, size and colour. */
export interface TextRun {
  text: string;
  style: FontStyle;
  size: number;
  color?: Rgb;
}

/** Where a line's runs sit in their paragraph, whose bidi levels they take (UAX #9 levels are per paragraph). */
export interface ParagraphContext {
  /** The whole paragraph's text. */
  text: string;
  /** Where the first run starts in it; the runs follow one another in it. */
  offset: number;
  /** The paragraph's own base direction, when it is not the document's (an English paragraph in an Arabic document). */
  dir?: Direction;
}

/** A chunk of text placed on a line: one run, one bidi level, one face; `x` in layout coordinates. */
export interface PlacedChunk extends Chunk {
  text: string;
  x: number;
  width: number;
}

/** Where a link goes: a named place in this PDF, or a web address. */
export type LinkTarget = { dest: string } | { uri: string };

/** A link area, in top-down page coordinates. */
export interface LinkArea {
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
  target: LinkTarget;
}

/** Links and named destinations collected while drawing, resolved when the document is done. */
export interface Marks {
  links: LinkArea[];
  anchors: Map<string, { page: number; top: number }>;
}

/** Stroke and fill for shapes. */
export interface ShapeStyle {
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
  dash?: number[];
}

/**
 * Draws on one page in top-down coordinates (y grows downwards from the top edge, in points), as
 * the layout engine thinks; converts to PDF's bottom-up space in one place. On a right-to-left
 * page it also mirrors x there: the layout is computed once, start edge on the left, and every
 * shape, text box and link lands at the mirrored place (text itself is never mirrored: it is
 * ordered by the bidi algorithm and drawn left to right). ARCHITECTURE.md, Printing right-to-left
 * text.
 */
export class PageWriter {
  readonly height: number;
  readonly width: number;
  /** Right-to-left page: x is mirrored. */
  readonly mirrored: boolean;

  constructor(
    readonly page: PDFPage,
    readonly index: number,
    readonly fonts: TextFonts,
    readonly marks: Marks,
    /** Base direction of the document: the page's start side and the bidi paragraph level. */
    readonly dir: Direction = 'ltr',
    /** The width x is mirrored within on a right-to-left page: the page's, or a box's drawn scaled (`scaled`). */
    boxWidth?: number,
  ) {
    const { width, height } = page.getSize();
    this.width = boxWidth ?? width;
    this.height = height;
    this.mirrored = dir === 'rtl';
  }

  private y(top: number): number {
    return this.height - top;
  }

  /** The physical x of a box that starts at layout x and is `width` wide. */
  px(x: number, width = 0): number {
    return this.mirrored ? this.width - x - width : x;
  }

  private push(...ops: PDFOperator[]): void {
    this.page.pushOperators(...ops);
  }

  /** Whether runs need the bidi path (right-to-left text, or any text on a right-to-left page). */
  needsBidi(runs: readonly { text: string }[]): boolean {
    return this.mirrored || runs.some((r) => hasRtl(r.text));
  }

  /**
   * Draws runs one after the other on a baseline, starting at x (the start side: the left edge in
   * layout coordinates). Runs with right-to-left text, and every run on a right-to-left page, are
   * ordered by the bidi algorithm first.
   * @param context The paragraph of a broken line, whose levels the line takes.
   * @returns The x where the text ends.
   */
  text(runs: readonly TextRun[], x: number, baseline: number, context?: ParagraphContext): number {
    if (this.needsBidi(runs)) {
      const placed = this.arrange(runs, x, context);
      this.drawChunks(runs, placed, baseline);
      return x + placed.reduce((sum, c) => sum + c.width, 0);
    }
    const lines: string[] = [Op.BeginText];
    let cursor = x;
    for (const run of runs) {
      if (!run.text) continue;
      const [r, g, b] = run.color ?? [0, 0, 0];
      lines.push(fontAndSize(this.fonts.key(this.page, run.style), run.size), fillRgb(r, g, b), textMatrix(1, 0, 0, 1, cursor, this.y(baseline)), showHex(this.fonts.hexWords(run.text, run.style)));
      cursor += this.fonts.width(run.text, run.size, run.style);
    }
    lines.push(Op.EndText);
    pushLines(this.page, lines);
    return cursor;
  }

  /**
   * Splits runs into chunks in visual order (bidi levels, then faces) and places them from the
   * start x: left to right on a left-to-right page, from the right edge of the mirrored box on a
   * right-to-left one. Pure: nothing is drawn.
   * @param context The paragraph the runs belong to (a broken line); by default the runs alone.
   */
  arrange(runs: readonly TextRun[], x: number, context?: ParagraphContext): PlacedChunk[] {
    const texts = runs.map((r) => r.text);
    const paragraph = context ?? { text: texts.join(''), offset: 0 };
    const line = texts.join('');
    // A chunk of isolates alone (FSI, PDI) sets levels and draws nothing.
    const chunks = visualChunks(texts, paragraph.text, paragraph.offset, paragraph.dir ?? this.dir).filter((c) => withoutIsolates(line.slice(c.start, c.end)) !== '');
    const placed: PlacedChunk[] = chunks.map((c) => {
      const run = runs[c.run]!;
      const text = line.slice(c.start, c.end);
      return { ...c, text, x: 0, width: this.fonts.width(text, run.size, run.style) };
    });
    const total = placed.reduce((sum, c) => sum + c.width, 0);
    // Physical left edge of the whole text, then each chunk's place converted back to layout x.
    let left = this.px(x, total);
    for (const c of placed) {
      c.x = this.mirrored ? this.width - left - c.width : left;
      left += c.width;
    }
    return placed;
  }

  /** Draws chunks placed by `arrange`, each in its face and direction, on a baseline. */
  drawChunks(runs: readonly TextRun[], placed: readonly PlacedChunk[], baseline: number): void {
    const lines: string[] = [];
    for (const c of placed) lines.push(...chunkOperators(this.fonts, this.page, runs[c.run]!, c, { x: this.px(c.x, c.width), y: this.y(baseline), cos: 1, sin: 0 }));
    pushLines(this.page, lines);
  }

  /** Draws one run rotated by an angle (degrees, counter-clockwise) about its start (physical coordinates: not mirrored). */
  rotatedText(run: TextRun, x: number, baseline: number, degrees: number): void {
    const a = (degrees * Math.PI) / 180;
    const [cos, sin] = [Math.cos(a), Math.sin(a)];
    const [r, g, b] = run.color ?? [0, 0, 0];
    if (this.needsBidi([run])) {
      let along = 0;
      for (const c of visualChunks([run.text], run.text, 0, this.dir)) {
        const text = run.text.slice(c.start, c.end);
        pushLines(this.page, chunkOperators(this.fonts, this.page, run, { ...c, text }, { x: x + cos * along, y: this.y(baseline) + sin * along, cos, sin }));
        along += this.fonts.width(text, run.size, run.style);
      }
      return;
    }
    pushLines(this.page, [Op.BeginText, fontAndSize(this.fonts.key(this.page, run.style), run.size), fillRgb(r, g, b), textMatrix(cos, sin, -sin, cos, x, this.y(baseline)), showHex(this.fonts.hexWords(run.text, run.style)), Op.EndText]);
  }

  /** A rectangle, top-left at (x, top). */
  rect(x: number, top: number, width: number, height: number, style: ShapeStyle): void {
    this.shape(style, [op(Op.AppendRectangle, this.px(x, width), this.y(top + height), width, height)]);
  }

  /** A rectangle with rounded corners. */
  roundRect(x: number, top: number, width: number, height: number, radius: number, style: ShapeStyle): void {
    const r = Math.min(radius, width / 2, height / 2);
    const k = r * 0.5523;
    const x0 = this.px(x, width);
    const [x1, y0, y1] = [x0 + width, this.y(top), this.y(top + height)];
    this.shape(style, [
      op(Op.MoveTo, x0 + r, y0),
      op(Op.LineTo, x1 - r, y0),
      op(Op.AppendBezierCurve, x1 - r + k, y0, x1, y0 - r + k, x1, y0 - r),
      op(Op.LineTo, x1, y1 + r),
      op(Op.AppendBezierCurve, x1, y1 + r - k, x1 - r + k, y1, x1 - r, y1),
      op(Op.LineTo, x0 + r, y1),
      op(Op.AppendBezierCurve, x0 + r - k, y1, x0, y1 + r - k, x0, y1 + r),
      op(Op.LineTo, x0, y0 - r),
      op(Op.AppendBezierCurve, x0, y0 - r + k, x0 + r - k, y0, x0 + r, y0),
      Op.ClosePath,
    ]);
  }

  /** A circle centred at (cx, cy). */
  circle(cx: number, cy: number, radius: number, style: ShapeStyle): void {
    const k = radius * 0.5523;
    const [x, y] = [this.px(cx), this.y(cy)];
    this.shape(style, [
      op(Op.MoveTo, x + radius, y),
      op(Op.AppendBezierCurve, x + radius, y + k, x + k, y + radius, x, y + radius),
      op(Op.AppendBezierCurve, x - k, y + radius, x - radius, y + k, x - radius, y),
      op(Op.AppendBezierCurve, x - radius, y - k, x - k, y - radius, x, y - radius),
      op(Op.AppendBezierCurve, x + k, y - radius, x + radius, y - k, x + radius, y),
      Op.ClosePath,
    ]);
  }

  /** An open or closed path through points. */
  polyline(points: readonly (readonly [number, number])[], style: ShapeStyle, closed = false): void {
    const [first, ...rest] = points;
    if (!first) return;
    const ops = [op(Op.MoveTo, this.px(first[0]), this.y(first[1])), ...rest.map(([px, py]) => op(Op.LineTo, this.px(px), this.y(py)))];
    if (closed) ops.push(Op.ClosePath);
    this.shape(style, ops);
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth = 0.5, dash?: number[]): void {
    this.polyline([[x1, y1], [x2, y2]], { stroke: color, lineWidth, dash });
  }

  /** Many filled rectangles in one path (QR codes, bubble grids). */
  fillRects(rects: readonly (readonly [number, number, number, number])[], color: Rgb): void {
    if (!rects.length) return;
    const ops: string[] = [Op.PushGraphicsState, fillRgb(...color)];
    for (const [x, top, w, h] of rects) ops.push(op(Op.AppendRectangle, this.px(x, w), this.y(top + h), w, h));
    ops.push(Op.FillNonZero, Op.PopGraphicsState);
    pushLines(this.page, ops);
  }

  /** A path (operator lines) painted in a style, inside its own graphics state. */
  private shape(style: ShapeStyle, path: string[]): void {
    const ops: string[] = [Op.PushGraphicsState];
    if (style.fill) ops.push(fillRgb(...style.fill));
    if (style.stroke) ops.push(strokeRgb(...style.stroke), op(Op.SetLineWidth, style.lineWidth ?? 0.5));
    if (style.dash) ops.push(op(Op.SetLineDashPattern, `[${style.dash.map(num).join(' ')}]`, 0));
    ops.push(...path);
    ops.push(style.fill && style.stroke ? Op.FillNonZeroAndStroke : style.fill ? Op.FillNonZero : Op.StrokePath);
    ops.push(Op.PopGraphicsState);
    pushLines(this.page, ops);
  }

  /** Runs drawing clipped to a rectangle (a slice of a figure split over pages). */
  clipped(x: number, top: number, width: number, height: number, draw: () => void): void {
    this.push(pushGraphicsState(), rectangle(this.px(x, width), this.y(top + height), width, height), clip(), endPath());
    draw();
    this.push(popGraphicsState());
  }

  /**
   * Runs drawing scaled about a point: a box `width` wide (in its own units), drawn by `draw` in
   * its own writer, lands with its start edge at x and its top at `top` here, every length times
   * `scale` (a slide drawn into a handout's box). The box's writer keeps this one's direction: on
   * a right-to-left page the box lands at the mirrored place and mirrors x within its own width,
   * so a slide in Arabic reads from the right as the page around it does (with the page's width,
   * its text started at the left and its lines were ordered from a left-to-right base). Links
   * recorded inside are dropped: their areas would not be scaled.
   */
  scaled(x: number, top: number, width: number, scale: number, draw: (w: PageWriter) => void): void {
    this.push(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, this.px(x, width * scale), this.height - top - scale * this.height));
    draw(new PageWriter(this.page, this.index, this.fonts, { links: [], anchors: new Map() }, this.dir, width));
    this.push(popGraphicsState());
  }

  /** Runs drawing with an opacity (an ExtGState on the page). */
  withOpacity(opacity: number, draw: () => void): void {
    const gs = this.page.doc.context.obj({ Type: 'ExtGState', ca: opacity, CA: opacity });
    const name = this.page.node.newExtGState('GS', gs);
    this.push(pushGraphicsState(), setGraphicsState(name));
    draw();
    this.push(popGraphicsState());
  }

  /** Marks what `draw` paints as an artifact (running heads, watermark), not content. */
  artifact(draw: () => void): void {
    this.push(beginMarkedContent(PDFName.of('Artifact')));
    draw();
    this.push(endMarkedContent());
  }

  /** Records a link area on this page. */
  link(x: number, top: number, width: number, height: number, target: LinkTarget): void {
    this.marks.links.push({ page: this.index, x: this.px(x, width), top, width, height, target });
  }

  /** An embedded image, top-left at (x, top) (never mirrored itself: only its place is). */
  image(image: PDFImage, x: number, top: number, width: number, height: number): void {
    this.page.drawImage(image, { x: this.px(x, width), y: this.y(top + height), width, height });
  }

  /** Records a named destination at a height of this page (the first one of a name wins). */
  anchor(name: string, top: number): void {
    if (!this.marks.anchors.has(name)) this.marks.anchors.set(name, { page: this.index, top });
  }
}

