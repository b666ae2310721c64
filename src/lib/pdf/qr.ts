import QRCode from 'qrcode';
import type { PageWriter, Rgb } from './writer.ts';

/**
 * Draws a QR code (error correction M) as filled squares, one path for the whole code, with the
 * four-module quiet zone inside `size`.
 * @param w Page writer.
 * @param text What the code encodes (the page URL).
 * @param x Left edge of the code with its quiet zone.
 * @param top Top edge.
 * @param size Width and height, quiet zone included, in points.
 */
export function drawQr(w: PageWriter, text: string, x: number, top: number, size: number, color: Rgb = [0, 0, 0]): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / (n + 8);
  const rects: [number, number, number, number][] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      // A right-to-left page mirrors what it draws: the columns are mirrored here too, so the code
      // moves to the mirrored place but reads the right way round.
      const c = w.mirrored ? n - 1 - col : col;
      // Slightly larger squares so that neighbours overlap: no hairline gaps when rasterised.
      if (modules.get(row, col)) rects.push([x + (c + 4) * cell, top + (row + 4) * cell, cell + 0.05, cell + 0.05]);
    }
  }
  w.rect(x, top, size, size, { fill: [1, 1, 1] });
  w.fillRects(rects, color);
}
