import type { Block, Cell } from './blocks.ts';
import { withStyle } from './inline.ts';
import type { Item } from './items.ts';
import { breakLines, measureWords, type Line } from './lines.ts';
import { baselineIn, drawLine, textItems } from './text-items.ts';
import { colors, type } from './theme.ts';

type TableBlock = Extract<Block, { kind: 'table' }>;

const PAD_X = 4;
const PAD_Y = 3;
/**
 * A `compact` table's vertical padding (pt) and leading: a job aid's 26 steps at 8 pt lost a
 * third of a page to the 3 pt above and below every row and 1.3 leading.
 */
const COMPACT_PAD_Y = 1.5;
const COMPACT_LEADING = 1.18;

/**
 * The height of a cell written in by pen, rule to rule (pt): 8 mm, a handwritten line with its
 * capitals and descenders (the booklets' name fields are 22 pt, the handouts' ruled lines 21 pt
 * apart). A worksheet's blank cells were one 9 pt text line high, 5 mm.
 */
export const WRITE_ROW_HEIGHT = (8 / 25.4) * 72;

/**
 * The least width of a column written in by pen (pt): 28 mm, a ten-letter word in handwriting
 * (about 2.8 mm a letter), such as "supervisor" or "foundling", the length of most one-word
 * answers. Sized by their header alone, a worksheet's "Days" column was 9 mm wide.
 */
export const WRITE_COLUMN_WIDTH = 80;

/** A cell with nothing in it but white space (a component that prints something is content). */
export function blankCell(cell: Cell | undefined): boolean {
  return !cell || (!cell.box && cell.inlines.every((i) => !i.text.trim()));
}

/**
 * Whether a table's body is an exercise's grid to fill in: some column is blank in every body row
 * (and something is printed in the body), the rule by which the site shows its blanks as lines to
 * write on (`fill-in`, rehype-tables.ts). A blank here and there in a column that has content is
 * a "nothing here" (a case with no time limit), and leaves the table as it was.
 * @param rows The body rows.
 */
export function isWorksheet(rows: readonly Cell[][]): boolean {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  if (!rows.length || rows.every((r) => r.every(blankCell))) return false;
  return Array.from({ length: cols }, (_, c) => c).some((c) => rows.every((r) => blankCell(r[c])));
}

/**
 * The columns of a worksheet that are written in: those blank in at least half their body rows
 * (M2's "Category" has "Last day:" in two rows of twelve). A column with a blank or two among
 * its values (no declaration date for a returned file) keeps its content's width.
 */
function writeColumns(table: TableBlock, cols: number): boolean[] {
  if (!table.worksheet) return new Array<boolean>(cols).fill(false);
  return Array.from({ length: cols }, (_, c) => table.rows.filter((r) => blankCell(r[c])).length * 2 >= table.rows.length);
}

/** Widest word and whole single-line width of a cell, for column sizing. */
function cellWidths(cell: Cell, size: number, bold: boolean): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const inline of cell.inlines) {
    const style = bold ? withStyle(inline.style, 'bold') : inline.style;
    max += measureWords(inline.text, size, style);
    // Split where a line may break: not at a no-break space (French `Date\u00a0:` is one word).
    for (const word of inline.text.split(/[\t\n\r ]+/)) min = Math.max(min, measureWords(word, size, style));
  }
  return { min: min + 2 * PAD_X, max: max + 2 * PAD_X };
}

/**
 * Given widths, with room for the longest word of each header cell (bold, with the cell's
 * padding) taken from the widest column: a translated header ("Formulaires", "الانحراف المعياري")
 * in a column sized for the English word would otherwise break inside the word. The widths as
 * given when every header word fits (so a table whose headers fit prints the same bytes).
 * @param pts Widths in points.
 * @param header The first header row.
 * @param size Font size.
 */
