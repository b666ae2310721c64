import type { PDFImage } from 'pdf-lib';
import type { Block } from './blocks.ts';
import { direction, t } from '../../i18n/index.ts';
import { plain, run, type Inline } from './inline.ts';
import type { Frame, Item } from './items.ts';
import { tableItems } from './table.ts';
import { baselineIn, textItems } from './text-items.ts';
import { colors, tones, type, type Tone } from './theme.ts';

/** What laying out blocks needs to know about the page. */
export interface LayoutContext {
  /** Width of the text area on a portrait page. */
  width: number;
  /** Text-area size of a landscape page, for wide figures. */
  landscape: { width: number; height: number };
  /** Text-area height of a portrait page. */
  height: number;
  /** Images to embed before drawing (filled while laying out). */
  images: Map<Uint8Array, { format: 'png' | 'jpg'; image?: PDFImage }>;
  /**
   * Language of the document: of the words the engine adds (a figure's "(continued)"), and whose
   * direction a paragraph marked with another language's (`lang`) is compared with. English when absent.
   */
  lang?: string;
}

const headingSpace = [0, 18, 13, 10, 8];

function heading(block: Extract<Block, { kind: 'heading' }>, width: number): Item[] {
  const size = type.heading[block.level] ?? type.body;
  const numbered: Inline[] = block.number ? [run(`${block.number}  `, 'bold', { color: colors.accent }), ...block.inlines] : block.inlines;
  const inlines = numbered.map((i) => ({ ...i, style: i.style === 'italic' ? ('boldItalic' as const) : ('bold' as const) }));
  const items = textItems(inlines, { width, size, leading: 1.25, keepAll: true, color: block.level === 1 ? colors.accent : colors.text });
  const title = `${block.number ? `${block.number} ` : ''}${plain(block.inlines)}`;
  items.forEach((it) => (it.keepWithNext = true));
  const first = items[0];
  if (first) {
    first.spaceBefore = headingSpace[block.level] ?? 8;
    first.pageBreakBefore = block.pageBreakBefore;
    if (block.anchor) {
      first.anchor = block.anchor;
      first.heading = { anchor: block.anchor, level: block.level, title, toc: block.toc ?? block.level <= 2 };
    }
  }
  const last = items.at(-1);
  if (last && block.level === 1) {
    const draw = last.draw;
    last.height += 3;
    last.draw = (w, x, top) => {
      draw?.(w, x, top);
      w.line(x, top + last.height - 1, x + width, top + last.height - 1, colors.rule, 0.6);
    };
  }
  return items;
}

function list(block: Extract<Block, { kind: 'list' }>, ctx: LayoutContext, width: number): Item[] {
  const indent = block.checkboxes ? 18 : block.ordered ? 18 : 14;
  const out: Item[] = [];
  block.items.forEach((children, i) => {
    const items = layoutBlocks(children, ctx, width - indent);
    const first = items.find((it) => it.draw);
    if (first) {
      const draw = first.draw!;
      const size = type.body;
      const lineHeight = size * type.leading;
      first.draw = (w, x, top) => {
        const baseline = baselineIn(top, lineHeight, size);
        if (block.checkboxes) w.rect(x - indent + 1, baseline - 8, 8.5, 8.5, { stroke: colors.text, lineWidth: 0.8 });
        else {
          const marker = block.ordered ? `${(block.start ?? 1) + i}.` : '•';
          const mw = w.fonts.width(marker, size, 'regular');
          w.text([{ text: marker, style: 'regular', size, color: colors.text }], x - 5 - mw, baseline);
        }
        draw(w, x, top);
      };
    }
    items.forEach((it, k) => {
      it.indent = (it.indent ?? 0) + indent;
      if (k === 0) it.spaceBefore = i === 0 ? type.paragraphGap : 3;
    });
    out.push(...items);
  });
  return out;
}

function box(block: Extract<Block, { kind: 'box' }>, ctx: LayoutContext, width: number): Item[] {
  const inner = width - 22;
  const t = tones[block.tone];
  const frame: Frame = {
    padTop: 7,
    padBottom: 7,
    draw(w, x, top, height) {
      w.rect(x - 12, top, width, height, { fill: t.fill });
      w.rect(x - 12, top, 3, height, { fill: t.bar });
    },
  };
  const head: Item[] = [];
  if (block.label) head.push(...textItems([run(block.label.toUpperCase(), 'bold', { color: t.bar })], { width: inner, size: type.small, keepAll: true }));
  if (block.title) head.push(...textItems(block.title.map((i) => ({ ...i, style: 'bold' as const })), { width: inner, size: type.body + 0.5, keepAll: true, color: t.bar }));
  head.forEach((it) => (it.keepWithNext = true));
  const body = layoutBlocks(block.children, ctx, inner);
  if (body[0] && head.length) body[0].spaceBefore = 3;
  else if (body[0]) body[0].spaceBefore = 0;
  const items = [...head, ...body].map((it) => ({ ...it, indent: (it.indent ?? 0) + 12, frames: [frame, ...(it.frames ?? [])] }));
  if (items[0]) items[0].spaceBefore = type.paragraphGap + 4;
  return items;
}

