// reveal.js 6 writes its help overlay (the "?" key) in English with no option for other words:
// its heading, column heads and the descriptions of its own shortcuts are fixed strings. This
// rewrites them in the page's language when the overlay opens; a description it does not know
// (a later reveal.js's) stays as reveal.js wrote it. Shortcuts the page adds (S) come with their
// own words already.
import type { SpeakerKey } from '../../lib/training/deck-config.ts';

/** reveal.js's English descriptions → the string that says them in the page's language. */
const descriptions: Record<string, SpeakerKey> = {
  'Next slide': 'slides.help.next',
  'Previous slide': 'slides.help.previous',
  'Navigate left': 'slides.help.left',
  'Navigate right': 'slides.help.right',
  'Navigate up': 'slides.help.up',
  'Navigate down': 'slides.help.down',
  'Navigate without fragments': 'slides.help.noFragments',
  'Jump to first/last slide': 'slides.help.firstLast',
  Pause: 'slides.help.pause',
  Fullscreen: 'slides.help.fullscreen',
  'Jump to slide': 'slides.help.jump',
  'Slide overview': 'slides.help.overview',
};

/**
 * In a right-to-left deck reveal.js's linear mode goes forward with ← and H and back with → and L,
 * but its help lists the left-to-right keys: the keys of those two rows, mirrored.
 */
const MIRRORED: Record<string, string> = { '←': '→', '→': '←', H: 'L', L: 'H' };
const mirrorKeys = (keys: string) => keys.replace(/[←→]|\b[HL]\b/g, (k) => MIRRORED[k] ?? k);

/**
 * Rewrites an open help overlay in the page's language (once).
 * @param rtl True in a right-to-left deck: the next and previous keys are mirrored.
 */
export function translateHelp(overlay: HTMLElement, strings: Record<SpeakerKey, string>, rtl = false): void {
  const title = overlay.querySelector('.title');
  // reveal.js creates the overlay, then fills it: wait for its content.
  if (overlay.dataset.translated || !title) return;
  overlay.dataset.translated = 'yes';
  title.textContent = strings['slides.help.title'];
  const [key, action] = [...overlay.querySelectorAll('th')];
  if (key) key.textContent = strings['slides.help.key'];
  if (action) action.textContent = strings['slides.help.action'];
  for (const row of overlay.querySelectorAll('tr')) {
    const [keys, cell] = row.querySelectorAll('td');
    const known = cell ? descriptions[cell.textContent?.trim() ?? ''] : undefined;
    if (rtl && keys && (known === 'slides.help.next' || known === 'slides.help.previous')) keys.textContent = mirrorKeys(keys.textContent ?? '');
    if (cell && known) cell.textContent = strings[known];
    // Key names (arrows, SPACE, N...) read left to right in every language.
    row.querySelector('td')?.setAttribute('dir', 'ltr');
  }
  // The button shows the word "Esc" in every language: its name keeps it (WCAG 2.5.3; axe ignores words in brackets).
  overlay.querySelector('.r-overlay-close')?.setAttribute('aria-label', `${strings['slides.help.close']}, Esc`);
}

/** Translates reveal.js's help overlay each time it opens inside the deck. */
export function watchHelp(root: HTMLElement, strings: Record<SpeakerKey, string>, rtl = false): void {
  new MutationObserver(() => {
    const overlay = root.querySelector<HTMLElement>('.r-overlay-help');
    if (overlay) translateHelp(overlay, strings, rtl);
  }).observe(root, { childList: true, subtree: true });
}

/** The part of the deck's API the help dialog needs. */
export interface HelpDeck {
  on(type: string, listener: () => void): void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Makes everything on the page outside `keep` inert; returns what gives it back (only what it took). */
function inertOutside(keep: Element): () => void {
  const made: Element[] = [];
  for (let node: Element | null = keep; node?.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || sibling.hasAttribute('inert') || sibling.matches('script, style, template')) continue;
      sibling.setAttribute('inert', '');
      made.push(sibling);
    }
  }
  return () => {
    for (const e of made) e.removeAttribute('inert');
  };
}

/**
 * reveal.js's help overlay is a plain box laid over the slides: the focus stayed behind it and
 * Tab went on to the slide arrows and the tools. This makes it a modal dialog each time it opens:
 * role, aria-modal and its heading as label, the rest of the page inert, the focus on its Close
 * button and kept inside, and given back on close to where it was. reveal.js closes it itself on
 * Escape or Close (its `closeoverlay` event).
 */
export function helpAsDialog(deck: HelpDeck, root: HTMLElement): void {
  let open: { overlay: HTMLElement; opener: Element | null; release: () => void } | undefined;

  const keepTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !open) return;
    const stops = [...open.overlay.querySelectorAll<HTMLElement>(FOCUSABLE)];
    event.preventDefault();
    if (!stops.length) return;
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const next = at < 0 ? (event.shiftKey ? stops.length - 1 : 0) : (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
    stops[next]?.focus();
  };

  deck.on('showhelp', () => {
    const overlay = root.querySelector<HTMLElement>('.r-overlay-help');
    if (!overlay) return;
    const title = overlay.querySelector('.title');
    if (title) {
      title.id = 'deck-help-title';
      overlay.setAttribute('aria-labelledby', title.id);
    }
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    open = { overlay, opener: document.activeElement, release: inertOutside(overlay) };
    document.addEventListener('keydown', keepTab, true);
    (overlay.querySelector<HTMLElement>('.r-overlay-close') ?? overlay).focus();
  });

  deck.on('closeoverlay', () => {
    if (!open) return;
    const { opener, release } = open;
    open = undefined;
    release();
    document.removeEventListener('keydown', keepTab, true);
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
  });
}