function fitHeaderWords(pts: number[], header: Cell[], size: number): number[] {
  const need = pts.map((_, c) => (header[c] ? cellWidths(header[c], size, true).min + 1 : 0));
  if (need.every((n, c) => n <= pts[c]!)) return pts;
  const widest = pts.indexOf(Math.max(...pts));
  const grown = pts.map((p, c) => (c === widest ? p : Math.max(p, need[c]!)));
  grown[widest] = pts.reduce((a, b) => a + b, 0) - grown.reduce((a, b, c) => (c === widest ? a : a + b), 0);
  return grown;
}

/**
 * Column widths as browsers size auto tables: natural widths when they fit, otherwise the
 * minimum (longest word) plus a share of the rest in proportion to what each column wants.
 * @param table The table.
 * @param width Width available, in points.
 */
export function columnWidths(table: TableBlock, width: number): number[] {
  const size = table.size ?? type.table;
  const cols = Math.max(...[...table.header, ...table.rows].map((r) => r.length), 1);
  if (table.widths) {
    const total = table.widths.reduce((a, b) => a + b, 0);
    return fitHeaderWords(table.widths.map((f) => (f / total) * width), table.header[0] ?? [], size);
  }
  const min = new Array<number>(cols).fill(2 * PAD_X + 12);
  const max = new Array<number>(cols).fill(2 * PAD_X + 12);
  const measureRow = (row: Cell[], bold: boolean) =>
    row.forEach((cell, c) => {
      const m = cellWidths(cell, size, bold);
      min[c] = Math.max(min[c]!, m.min);
      max[c] = Math.max(max[c]!, m.max);
    });
  table.header.forEach((r) => measureRow(r, true));
  table.rows.forEach((r) => measureRow(r, false));
  // A column written in takes at least a handwritten word; it wants no more than that (or its
  // header), so the printed values beside it keep their lines (a "Days" column wider than that
  // wrapped every date of the "Declared" column onto two lines).
  const write = writeColumns(table, cols);
  write.forEach((w, c) => {
    if (!w) return;
    min[c] = Math.max(min[c]!, WRITE_COLUMN_WIDTH);
    max[c] = Math.max(max[c]!, WRITE_COLUMN_WIDTH);
  });
  if (write.some(Boolean)) return worksheetWidths(table, write, min, size, width);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= width) return max.map((m) => (m / sumMax) * width);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMin >= width) return min.map((m) => (m / sumMin) * width);
  const extra = width - sumMin;
  const wants = max.map((m, c) => m - min[c]!);
  const sumWants = wants.reduce((a, b) => a + b, 0) || 1;
  return min.map((m, c) => m + (wants[c]! / sumWants) * extra);
}

/**
 * A worksheet's columns: each printed column as wide as nine values in ten need on one line (no
 * narrower than its longest word: an odd long value such as "letter received 12 Sep 2025" wraps
 * to a second line rather than take the room of the answers), and the rest shared equally by the
 * columns written in, each at least a handwritten word. Shared in proportion to their headers, a
 * long header ("Category (on time, late, delayed, foundling)") took 52 mm for one-word answers and
 * left M2's "Who decides (role)" 30 mm, its header crammed on two lines.
 */
function worksheetWidths(table: TableBlock, write: boolean[], min: number[], size: number, width: number): number[] {
  const printed = write.map((w, c) => {
    if (w) return 0;
    const natural = table.rows.filter((r) => !blankCell(r[c])).map((r) => cellWidths(r[c]!, size, false).max).sort((a, b) => a - b);
    // Nine values in ten, and any within a little of them (a date a letter wider than the rest).
    const p90 = natural[Math.max(0, Math.ceil(natural.length * 0.9) - 1)] ?? 0;
    return Math.max(min[c]!, ...natural.filter((n) => n <= p90 * 1.15));
  });
  // The answers get two fifths of the width at least: M3's case descriptions, a line each on the
  // whole page, left its "Where next, and why" 28 mm; they wrap onto a second line instead.
  const most = width * 0.6;
  const sumPrinted = printed.reduce((a, b) => a + b, 0);
  // The printed columns' floor: each at its longest word.
  const sumPrintedMin = write.reduce((a, w, c) => a + (w ? 0 : min[c]!), 0);
  if (sumPrinted > most && sumPrintedMin < most) {
    const k = (most - sumPrintedMin) / (sumPrinted - sumPrintedMin);
    printed.forEach((p, c) => {
      if (!write[c]) printed[c] = min[c]! + (p - min[c]!) * k;
    });
  }
  const writers = write.filter(Boolean).length;
  const room = width - printed.reduce((a, b) => a + b, 0);
  const share = room / writers;
  // The answers' room first: printed columns give way (down to their longest word) until each
  // written column has its handwritten word.
  if (write.every((w, c) => !w || share >= min[c]!)) return write.map((w, c) => (w ? share : printed[c]!));
  const need = write.reduce((a, w, c) => a + (w ? min[c]! : 0), 0);
  const give = Math.max(0, width - need - sumPrintedMin);
  const wants = printed.map((p, c) => (write[c] ? 0 : p - min[c]!));
  const sumWants = wants.reduce((a, b) => a + b, 0) || 1;
  const widths = write.map((w, c) => (w ? min[c]! : min[c]! + (wants[c]! / sumWants) * give));
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / total) * width);
}

