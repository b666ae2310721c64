// The slides page's script (ARCHITECTURE.md, Slides): starts reveal.js over the deck's sections
// on screens 600 px wide or more (or when the reader presses Present), wires the presentation
// tools and the speaker view. On a phone the sections stay a readable list of cards.
import Reveal from 'reveal.js';
import type { DeckConfig } from '../../lib/training/deck-config.ts';
import { helpAsDialog, watchHelp } from './help.ts';
import { quietOverview } from './overview.ts';
import { openSpeakerView, type SpeakerDeck } from './speaker.ts';

type Deck = SpeakerDeck & {
  initialize(): Promise<unknown>;
  toggleOverview(override?: boolean): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string } | number, callback: () => void): void;
  getHorizontalSlides(): HTMLElement[];
  /** reveal.js's `slide(h, v)`: a session's stack and the slide within it. */
  slide(h: number, v?: number): void;
};

/**
 * Home and End go to the deck's first and last slide. reveal.js goes to the first and last
 * session's stack, at the slide of it last shown: End stopped on the last session's title slide.
 */
function bindEnds(deck: Deck): void {
  const slidesOf = (stack: HTMLElement | undefined) => (stack ? stack.querySelectorAll(':scope > section').length : 0);
  deck.addKeyBinding(36, () => deck.slide(0, 0));
  deck.addKeyBinding(35, () => {
    const stacks = deck.getHorizontalSlides();
    deck.slide(stacks.length - 1, Math.max(0, slidesOf(stacks.at(-1)) - 1));
  });
}

/** Narrower than this, the page opens as a list of cards (a phone held upright). */
const READING_WIDTH = 600;

/** Space or Enter on a focused control activates it; reveal.js must not also turn the page. */
function activatesControl(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  return (event.key === ' ' || event.key === 'Enter') && !!target?.closest('button, a, summary, input, select, textarea');
}

const overflows = (inner: HTMLElement) => inner.scrollHeight > inner.clientHeight + 1;

/**
 * Shrinks a slide's text, a step at a time, until it fits its 1280 × 720 box (once per slide).
 * A slide still too full at 64 % (`sopkit check` warns of it: slide/too-full) scrolls rather than
 * losing its last lines: its text becomes a labelled region the keyboard reaches, the up and down
 * arrows scroll it while it has the focus, and a cue at its foot says there is more.
 * @param more The label of the region and the words of the cue, in the page's language.
 */
function fit(slide: HTMLElement | undefined, more: string): void {
  const inner = slide?.querySelector<HTMLElement>('.deck-inner');
  if (!slide || !inner || slide.dataset.fitted) return;
  slide.dataset.fitted = 'yes';
  for (let f = 1; overflows(inner) && f >= 0.7; ) {
    f = Math.round((f - 0.06) * 100) / 100;
    inner.style.setProperty('--deck-fit', String(f));
  }
  if (!overflows(inner)) return;
  inner.dataset.overflow = 'yes';
  inner.tabIndex = 0;
  inner.setAttribute('role', 'region');
  inner.setAttribute('aria-label', more);
  const cue = document.createElement('p');
  cue.className = 'deck-more';
  cue.setAttribute('aria-hidden', 'true');
  cue.textContent = `▼ ${more}`;
  inner.after(cue);
  inner.addEventListener('scroll', () => (cue.hidden = inner.scrollTop + inner.clientHeight >= inner.scrollHeight - 2), { passive: true });
}

/** Keys that scroll a too-full slide's text while it has the focus, instead of turning the slide. */
function scrollsSlideText(event: KeyboardEvent): boolean {
  const target = event.target instanceof HTMLElement ? event.target : null;
  return !!target?.matches('.deck-inner[data-overflow]') && ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(event.key);
}

function start(root: HTMLElement, config: DeckConfig): void {
  const status = document.querySelector<HTMLElement>('[data-deck-status]');
  const tools = document.querySelector<HTMLElement>('[data-deck-tools]');
  const announce = (message: string) => {
    if (status) status.textContent = message;
  };
  let deck: Deck | undefined;

  const speaker = () => {
    if (deck) openSpeakerView(deck, config, announce);
  };

  const present = async () => {
    if (deck) return;
    document.documentElement.classList.add('deck-presenting');
    root.classList.add('reveal', 'deck-stage');
    root.querySelector('.deck-slides')?.classList.add('slides');
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    deck = new Reveal(root, {
      width: 1280,
      height: 720,
      margin: 0.04,
      center: false,
      display: 'flex',
      hash: true,
      controls: true,
      controlsLayout: 'edges',
      controlsTutorial: false,
      progress: true,
      slideNumber: false,
      overview: true,
      // Sessions are vertical stacks (a grid in the overview), but arrows and swipes go through every slide in order.
      navigationMode: 'linear',
      touch: true,
      help: true,
      rtl: document.documentElement.dir === 'rtl',
      transition: reduced ? 'none' : 'slide',
      backgroundTransition: 'none',
      // The page has its own reading view for phones; reveal's scroll view would shrink the slides instead.
      scrollActivationWidth: undefined,
      keyboardCondition: (event: KeyboardEvent) => !activatesControl(event) && !scrollsSlideText(event),
    }) as unknown as Deck;
    deck.addKeyBinding({ keyCode: 83, key: 'S', description: config.strings['speaker.window'].replace(/[:：].*$/, '') }, speaker);
    bindEnds(deck);
    await deck.initialize();
    // reveal.js labels its arrows in English: say them in the page's language (left is "next" right to left).
    const label = (selector: string, text: string) => root.querySelector(`.controls ${selector}`)?.setAttribute('aria-label', text);
    const rtl = document.documentElement.dir === 'rtl';
    label('.navigate-left', config.strings[rtl ? 'speaker.next' : 'speaker.previous']);
    label('.navigate-right', config.strings[rtl ? 'speaker.previous' : 'speaker.next']);
    label('.navigate-up', config.strings['slides.control.up']);
    label('.navigate-down', config.strings['slides.control.down']);
    // reveal.js puts its arrows in an <aside>: a complementary landmark inside the page's main one
    // (axe landmark-complementary-is-top-level). They are buttons, each labelled; no landmark.
    root.querySelector('aside.controls')?.setAttribute('role', 'none');
    watchHelp(root, config.strings, rtl);
    helpAsDialog(deck, root);
    quietOverview(deck, root);
    const more = config.strings['slides.overflow'];
    fit(deck.getCurrentSlide(), more);
    deck.on('slidechanged', () => fit(deck?.getCurrentSlide(), more));
    document.body.dataset.deckReady = 'yes';
  };

  document.querySelector('[data-deck-present]')?.addEventListener('click', () => void present());

  tools?.addEventListener('click', (event) => {
    const action = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-deck-action]')?.dataset.deckAction : undefined;
    if (!deck || !action) return;
    if (action === 'overview') deck.toggleOverview();
    else if (action === 'speaker') speaker();
    else if (action === 'fullscreen') {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
    }
  });
  // The tools show while the pointer moves and hide again after a few seconds.
  let hideTimer: number | undefined;
  const showTools = () => {
    tools?.classList.add('deck-tools-shown');
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(() => tools?.classList.remove('deck-tools-shown'), 2500);
  };
  document.addEventListener('pointermove', showTools, { passive: true });

  if (window.innerWidth >= READING_WIDTH) void present();
}

const root = document.querySelector<HTMLElement>('[data-deck]');
const configText = document.getElementById('deck-config')?.textContent;
if (root && configText) start(root, JSON.parse(configText) as DeckConfig);
