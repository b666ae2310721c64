import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/handbook/blocks.ts';
import { run } from '../../../src/lib/handbook/inline.ts';
import type { Item } from '../../../src/lib/handbook/items.ts';
import { layoutBlocks, type LayoutContext } from '../../../src/lib/handbook/layout.ts';
import { paginate } from '../../../src/lib/handbook/paginate.ts';
import { tableItems } from '../../../src/lib/handbook/table.ts';
import type { PageWriter } from '../../../src/lib/pdf/writer.ts';
import { textItems } from '../../../src/lib/handbook/text-items.ts';

const line = (extra: Partial<Item> = {}): Item => ({ height: 10, ...extra });
const heights = { portrait: 100, landscape: 60 };
const ctx: LayoutContext = { width: 400, height: 300, landscape: { width: 600, height: 200 }, images: new Map() };

describe('paginate', () => {
  it('fills pages and drops the space before an item at the top of a page', () => {
    const items = Array.from({ length: 25 }, () => line({ spaceBefore: 5 }));
    const pages = paginate(items, heights);
    expect(pages.map((p) => p.placed.length)).toEqual([7, 7, 7, 4]);
    for (const p of pages) expect(p.placed[0]!.top).toBe(0);
  });

  it('keeps a heading with what follows (keep-with-next moves the chain to the next page)', () => {
    const items = [...Array.from({ length: 9 }, () => line()), line({ keepWithNext: true, heading: { anchor: 'h', level: 1, title: 'H', toc: true } }), line(), line()];
    const pages = paginate(items, heights);
    const headingPage = pages.findIndex((p) => p.placed.some((x) => x.item.heading));
    expect(headingPage).toBe(1);
    expect(pages[1]!.placed[0]!.item.heading).toBeDefined();
  });

  it('counts the padding under a box a heading follows, so the heading never stays alone at the foot', () => {
    // A case-study box (padding 7 pt above and below) ends the page's text at 67 pt; the heading
    // and the two rows it is kept with take 30 pt, and with the box's bottom padding 37, 104 in all: too much.
    const frame = { padTop: 7, padBottom: 7, draw: () => {} };
    const boxed = Array.from({ length: 5 }, () => line({ frames: [frame] }));
    const heading = line({ keepWithNext: true, heading: { anchor: 'h', level: 2, title: 'H', toc: true } });
    const rows = [line({ keepWithNext: true }), line()];
    const pages = paginate([line(), ...boxed, heading, ...rows], heights);
    expect(pages[0]!.placed.some((p) => p.item.heading)).toBe(false);
    expect(pages[1]!.placed.map((p) => p.item)).toEqual([heading, ...rows]);
    // With room for the padding, all stays on the first page.
    const roomy = paginate([...boxed, heading, ...rows], heights);
    expect(roomy.length).toBe(1);
  });

  it('leaves no widow or orphan: at least two lines of a paragraph on each side of a break', () => {
    for (let before = 0; before < 10; before++) {
      const filler = Array.from({ length: before }, () => line());
      const para = textItems([run('word '.repeat(120).trim())], { width: 150 }).map((it) => ({ ...it, height: 10 }));
      const pages = paginate([...filler, ...para], heights);
      for (const page of pages) {
        const count = page.placed.filter((p) => para.includes(p.item)).length;
        if (count > 0) expect(count).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('breaks a keep chain taller than a page instead of looping', () => {
    const items = Array.from({ length: 30 }, () => line({ keepWithNext: true }));
    const pages = paginate(items, heights);
    expect(pages.reduce((n, p) => n + p.placed.length, 0)).toBe(30);
  });

  it('gives a landscape item a page of its own', () => {
    const pages = paginate([line(), line({ landscape: true, height: 50 }), line()], heights);
    expect(pages.map((p) => p.landscape)).toEqual([false, true, false]);
  });

  it('takes a heading just above a landscape figure to the figure\'s page, never leaving it alone', () => {
    const heading = line({ keepWithNext: true, heading: { anchor: 'h', level: 2, title: 'H', toc: true } });
    const pages = paginate([line(), line(), heading, line({ landscape: true, height: 40 }), line()], heights);
    expect(pages.map((p) => p.landscape)).toEqual([false, true, false]);
    expect(pages[0]!.placed.some((p) => p.item.heading)).toBe(false);
    expect(pages[1]!.placed.map((p) => (p.item.heading ? 'heading' : p.item.landscape ? 'figure' : 'line'))).toEqual(['heading', 'figure']);
    expect(pages[1]!.placed[1]!.top).toBe(10);
    // A heading alone on its page: that page becomes the figure's.
    const alone = paginate([heading, line({ landscape: true, height: 40 })], heights);
    expect(alone.map((p) => [p.landscape, p.placed.length])).toEqual([[true, 2]]);
    // A figure that fits a page exactly is not cut to make room for the heading.
    const full = paginate([line(), heading, line({ landscape: true, height: 60, split: () => [line({ height: 30, landscape: true }), line({ height: 30, landscape: true })] })], heights);
    expect(full.map((p) => p.landscape)).toEqual([false, true]);
    expect(full[1]!.placed).toHaveLength(1);
  });

  it('forces a page break before an item that asks for one', () => {
    const pages = paginate([line(), line({ pageBreakBefore: true })], heights);
    expect(pages).toHaveLength(2);
  });

  it('takes a line or two left alone before a forced break back onto its page by closing up the space between items', () => {
    // Eight lines with 5 points above each: seven fill a page, the eighth went alone to a page the
    // next session's break then closed (a module's last bullet of a session, on a page of its own).
    const run8 = () => Array.from({ length: 8 }, () => line({ spaceBefore: 5 }));
    const next = line({ pageBreakBefore: true });
    const pages = paginate([...run8(), next], heights);
    expect(pages.map((p) => p.placed.length)).toEqual([8, 1]);
    const tops = pages[0]!.placed.map((p) => p.top);
    expect(tops.at(-1)! + 10).toBeLessThanOrEqual(100);
    expect(tops[1]! - 10).toBeGreaterThan(2); // closed up, not removed
    // At the document's end, or with more than a few lines over, the page stays as it was.
    expect(paginate(run8(), heights).map((p) => p.placed.length)).toEqual([7, 1]);
    const long = Array.from({ length: 14 }, () => line({ spaceBefore: 5 }));
    expect(paginate([...long, next], heights).map((p) => p.placed.length)).toEqual([7, 7, 1]);
  });

  it('takes back a heading and a few bullets too (up to about six lines)', () => {
    // Twenty lines fill a 400-point page; the four left over (70 points) were a page of their own.
    const lines = Array.from({ length: 24 }, () => line({ spaceBefore: 10 }));
    const pages = paginate([...lines, line({ pageBreakBefore: true })], { portrait: 400, landscape: 300 });
    expect(pages.map((p) => p.placed.length)).toEqual([24, 1]);
  });
});

describe('tables across pages', () => {
  const table = (rows: number): Extract<Block, { kind: 'table' }> => ({
    kind: 'table',
    header: [[{ inlines: [run('record')] }, { inlines: [run('how long')] }]],
    rows: Array.from({ length: rows }, (_, i) => [{ inlines: [run(`Register volume ${i}`)] }, { inlines: [run('Permanently')] }]),
  });

  it('repeats the header row at the top of every page the table continues on', () => {
    const items = tableItems(table(40), 400);
    const pages = paginate(items, { portrait: 200, landscape: 100 });
    expect(pages.length).toBeGreaterThan(2);
    const header = items[0]!;
    for (const page of pages) {
      const first = page.placed[0]!.item;
      expect(first === header || first.height === header.height && first.draw === header.draw).toBe(true);
    }
    const rows = pages.flatMap((p) => p.placed.filter((x) => x.item.repeat));
    expect(rows).toHaveLength(40);
  });

  it('keeps the header with the first row', () => {
    const filler = Array.from({ length: 17 }, () => line());
    const pages = paginate([...filler, ...tableItems(table(3), 400)], { portrait: 200, landscape: 100 });
    const lastOfFirst = pages[0]!.placed.at(-1)!.item;
    expect(lastOfFirst.keepWithNext).toBeFalsy();
  });

  it('sizes columns to the available width', () => {
    const items = tableItems(table(2), 333);
    expect(items.length).toBe(3);
  });

  it('frames every body row alike, the first one too', () => {
    // The first body row was outlined at the header's 0.6 pt, the others at 0.4: a heavier box
    // around one row under the header, in every table of every PDF.
    const frames: number[] = [];
    const w = {
      rect: (_x: number, _y: number, _w: number, _h: number, o: { stroke?: unknown; lineWidth?: number }) => void (o.stroke && frames.push(o.lineWidth ?? 0)),
      line: () => {},
      text: () => 0,
      needsBidi: () => false,
    } as unknown as PageWriter;
    const items = tableItems(table(3), 400);
    for (const item of items) {
      const before = frames.length;
      item.draw!(w, 0, 0);
      expect(frames.length).toBe(before + 1);
    }
    expect(frames).toEqual([0.6, 0.4, 0.4, 0.4]);
  });
});

describe('callouts across pages', () => {
  it('draws the callout box on every page it reaches', () => {
    const blocks: Block[] = [{ kind: 'box', tone: 'warning', label: 'Warning', children: [{ kind: 'paragraph', inlines: [run('A long warning. '.repeat(200))] }] }];
    const pages = paginate(layoutBlocks(blocks, ctx), { portrait: 300, landscape: 200 });
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(p.frames).toHaveLength(1);
      const f = p.frames[0]!;
      expect(f.bottom).toBeGreaterThan(f.top);
    }
  });

  it('keeps the box where it opened when the page after a break starts with a list item', () => {
    const frame = { padTop: 4, padBottom: 4, draw: () => {} };
    // A box of a paragraph then a long list: the list's items are indented, the box is not.
    const items = [line({ frames: [frame] }), ...Array.from({ length: 20 }, () => line({ frames: [frame], indent: 18 }))];
    const pages = paginate(items, heights);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.frames.map((f) => f.indent)).toEqual([0]);
  });
});

describe('figures', () => {
  const figure = (width: number, height: number, cuts: number[] = []): Block => ({
    kind: 'figure',
    caption: [run('Figure 1 – A workflow')],
    figure: { width, height, draw: () => {}, cutAt: cuts.length ? (limit) => Math.max(...cuts.filter((c) => c <= limit), limit * 0.6) : undefined },
  });

  it('keeps a figure that fits on one portrait page', () => {
    const items = layoutBlocks([figure(300, 200)], ctx);
    expect(items).toHaveLength(1);
    expect(items[0]!.landscape).toBe(false);
  });

  it('turns a wide figure whose text would be too small onto a landscape page', () => {
    const items = layoutBlocks([figure(1000, 150)], ctx);
    expect(items.every((i) => i.landscape)).toBe(true);
  });

  it('shares a figure cut over landscape pages out evenly, leaving no page with a sliver of it', () => {
    // 0.6 × 700 = 420 points over landscape pages of 200: cut as low as each page allowed, the third
    // page had about 50 points of the figure (two boxes alone on a landscape page).
    const items = [line(), ...layoutBlocks([figure(1000, 700)], ctx)];
    const pages = paginate(items, { portrait: ctx.height, landscape: ctx.landscape.height });
    const slices = pages.filter((p) => p.landscape).map((p) => p.placed.reduce((h, x) => h + x.item.height, 0));
    expect(slices).toHaveLength(3);
    expect(Math.min(...slices) / Math.max(...slices)).toBeGreaterThan(0.7);
  });

  it('cuts a tall figure over pages, starting in the room left on the current page, at the cut points it offers', () => {
    const cuts = [240, 480, 700];
    const items = [...Array.from({ length: 10 }, () => line()), ...layoutBlocks([figure(400, 1000, cuts)], ctx)];
    const pages = paginate(items, { portrait: ctx.height, landscape: ctx.landscape.height });
    expect(pages.length).toBeGreaterThan(3);
    // The first slice shares the first page with the lines before it.
    expect(pages[0]!.placed.length).toBe(11);
    for (const page of pages) for (const p of page.placed) expect(p.top + p.item.height).toBeLessThanOrEqual(ctx.height + 0.01);
  });
});
