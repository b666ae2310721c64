import {
  appendBezierCurve,
  beginText,
  endText,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFOperatorNames as Op,
  rectangle,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fillRgb, fontAndSize, num, op, pushLines, showHex, strokeRgb, textMatrix } from '../../../src/lib/pdf/content-ops.ts';

// Numbers a layout produces: integers, negatives, long fractions, and ones JavaScript would print
// in exponent notation (which a content stream must never contain).
const numbers = [0, -0, 1, -1, 0.5, 12.345678901234567, -297.6377952755906, 841.8897637795277, 1e-7, -3.2e-9, 1.5e21, 2 ** 70, 1 / 3];

/** The bytes of a page's content stream, as pdf-lib will write them before compression. */
function contents(page: PDFPage): string {
  const stream = (page as unknown as { getContentStream(): { getUnencodedContents(): Uint8Array } }).getContentStream();
  return new TextDecoder().decode(stream.getUnencodedContents());
}

describe('content-stream lines', () => {
  it('formats every number the way pdf-lib does, without exponent notation', () => {
    for (const n of numbers) {
      const [expected] = pdfLibNumber(n);
      expect(num(n)).toBe(expected);
      expect(num(n)).not.toMatch(/e/);
    }
  });

  it('writes the same bytes into a content stream as pdf-lib operators', async () => {
    const doc = await PDFDocument.create();
    const [a, b] = [doc.addPage([595, 842]), doc.addPage([595, 842])];
    const font = PDFName.of('F1-0');
    const ops: PDFOperator[] = [beginText(), setFontAndSize(font, 9.5), setFillingRgbColor(0.1, 0.2, 1 / 3), setTextMatrix(1, 0, 0, 1, 56.7, 1e-7), showText(PDFHexString.of('0012003a')), endText()];
    ops.push(setStrokingRgbColor(0, 0.5, 1), rectangle(-1.5, 2 ** 70, 10, 20), appendBezierCurve(...(numbers.slice(4, 10) as [number, number, number, number, number, number])), setDashPattern([3, 1.5], 0));
    a.pushOperators(...ops);
    pushLines(b, [Op.BeginText, fontAndSize(font, 9.5), fillRgb(0.1, 0.2, 1 / 3), textMatrix(1, 0, 0, 1, 56.7, 1e-7), showHex('0012003a'), Op.EndText]);
    pushLines(b, [strokeRgb(0, 0.5, 1), op(Op.AppendRectangle, -1.5, 2 ** 70, 10, 20), op(Op.AppendBezierCurve, ...numbers.slice(4, 10)), op(Op.SetLineDashPattern, '[3 1.5]', 0)]);
    expect(contents(b)).toBe(contents(a));
    expect(contents(b)).not.toMatch(/\de[-+]?\d/);
  });

  it('adds nothing for no lines', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    pushLines(page, []);
    expect(contents(page)).toBe('');
  });
});

/** What pdf-lib writes for a number, read from the operator it makes. */
function pdfLibNumber(n: number): [string] {
  const text = setFillingRgbColor(n, 0, 0).toString();
  return [text.slice(0, text.indexOf(' '))];
}
