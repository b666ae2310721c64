import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/handbook/blocks.ts';

type TableBlock = Extract<Block, { kind: 'table' }>;
import { run } from '../../../src/lib/handbook/inline.ts';
import { paginate } from '../../../src/lib/handbook/paginate.ts';
import { tableItems } from '../../../src/lib/handbook/table.ts';

// A register's comment of 5,000 characters made a table row taller than the page: drawn whole, it
// ran off the foot of the page, over the footer, and a third of the comment was lost from the
// consultation and dry-run reports. Such a row continues on the next page; shorter rows never split.
const cell = (text: string) => ({ inlines: [run(text)] });
const sentence = 'The printer jammed again and the clerk had to walk to the district office to print the certificate; it took most of the afternoon. ';
const table = (comment: string): TableBlock => ({
  kind: 'table',
  header: [[cell('Step'), cell('Remark'), cell('Case')]],
  rows: [[cell('6.2'), cell('Notice board locked'), cell('Two adults')], [cell('6.5'), cell(comment), cell('Two adults with all documents')], [cell('6.6'), cell('Done'), cell('A spouse under age')]],
  widths: [1, 3, 1.5],
});
const PAGE = { portrait: 700, landscape: 450 };

/** Each page's items, with their tops and heights. */
const laid = (t: TableBlock) => paginate(tableItems(t, 480), PAGE).map((p) => p.placed.map((x) => ({ top: x.top, height: x.item.height, lines: x.item.lines?.length ?? 0 })));

describe('a table row taller than a page', () => {
  it('continues on the next pages, every line of it within a page, none lost', () => {
    const long = sentence.repeat(40);
    const whole = tableItems(table(long), 480);
    const tallest = Math.max(...whole.map((i) => i.height));
    expect(tallest).toBeGreaterThan(PAGE.portrait);
    const pages = laid(table(long));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) for (const item of page) expect(item.top + item.height).toBeLessThanOrEqual(PAGE.portrait + 0.01);
    // The lines of the long row, all drawn: the header's one line, each row's lines, once.
    const lines = whole.reduce((n, i) => n + (i.lines?.length ?? 0), 0);
    expect(pages.flat().reduce((n, i) => n + i.lines, 0)).toBeGreaterThanOrEqual(lines);
  });

  it('a row that fits a page is never split: it moves to the next page whole', () => {
    const medium = sentence.repeat(12);
    const t: TableBlock = { ...table(medium), rows: Array.from({ length: 4 }, () => table(medium).rows[1]!) };
    const [header, row] = tableItems(t, 480);
    expect(row!.height).toBeLessThan(PAGE.portrait);
    expect(row!.height).toBeGreaterThan(PAGE.portrait / 3);
    const pages = laid(t);
    expect(pages.length).toBeGreaterThan(1);
    // Every item placed is the header (drawn again on each page) or a whole row.
    for (const page of pages) for (const item of page) expect([header!.height, row!.height]).toContain(item.height);
  });
});
