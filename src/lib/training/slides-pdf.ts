import { colon, t } from '../../i18n/index.ts';
import type { Project } from '../content/project.ts';
import type { Block } from '../handbook/blocks.ts';
import { layoutContext, renderParts, type DocInfo, type Part } from '../handbook/document.ts';
import type { Edition } from '../handbook/editions.ts';
import { toBlocks } from '../handbook/from-mdast.ts';
import { run } from '../handbook/inline.ts';
import type { Item } from '../handbook/items.ts';
import { layoutBlocks, type LayoutContext } from '../handbook/layout.ts';
import { paginate, type LaidPage } from '../handbook/paginate.ts';
import { printContext } from '../handbook/sop-body.ts';
import { stampPage, type StampInfo } from '../handbook/stamps.ts';
import { colors, type Paper } from '../handbook/theme.ts';
import type { PrintContext } from '../handbook/print-context.ts';
import { deckOf, type Deck } from './deck.ts';
import { HANDOUT_SLIDES_PER_PAGE, handoutRow } from './handout-row.ts';
import { usableModule } from './module-pdf.ts';
import { moduleAsDoc, moduleWorkflowPrints } from './module-prints.ts';
import { printedSlide, slideContent, slideLayoutContext, slideNotes, type PrintedSlide } from './slide-print.ts';
import { slideFileNames } from './slide-files.ts';

/** A module's deck with every slide ready to print, and what the documents share. */
interface SlidePrintSet {
  deck: Deck;
  slides: PrintedSlide[];
  /** Layout context of the slides (holds their images, embedded by the document). */
  slideCtx: LayoutContext;
  notesCtx: PrintContext;
  stamp(title: string, edition?: Edition): StampInfo;
  info(title: string): DocInfo;
}

async function prepare(project: Project, id: string): Promise<SlidePrintSet> {
  const m = usableModule(project, id);
  const deck = deckOf(project, m);
  const workflows = await moduleWorkflowPrints(project, m);
  const context = (edition: Edition) => {
    const ctx = printContext(moduleAsDoc(m), { project, edition, inPdf: new Set(), workflows, terms: new Set(), figures: { n: 0 } });
    ctx.lang = m.data.language;
    return ctx;
  };
  const shown = context('participant');
  const slideCtx = slideLayoutContext();
  const slides = deck.slides.map((s) => printedSlide(deck, s, s.kind === 'slide' ? toBlocks(slideContent(s), shown) : [], slideCtx));
  const d = m.data;
  return {
    deck,
    slides,
    slideCtx,
    notesCtx: context('trainer'),
    stamp: (title, edition) => ({ code: d.code, title: `${title}${colon(d.language)} ${d.title}`, version: d.version, status: d.status, edition, lang: d.language }),
    info: (title) => ({ title: `${d.code} ${d.title}${colon(d.language)} ${title}`, author: project.site?.organisation ?? '', subject: d.summary, language: d.language, keywords: [d.code, d.id, `v${d.version}`, d.status] }),
  };
}

/** The layout context of a document that draws slides: the page's sizes, the slides' images. */
function withSlideImages(paper: Paper, set: SlidePrintSet): LayoutContext {
  return { ...layoutContext(paper, set.info('').language), images: set.slideCtx.images };
}

/**
 * The slides PDF: one landscape page per slide of the deck (title, session dividers, slides),
 * the slide as large as the page allows, a bookmark per session and slide.
 */
function slidesDocument(set: SlidePrintSet, paper: Paper): Promise<Uint8Array> {
  const pages: LaidPage[] = set.slides.map((p) => {
    const s = p.slide;
    const item: Item = {
      height: 0,
      anchor: s.anchor,
      heading: s.kind === 'title' ? undefined : { anchor: s.anchor, level: s.kind === 'session' ? 1 : 2, title: `${s.number} ${s.title}`, toc: false },
      draw(w) {
        const margin = 24;
        const width = Math.min(w.width - 2 * margin, ((w.height - 2 * margin) * 16) / 9);
        p.draw(w, (w.width - width) / 2, (w.height - (width * 9) / 16) / 2, width);
      },
    };
    return { landscape: true, placed: [{ item, top: 0 }], frames: [] };
  });
  const title = t('slides.slides.title', set.deck.module.lang);
  return renderParts([{ pages, numbering: 'decimal' }], paper, set.info(title), withSlideImages(paper, set));
}

