import type { Frame, Item } from './items.ts';

/** An item placed on a page, its top measured from the top of the text area. */
export interface Placed {
  item: Item;
  top: number;
}

/** A frame's extent on one page. */
export interface PlacedFrame {
  frame: Frame;
  top: number;
  bottom: number;
  indent: number;
}

/** One page of laid-out items. */
export interface LaidPage {
  landscape: boolean;
  placed: Placed[];
  frames: PlacedFrame[];
}

/** Heights of the text area on portrait and landscape pages. */
export interface PageHeights {
  portrait: number;
  landscape: number;
}

class PageBuilder {
  readonly pages: LaidPage[] = [];
  page!: LaidPage;
  cursor = 0;
  /** Frames open on the current page, outermost first, with where they opened. */
  open: { frame: Frame; top: number; indent: number }[] = [];
  /** Each frame's indent where it first opened: a box continued on the next page keeps it. */
  private readonly indents = new Map<Frame, number>();

  constructor(private readonly heights: PageHeights) {
    this.newPage(false);
  }

  get height(): number {
    return this.page.landscape ? this.heights.landscape : this.heights.portrait;
  }

  get empty(): boolean {
    return this.page.placed.length === 0;
  }

  newPage(landscape: boolean): void {
    if (this.page) this.closeFrames(0, true);
    this.page = { landscape, placed: [], frames: [] };
    this.pages.push(this.page);
    this.cursor = 0;
  }

  /** Closes open frames from depth `keep` on; at a page end the box stops at the last item. */
  closeFrames(keep: number, pageEnd = false): void {
    while (this.open.length > keep) {
      const f = this.open.pop()!;
      if (!pageEnd) this.cursor += f.frame.padBottom;
      this.page.frames.unshift({ frame: f.frame, top: f.top, bottom: this.cursor + (pageEnd ? f.frame.padBottom : 0), indent: f.indent });
    }
  }

  /** Opens the item's frames not yet open, closing those it is not in. */
  enterFrames(item: Item): void {
    const frames = item.frames ?? [];
    let common = 0;
    while (common < this.open.length && common < frames.length && this.open[common]!.frame === frames[common]) common++;
    this.closeFrames(common);
    for (const frame of frames.slice(common)) {
      if (!this.indents.has(frame)) this.indents.set(frame, item.indent ?? 0);
      this.open.push({ frame, top: this.cursor, indent: this.indents.get(frame)! });
      this.cursor += frame.padTop;
    }
  }

  place(item: Item): void {
    if (!this.empty) this.cursor += item.spaceBefore ?? 0;
    this.enterFrames(item);
    this.page.placed.push({ item, top: this.cursor });
    this.cursor += item.height;
  }
}

/**
 * Height an item takes after the cursor, with the frame padding it opens and, below the item
 * before it, the padding of the frames it closes (a heading after a case-study box: without it a
 * heading and its table were measured 7 pt short, so the heading stayed alone at a page's foot).
 */
function cost(item: Item, atTop: boolean, prev: Item | undefined): number {
  let h = item.height + (atTop ? 0 : (item.spaceBefore ?? 0));
  for (const f of item.frames ?? []) if (!prev?.frames?.includes(f) || atTop) h += f.padTop;
  if (!atTop) for (const f of prev?.frames ?? []) if (!item.frames?.includes(f)) h += f.padBottom;
  return h;
}

/** Least room worth starting a split figure in, in points. */
const MIN_SPLIT = 140;

/** The items kept together from `i`: the chain linked by keepWithNext. */
function chainEnd(items: readonly Item[], i: number): number {
  let j = i;
  while (j < items.length - 1 && items[j]!.keepWithNext && !items[j + 1]!.pageBreakBefore && !items[j + 1]!.landscape) j++;
  return j;
}

/** Most a page left with the end of a run before a forced break may hold to be taken back: about six lines. */
const SHORT_TAIL = 90;
/** Shares of the space between items tried, in order, to bring such a tail back onto the page before it. */
const TIGHTER = [0.85, 0.7, 0.55];

/**
 * Distributes items over pages: greedy, never breaking inside a keep-with-next chain unless the
 * chain is taller than a page, dropping space at the top of a page, repeating table headers, and
 * giving wide figures a landscape page of their own. A page holding only the last line or two of
 * a run that a forced break ends (a session's last bullet before the next session's page) is
 * taken back onto the page before it by closing up the space between that page's items, when
 * that is enough: otherwise a page of its own printed a single line.
 * @param items Items in reading order.
 * @param heights Text-area heights of portrait and landscape pages.
 */
