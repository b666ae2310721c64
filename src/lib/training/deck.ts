import { minutes, t, type UiKey } from '../../i18n/index.ts';
import type { Project } from '../content/project.ts';
import { formatMinutes } from './clock.ts';
import { siteIn } from '../translation/locales.ts';
import type { ModuleDoc } from './modules.ts';
import { trainingAnchors, type SessionInfo, type SlideInfo } from './outline.ts';

/** The module a deck presents, as its footers and title slide show it. */
export interface DeckModule {
  id: string;
  code: string;
  title: string;
  summary: string;
  /** The organisation that runs the course in the deck's language (`content/site.yaml`, its locale's `organisation`), '' when none is set. */
  organisation: string;
  /** Total length, in words ("3 h 30 min"). */
  duration: string;
  lang: string;
}

/** What every slide of a deck has: its place, its anchor and its footer. */
interface DeckBase {
  /** 0-based position in the deck. */
  index: number;
  /** Anchor of the slide on the slides page and named destination in the slides PDF. */
  anchor: string;
  title: string;
  /** Number printed in the footer ("2.3", "2"), '' on the title slide. */
  number: string;
}

/**
 * One slide of the presentation: the module's title slide, a divider opening each session, or
 * one of the author's `<Slide>`s.
 */
export type DeckSlide =
  | (DeckBase & { kind: 'title' })
  | (DeckBase & { kind: 'session'; session: SessionInfo; /** "45 min · Presentation" */ meta: string })
  | (DeckBase & { kind: 'slide'; session: SessionInfo; slide: SlideInfo });

/** A module's presentation: the same sequence on the slides page and in the slides PDF. */
export interface Deck {
  module: DeckModule;
  slides: DeckSlide[];
}

/** "2-3" → "2.3": how a slide's number is printed. */
export function slideLabel(n: string): string {
  return n.replace('-', '.');
}

/**
 * The deck of a module: a title slide, then for each session a divider and its slides, in
 * document order. Sessions without slides (a break, a test) get a divider only, so the trainer
 * sees where the time goes.
 * @param project The loaded project (for the organisation's name).
 * @param m A module that loaded without errors.
 */
export function deckOf(project: Project, m: ModuleDoc): Deck {
  const d = m.data;
  if (!d) throw new Error(`${m.file} has errors; run \`sopkit check\``);
  const lang = d.language;
  const module: DeckModule = { id: m.id, code: d.code, title: d.title, summary: d.summary, organisation: siteIn(project.site, lang).organisation, duration: formatMinutes(d.duration, lang), lang };
  const slides: DeckSlide[] = [{ kind: 'title', index: 0, anchor: 'title', title: d.title, number: '' }];
  for (const s of m.outline.sessions) {
    const meta = [s.duration ? minutes(s.duration, lang) : '', s.method ? t(`method.${s.method}` as UiKey, lang) : ''].filter(Boolean).join(' · ');
    slides.push({ kind: 'session', index: slides.length, anchor: trainingAnchors.session(s.n), title: s.title, number: String(s.n), session: s, meta });
    for (const x of s.slides) slides.push({ kind: 'slide', index: slides.length, anchor: trainingAnchors.slide(x.n), title: x.title, number: slideLabel(x.n), session: s, slide: x });
  }
  return { module, slides };
}

/** The author's slides of a deck (no title slide or session dividers): what handouts print. */
export function contentSlides(deck: Deck): Extract<DeckSlide, { kind: 'slide' }>[] {
  return deck.slides.filter((s): s is Extract<DeckSlide, { kind: 'slide' }> => s.kind === 'slide');
}

/** The footer of a slide: the organisation and module code on one side, the number on the other. */
export function deckFooter(deck: Deck, slide: DeckSlide): { source: string; number: string } {
  const source = [deck.module.organisation, deck.module.code].filter(Boolean).join(' · ');
  return { source, number: slide.number };
}
