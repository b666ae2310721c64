// The speaker view (ARCHITECTURE.md, Slides): a second window for the trainer's screen with the
// current and next slide, a timer, the time spent in the session and the speaker notes. It is
// built from this page's own DOM and style rules: nothing is loaded, so it opens with no
// connection. The participant edition has no notes in its sections, so its view has none.
import type { DeckConfig, SpeakerKey } from '../../lib/training/deck-config.ts';
import { pluralString } from '../../i18n/plural-form.ts';

/** The part of the reveal.js API the speaker view drives. */
export interface SpeakerDeck {
  next(): void;
  prev(): void;
  slide(index: number): void;
  getCurrentSlide(): HTMLElement;
  getSlides(): HTMLElement[];
  on(type: string, listener: () => void): void;
  off(type: string, listener: () => void): void;
}

/** "mm:ss", or "h:mm:ss" past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * The session line of the speaker view ("Session 1: 12 of 45 min"): the planned minutes in the form
 * their count takes (Arabic `من دقيقتين`, `من 10 دقائق`, `من 45 دقيقة`).
 * @param strings The page's strings (`speaker.session` and the forms of `speaker.session.planned`).
 * @param session The session's number.
 * @param spent Whole minutes spent in it.
 * @param planned The minutes planned for it, as the page wrote them (`data-minutes`).
 * @param lang The page's language.
 */
export function sessionTime(strings: Readonly<Record<string, string>>, session: number | string, spent: number, planned: string, lang: string): string {
  const minutes = fill(pluralString(strings, 'speaker.session.planned', Number(planned), lang || 'en'), { n: planned });
  return fill(strings['speaker.session'] ?? '', { n: session, spent, planned: minutes });
}

/** The style rules of this page as text, to copy into the speaker window (no request made). */
function pageStyles(): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) out.push(rule.cssText);
    } catch {
      // A sheet from another origin cannot be read; the site has none.
    }
  }
  return out.join('\n');
}

let open: { win: Window; close(): void } | undefined;

/**
 * Opens the speaker view for a deck, or brings it forward when it is open.
 * @param deck The running presentation.
 * @param config The page's configuration (strings, edition).
 * @param announce Tells the reader something (a blocked window).
 */
export function openSpeakerView(deck: SpeakerDeck, config: DeckConfig, announce: (message: string) => void): void {
  if (open && !open.win.closed) {
    open.win.focus();
    return;
  }
  const win = window.open('', `sopkit-speaker-${config.id}`, 'popup,width=1200,height=760');
  if (!win) {
    announce(config.strings['speaker.blocked']);
    return;
  }
  open = buildView(win, deck, config);
}

