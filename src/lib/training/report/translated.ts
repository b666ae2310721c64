import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Quiz } from '../../../schemas/quiz.ts';
import { loadQuizFile } from '../../assessment/quiz-load.ts';
import { translationLayout } from '../../translation/paths.ts';

/**
 * A quiz whose words a report prints (title, objectives) are those of its translation in a
 * language (`quizzes/<lang>/<id>.yaml`), and whose items, keys and pass mark stay the source's, so
 * the scores are the same in every language. The source quiz when there is no translation, or
 * one that does not load cleanly (`sopkit check` reports it).
 * @param root Project root.
 * @param quiz The source quiz.
 * @param lang Language of the report.
 * @param sourceLang Language of the source quiz.
 */
export function translatedQuizText(root: string, quiz: Quiz, lang: string, sourceLang: string): Quiz {
  if (lang === sourceLang) return quiz;
  const abs = join(root, translationLayout(lang).quizzes, `${quiz.id}.yaml`);
  if (!existsSync(abs)) return quiz;
  const doc = loadQuizFile(root, abs);
  if (!doc.quiz || doc.diagnostics.some((d) => d.severity === 'error')) return quiz;
  const objectives = new Map(doc.quiz.objectives.map((o) => [o.id, o.text]));
  return { ...quiz, title: doc.quiz.title, objectives: quiz.objectives.map((o) => ({ ...o, text: objectives.get(o.id) ?? o.text })) };
}
