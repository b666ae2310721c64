// Glossary terms' definitions (`Term.astro`): CSS shows one on hover or keyboard focus; this makes
// it dismissible and keeps it on the screen (WCAG 1.4.13, content on hover or focus).
// - Escape hides the definitions open (data-dismissed) until the pointer or the focus leaves the
//   term; an Escape with none open is left alone (the simulator and the slides have their own).
// - A definition that would open below the window's bottom (a term focused on the last line)
//   opens above the term when there is room there (data-above). On a phone it is a band along the
//   foot of the screen (global.css) and stays so.

const openTerms = () => [...document.querySelectorAll<HTMLElement>('.term')].filter((t) => !('dismissed' in t.dataset) && (t.matches(':hover') || t.matches(':focus-within')));

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  for (const term of openTerms()) term.dataset.dismissed = '';
});

/** Where a term's definition opens, measured when it shows. */
function place(term: HTMLElement): void {
  delete term.dataset.above;
  const def = term.querySelector<HTMLElement>('.term-def');
  if (!def || getComputedStyle(def).position !== 'absolute') return;
  const box = def.getBoundingClientRect();
  const room = term.getBoundingClientRect().top;
  if (box.bottom > window.innerHeight && room > box.height) term.dataset.above = '';
}

const shown = (e: Event) => {
  const term = (e.target as Element | null)?.closest?.<HTMLElement>('.term');
  if (term) place(term);
};
document.addEventListener('focusin', shown);
document.addEventListener('mouseover', shown);

/** The pointer or the focus has left the term: its definition shows again next time. */
const left = (e: FocusEvent | MouseEvent) => {
  const term = (e.target as Element | null)?.closest?.<HTMLElement>('.term');
  if (!term || term.contains(e.relatedTarget as Node | null)) return;
  // Still hovered (the focus left) or still focused (the pointer left): it stays dismissed.
  if (term.matches(':hover') && e.type === 'focusout') return;
  if (term.matches(':focus-within') && e.type === 'mouseout') return;
  delete term.dataset.dismissed;
};
document.addEventListener('focusout', left);
document.addEventListener('mouseout', left);

export {};
