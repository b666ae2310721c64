import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Each glossary entry's source line on a built glossary page: its id, and the element the reference is in. */
function sources(path: string): Map<string, string> {
  const html = readFileSync(join(inject('distDir'), path), 'utf8');
  return new Map([...html.matchAll(/<dt id="([^"]+)">[\s\S]*?<div class="src">([\s\S]*?)<\/div>/g)].map((m) => [m[1]!, m[2]!]));
}

describe("a glossary term's source in the language it is written in", () => {
  it('marks an English reference on the French and Arabic glossaries as English, left to right', () => {
    const fr = sources('fr/glossary/index.html');
    // A translated term with a reference of its own, in French: nothing to mark.
    expect(fr.get('civil-registration')).toMatch(/^Source\u00a0: Nations Unies/);
    // A translated term that keeps the English reference; a term translated this stop with its own.
    expect(fr.get('notification')).toMatch(/^Source\u00a0: <span lang="en" dir="ltr">UN Handbook on Civil Registration/);
    expect(fr.get('death')).toMatch(/^Source\u00a0: Nations Unies/);
    const ar = sources('ar/glossary/index.html');
    expect(ar.size).toBeGreaterThan(50);
    // The Arabic glossary gives no reference of its own: every one is the English, isolated so its
    // punctuation stays with it in the right-to-left line.
    for (const [id, line] of ar) expect(line, id).toMatch(/^المصدر: <span lang="en" dir="ltr">[A-Z0-9]/);
  });

  it('marks nothing on the English glossary', () => {
    for (const [id, line] of sources('glossary/index.html')) expect(line, id).toMatch(/^Source: [^<]+$/);
  });
});
