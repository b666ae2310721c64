import { numberToString, PDFOperator, PDFOperatorNames as Op, type PDFName, type PDFPage } from 'pdf-lib';

/**
 * Content-stream operators written as text. pdf-lib's operator helpers (`setTextMatrix`, …) make
 * a `PDFOperator` and a `PDFNumber` per argument, each formatted by `numberToString` (a string
 * split and a `parseInt` per number), then copied byte by byte when the page is saved: at library
 * scale a fifth of the PDF worker's time went there and to collecting the objects. The text is
 * the same bytes pdf-lib writes for the same operators, so the PDFs do not change.
 */

/** A number as pdf-lib writes it in a content stream (decimal, never exponent notation). */
export function num(n: number): string {
  const s = String(n);
  return s.includes('e') ? numberToString(n) : s;
}

/** One operator line: its operands then its name, separated by spaces. */
export function op(name: Op | string, ...operands: (number | string)[]): string {
  let line = '';
  for (const a of operands) line += `${typeof a === 'number' ? num(a) : a} `;
  return line + name;
}

/** `r g b rg`: the fill colour (0–1 channels). */
export function fillRgb(r: number, g: number, b: number): string {
  return `${num(r)} ${num(g)} ${num(b)} ${Op.NonStrokingColorRgb}`;
}

/** `r g b RG`: the stroke colour (0–1 channels). */
export function strokeRgb(r: number, g: number, b: number): string {
  return `${num(r)} ${num(g)} ${num(b)} ${Op.StrokingColorRgb}`;
}

/** `/Name size Tf`: the font resource and size. */
export function fontAndSize(name: PDFName, size: number): string {
  return `${name.toString()} ${num(size)} ${Op.SetFontAndSize}`;
}

/** `a b c d e f Tm`: the text matrix. */
export function textMatrix(a: number, b: number, c: number, d: number, e: number, f: number): string {
  return `${num(a)} ${num(b)} ${num(c)} ${num(d)} ${num(e)} ${num(f)} ${Op.SetTextMatrix}`;
}

/** `<hex> Tj`: shows glyph codes written as hex digits. */
export function showHex(hex: string): string {
  return `<${hex}> ${Op.ShowText}`;
}

/**
 * Appends operator lines to a page's content stream as one entry: a `PDFOperator` whose name is
 * the lines joined by newlines and which has no operands. The stream writes an operator as its
 * operands, its name and a newline, so the bytes are those the separate operators would give.
 */
export function pushLines(page: PDFPage, lines: readonly string[]): void {
  if (lines.length) page.pushOperators(PDFOperator.of(lines.join('\n') as Op));
}