/**
 * A code block (a command to type): left to right and on the left in every document. In a
 * right-to-left one it was aligned right, its wrapped second line ending at the right margin as if
 * it began there (the Arabic trainer's guide's `sopkit report` command).
 */
function code(block: Extract<Block, { kind: 'code' }>, width: number, lang: string): Item[] {
  const t = tones.code;
  const frame: Frame = { padTop: 5, padBottom: 5, draw: (w, x, top, height) => w.rect(x - 6, top, width, height, { fill: t.fill }) };
  // `right` is the left on a mirrored page, as for a paragraph in a language of the other direction.
  const ltr = direction(lang) === 'rtl' ? ({ align: 'right', dir: 'ltr' } as const) : {};
  const items = block.text.split('\n').flatMap((line) => textItems([run(line || ' ')], { width: width - 12, size: type.small + 0.5, leading: 1.3, minLines: 1, ...ltr }));
  const out = items.map((it) => ({ ...it, indent: (it.indent ?? 0) + 6, frames: [frame] }));
  if (out[0]) out[0].spaceBefore = type.paragraphGap;
  return out;
}

/** Smallest scale at which diagram text stays readable on paper (15 px titles print at about 6 pt). */
const READABLE = 0.55;

/**
 * A figure scaled to the text width; one that would print too small goes on landscape pages, and
 * one taller than a page is cut into slices, one per page: the first captioned "(continued on the
 * next page)", the others "(continued)".
 */
function figure(block: Extract<Block, { kind: 'figure' }>, ctx: LayoutContext, width: number): Item[] {
  const { figure: fig } = block;
  const captionSize = type.small + 0.5;
  const portrait = Math.min(1, width / fig.width);
  const wide = Math.min(1, ctx.landscape.width / fig.width);
  const fitsOnePortrait = fig.height * portrait <= ctx.height - 40;
  const landscape = portrait < READABLE && wide > portrait * 1.15 && !(fitsOnePortrait && portrait >= READABLE);
  const area = landscape ? ctx.landscape.width : width;
  const pageHeight = landscape ? ctx.landscape.height : ctx.height;
  const captionItems = (suffix: string) => textItems([...block.caption, ...(suffix ? [run(suffix)] : [])], { width: area, size: captionSize, color: colors.muted, align: 'center' });
  const captionHeight = captionItems(' (1/2)').reduce((h, it) => h + it.height, 0) + 6;
  let scale = landscape ? wide : portrait;
  // One page is enough when shrinking a little keeps the text readable.
  const onePage = (pageHeight - captionHeight - 10) / fig.height;
  if (fig.height * scale > pageHeight - captionHeight - 10 && onePage >= Math.min(scale, READABLE)) scale = onePage;
  const figWidth = fig.width * scale;
  const total = fig.height * scale;
  // A figure on one page has its caption alone; cut into slices, the first says it goes on
  // ("continued on the next page") and every later one that it is the rest ("continued"). The
  // first slice said "(continued)" and the last nothing: a reader took the first page for the end.
  const captionFor = (first: boolean, last: boolean) => captionItems(first && last ? '' : ` (${t(first ? 'handbook.continuesNext' : 'handbook.continued', ctx.lang ?? 'en')})`);
  const heightOf = (items: Item[]) => items.reduce((sum, it) => sum + it.height, 0);
  // Room kept for the caption under a slice that is not the last, and under the last one.
  const continued = Math.max(heightOf(captionFor(true, false)), heightOf(captionFor(false, false)));
  const closing = heightOf(captionFor(false, true));
  /** Where a slice from `start` ends when its cut may be at most `limit`: a gap the figure offers, or the limit. */
  const cutBelow = (start: number, limit: number) => {
    const natural = fig.cutAt ? fig.cutAt(limit / scale) * scale : limit;
    return natural > start + 40 ? natural : limit;
  };
  /** Pages the figure from `start` takes, each a whole page, each cut as low as it can be. */
  const pagesFrom = (start: number): number => {
    let pages = 1;
    for (let at = start; total - at + 6 + closing > pageHeight + 0.01; pages++) {
      const next = cutBelow(at, at + pageHeight - 6 - continued);
      if (next <= at + 0.01) break;
      at = next;
    }
    return pages;
  };
  /** The figure from `start` to `end` (scaled points) with its caption; the paginator may cut it again. */
  const slice = (start: number, end: number): Item => {
    const last = end >= total - 0.01;
    const caption = captionFor(start === 0, last);
    const h = end - start;
    return {
      height: h + 6 + heightOf(caption),
      landscape,
      anchor: start === 0 ? block.anchor : undefined,
      spaceBefore: start === 0 ? type.paragraphGap + 4 : 0,
      split(room) {
        const limit = start + room - 6 - continued;
        if (limit - start < 60 || limit >= end) return undefined;
        // On landscape pages, which the figure has to itself, the lowest cut left what the last
        // page got to chance (two boxes alone on a landscape page): the pages it needs share the
        // figure instead, each cut near an equal part of it, when that takes no more pages. (A
        // portrait figure's last page goes on with the text.)
        let cut = cutBelow(start, limit);
        if (landscape) {
          const pages = 1 + pagesFrom(cut);
          const even = cutBelow(start, start + (end - start) / pages + 10);
          if (even < cut && even - start >= 60 && 1 + pagesFrom(even) <= pages) cut = even;
        }
        return [slice(start, cut), slice(cut, end)];
      },
      draw(w, x, top) {
        const fx = x + (area - figWidth) / 2;
        w.clipped(fx - 2, top, figWidth + 4, h, () => fig.draw(w, fx, top - start, scale, start > 0 || !last ? { from: start / scale, to: end / scale } : undefined));
        // A dashed rule where the figure is cut: under a slice that goes on, over one that goes on from the page before.
        if (!last) w.line(fx, top + h, fx + figWidth, top + h, colors.rule, 0.5, [2, 2]);
        if (start > 0) w.line(fx, top, fx + figWidth, top, colors.rule, 0.5, [2, 2]);
        let y = top + h + 6;
        for (const c of caption) {
          c.draw?.(w, x, y);
          y += c.height;
        }
      },
    };
  };
  return [slice(0, total)];
}

