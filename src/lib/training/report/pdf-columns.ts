import type { Block } from '../../handbook/blocks.ts';
import { measureWords } from '../../handbook/lines.ts';
import { type as typeSizes } from '../../handbook/theme.ts';

/**
 * Column widths that leave room for the longest word of each header (bold, plus the cell's
 * padding), taken from the widest column: "الانحراف المعياري" in a column sized for "SD" would
 * otherwise be cut inside its words. The given widths when every header fits.
 * @param widths Relative widths.
 * @param head Header texts.
 * @param total Width of the table (points).
 * @param size Font size.
 */
export function fitHeaders(widths: number[], head: string[], total: number, size: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const pts = widths.map((w) => (w / sum) * total);
  const need = head.map((h) => Math.max(0, ...h.split(/\s+/).map((word) => measureWords(word, size, 'bold'))) + 2 * 4 + 1);
  if (need.every((n, i) => n <= pts[i]!)) return widths;
  const widest = pts.indexOf(Math.max(...pts));
  const grown = pts.map((p, i) => (i === widest ? p : Math.max(p, need[i]!)));
  grown[widest] = total - grown.reduce((a, b, i) => (i === widest ? a : a + b), 0);
  return grown;
}

/**
 * The blocks with every table's widths fitted to its header words (`fitHeaders`), so the longer
 * words of another language never break inside a word.
 * @param blocks The report's blocks.
 * @param width Width of the text area (points).
 */
export function fitTables(blocks: readonly Block[], width: number): Block[] {
  return blocks.map((b) => {
    if (b.kind !== 'table' || !b.widths || !b.header[0]) return b;
    const head = b.header[0].map((c) => c.inlines.map((i) => i.text).join(''));
    return { ...b, widths: fitHeaders(b.widths, head, width, b.size ?? typeSizes.table) };
  });
}
