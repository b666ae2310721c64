// reveal.js's overview (O or Esc) shows every slide as a small thumbnail and takes the `inert` off
// every section, so Tab walked through each glossary and parameter link of every thumbnail (dozens
// of stops) before reaching anything a presenter wants. While the overview is open the content of
// each slide is inert; the sections themselves are not (reveal.js sets and clears their `inert` as
// slides change, and a click on a thumbnail must still reach its section), so the arrow keys, Enter
// and a click still choose a slide as reveal.js provides.

/** The part of the deck's API this needs. */
export interface OverviewDeck {
  on(type: string, listener: () => void): void;
}

/** Keeps the thumbnails' content out of the Tab order while reveal.js's overview is shown. */
export function quietOverview(deck: OverviewDeck, root: HTMLElement): void {
  let quieted: Element[] = [];
  deck.on('overviewshown', () => {
    for (const part of root.querySelectorAll('.deck-slide > *')) {
      // Something already inert stays so when the overview ends.
      if (part.hasAttribute('inert')) continue;
      part.setAttribute('inert', '');
      quieted.push(part);
    }
  });
  deck.on('overviewhidden', () => {
    for (const part of quieted) part.removeAttribute('inert');
    quieted = [];
  });
}
