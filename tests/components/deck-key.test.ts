// A facilitator key on the slides page (DeckKey.astro marks it): left out of the slide it stands
// on, which is projected to the room, and kept in the slide's speaker notes (DeckNotes.astro takes
// the marks off), which only the presenter sees.
import { describe, expect, it } from 'vitest';
import { deckKeyMarkers, keepKeys, slideBodies, slideMarkers } from '../../src/lib/training/deck-html.ts';

const key = (text: string) => `${deckKeyMarkers.open}<aside class="facilitator-key"><p>${text}</p></aside>${deckKeyMarkers.close}`;

describe('a facilitator key on the slides page', () => {
  it('is left out of the slide it stands on, and shown in the slide’s speaker notes', () => {
    const notes = `<aside class="notes">${keepKeys(`<p>Ask the room.</p>${key('KEYINNOTES')}`)}</aside>`;
    expect(notes).not.toContain(deckKeyMarkers.open);
    const bodies = slideBodies(`${slideMarkers.open('1-1')}<ul><li>Which record?</li></ul>${key('KEYONSLIDE')}<p>more</p>${key('SECONDKEY')}${notes}${slideMarkers.close}${slideMarkers.open('1-2')}<p>next</p>${slideMarkers.close}`);
    const slide = bodies.get('1-1')!;
    expect(slide).toBe(`<ul><li>Which record?</li></ul><p>more</p>${notes}`);
    expect(slide).not.toMatch(/KEYONSLIDE|SECONDKEY/);
    expect(slide).toMatch(/<aside class="notes">[\s\S]*KEYINNOTES/);
    expect(bodies.get('1-2')).toBe('<p>next</p>');
  });
});