/** The handouts PDF: three slides a page, each beside ruled lines for notes; no speaker notes. */
function handoutsDocument(set: SlidePrintSet, paper: Paper): Promise<Uint8Array> {
  const lang = set.deck.module.lang;
  const ctx = withSlideImages(paper, set);
  const rowHeight = ctx.height / HANDOUT_SLIDES_PER_PAGE - 0.01;
  const label = t('slides.handouts.notes', lang);
  const blocks: Block[] = set.slides
    .filter((p) => p.slide.kind === 'slide')
    .map((p) => ({
      kind: 'custom',
      height: rowHeight,
      spaceBefore: 0,
      draw(w, x, top, width) {
        const row = handoutRow(width, rowHeight);
        p.draw(w, x + row.slide.x, top + row.slide.top, row.slide.width);
        w.text([{ text: label, style: 'bold', size: 8, color: colors.muted }], x + row.label.x, top + row.label.baseline);
        for (const l of row.lines) w.line(x + l.x1, top + l.y, x + l.x2, top + l.y, colors.rule, 0.5);
      },
    }));
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const title = t('slides.handouts.title', lang);
  const stamp = set.stamp(title, 'participant');
  return renderParts([{ pages, numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) }], paper, set.info(title), ctx);
}

/** The speaker-notes PDF (trainer edition): each slide small, its notes below; a session starts a page. */
function speakerNotesDocument(set: SlidePrintSet, paper: Paper): Promise<Uint8Array> {
  const lang = set.deck.module.lang;
  const ctx = withSlideImages(paper, set);
  const blocks: Block[] = [];
  for (const p of set.slides) {
    const s = p.slide;
    if (s.kind === 'title') continue;
    if (s.kind === 'session') {
      blocks.push({ kind: 'heading', level: 1, number: s.number, inlines: [run(s.title)], anchor: s.anchor, toc: false, pageBreakBefore: blocks.length > 0 });
      blocks.push({ kind: 'paragraph', inlines: [run(s.meta, 'italic', { color: colors.muted })] });
      continue;
    }
    const width = Math.round(ctx.width * 0.5);
    blocks.push({ kind: 'heading', level: 3, number: s.number, inlines: [run(s.title)], anchor: s.anchor, toc: false });
    blocks.push({ kind: 'custom', height: (width * 9) / 16 + 6, spaceBefore: 4, keepWithNext: true, draw: (w, x, top) => p.draw(w, x, top, width) });
    const notes = toBlocks(slideNotes(s), set.notesCtx);
    blocks.push(...(notes.length ? notes : [{ kind: 'paragraph', inlines: [run(t('slides.speakerNotes.none', lang), 'italic', { color: colors.muted })] } satisfies Block]));
    blocks.push({ kind: 'rule' });
  }
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const title = t('slides.speakerNotes.title', lang);
  const stamp = set.stamp(title, 'trainer');
  const parts: Part[] = [{ pages, numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) }];
  return renderParts(parts, paper, set.info(title), ctx);
}

/**
 * The slide prints of a module, for the editions asked: the slides PDF and the handouts PDF
 * (with any edition), the speaker-notes PDF (trainer edition only: a participant build never
 * writes it). File names from `slideFileNames`.
 * @param project The loaded project.
 * @param id Module id.
 * @param editions Editions being written.
 * @param paper Paper size.
 * @param shared Whether to make the slides and handouts, the same in every edition (false: only
 *   what the trainer edition adds, the speaker notes).
 */
export async function renderSlidePrints(project: Project, id: string, editions: readonly Edition[], paper: Paper, shared = true): Promise<{ file: string; bytes: Uint8Array }[]> {
  if (!editions.length) return [];
  if (!shared && !editions.includes('trainer')) return [];
  const set = await prepare(project, id);
  const out = shared
    ? [
        { file: slideFileNames.slides(id), bytes: await slidesDocument(set, paper) },
        { file: slideFileNames.handouts(id), bytes: await handoutsDocument(set, paper) },
      ]
    : [];
  if (editions.includes('trainer')) out.push({ file: slideFileNames.speakerNotes(id), bytes: await speakerNotesDocument(set, paper) });
  return out;
}
