/**
 * Markers the slides page's `<Slide>` renderer puts around each slide's body, so the page keeps
 * the slides and drops what a module body holds between them (activities, case studies,
 * handouts, free text: they belong to the module page, not the screen). MDX cannot contain an
 * HTML comment, so an author's text can never forge one.
 */
export const slideMarkers = {
  /** Before the body of slide `n` ("2-3"). */
  open: (n: string) => `<!--deck-slide:${n}-->`,
  close: '<!--/deck-slide-->',
};

/** Markers around a facilitator key on the slides page: left out of a slide, kept in its speaker notes (which take them off). */
export const deckKeyMarkers = {
  open: '<!--deck-key-->',
  close: '<!--/deck-key-->',
};

/** Speaker notes' HTML with the marks of the facilitator keys in them taken off: the presenter sees the keys. */
export function keepKeys(html: string): string {
  return html.split(deckKeyMarkers.open).join('').split(deckKeyMarkers.close).join('');
}

/**
 * The bodies of the slides in a rendered module body, by slide number ("2-3"); everything
 * outside the markers is left out, and so is a facilitator key on a slide (outside its notes):
 * it would be projected to the participants.
 * @param html The HTML the slides page's renderers produced.
 */
export function slideBodies(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<!--deck-slide:([0-9]+-[0-9]+)-->([\s\S]*?)<!--\/deck-slide-->/g)) out.set(m[1]!, m[2]!.replace(/<!--deck-key-->[\s\S]*?<!--\/deck-key-->/g, ''));
  return out;
}