export function paginate(items: readonly Item[], heights: PageHeights): LaidPage[] {
  let current = items;
  let laid = paginateGreedy(current, heights);
  for (let i = 1; i < laid.pages.length; i++) {
    const [before, tail, next] = [laid.pages[i - 1]!, laid.pages[i]!, laid.pages[i + 1]];
    // Only a page the run overflowed onto, which a forced break (not the document's end) closes.
    const forced = next !== undefined && (next.landscape || next.placed[0]?.item.pageBreakBefore === true);
    if (!forced || tail.landscape || before.landscape || tail.placed[0]?.item.pageBreakBefore || pageBottom(tail) > SHORT_TAIL) continue;
    const from = laid.spans.get(before);
    const to = laid.spans.get(tail);
    if (!from || !to) continue;
    for (const share of TIGHTER) {
      const tighter = current.map((it, k) => (k > from.first && k <= to.last && it.spaceBefore ? { ...it, spaceBefore: it.spaceBefore * share } : it));
      const again = paginateGreedy(tighter, heights);
      if (again.pages.length === laid.pages.length - 1 && again.spans.get(again.pages[i - 1]!)?.last === to.last) {
        [current, laid] = [tighter, again];
        break;
      }
    }
  }
  return laid.pages;
}

/** Bottom of the lowest thing on a page, from the top of the text area. */
function pageBottom(page: LaidPage): number {
  return Math.max(0, ...page.placed.map((p) => p.top + p.item.height), ...page.frames.map((f) => f.bottom));
}

/** Pages, and the first and last of the given items each page holds (by index). */
interface Laid {
  pages: LaidPage[];
  spans: Map<LaidPage, { first: number; last: number }>;
}

function paginateGreedy(items: readonly Item[], heights: PageHeights): Laid {
  const b = new PageBuilder(heights);
  const spans = new Map<LaidPage, { first: number; last: number }>();
  const mark = (i: number) => {
    const span = spans.get(b.page);
    if (span) span.last = i;
    else spans.set(b.page, { first: i, last: i });
  };
  let prev: Item | undefined;
  const queue = [...items];
  for (let i = 0; i < queue.length; i++) {
    let item = queue[i]!;
    if (item.landscape) {
      // What is kept with the figure (a heading just above it) goes with it to its landscape page,
      // unless that would cut a figure that fits one page.
      const tail = b.page.placed;
      let k = tail.length;
      if (!b.page.landscape) while (k > 0 && tail[k - 1]!.item.keepWithNext) k--;
      let carried = tail.slice(k).map((p) => p.item);
      const carriedHeight = carried.reduce((h, it, n) => h + it.height + (n ? (it.spaceBefore ?? 0) : 0), 0);
      const fitsOnePage = item.height <= heights.landscape + 0.01;
      if (fitsOnePage && item.height + carriedHeight > heights.landscape + 0.01) carried = [];
      tail.splice(tail.length - carried.length);
      if (!tail.length) b.cursor = 0;
      if (!b.empty) b.newPage(true);
      else b.page.landscape = true;
      for (const c of carried) b.place(c);
      while (item.split && item.height > b.height - b.cursor + 0.01) {
        const parts = item.split(b.height - b.cursor);
        if (!parts) break;
        b.place(parts[0]);
        b.newPage(true);
        item = parts[1];
      }
      b.place(item);
      mark(i);
      prev = undefined;
      if (i < queue.length - 1) b.newPage(false);
      continue;
    }
    if (item.pageBreakBefore && !b.empty) b.newPage(false);
    // A splittable item (a long figure) fills the rest of the page, then continues.
    while (item.split && item.height > b.height - b.cursor - (b.empty ? 0 : (item.spaceBefore ?? 0)) + 0.01) {
      const room = b.height - b.cursor - (b.empty ? 0 : (item.spaceBefore ?? 0));
      const parts = room >= MIN_SPLIT || b.empty ? item.split(room) : undefined;
      if (!parts) {
        if (b.empty) break;
        b.newPage(false);
        continue;
      }
      b.place(parts[0]);
      mark(i);
      b.newPage(false);
      item = parts[1];
    }
    queue[i] = item;
    const end = chainEnd(queue, i);
    let need = 0;
    for (let k = i; k <= end; k++) need += cost(queue[k]!, b.empty && k === i, k === i ? prev : queue[k - 1]);
    const fitsEmptyPage = need - (item.spaceBefore ?? 0) <= b.height;
    if (b.cursor + need > b.height + 0.01 && !b.empty && (fitsEmptyPage || b.cursor + cost(item, false, prev) > b.height + 0.01)) {
      b.newPage(false);
      if (item.repeat?.length) for (const r of item.repeat) b.place({ ...r, frames: item.frames, indent: item.indent });
    }
    b.place(item);
    mark(i);
    prev = item;
  }
  b.closeFrames(0);
  return { pages: b.pages.filter((p, i) => p.placed.length || i === 0), spans };
}

