import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import { renderAnswerSheet } from '../../../src/lib/handbook/quiz/answer-sheet.ts';
import { renderTestBooklet, type QuizPrintOptions } from '../../../src/lib/handbook/quiz/booklet.ts';
import type { Quiz } from '../../../src/schemas/quiz.ts';
import { pdfRectangles, qpdfCheck, saveTo, tempDir } from './pdf-tools.ts';

const root = resolve('tests/fixtures/handbook/project');
let quiz: Quiz;

beforeAll(() => {
  quiz = loadQuizFile(root, resolve(root, 'quizzes/sample-registration.yaml')).quiz!;
});

/** The name and id fields: the frames half the text width wide (two a row, 20 pt apart). */
function fields(path: string, paper: QuizPrintOptions['paper']) {
  const width = (paper === 'a4' ? 595.28 : 612) - 2 * 56;
  return pdfRectangles(path).filter((r) => Math.abs(r.w - (width - 20) / 2) < 0.5);
}

describe('write-in fields of booklets and answer sheets', () => {
  for (const lang of ['en', 'ar']) {
    it(`are tall enough to write a name in by pen, 22 pt (7.8 mm), not 14 pt (4.9 mm) (${lang})`, async () => {
      const dir = tempDir();
      const options: QuizPrintOptions = { paper: 'a4', lang, organisation: '[Fixture Authority]', date: '2026-01-01' };
      const booklet = saveTo(dir, 'b.pdf', await renderTestBooklet(quiz, 'pre', options));
      const sheet = saveTo(dir, 's.pdf', await renderAnswerSheet(quiz, 'pre', options));
      for (const [path, count] of [[booklet, 4], [sheet, 2]] as const) {
        expect(qpdfCheck(path).ok).toBe(true);
        const boxes = fields(path, 'a4');
        expect(boxes, path).toHaveLength(count);
        for (const b of boxes) expect(Math.abs(b.h)).toBeGreaterThanOrEqual(22);
      }
      // The second row of the booklet's fields clears the first one's frames and its own label.
      const rows = [...new Set(fields(booklet, 'a4').map((b) => Math.max(b.y, b.y + b.h)))].sort((a, b) => b - a);
      expect(rows).toHaveLength(2);
      expect(rows[0]! - rows[1]!).toBeGreaterThanOrEqual(22 + 16);
    }, 60_000);
  }
});
