// An Arabic document's bytes must not depend on the documents a process made before it: a PDF
// worker makes many, in whatever order the jobs come, and a warm cache skips some of them.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import { codePointsOfName } from '../../../src/lib/pdf/text-fonts.ts';

const root = resolve('tests/fixtures/handbook/project');
const quiz = loadQuizFile(root, resolve(root, 'quizzes/sample-registration.yaml')).quiz!;
const options = { paper: 'a4' as const, lang: 'ar', organisation: '[Fixture Authority]', date: '2026-01-01' };
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The Arabic booklet made by a fresh copy of the PDF code, after the given titles' booklets. */
async function bookletAfter(titles: string[]): Promise<string> {
  vi.resetModules();
  const { renderTestBooklet } = await import('../../../src/lib/handbook/quiz/booklet.ts');
  for (const title of titles) await renderTestBooklet({ ...quiz, title }, 'pre', options);
  return hash(await renderTestBooklet(quiz, 'pre', options));
}

describe('Arabic PDF bytes', () => {
  it('are the same whatever was printed before: a contextual form takes the characters its glyph name gives, not those of the first word shaped with it', async () => {
    const alone = await bookletAfter([]);
    // ن, ت and ث begin with the same dotless tooth as ب (uni066E.init); ة and ه end alike (uni0647.fina).
    expect(await bookletAfter(['نتيجة نهائية ننتظر تنبيه ثبت'])).toBe(alone);
    expect(await bookletAfter(['تثبيت بنت'])).toBe(alone);
  });

  it('reads code points from glyph names by the Adobe Glyph List rules', () => {
    expect(codePointsOfName('uni066E.init')).toEqual([0x66e]);
    expect(codePointsOfName('uni066E.medi.wide')).toEqual([0x66e]);
    expect(codePointsOfName('uni06440627')).toEqual([0x644, 0x627]);
    expect(codePointsOfName('uni0644_uni0627.fina')).toEqual([0x644, 0x627]);
    expect(codePointsOfName('u1F600')).toEqual([0x1f600]);
    for (const name of ['dotabovear', 'space', 'uni066', 'uniD800', undefined, '']) expect(codePointsOfName(name)).toBeUndefined();
  });
});