function buildView(win: Window, deck: SpeakerDeck, config: DeckConfig): { win: Window; close(): void } {
  const s = (key: SpeakerKey, params: Record<string, string | number> = {}) => fill(config.strings[key], params);
  const doc = win.document;
  doc.open();
  doc.write('<!doctype html><html><head><meta charset="utf-8"><style></style></head><body></body></html>');
  doc.close();
  doc.documentElement.lang = document.documentElement.lang;
  doc.documentElement.dir = document.documentElement.dir;
  doc.title = s('speaker.window', { code: config.code, title: config.title });
  doc.querySelector('style')!.textContent = pageStyles();

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const button = (label: string, action: () => void) => {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', action);
    return b;
  };
  const section = (id: string, ...children: Node[]) => {
    const h = el('h2', { id });
    const box = el('section', { 'aria-labelledby': id });
    box.append(h, ...children);
    return { box, heading: h };
  };
  const preview = () => {
    const stage = el('div', { class: 'speaker-stage deck-stage' });
    const frame = el('div', { class: 'speaker-preview', inert: '' });
    frame.append(stage);
    return { frame, stage };
  };

  const main = el('main', { class: 'speaker', 'aria-labelledby': 'speaker-title' });
  main.append(el('h1', { id: 'speaker-title' }, doc.title));
  const now = preview();
  const upcoming = preview();
  const current = section('speaker-now', now.frame);
  const nav = el('div', { class: 'speaker-buttons' });
  nav.append(button(s('speaker.previous'), () => deck.prev()), button(s('speaker.next'), () => deck.next()));
  const left = el('div', { class: 'speaker-now' });
  left.append(current.box, nav);

  const elapsed = el('span', { class: 'speaker-elapsed', role: 'timer', 'data-elapsed': '' }, formatElapsed(0));
  const clock = el('p', { class: 'speaker-clock' });
  const sessionLine = el('p', { class: 'speaker-session', 'data-session-time': '' });
  const time = el('div', { class: 'speaker-time' });
  time.append(elapsed, clock, sessionLine);
  const pause = button(s('speaker.pause'), () => toggle());
  const timeButtons = el('div', { class: 'speaker-buttons' });
  timeButtons.append(pause, button(s('speaker.reset'), () => reset()));
  const timer = section('speaker-time', time, timeButtons);
  timer.heading.textContent = s('speaker.elapsed');
  const next = section('speaker-next', upcoming.frame);
  const notesText = el('div', { class: 'speaker-notes-text', 'data-notes': '' });
  const notes = section('speaker-notes', notesText);
  notes.heading.textContent = s('speaker.notes');
  const right = el('div', { class: 'speaker-side' });
  right.append(timer.box, next.box, notes.box);
  main.append(left, right);
  doc.body.append(main);

  // The timer: from opening the view, pausable; the session time restarts at each new session.
  let started = performance.now();
  let pausedAt: number | undefined;
  let session = '';
  let sessionStarted = started;
  const spent = () => (pausedAt ?? performance.now()) - started;
  const toggle = () => {
    if (pausedAt === undefined) pausedAt = performance.now();
    else {
      const gap = performance.now() - pausedAt;
      started += gap;
      sessionStarted += gap;
      pausedAt = undefined;
    }
    pause.textContent = s(pausedAt === undefined ? 'speaker.pause' : 'speaker.resume');
    tick();
  };
  const reset = () => {
    started = sessionStarted = pausedAt ?? performance.now();
    tick();
  };
  const tick = () => {
    elapsed.textContent = formatElapsed(spent());
    clock.textContent = s('assess.labelled', { label: s('speaker.clock'), text: new Date().toLocaleTimeString(doc.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' }) });
    const slide = deck.getCurrentSlide();
    const planned = slide.closest('.deck-slides')?.querySelector<HTMLElement>(`.deck-session-slide[data-session="${session}"]`)?.dataset.minutes;
    sessionLine.textContent = session && planned ? sessionTime(config.strings, session, Math.floor(((pausedAt ?? performance.now()) - sessionStarted) / 60000), planned, doc.documentElement.lang) : '';
  };

  const copy = (slide: HTMLElement): Node => {
    const clone = doc.importNode(slide, true) as HTMLElement;
    clone.querySelectorAll('aside.notes').forEach((n) => n.remove());
    for (const node of [clone, ...Array.from(clone.querySelectorAll<HTMLElement>('[id], [style], [hidden], [inert], [aria-hidden]'))]) {
      for (const attr of ['id', 'hidden', 'inert', 'aria-hidden', 'aria-labelledby']) node.removeAttribute(attr);
      if (node === clone) node.removeAttribute('style');
    }
    return clone;
  };
  const scale = () => {
    for (const p of [now, upcoming]) p.stage.style.transform = `scale(${p.frame.clientWidth / 1280})`;
  };
  const label = (slide: HTMLElement) => ({ number: slide.dataset.number ?? '', title: slide.querySelector('h1, h2, h3')?.textContent?.trim() ?? '' });

  const render = () => {
    const slides = deck.getSlides();
    const slide = deck.getCurrentSlide();
    const after = slides[slides.indexOf(slide) + 1];
    if ((slide.dataset.session ?? '') !== session) {
      session = slide.dataset.session ?? '';
      sessionStarted = pausedAt ?? performance.now();
    }
    current.heading.textContent = s('speaker.now', label(slide));
    now.stage.replaceChildren(copy(slide));
    next.heading.textContent = after ? s('speaker.upcoming', label(after)) : s('speaker.end');
    upcoming.stage.replaceChildren(...(after ? [copy(after)] : []));
    const source = slide.querySelector('aside.notes');
    if (!config.trainer) notesText.replaceChildren(el('p', {}, s('speaker.participant')));
    else if (source) notesText.replaceChildren(...Array.from(source.childNodes).map((n) => doc.importNode(n, true)));
    else notesText.replaceChildren(el('p', {}, s('speaker.noNotes')));
    scale();
    tick();
  };

  // Keys in the speaker window move the presentation, as they do on the main screen.
  doc.addEventListener('keydown', (event) => {
    const onControl = !!(event.target as Element | null)?.closest?.('button, a');
    if (['ArrowRight', 'ArrowDown', 'PageDown'].includes(event.key) || (event.key === ' ' && !onControl)) deck.next();
    else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(event.key)) deck.prev();
    else if (event.key === 'Home') deck.slide(0);
    else if (event.key === 'End') deck.slide(deck.getSlides().length - 1);
    else return;
    event.preventDefault();
  });
  win.addEventListener('resize', scale);
  deck.on('slidechanged', render);
  const interval = window.setInterval(() => (win.closed ? close() : tick()), 1000);
  const close = () => {
    window.clearInterval(interval);
    deck.off('slidechanged', render);
  };
  win.addEventListener('pagehide', close);
  render();
  win.focus();
  return { win, close };
}
