// No page of either edition shows a `{param:id}` as it was typed: every one is worded in the
// page's language before it reaches a reader. The French enrolment simulator's hints showed
// "Fixé par la loi nationale : {param:id-enrolment-age}." (and two more) while only a words
// file's time limits and scenarios were worded. Code samples (the authoring guide shows the
// syntax) are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** Each `{param:…}` left in a page's text (outside `<pre>` and `<code>`), with the page's path. */
function rawPlaceholders(dir: string): string[] {
  return htmlFiles(dir).flatMap((file) => {
    const text = readFileSync(file, 'utf8').replace(/<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>/g, '');
    return [...text.matchAll(/\{param:[^}]*\}/g)].map((m) => `${relative(dir, file)}: ${text.slice(Math.max(0, m.index - 60), m.index + m[0].length)}`);
  });
}

describe('parameters on the built pages', () => {
  for (const edition of ['distDir', 'trainerDistDir'] as const) {
    it(`are all worded in the ${edition === 'distDir' ? 'participant' : 'trainer'} edition`, () => {
      const dir = inject(edition);
      expect(htmlFiles(dir).length).toBeGreaterThan(100);
      expect(rawPlaceholders(dir)).toEqual([]);
    });
  }
});
