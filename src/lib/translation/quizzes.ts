import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Quiz } from '../../schemas/quiz.ts';
import { loadQuizFile } from '../assessment/quiz-load.ts';
import { layout } from '../content/project.ts';
import { translationLayout } from './paths.ts';
import { staleQuizItems } from './quiz-freshness.ts';

/** A quiz as a reader of one language takes it. */
export interface QuizInLanguage {
  /** The source quiz with the translation's words, or the source itself when there is none. */
  quiz: Quiz;
  /** Language of the words shown: the translation's, or the source's. */
  contentLang: string;
  /** True when the words come from `quizzes/<lang>/<id>.yaml`. */
  translated: boolean;
  /**
   * Items of a translated quiz shown in the source's words, in the source's language, because the
   * source changed them after their translation was last changed (`quizFreshness`).
   */
  sourceWords?: string[];
}

/** Item and option ids of a quiz, in one comparable line: a translation must have the source's. */
export function quizIdSignature(quiz: Quiz): string {
  return quiz.items.map((i) => `${i.id}:${i.options.map((o) => o.id).join(',')}`).sort().join(' ');
}

/**
 * The source quiz in a translation's words: title, objectives, stems, option texts, option
 * feedback and explanations from the translation; everything that decides a score (ids, types,
 * correct flags, the order of `order` options, marks, scoring, forms, pass mark) from the source,
 * so a pack has exactly one answer key whatever the language of the attempt. A text the
 * translation leaves out falls back to the source's, and so does a whole item the source changed
 * since it was translated: its translated words may ask another question than the key answers.
 * @param source The source quiz (`quizzes/<id>.yaml`).
 * @param translation The same quiz translated (`quizzes/<lang>/<id>.yaml`), with the same ids.
 * @param stale Ids of the items out of date in the translation (`staleQuizItems`).
 */
export function withTranslatedText(source: Quiz, translation: Quiz, stale: ReadonlySet<string> = new Set()): Quiz {
  const objectives = new Map(translation.objectives.map((o) => [o.id, o.text]));
  const items = new Map(translation.items.map((i) => [i.id, i]));
  return {
    ...source,
    title: translation.title,
    ...(translation.language ? { language: translation.language } : {}),
    objectives: source.objectives.map((o) => ({ ...o, text: objectives.get(o.id) ?? o.text })),
    items: source.items.map((item) => {
      const tr = stale.has(item.id) ? undefined : items.get(item.id);
      if (!tr) return item;
      const options = new Map(tr.options.map((o) => [o.id, o]));
      const explanation = tr.explanation ?? item.explanation;
      return {
        ...item,
        stem: tr.stem,
        ...(explanation !== undefined ? { explanation } : {}),
        options: item.options.map((o) => {
          const t = options.get(o.id);
          const feedback = t?.feedback ?? o.feedback;
          return { ...o, text: t?.text ?? o.text, ...(feedback !== undefined ? { feedback } : {}) };
        }),
      };
    }),
  };
}

/**
 * A quiz in a reader's language (ARCHITECTURE.md, Translations: quizzes): the translation's words
 * on the source's key when `quizzes/<lang>/<id>.yaml` loads without errors and has the source's
 * ids, else the source (the page then says it is not translated yet; `sopkit check` reports the
 * broken file). Items the source changed after the translation's last commit keep the source's
 * words (`sopkit check` names them, `translation/quiz-outdated`).
 * @param root Project root.
 * @param source The source quiz, valid.
 * @param lang The reader's language.
 * @param sourceLang The source language (the pack's).
 */
export function quizIn(root: string, source: Quiz, lang: string, sourceLang: string): QuizInLanguage {
  const fallback: QuizInLanguage = { quiz: source, contentLang: source.language ?? sourceLang, translated: false };
  if (lang === sourceLang) return fallback;
  const abs = join(root, translationLayout(lang).quizzes, `${source.id}.yaml`);
  if (!existsSync(abs)) return fallback;
  const doc = loadQuizFile(root, abs);
  if (!doc.quiz || doc.diagnostics.some((d) => d.severity === 'error')) return fallback;
  if (quizIdSignature(doc.quiz) !== quizIdSignature(source)) return fallback;
  const stale = staleQuizItems(root, `${layout.quizzes}/${source.id}.yaml`, doc.file);
  const quiz = withTranslatedText(source, { ...doc.quiz, language: doc.quiz.language ?? lang }, stale);
  return { quiz, contentLang: doc.quiz.language ?? lang, translated: true, ...(stale.size ? { sourceWords: source.items.filter((i) => stale.has(i.id)).map((i) => i.id) } : {}) };
}
