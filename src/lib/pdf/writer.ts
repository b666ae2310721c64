import {
  appendBezierCurve,
  beginMarkedContent,
  clip,
  concatTransformationMatrix,
  endPath,
  beginText,
  closePath,
  endMarkedContent,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  PDFHexString,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setGraphicsState,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import type { FontStyle } from '../fonts/index.ts';
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
 * the layout engine thinks; converts to PDF's bottom-up space in one place.
 */
export class PageWriter {
  readonly height: number;
  readonly width: number;

  constructor(
    readonly page: PDFPage,
    readonly index: number,
    readonly fonts: TextFonts,
    readonly marks: Marks,
  ) {
    const { width, height } = page.getSize();
    this.width = width;
    this.height = height;
  }

  private y(top: number): number {
    return this.height - top;
  }

  private push(...ops: PDFOperator[]): void {
    this.page.pushOperators(...ops);
  }

  /**
   * Draws runs one after the other on a baseline, starting at x.
   * @returns The x where the text ends.
   */
  text(runs: readonly TextRun[], x: number, baseline: number): number {
    const ops: PDFOperator[] = [beginText()];
    let cursor = x;
    for (const run of runs) {
      if (!run.text) continue;
      const [r, g, b] = run.color ?? [0, 0, 0];
      ops.push(
        setFontAndSize(this.fonts.key(this.page, run.style), run.size),
        setFillingRgbColor(r, g, b),
        setTextMatrix(1, 0, 0, 1, cursor, this.y(baseline)),
        showText(PDFHexString.of(this.hexOf(run.text, run.style))),
      );
      cursor += this.fonts.width(run.text, run.size, run.style);
    }
    ops.push(endText());
    this.push(...ops);
    return cursor;
  }

  /** Draws one run rotated by an angle (degrees, counter-clockwise) about its start. */
  rotatedText(run: TextRun, x: number, baseline: number, degrees: number): void {
    const a = (degrees * Math.PI) / 180;
    const [cos, sin] = [Math.cos(a), Math.sin(a)];
    const [r, g, b] = run.color ?? [0, 0, 0];
    this.push(
      beginText(),
      setFontAndSize(this.fonts.key(this.page, run.style), run.size),
      setFillingRgbColor(r, g, b),
      setTextMatrix(cos, sin, -sin, cos, x, this.y(baseline)),
      showText(PDFHexString.of(this.hexOf(run.text, run.style))),
      endText(),
    );
  }

  /** Hex glyph codes of a text, joined from cached words and spaces. */
  private hexOf(text: string, style: FontStyle): string {
    let hex = '';
    for (const part of text.split(/( +)/)) if (part) hex += this.fonts.hex(part, style);
    return hex;
  }

  /** A rectangle, top-left at (x, top). */
  rect(x: number, top: number, width: number, height: number, style: ShapeStyle): void {
    this.shape(style, [rectangle(x, this.y(top + height), width, height)]);
  }

  /** A rectangle with rounded corners. */
  roundRect(x: number, top: number, width: number, height: number, radius: number, style: ShapeStyle): void {
    const r = Math.min(radius, width / 2, height / 2);
    const k = r * 0.5523;
    const [x0, x1, y0, y1] = [x, x + width, this.y(top), this.y(top + height)];
    this.shape(style, [
      moveTo(x0 + r, y0),
      lineTo(x1 - r, y0),
      appendBezierCurve(x1 - r + k, y0, x1, y0 - r + k, x1, y0 - r),
      lineTo(x1, y1 + r),
      appendBezierCurve(x1, y1 + r - k, x1 - r + k, y1, x1 - r, y1),
      lineTo(x0 + r, y1),
      appendBezierCurve(x0 + r - k, y1, x0, y1 + r - k, x0, y1 + r),
      lineTo(x0, y0 - r),
      appendBezierCurve(x0, y0 - r + k, x0 + r - k, y0, x0 + r, y0),
      closePath(),
    ]);
  }

  /** A circle centred at (cx, cy). */
  circle(cx: number, cy: number, radius: number, style: ShapeStyle): void {
    const k = radius * 0.5523;
    const [x, y] = [cx, this.y(cy)];
    this.shape(style, [
      moveTo(x + radius, y),
      appendBezierCurve(x + radius, y + k, x + k, y + radius, x, y + radius),
      appendBezierCurve(x - k, y + radius, x - radius, y + k, x - radius, y),
      appendBezierCurve(x - radius, y - k, x - k, y - radius, x, y - radius),
      appendBezierCurve(x + k, y - radius, x + radius, y - k, x + radius, y),
      closePath(),
    ]);
  }

  /** An open or closed path through points. */
  polyline(points: readonly (readonly [number, number])[], style: ShapeStyle, closed = false): void {
    const [first, ...rest] = points;
    if (!first) return;
    const ops = [moveTo(first[0], this.y(first[1])), ...rest.map(([px, py]) => lineTo(px, this.y(py)))];
    if (closed) ops.push(closePath());
    this.shape(style, ops);
  }

  /** A straight line. */
  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth = 0.5, dash?: number[]): void {
    this.polyline([[x1, y1], [x2, y2]], { stroke: color, lineWidth, dash });
  }

  /** Many filled rectangles in one path (QR codes, bubble grids). */
  fillRects(rects: readonly (readonly [number, number, number, number])[], color: Rgb): void {
    if (!rects.length) return;
    const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(...color)];
    for (const [x, top, w, h] of rects) ops.push(rectangle(x, this.y(top + h), w, h));
    ops.push(fill(), popGraphicsState());
    this.push(...ops);
  }

  private shape(style: ShapeStyle, path: PDFOperator[]): void {
    const ops: PDFOperator[] = [pushGraphicsState()];
    if (style.fill) ops.push(setFillingRgbColor(...style.fill));
    if (style.stroke) ops.push(setStrokingRgbColor(...style.stroke), setLineWidth(style.lineWidth ?? 0.5));
    if (style.dash) ops.push(setDashPattern(style.dash, 0));
    ops.push(...path);
    ops.push(style.fill && style.stroke ? fillAndStroke() : style.fill ? fill() : stroke());
    ops.push(popGraphicsState());
    this.push(...ops);
  }

  /** Runs drawing clipped to a rectangle (a slice of a figure split over pages). */
  clipped(x: number, top: number, width: number, height: number, draw: () => void): void {
    this.push(pushGraphicsState(), rectangle(x, this.y(top + height), width, height), clip(), endPath());
    draw();
    this.push(popGraphicsState());
  }

  /**
   * Runs drawing scaled about a point: what `draw` paints at (x', top') in its own writer lands
   * at (x + scale·x', top + scale·top') here (a slide drawn into a handout's box). Links recorded
   * inside are dropped: their areas would not be scaled.
   */
  scaled(x: number, top: number, scale: number, draw: (w: PageWriter) => void): void {
    this.push(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, x, this.height - top - scale * this.height));
    draw(new PageWriter(this.page, this.index, this.fonts, { links: [], anchors: new Map() }));
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
    this.marks.links.push({ page: this.index, x, top, width, height, target });
  }

  /** Records a named destination at a height of this page (the first one of a name wins). */
  anchor(name: string, top: number): void {
    if (!this.marks.anchors.has(name)) this.marks.anchors.set(name, { page: this.index, top });
  }
}
