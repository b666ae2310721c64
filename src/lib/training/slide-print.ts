import type { RootContent } from 'mdast';
import { t } from '../../i18n/index.ts';
import type { Block } from '../handbook/blocks.ts';
import { run, type Inline } from '../handbook/inline.ts';
import type { Item } from '../handbook/items.ts';
import { layoutBlocks, type LayoutContext } from '../handbook/layout.ts';
import { paginate } from '../handbook/paginate.ts';
import { textItems } from '../handbook/text-items.ts';
import { colors } from '../handbook/theme.ts';
import type { PageWriter, Rgb } from '../pdf/writer.ts';
import { deckFooter, type Deck, type DeckSlide } from './deck.ts';

/**
 * A printed slide is laid out once on a 16:9 canvas of this size (points), where body text is the
 * handbook's 10 pt, then drawn scaled to the box it gets: a whole landscape page (about ×1.9), a
 * handout row (about ×0.65) or above its speaker notes.
 */
export const slideCanvas = { width: 400, height: 225 } as const;

const pad = { x: 22, top: 18, bottom: 24 };
const tones: Record<DeckSlide['kind'], { fill: Rgb; title: Rgb; text: Rgb; footer: Rgb }> = {
  title: { fill: [0.06, 0.37, 0.4], title: colors.white, text: colors.white, footer: colors.white },
  session: { fill: [0.89, 0.945, 0.95], title: [0.06, 0.37, 0.4], text: [0.06, 0.37, 0.4], footer: colors.muted },
  slide: { fill: colors.white, title: [0.06, 0.37, 0.4], text: colors.text, footer: colors.muted },
};

/** A slide ready to draw at any width. */
export interface PrintedSlide {
  slide: DeckSlide;
  /** Draws the slide with its start corner at (x, top) (top-left in layout coordinates), `width` wide and 9/16 of that high. */
  draw(w: PageWriter, x: number, top: number, width: number): void;
}

/** The children of a `<Slide>` that are shown (not its `<SpeakerNotes>`). */
export function slideContent(slide: Extract<DeckSlide, { kind: 'slide' }>): RootContent[] {
  return (slide.slide.node.children as RootContent[]).filter((c) => !(c.type === 'mdxJsxFlowElement' && c.name === 'SpeakerNotes'));
}

/** The children of a `<Slide>`'s `<SpeakerNotes>` (all of them, when it has several). */
export function slideNotes(slide: Extract<DeckSlide, { kind: 'slide' }>): RootContent[] {
  return (slide.slide.node.children as RootContent[]).flatMap((c) => (c.type === 'mdxJsxFlowElement' && c.name === 'SpeakerNotes' ? (c.children as RootContent[]) : []));
}

/** Items stacked as the paginator places them (frames included), on one tall page. */
function stack(items: readonly Item[]): { height: number; draw(w: PageWriter, x: number, top: number): void } {
  const pages = paginate(items, { portrait: 1e6, landscape: 1e6 });
  let height = 0;
  const offsets = pages.map((p) => {
    const at = height;
    height += Math.max(0, ...p.placed.map((x) => x.top + x.item.height), ...p.frames.map((f) => f.bottom));
    return at;
  });
  return {
    height,
    draw(w, x, top) {
      pages.forEach((p, i) => {
        const y = top + offsets[i]!;
        for (const f of p.frames) f.frame.draw(w, x + f.indent, y + f.top, f.bottom - f.top);
        for (const { item, top: at } of p.placed) item.draw?.(w, x + (item.indent ?? 0), y + at);
      });
    },
  };
}

/**
 * The body laid out to fit `room` points of height, and the scale it is drawn at. A body too long
 * is drawn smaller; text is then laid out wider by the same factor, so that once scaled it still
 * fills the slide's width and, with fewer lines, needs less shrinking (laid out at the slide's width
 * and scaled, a long list took half the slide's width at half the size). A body of figures only
 * keeps its width and is scaled whole (a diagram drawn wider only grows taller).
 */
function fitBody(blocks: readonly Block[], ctx: LayoutContext, inner: number, room: number): { content: ReturnType<typeof stack>; fit: number; width: number } {
  const at = (width: number) => stack(layoutBlocks(blocks, ctx, width));
  const narrow = at(inner);
  if (narrow.height <= room) return { content: narrow, fit: 1, width: inner };
  const shrink = { content: narrow, fit: room / narrow.height, width: inner };
  if (blocks.every((b) => b.kind === 'figure')) return shrink;
  // Climb towards the largest scale that fits: laid out `inner / scale` wide, text is at most as
  // tall as at the slide's width, so it fits at the scale it was shrunk to; each step tries the
  // scale at which the last fitting layout would just fill the room (a narrower layout, perhaps
  // more lines). Two or three layouts, where a search to the last hundredth took a dozen: the
  // sample pack's PDFs took 3 to 5 CPU s more with that search.
  // (A figure among the text may grow with the width: every layout is checked against the room.)
  // When that step overshoots (narrower, the text wraps into more lines than it saves), the scale
  // is sought between the last that fitted and the one that did not: stopping there left a slide
  // of ten long points at 8 pt with a third of its body empty.
  let best = shrink;
  const wide = at(inner / shrink.fit);
  if (wide.height * shrink.fit <= room) best = { content: wide, fit: shrink.fit, width: inner / shrink.fit };
  let fails = Infinity; // the smallest scale known not to fit
  for (let step = 0; step < 6 && best.content !== narrow; step++) {
    const hoped = Math.min(1, room / best.content.height);
    const scale = hoped < fails ? hoped : (best.fit + fails) / 2;
    if (scale <= best.fit + 0.005) break;
    const content = at(inner / scale);
    if (content.height * scale <= room) best = { content, fit: scale, width: inner / scale };
    else fails = scale;
  }
  return best;
}