function image(block: Extract<Block, { kind: 'image' }>, ctx: LayoutContext, width: number): Item[] {
  ctx.images.set(block.bytes, { format: block.format });
  const scale = Math.min(1, width / block.width, (ctx.height * 0.8) / block.height);
  const [w0, h0] = [block.width * scale, block.height * scale];
  return [
    {
      height: h0,
      spaceBefore: type.paragraphGap,
      draw(w, x, top) {
        const embedded = ctx.images.get(block.bytes)?.image;
        if (embedded) w.image(embedded, x + (width - w0) / 2, top, w0, h0);
      },
    },
  ];
}

/**
 * Lays out blocks into items for the paginator.
 * @param blocks The blocks, in reading order.
 * @param ctx Page sizes and the image registry.
 * @param width Width available (the text width, less any indent).
 */
export function layoutBlocks(blocks: readonly Block[], ctx: LayoutContext, width: number = ctx.width): Item[] {
  const out: Item[] = [];
  let mark: string | undefined;
  for (const block of blocks) {
    const start = out.length;
    switch (block.kind) {
      case 'mark':
        mark = block.label;
        continue;
      case 'heading':
        out.push(...heading(block, width));
        break;
      case 'paragraph': {
        // A paragraph in a language of the other direction (English in an Arabic document): its own
        // base direction for the bidi levels, and its own start side (`right` is mirrored to the left).
        const own = block.dir ?? (block.lang !== undefined ? direction(block.lang) : undefined);
        const other = own !== undefined && own !== direction(ctx.lang ?? 'en');
        const indent = block.indent ?? 0;
        const items = textItems(block.inlines, { width: width - indent, size: block.size, align: other ? 'right' : block.align, ...(other ? { dir: own } : {}) });
        if (items[0]) {
          items[0].spaceBefore = block.spaceBefore ?? type.paragraphGap;
          if (block.keepWithNext) items.forEach((it) => (it.keepWithNext = true));
        }
        if (indent) items.forEach((it) => (it.indent = (it.indent ?? 0) + indent));
        out.push(...items);
        break;
      }
      case 'list': {
        const indent = block.indent ?? 0;
        const items = list(block, ctx, width - indent);
        if (indent) items.forEach((it) => (it.indent = (it.indent ?? 0) + indent));
        out.push(...items);
        break;
      }
      case 'table':
        out.push(...tableItems(block, width));
        break;
      case 'box':
        out.push(...box(block, ctx, width));
        break;
      case 'code':
        out.push(...code(block, width, ctx.lang ?? 'en'));
        break;
      case 'figure':
        out.push(...figure(block, ctx, width));
        break;
      case 'image':
        out.push(...image(block, ctx, width));
        break;
      case 'rule':
        out.push({ height: 8, spaceBefore: 4, draw: (w, x, top) => w.line(x, top + 4, x + width, top + 4, colors.rule, 0.6) });
        break;
      case 'space':
        out.push({ height: block.height });
        break;
      case 'anchor':
        out.push({ height: 0, anchor: block.name, keepWithNext: true });
        break;
      case 'custom':
        out.push({ height: block.heightAt?.(width) ?? block.height, keepWithNext: block.keepWithNext, spaceBefore: block.spaceBefore, pageBreakBefore: block.pageBreakBefore, draw: (w, x, top) => block.draw(w, x, top, width) });
        break;
    }
    // A paragraph marker goes beside the first thing the block prints.
    const first = mark ? out.slice(start).find((it) => it.draw) : undefined;
    if (first && mark) {
      noteOn(first, mark);
      mark = undefined;
    }
  }
  return out;
}

/** Puts a margin note on an item and, when the paginator cuts it (a tall figure), on its first part. */
function noteOn(item: Item, note: string): void {
  item.marginNote = note;
  const split = item.split;
  if (!split) return;
  item.split = (room) => {
    const parts = split(room);
    if (parts) noteOn(parts[0], note);
    return parts;
  };
}
