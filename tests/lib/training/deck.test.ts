import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { contentSlides, deckFooter, deckOf } from '../../../src/lib/training/deck.ts';
import { slideBodies, slideMarkers } from '../../../src/lib/training/deck-html.ts';
import { HANDOUT_LINE_GAP, handoutRow } from '../../../src/lib/training/handout-row.ts';
import { allOf } from '../../../src/lib/training/outline.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';

const project = loadProject(join(import.meta.dirname, '../../..'));
const module = project.modules.find((m) => m.id === 'legal-identity-foundations')!;

describe('deck model', () => {
  const deck = deckOf(project, module);

  it('is the title slide, then each session as a divider followed by its slides, in document order', () => {
    const sessions = module.outline.sessions;
    expect(deck.slides.length).toBe(1 + sessions.length + allOf(module.outline, 'slides').length);
    expect(deck.slides.map((s) => s.kind).slice(0, 3)).toEqual(['title', 'session', 'slide']);
    expect(deck.slides.map((s) => s.index)).toEqual(deck.slides.map((_, i) => i));
    const dividers = deck.slides.filter((s) => s.kind === 'session').map((s) => s.title);
    expect(dividers).toEqual(sessions.map((s) => s.title));
    expect(contentSlides(deck).map((s) => s.anchor)).toEqual(allOf(module.outline, 'slides').map((s) => `slide-${s.n}`));
  });

  it('numbers slides as the module page does and puts the organisation and module code in every footer', () => {
    const slide = contentSlides(deck).find((s) => s.title === 'The birth registration procedure at a glance')!;
    expect(slide.number).toBe('5.2');
    expect(deckFooter(deck, slide)).toEqual({ source: '[National Civil Registration and Identity Authority] · M1', number: '5.2' });
    expect(deckFooter(deck, deck.slides[0]!).number).toBe('');
  });
});

describe("a translated module's deck", () => {
  it("names the organisation as its language's locale does, in every footer", () => {
    // The Arabic and French decks printed "[National Civil Registration and Identity Authority]"
    // on their title slide and in all 52 footers, under an Arabic or French title.
    const words = { ar: '[الهيئة الوطنية للتسجيل المدني والهوية]', fr: "[Autorité nationale de l'état civil et de l'identification]" } as const;
    for (const [lang, organisation] of Object.entries(words)) {
      const view = projectIn(project, lang);
      const translated = view.modules.find((m) => m.id === module.id)!;
      expect(translated.data!.language).toBe(lang);
      for (const from of [project, view]) {
        const deck = deckOf(from, translated);
        expect(deck.module.organisation).toBe(organisation);
        expect(deckFooter(deck, deck.slides[3]!).source).toContain(organisation);
      }
    }
    expect(deckOf(project, module).module.organisation).toBe('[National Civil Registration and Identity Authority]');
  });
});

describe('slide bodies on the slides page', () => {
  it('keeps what is between the markers, by slide number, and drops everything else', () => {
    const html = `<p>free text</p>${slideMarkers.open('1-1')}<ul><li>a</li></ul>${slideMarkers.close}<div class="activity">x</div>${slideMarkers.open('2-10')}<p>b</p>${slideMarkers.close}`;
    const bodies = slideBodies(html);
    expect([...bodies.keys()]).toEqual(['1-1', '2-10']);
    expect(bodies.get('1-1')).toBe('<ul><li>a</li></ul>');
    expect([...bodies.values()].join('')).not.toMatch(/free text|activity/);
  });
});

describe('handout row', () => {
  const width = 483.28;
  const height = 717.89 / 3;

  it('puts the slide on one side and ruled lines for notes on the other, inside the row', () => {
    const row = handoutRow(width, height);
    expect(row.slide.height / row.slide.width).toBeCloseTo(9 / 16);
    expect(row.lines.length).toBeGreaterThanOrEqual(8);
    for (const l of row.lines) {
      expect(l.x1).toBeGreaterThan(row.slide.x + row.slide.width);
      expect(l.x2).toBeLessThanOrEqual(width);
      expect(l.y).toBeGreaterThan(row.label.baseline);
      expect(l.y).toBeLessThan(height);
    }
    const gaps = row.lines.slice(1).map((l, i) => l.y - row.lines[i]!.y);
    expect(new Set(gaps.map((g) => g.toFixed(3)))).toEqual(new Set([HANDOUT_LINE_GAP.toFixed(3)]));
  });

});