/** The smallest size a slide's title is drawn at to fit its share of the slide. */
const MIN_TITLE = 9;

/**
 * A slide's title in bold, at `size` or smaller, so that it takes at most `share` of the slide's
 * height: a 300-character module title ran off the bottom of the title slide, over its footer.
 */
const heading = (inlines: Inline[], size: number, color: Rgb, width: number, share: number): Item[] => {
  const room = (slideCanvas.height - pad.top - pad.bottom) * share;
  const at = (pt: number) => textItems(inlines.map((i) => ({ ...i, style: 'bold' as const })), { width, size: pt, leading: 1.2, color, keepAll: true });
  let items = at(size);
  for (let pt = size - 1; pt >= MIN_TITLE && stack(items).height > room; pt--) items = at(pt);
  return items;
};

/**
 * A deck slide for print: the same title, body, colours and footer as on screen. The body is the
 * slide's Markdown and components through the handbook's print renderers (a `<Workflow>` is the
 * diagram from the shared layout model); a body too long for the slide is drawn smaller to fit.
 * @param deck The deck (for the footer).
 * @param slide The slide.
 * @param body The blocks of an author's slide (`toBlocks(slideContent(slide))`); [] for the others.
 * @param ctx A layout context whose images the document embeds (see `slideLayoutContext`).
 */
export function printedSlide(deck: Deck, slide: DeckSlide, body: Block[], ctx: LayoutContext): PrintedSlide {
  const { lang, organisation, code, title, summary, duration } = { ...deck.module };
  const tone = tones[slide.kind];
  const inner = slideCanvas.width - 2 * pad.x;
  const head: Item[] = [];
  let blocks: Block[] = body;
  if (slide.kind === 'title') {
    head.push(...textItems([run(organisation.toUpperCase(), 'bold')], { width: inner, size: 7.5, color: tone.text }), { height: 6 }, ...heading([run(`${code} · ${title}`)], 18, tone.title, inner, 0.5));
    blocks = [
      { kind: 'paragraph', inlines: [run(summary, 'regular', { color: tone.text })], size: 9.5 },
      { kind: 'paragraph', inlines: [run(t('slides.duration', lang, { duration }), 'regular', { color: tone.text })], spaceBefore: 8 },
    ];
  } else if (slide.kind === 'session') {
    head.push(...textItems([run(t('training.session', lang, { n: slide.session.n }).toUpperCase(), 'bold')], { width: inner, size: 7.5, color: tone.text }), { height: 4 }, ...heading([run(slide.title)], 20, tone.title, inner, 0.5));
    blocks = [{ kind: 'paragraph', inlines: [run(slide.meta, 'regular', { color: tone.text })], size: 11, spaceBefore: 8 }];
  } else head.push(...heading([run(slide.title)], 16, tone.title, inner, 0.35));
  const top = stack(head);
  const room = slideCanvas.height - pad.top - pad.bottom - top.height - 8;
  const { content, fit, width: laidOut } = fitBody(blocks, ctx, inner, room);
  const centred = slide.kind !== 'slide';
  const start = centred ? Math.max(pad.top, (slideCanvas.height - pad.bottom - top.height - 8 - content.height * fit) / 2) : pad.top;
  const footer = deckFooter(deck, slide);

  const canvas = (w: PageWriter) => {
    w.rect(0, 0, slideCanvas.width, slideCanvas.height, { fill: tone.fill, stroke: colors.rule, lineWidth: 0.5 });
    top.draw(w, pad.x, start);
    // A diagram shrunk to fit stays centred; shrunk text stays on the reading edge.
    const indent = fit < 1 && blocks.every((b) => b.kind === 'figure') ? (inner * (1 - fit)) / 2 : 0;
    if (fit < 1) w.scaled(pad.x + indent, start + top.height + 8, laidOut, fit, (s) => content.draw(s, 0, 0));
    else content.draw(w, pad.x, start + top.height + 8);
    const baseline = slideCanvas.height - 11;
    w.text([{ text: footer.source, style: 'regular', size: 6, color: tone.footer }], pad.x, baseline);
    if (footer.number) {
      const nw = w.fonts.width(footer.number, 6.5, 'bold');
      w.text([{ text: footer.number, style: 'bold', size: 6.5, color: tone.footer }], slideCanvas.width - pad.x - nw, baseline);
    }
  };
  return {
    slide,
    draw: (w, x, y, width) => w.scaled(x, y, slideCanvas.width, width / slideCanvas.width, canvas),
  };
}

/** The layout context of printed slides: the canvas is both page shapes, so a figure never asks for a landscape page. */
export function slideLayoutContext(): LayoutContext {
  const inner = { width: slideCanvas.width - 2 * pad.x, height: slideCanvas.height - pad.top - pad.bottom };
  return { ...inner, landscape: inner, images: new Map() };
}