/**
 * Column widths that make a table shortest: from the browsers' sizing (`columnWidths`), room is
 * moved a few points at a time from one column to another while the rows get lower, no column
 * narrower than its longest word. For a table that must hold a page (a job aid): sized as
 * browsers size it, the death registration's job aid wrapped its checks onto a second page with
 * room to spare in its step and time-limit columns.
 * @param table The table (its `widths` are not used).
 * @param width Width available, in points.
 */
export function shortestWidths(table: TableBlock, width: number): number[] {
  const size = table.size ?? type.table;
  const lineHeight = size * (table.compact ? COMPACT_LEADING : type.tableLeading);
  const padY = table.compact ? COMPACT_PAD_Y : PAD_Y;
  const auto = { ...table, widths: undefined };
  let widths = columnWidths(auto, width);
  const floor = widths.map((_, c) => Math.max(2 * PAD_X + 12, ...[...table.header, ...table.rows].map((r) => (r[c] ? cellWidths(r[c]!, size, table.header.includes(r)).min : 0))));
  const height = (ws: number[]) =>
    table.header.reduce((h, r) => h + layoutRow(r, ws, size, true, padY, lineHeight).height, 0) + table.rows.reduce((h, r) => h + layoutRow(r, ws, size, false, padY, lineHeight).height, 0);
  let best = height(widths);
  for (const step of [12, 6, 3]) {
    for (let moved = true; moved; ) {
      moved = false;
      for (let from = 0; from < widths.length; from++) {
        for (let to = 0; to < widths.length; to++) {
          if (from === to || widths[from]! - step < floor[from]!) continue;
          const tried = widths.map((w, c) => (c === from ? w - step : c === to ? w + step : w));
          const h = height(tried);
          if (h < best - 0.01) {
            best = h;
            widths = tried;
            moved = true;
          }
        }
      }
    }
  }
  return widths;
}

interface RowLayout {
  cells: { lines: Line[]; height: number; box?: number | undefined }[];
  height: number;
}

function layoutRow(row: Cell[], widths: number[], size: number, bold: boolean, padY: number, lineHeight: number): RowLayout {
  const cells = widths.map((w, c) => {
    const cell = row[c];
    const inlines = (cell?.inlines ?? []).map((i) => (bold ? { ...i, style: withStyle(i.style, 'bold') } : i));
    const lines = breakLines(inlines, w - 2 * PAD_X, size);
    return { lines, box: cell?.box, height: Math.max(lines.length * lineHeight, cell?.minHeight ?? 0, cell?.box ?? 0) };
  });
  return { cells, height: Math.max(lineHeight, ...cells.map((c) => c.height)) + 2 * padY };
}

/** A body row taller than this (points) may continue on the next page; shorter rows never split. */
const TALL_ROW = 320;

/**
 * Lays out a table as one item per row: rows never split (but one taller than `TALL_ROW`), the header row is kept with the first
 * body row and drawn again at the top of every page the table continues on.
 * @param table The table block.
 * @param width Width available, in points.
 */
