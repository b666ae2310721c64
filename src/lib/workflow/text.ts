import { createRequire } from 'node:module';
import { measureText } from '../fonts/index.ts';
import type { LayoutFontStyle } from './layout-model.ts';

interface Break {
  position: number;
  required: boolean;
}
type LineBreakerClass = new (text: string) => { nextBreak(): Break | null };

// `linebreak` (UAX #14, the same rules the PDF text uses) has no type declarations.
const LineBreaker = createRequire(import.meta.url)('linebreak') as LineBreakerClass;

/** A measured line. */
export interface MeasuredLine {
  text: string;
  width: number;
}

/**
 * Breaks text into lines no wider than `maxWidth`, at the break opportunities of UAX #14, with
 * widths from the shared Noto Sans metrics. A word longer than the line stands on its own line.
 * @param text The text.
 * @param size Font size in px.
 * @param style Font face.
 * @param maxWidth Widest line, px.
 */
export function wrapText(text: string, size: number, style: LayoutFontStyle, maxWidth: number): MeasuredLine[] {
  // Breakable white space only: a no-break space (French `valide\u00a0?`) keeps its mark on the line.
  const clean = text.replace(/[\t\n\r ]+/g, ' ').trim();
  if (!clean) return [];
  const measure = (s: string) => measureText(s, size, style);
  const lines: MeasuredLine[] = [];
  const breaker = new LineBreaker(clean);
  let lineStart = 0;
  let lastFit = -1;
  let previous = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const candidate = clean.slice(lineStart, brk.position).trimEnd();
    if (measure(candidate) > maxWidth && lastFit > lineStart) {
      const line = clean.slice(lineStart, lastFit).trimEnd();
      lines.push({ text: line, width: measure(line) });
      lineStart = lastFit;
    }
    lastFit = brk.position;
    previous = brk.position;
    if (brk.required) {
      const line = clean.slice(lineStart, brk.position).trimEnd();
      if (line) lines.push({ text: line, width: measure(line) });
      lineStart = brk.position;
    }
  }
  if (lineStart < previous) {
    const line = clean.slice(lineStart).trimEnd();
    if (line) lines.push({ text: line, width: measure(line) });
  }
  return lines;
}
