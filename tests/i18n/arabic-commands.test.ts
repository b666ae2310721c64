// A command typed in an Arabic sentence (`sopkit score --quiz <id> … --out results/`) is laid out
// left to right only when it is isolated: set among the Arabic words, its slash, brackets and
// dashes took the sentence's direction ("/results", ">id<"). Backquoted commands are code spans,
// which the pages and PDFs set left to right themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ar = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/i18n/ar.json'), 'utf8')) as Record<string, string>;

describe('commands in the Arabic strings', () => {
  it('are isolated (FSI … PDI) or backquoted wherever a sentence names one', () => {
    // A string with no Arabic word is a command on its own (reportPage.command), shown as code.
    const bare = Object.entries(ar).filter(([, text]) => /\p{Script=Arabic}/u.test(text)).filter(([, text]) => {
      const outside = text.replace(/`[^`]*`/g, '').replace(/\u2068[^\u2069]*\u2069/g, '');
      return /\bsopkit [a-z]/.test(outside);
    });
    expect(bare.map(([key]) => key)).toEqual([]);
    expect(Object.values(ar).filter((text) => /\bsopkit [a-z]/.test(text)).length).toBeGreaterThan(4);
  });
});
