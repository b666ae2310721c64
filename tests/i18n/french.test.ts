import { describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';

/** A string's text outside `code spans`, where French typography applies. */
const prose = (s: string) => s.replace(/`[^`]*`/g, '`…`');

describe('French UI strings: French typography (ARCHITECTURE.md, Translations: French spacing)', () => {
  it('put a no-break space (U+00A0), never an ordinary one, before ": ; ? !", inside "« »" and before "%"', () => {
    // "avec ?kiosk" is an address's query, not a question mark: the mark must end its word.
    const ordinary = Object.entries(fr).filter(([, s]) => /\S [:;?!](?![\p{L}\d])|« | »|[\d}] %/u.test(prose(s)));
    expect(ordinary.map(([key]) => key)).toEqual([]);
    const spaced = Object.values(fr).join('\n');
    expect(spaced).toContain('Durée\u00a0: {count} minutes.');
    expect(spaced).toContain('«\u00a0{query}\u00a0»');
  });

  it('use one no-break space, U+00A0: the narrow U+202F nowhere', () => {
    expect(Object.entries(fr).filter(([, s]) => s.includes('\u202f')).map(([key]) => key)).toEqual([]);
  });

  it('write the apostrophe ’ (U+2019), the straight one only in code', () => {
    expect(Object.entries(fr).filter(([, s]) => prose(s).includes("'")).map(([key]) => key)).toEqual([]);
    expect(fr['home.title']).toBe('Procédures pour l’identité juridique');
  });
});
