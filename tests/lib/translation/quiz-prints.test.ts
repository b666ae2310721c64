import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuizzes } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { WrittenPdf } from '../../../src/lib/handbook/write.ts';
import { fitted } from '../../../src/lib/handbook/quiz/stamp.ts';
import { writeTranslatedQuizPrints } from '../../../src/lib/translation/quiz-prints.ts';
import { pdfInfo, pdfText, pdfWords, qpdfCheck, withoutBidiMarks } from '../handbook/pdf-tools.ts';

// The translation fixture pack (English, French, Arabic) with the small quiz and its translations.
const root = mkdtempSync(join(tmpdir(), 'translated-quiz-prints-'));
cpSync(join(import.meta.dirname, '../../fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
cpSync(join(import.meta.dirname, '../../fixtures/translation/quiz/quizzes'), join(root, 'quizzes'), { recursive: true });
const outDir = join(root, 'out');
let written: WrittenPdf[] = [];
const text = (file: string) => withoutBidiMarks(pdfText(join(outDir, file))).replace(/[ \t]+/g, ' ');

beforeAll(async () => {
  const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
  written = await writeTranslatedQuizPrints(loadProject(root), quizzes, { paper: 'a4', outDir });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('booklets and answer sheets of translated quizzes', () => {
  it('writes <quiz>-<form>.<lang>.pdf beside the source’s names, and never a key', () => {
    expect(written.map((w) => w.file).sort()).toEqual([
      'late-registration-post-answer-sheet.ar.pdf',
      'late-registration-post-answer-sheet.fr.pdf',
      'late-registration-post.ar.pdf',
      'late-registration-post.fr.pdf',
      'late-registration-pre-answer-sheet.ar.pdf',
      'late-registration-pre-answer-sheet.fr.pdf',
      'late-registration-pre.ar.pdf',
      'late-registration-pre.fr.pdf',
    ]);
    for (const w of written) expect(qpdfCheck(join(outDir, w.file)).ok, w.file).toBe(true);
    expect(existsSync(join(outDir, 'late-registration-post-key.pdf'))).toBe(false);
  });

  it('prints the French items and the booklet’s own words in French', () => {
    const booklet = text('late-registration-post.fr.pdf');
    expect(booklet).toContain('Un nouveau-né est trouvé au marché');
    expect(booklet).toContain('Post-test');
    expect(booklet).toMatch(/consignes/i);
    expect(booklet).toContain('3 questions');
    expect(booklet).toContain('Durée : 1 minute.'); // pdftotext writes the no-break space as a space
    expect(booklet).not.toContain('Tick one box');
    // A one-answer question's options are circles (a box is for "every correct answer"): the hint
    // said "Cochez une case".
    expect(booklet).toContain('Cochez un seul cercle.');
    expect(booklet).not.toContain('Cochez une case');
    expect(pdfInfo(join(outDir, 'late-registration-post.fr.pdf')).Title).toMatch(/^Post-test\u00a0: Enregistrement des naissances/);
    expect(text('late-registration-post-answer-sheet.fr.pdf')).toContain('Feuille de réponses : Post-test');
  });

  it('cuts a long translated title in the running head at a word, so it does not run into the form name', () => {
    expect(fitted('Enregistrement des naissances, y compris', 30, (t) => t.length)).toBe('Enregistrement des naissances…');
    expect(fitted('Court', 30, (t) => t.length)).toBe('Court');
    const head = pdfText(join(outDir, 'late-registration-post.fr.pdf'), 1, 1).split('\n')[0]!;
    expect(head).toMatch(/… +Post-test$/);
  });

  it('leaves out explanations and feedback: a booklet is participant material', () => {
    const booklet = text('late-registration-post.fr.pdf');
    expect(booklet).toContain('Un nouveau-né');
    expect(booklet).not.toContain('Notification, déclaration, vérification');
  });

  it('writes the answer key in each language on request (the trainer edition), lettered as its booklet is, with nothing else', async () => {
    const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
    const keysDir = join(root, 'keys');
    const keys = await writeTranslatedQuizPrints(loadProject(root), quizzes, { paper: 'a4', outDir: keysDir, keys: true, booklets: false });
    expect(keys.map((w) => w.file).sort()).toEqual(['late-registration-post-key.ar.pdf', 'late-registration-post-key.fr.pdf', 'late-registration-pre-key.ar.pdf', 'late-registration-pre-key.fr.pdf']);
    for (const w of keys) expect(qpdfCheck(join(keysDir, w.file)).ok, w.file).toBe(true);
    const key = (file: string) => withoutBidiMarks(pdfText(join(keysDir, file))).replace(/[ \t]+/g, ' ');
    const fr = key('late-registration-post-key.fr.pdf');
    expect(fr).toContain('Corrigé');
    const ar = key('late-registration-post-key.ar.pdf');
    // The answers as the Arabic booklet labels them: Arabic letters, no Latin A-E.
    expect(ar).toMatch(/(^|\s)[أبجد](\s|$)/m);
    expect(ar.split(/\s+/).filter((w) => /^[A-E](,|$)/.test(w))).toEqual([]);
  });

  it('labels options with Arabic letters أ ب ج د in the Arabic booklet and answer sheet, A B C D in the French', () => {
    const words = (file: string) => text(file).split(/\s+/);
    // "أ." as pdftotext gives it: the full stop before the letter in visual order, or after it, a space apart and run into the option's first word at times (ب .يُدخل).
    const label = (file: string, letter: string) => new RegExp(`(^|\\s)(${letter} ?\\.|\\.${letter}(\\s|$))`, 'm').test(text(file));
    for (const letter of ['أ', 'ب', 'ج', 'د', 'هـ']) {
      expect(label('late-registration-post.ar.pdf', letter), letter).toBe(true);
      // The sheet's circles: the single-answer item's a–d (the order item's e has a box).
      if (letter !== 'هـ') expect(words('late-registration-post-answer-sheet.ar.pdf'), letter).toContain(letter);
    }
    for (const letter of ['A', 'B', 'C', 'D', 'E']) {
      expect(label('late-registration-post.ar.pdf', letter), letter).toBe(false);
      expect(words('late-registration-post-answer-sheet.ar.pdf'), letter).not.toContain(letter);
      expect(label('late-registration-post.fr.pdf', letter), letter).toBe(true);
      if (letter !== 'E') expect(words('late-registration-post-answer-sheet.fr.pdf'), letter).toContain(letter);
    }
  });

  it('prints the Arabic booklet right to left, its words extracted in reading order', () => {
    const booklet = text('late-registration-post.ar.pdf');
    expect(booklet).toContain('يُعثر على مولود جديد في السوق');
    expect(booklet).toContain('الاختبار البعدي');
    expect(booklet).toContain('دقيقة واحدة');
    // Reversed words would read like this: the test must be able to fail.
    expect(booklet).not.toContain('قوسلا');
    // Right to left: the name field's label starts at the right margin (at the left in French).
    const label = (file: string, word: string) => pdfWords(join(outDir, file), 1).find((w) => w.text === word || [...w.text].reverse().join('') === word);
    const ar = label('late-registration-post.ar.pdf', 'الاسم');
    const fr = label('late-registration-post.fr.pdf', 'Nom');
    expect(ar && fr).toBeTruthy();
    expect(ar!.xMin).toBeGreaterThan(400);
    expect(fr!.xMax).toBeLessThan(200);
  });
});