export function tableItems(table: TableBlock, width: number): Item[] {
  const size = table.size ?? type.table;
  const lineHeight = size * (table.compact ? COMPACT_LEADING : type.tableLeading);
  const padY = table.compact ? COMPACT_PAD_Y : PAD_Y;
  const widths = table.shortest ? shortestWidths(table, width) : columnWidths(table, width);
  const align = table.align ?? [];
  const drawn = (laid: RowLayout, header: boolean): Item => {
    const count = Math.max(1, ...laid.cells.map((c) => c.lines.length));
    const item: Item = {
      height: laid.height,
      lines: Array.from({ length: count }, (_, li) => baselineIn(padY + li * lineHeight, lineHeight, size)),
      draw(w, x, top) {
        if (header) w.rect(x, top, width, laid.height, { fill: colors.headerFill });
        let cx = x;
        laid.cells.forEach((cell, c) => {
          const cw = widths[c]!;
          cell.lines.forEach((line, li) => {
            const a = align[c];
            const off = a === 'right' ? cw - 2 * PAD_X - line.width : a === 'center' ? (cw - 2 * PAD_X - line.width) / 2 : 0;
            drawLine(w, line, cx + PAD_X + off, top + padY + li * lineHeight, size, lineHeight);
          });
          if (cell.box) w.rect(cx + PAD_X, top + padY, cell.box, cell.box, { stroke: colors.text, lineWidth: 0.8 });
          if (c > 0) w.line(cx, top, cx, top + laid.height, colors.rule, 0.4);
          cx += cw;
        });
        // Header rows framed a little heavier, every body row alike (the first body row was heavier
        // too, a box of its own under the header).
        w.rect(x, top, width, laid.height, { stroke: colors.rule, lineWidth: header ? 0.6 : 0.4 });
      },
    };
    // A row taller than a page (a comment of 5,000 characters in a register) ran off the foot of
    // the page, over its footer, and its last lines were lost. Such a row, and only such a row,
    // continues on the next page: each cell's lines that fit, then the rest.
    if (!header && laid.height > TALL_ROW) {
      item.split = (room) => {
        const fit = Math.floor((room - 2 * padY) / lineHeight);
        if (fit < 1 || fit >= count) return undefined;
        const part = (from: number, to: number): RowLayout => {
          const cells = laid.cells.map((c) => {
            const lines = c.lines.slice(from, to);
            return { lines, height: lines.length * lineHeight, ...(from === 0 && c.box ? { box: c.box } : {}) };
          });
          return { cells, height: Math.max(lineHeight, ...cells.map((c) => c.height)) + 2 * padY };
        };
        // The rest starts the next page: the table's caption and header again above it.
        return [drawn(part(0, fit), false), { ...drawn(part(fit, count), false), repeat }];
      };
    }
    return item;
  };
  const rowItem = (row: Cell[], header: boolean): Item => drawn(layoutRow(row, widths, size, header, padY, lineHeight), header);
  const header = table.header.map((r) => ({ ...rowItem(r, true), keepWithNext: true }));
  const caption = table.caption ? textItems(table.caption, { width, size: type.small + 0.5, keepAll: true, color: colors.muted }).map((it) => ({ ...it, keepWithNext: true })) : [];
  // A page the table goes on to starts with its caption and its header again: the trainer's guide
  // carried day 2's last session alone to the top of a page, under day 3's heading, with nothing
  // to say it was day 2's.
  const repeat = [...caption, ...header];
  // A worksheet's blank cells are a handwriting line high, the row's padding included.
  const body = table.worksheet ? table.rows.map((r) => r.map((cell) => (blankCell(cell) ? { ...cell, minHeight: Math.max(cell.minHeight ?? 0, WRITE_ROW_HEIGHT - 2 * PAD_Y) } : cell))) : table.rows;
  const rows = body.map((r, i) => ({ ...rowItem(r, false), repeat, keepWithNext: table.keepTogether && i < table.rows.length - 1 }));
  const items = [...caption, ...header, ...rows];
  if (items[0]) items[0] = { ...items[0], spaceBefore: type.paragraphGap + 2 };
  return items;
}
