import { createRequire } from 'node:module';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useNativeDeflate } from '../../../src/lib/pdf/deflate.ts';

const pako = createRequire(createRequire(import.meta.url).resolve('pdf-lib'))('pako') as { deflate(data: Uint8Array, options?: unknown): Uint8Array };
const text = new TextEncoder().encode('BT /F1 12 Tf 72 712 Td (Register the birth within [period] days.) Tj ET\n'.repeat(200));

describe('useNativeDeflate', () => {
  it("points the pako pdf-lib loads at Node's zlib, and the streams still inflate to what was written", () => {
    useNativeDeflate();
    useNativeDeflate();
    const out = pako.deflate(text);
    expect(Buffer.from(out).equals(deflateSync(text))).toBe(true);
    expect(Buffer.from(inflateSync(out)).equals(Buffer.from(text))).toBe(true);
    // A call with options (pdf-lib makes none) keeps pako's own code.
    const level1 = pako.deflate(text, { level: 1 });
    expect(Buffer.from(inflateSync(level1)).equals(Buffer.from(text))).toBe(true);
  });

  it('gives pdf-lib FlateDecode content streams that decode to the page operators', async () => {
    useNativeDeflate();
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage();
    page.drawText('Birth registration', { font: await doc.embedFont(StandardFonts.Helvetica), size: 12, x: 72, y: 700 });
    const loaded = await PDFDocument.load(await doc.save());
    const contents = loaded.getPage(0).node.Contents();
    const stream = loaded.context.lookup(contents && 'asArray' in contents ? contents.asArray()[0] : contents);
    expect(stream).toBeInstanceOf(PDFRawStream);
    const raw = stream as PDFRawStream;
    expect(String(raw.dict.get(PDFName.of('Filter')))).toBe('/FlateDecode');
    // "Birth registration" in hex, as pdf-lib writes a standard font's text.
    expect(inflateSync(raw.contents).toString('latin1')).toMatch(/\/Helvetica-\d+ 12 Tf[\s\S]*<426972746820726567697374726174696F6E> Tj/);
  });
});
