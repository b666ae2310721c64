import { t, type UiKey } from '../../i18n/index.ts';
import { resolveQuiz } from '../assessment/quiz-load.ts';
import { quizIn } from '../translation/quizzes.ts';
import { formatClock } from './clock.ts';
import type { ModuleDoc } from './modules.ts';
import type { TimetableEntry } from './timetable.ts';

/** What a timetable calls a quiz: its module's code, or the quiz's own title. */
export type QuizName = (quizId: string) => { code: string } | { title: string };

/**
 * Names the quizzes a timetable's test slots give: a module's quiz by the module's code (for the
 * Module column); a quiz of the course alone by its title from `quizzes/` (translated where
 * `quizzes/<lang>/` has it).
 * @param modules The modules.
 * @param root Project root.
 * @param lang The reader's language.
 * @param sourceLang The pack's language.
 */
export function quizNames(modules: readonly ModuleDoc[], root: string, lang: string, sourceLang: string): QuizName {
  return (id) => {
    const m = modules.find((x) => x.data?.quiz === id)?.data;
    if (m) return { code: m.code };
    try {
      return { title: quizIn(root, resolveQuiz(root, id).quiz, lang, sourceLang).quiz.title };
    } catch {
      return { title: id }; // `sopkit check` reports the quiz; the build stops before a page shows this
    }
  };
}

/** One timetable line in words, as the course page and the guide's PDF print it. */
export interface TimetableLine {
  /** `08:30–09:15`. */
  time: string;
  what: string;
  method: string;
  /** Module code, or '' for breaks and tests. */
  module: string;
  moduleId?: string;
  /** Session number, for a link to its anchor on the module page. */
  session?: number;
  trainer: string;
  kind: TimetableEntry['kind'];
}

/**
 * A timetable entry in words.
 * @param e The entry.
 * @param lang Language of the labels.
 * @param quizName Names a test's quiz (see `quizNames`); without it, the quiz id.
 */
export function timetableLine(e: TimetableEntry, lang: string, quizName?: QuizName): TimetableLine {
  const base = { time: `${formatClock(e.start)}–${formatClock(e.end)}`, trainer: e.trainer ?? '', kind: e.kind };
  switch (e.kind) {
    case 'session':
      return { ...base, what: e.session.title, method: e.session.method ? t(`method.${e.session.method}` as UiKey, lang) : '', module: e.module.data?.code ?? e.module.id, moduleId: e.module.id, session: e.session.n };
    case 'break':
      return { ...base, what: e.label, method: t('method.break', lang), module: '' };
    case 'test': {
      // A module's quiz: "Pre-test", its module's code in the Module column; a quiz of the course
      // alone: "Pre-test (its title)".
      const name = e.quiz ? (quizName?.(e.quiz) ?? { title: e.quiz }) : undefined;
      const what = name && 'title' in name ? t(e.form === 'pre' ? 'course.pretest' : 'course.posttest', lang, { quiz: name.title }) : t(e.form === 'pre' ? 'module.pretest' : 'module.posttest', lang);
      return { ...base, what, method: t('method.test', lang), module: name && 'code' in name ? name.code : '' };
    }
    case 'evaluation':
      return { ...base, what: t('course.evaluation', lang), method: t('method.evaluation', lang), module: '' };
    case 'other':
      return { ...base, what: e.title, method: '', module: '' };
  }
}
