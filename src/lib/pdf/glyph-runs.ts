import { PDFHexString, PDFOperatorNames as Op, type PDFPage } from 'pdf-lib';
import { withoutIsolates } from '../fonts/index.ts';
import { mirrored, type Chunk } from './bidi.ts';
import { fillRgb, fontAndSize, op, showHex, textMatrix } from './content-ops.ts';
import type { TextFonts } from './text-fonts.ts';
import type { TextRun } from './writer.ts';

/** Where a chunk starts on the page (PDF coordinates) and the direction of its baseline. */
export interface Origin {
  x: number;
  y: number;
  cos: number;
  sin: number;
}

/**
 * One chunk at a physical origin, along a direction (cos, sin), as content-stream lines
 * (content-ops.ts). An Arabic chunk is emitted glyph by glyph at fontkit's positions (pdf-lib
 * would drop the GPOS offsets of dots and harakat); a chunk whose glyphs do not map one to one
 * to its characters (shaped, or mirrored brackets) carries `/ActualText`: its characters in the
 * order the glyphs are painted, which is the order extractors read painted text in before
 * reversing right-to-left runs (poppler, for one), so `pdftotext` gives the words in reading
 * order (ARCHITECTURE.md, Printing right-to-left text).
 */
export function chunkOperators(fonts: TextFonts, page: PDFPage, run: TextRun, c: Chunk & { text: string }, { x, y, cos, sin }: Origin): string[] {
  const rtl = c.level % 2 === 1;
  const [r, g, b] = run.color ?? [0, 0, 0];
  // Isolates (FSI … PDI) only set the levels; they are not drawn, nor extracted.
  const text = withoutIsolates(c.text);
  const shown = rtl ? mirrored(text) : text;
  const painted = rtl ? reversed(text) : text;
  const actual = c.script !== 'latin' || shown !== text;
  const ops: string[] = [];
  if (actual) ops.push(op(Op.BeginMarkedContentSequence, '/Span', `<< /ActualText ${PDFHexString.fromText(painted).toString()} >>`));
  ops.push(Op.BeginText, fontAndSize(fonts.key(page, run.style, c.script), run.size), fillRgb(r, g, b), textMatrix(cos, sin, -sin, cos, x, y));
  if (c.script === 'latin') {
    ops.push(showHex(fonts.hexWords(rtl ? reversed(shown) : shown, run.style)));
  } else {
    const glyphs = fonts.glyphRun(shown, run.style, c.script, rtl);
    const scale = run.size / glyphs.unitsPerEm;
    let pen = 0;
    const at = glyphs.positions.map((p) => {
      const xy = [(pen + p.xOffset) * scale, p.yOffset * scale] as const;
      pen += p.xAdvance;
      return xy;
    });
    let [lx, ly] = [0, 0];
    for (const i of paintOrder(at)) {
      // Td moves from the previous glyph's origin; rounded moves are summed so errors do not add up.
      const [dx, dy] = [round(at[i]![0] - lx), round(at[i]![1] - ly)];
      if (dx || dy) ops.push(op(Op.MoveText, dx, dy));
      [lx, ly] = [lx + dx, ly + dy];
      ops.push(showHex(glyphs.codes[i]!));
    }
  }
  ops.push(Op.EndText);
  if (actual) ops.push(Op.EndMarkedContent);
  return ops;
}

/** Two decimals are enough for a glyph offset (1/100 pt) and keep the content stream short. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A text with its characters (code points) in reverse order. */
function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

/**
 * The order to paint a shaped run's glyphs in: left to right, except that the leftmost and the
 * rightmost glyphs on the baseline come first and last. Extractors take a span's extent from its
 * first and last glyphs; a raised mark there would put the whole word on another line.
 */
function paintOrder(at: readonly (readonly [number, number])[]): number[] {
  const onBaseline = at.flatMap(([, y], i) => (y === 0 ? [i] : []));
  const first = onBaseline[0];
  const last = onBaseline.at(-1);
  if (first === undefined || last === undefined || first === last) return at.map((_, i) => i);
  return [first, ...at.map((_, i) => i).filter((i) => i !== first && i !== last), last];
}
