import type { Project } from '../content/project.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { quizCode, sopCodes } from '../assessment/quiz-code.ts';
import { renderAnswerSheet } from '../handbook/quiz/answer-sheet.ts';
import { renderAnswerKey } from '../handbook/quiz/answer-key.ts';
import { renderTestBooklet, type QuizPrintOptions } from '../handbook/quiz/booklet.ts';
import type { QuizForm } from '../handbook/quiz/items.ts';
import type { Paper } from '../handbook/theme.ts';
import { quizFileNames, save, type WrittenPdf } from '../handbook/write.ts';
import { defaultLocale, siteIn } from './locales.ts';
import { quizIn } from './quizzes.ts';

/**
 * Writes, for every translated quiz, its test booklet and answer sheet in the translation's
 * language beside the source's (`<quiz>-<form>.<lang>.pdf`, `<quiz>-<form>-answer-sheet.<lang>.pdf`):
 * the translation's words on the source's items and order (`quizIn`), the booklet's own words
 * through `t()`, right to left for Arabic. With `keys` (the trainer edition, `sopkit booklet`), the
 * answer key in that language too (`<quiz>-<form>-key.<lang>.pdf`): the booklet and its sheet
 * label the options أ ب ج and ص/خ in Arabic, V/F in French, and a trainer marking them with the
 * source's key (A B C, True/False) had to convert every answer by hand. `booklets: false` writes
 * only the keys (the trainer build takes the booklets from the participant's).
 * @param project The loaded project.
 * @param quizzes The source quizzes (valid).
 * @param o Paper, output folder (`handbooks/quizzes/`) and forms (both when absent).
 */
export async function writeTranslatedQuizPrints(project: Project, quizzes: readonly Quiz[], o: { paper: Paper; outDir: string; forms?: readonly QuizForm[]; keys?: boolean; booklets?: boolean }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  const sourceLang = defaultLocale(project.site);
  for (const lang of Object.keys(project.translations)) {
    for (const source of quizzes) {
      const shown = quizIn(project.root, source, lang, sourceLang);
      if (!shown.translated) continue;
      const sop = project.sops.find((s) => s.id === source.sop)?.data;
      const opts: QuizPrintOptions = {
        paper: o.paper,
        lang,
        organisation: siteIn(project.site, lang).organisation,
        date: sop?.history[0]?.date ?? sop?.effective ?? '2000-01-01',
        code: quizCode(project, source),
        sopCodes: sopCodes(project),
      };
      for (const form of o.forms ?? (['pre', 'post'] as const)) {
        const names = quizFileNames(source.id, form, lang);
        if (o.booklets !== false) {
          out.push(save(o.outDir, names.booklet, await renderTestBooklet(shown.quiz, form, opts)));
          out.push(save(o.outDir, names.sheet, await renderAnswerSheet(shown.quiz, form, opts)));
        }
        if (o.keys) out.push(save(o.outDir, names.key, await renderAnswerKey(shown.quiz, form, opts)));
      }
    }
  }
  return out;
}

/**
 * The prints a page in a reader's language links to: the translation's when the quiz has one,
 * else the source's. Paths under `handbooks/quizzes/`.
 * @param quizId The quiz id.
 * @param form `pre` or `post`.
 * @param translatedLang The translation's language, or undefined for the source's prints.
 */
export function quizPrintPaths(quizId: string, form: QuizForm, translatedLang: string | undefined): { booklet: string; sheet: string; key: string } {
  const names = quizFileNames(quizId, form, translatedLang);
  return { booklet: `/handbooks/quizzes/${names.booklet}`, sheet: `/handbooks/quizzes/${names.sheet}`, key: `/handbooks/quizzes/${names.key}` };
}
