import type { Course } from '../../../schemas/course.ts';
import type { Evaluation } from '../../../schemas/evaluation.ts';
import type { Quiz } from '../../../schemas/quiz.ts';
import { resolveQuiz } from '../../assessment/quiz-load.ts';
import type { Project } from '../../content/project.ts';
import type { SiteLocale } from '../../translation/locales.ts';
import { projectIn } from '../../translation/localize.ts';
import { quizIn } from '../../translation/quizzes.ts';
import { evaluationIn } from '../../translation/evaluations.ts';
import { SopkitError } from '../../errors.ts';
import { siteUrl } from '../../handbook/sop-body.ts';
import { resolveEvaluation } from '../evaluation/load.ts';
import { courseTimetable } from '../timetable.ts';
import { quizNames, timetableLine, type TimetableLine } from '../timetable-text.ts';
import { knownIds } from '../../known-ids.ts';

/**
 * What the training report knows of a course before any file is read: plain data, computed once
 * by the CLI or by the report page at build time, so the report itself runs in Node and in the
 * browser alike.
 */
export interface CourseInfo {
  id: string;
  title: string;
  summary?: string;
  venue: string;
  trainers: string[];
  /** Expected participants (the response rate's base when there is no attendance file). */
  participants: number;
  language: string;
  organisation: string;
  /** The public site, for the report's links and QR code. */
  siteUrl: string;
  /**
   * The site's locales (codes, which is the source): the report's links go to a page in its
   * language where the site has it there (`localePath`), as the handbooks' do.
   */
  locales: Pick<SiteLocale, 'code' | 'default'>[];
  modules: { id: string; code: string; title: string; quiz: string; objectives: string[] }[];
  pretest?: string;
  posttest?: string;
  /** Every quiz the course uses: the modules' and the course pre-test and post-test, in course order. */
  quizzes: Quiz[];
  /** The course's evaluation form id. */
  evaluation?: string;
  /** Every evaluation form the course or its modules name, valid. */
  evaluations: Evaluation[];
  /**
   * The same forms in every language the site publishes them in (the source's and each
   * translation's): a responses file with labels in any of them ("Agree", "D’accord") reads the
   * same whatever the report's language. Before, Kobo's label export was refused with --lang fr.
   */
  evaluationsAlso: Evaluation[];
  /** The timetable as planned, day by day, in words. */
  days: TimetableLine[][];
  /** Role titles by id, so an attendance file may give roles as ids. */
  roles: Record<string, string>;
}

/**
 * The course as the report needs it, from the loaded project, or one clear error: an unknown or
 * invalid course, or a quiz or evaluation form of it that does not pass its own rules. In another
 * language than the course's, module titles, sessions, role titles, the quizzes' words and the
 * evaluation forms' statements are their translations where there are some (the source's
 * otherwise; scoring keys and ids always the source's), and default scale labels that language's.
 * @param project The loaded project.
 * @param id Course id.
 * @param lang Language of the report (default: the course's `language`).
 */
export function courseInfo(project: Project, id: string, lang?: string): CourseInfo {
  const doc = project.courses.find((c) => c.id === id);
  if (!doc) throw new SopkitError('report/unknown-course', `no course "${id}" in content/courses/; known: ${knownIds(project.root, project.courses.map((c) => c.id))}`);
  if (!doc.data) throw new SopkitError('report/invalid-course', `${doc.file} has errors; run \`sopkit check\` and fix them first`);
  const c: Course = doc.data;
  const language = lang ?? c.language;
  const view = language === c.language ? project : projectIn(project, language);
  const modules = c.modules.flatMap((m) => {
    const data = project.modules.find((x) => x.id === m)?.data;
    const title = view.modules.find((x) => x.id === m)?.data?.title ?? data?.title;
    return data && title ? [{ id: m, code: data.code, title, quiz: data.quiz, objectives: data.objectives.map((o) => o.id), evaluation: data.evaluation }] : [];
  });
  const quizIds = [...new Set([...(c.pretest ? [c.pretest] : []), ...modules.map((m) => m.quiz), ...(c.posttest ? [c.posttest] : [])])];
  const formIds = [...new Set([...(c.evaluation ? [c.evaluation] : []), ...modules.flatMap((m) => (m.evaluation ? [m.evaluation] : []))])];
  // The course's words (title, venue, trainers, break labels) in the report's language, where its
  // translation (`content/<lang>/courses/<id>.yaml`) gives them; ids, days and times are the source's.
  const words: Course = view.courses.find((x) => x.id === id)?.data ?? c;
  const timetable = courseTimetable(words, new Map(view.modules.map((m) => [m.id, m])));
  const quizName = quizNames(view.modules, project.root, language, c.language);
  // Each form read once, with its translations in every language the site publishes.
  const forms = formIds.map((e) => {
    const source = resolveEvaluation(project.root, e).evaluation;
    const translations = new Map<string, Evaluation>();
    for (const { code } of project.locales) {
      if (code === source.language) continue;
      const inLang = evaluationIn(project.root, e, code);
      if (inLang?.translated) translations.set(code, { ...inLang.form, language: code });
    }
    return { source, translations };
  });
  return {
    id,
    title: words.title,
    ...(words.summary ? { summary: words.summary } : {}),
    venue: words.venue,
    trainers: words.trainers,
    participants: c.participants,
    language,
    organisation: view.site?.organisation ?? '',
    siteUrl: siteUrl(project),
    locales: project.locales.map(({ code, default: isDefault }) => ({ code, default: isDefault })),
    modules: modules.map(({ evaluation: _, ...m }) => m),
    ...(c.pretest ? { pretest: c.pretest } : {}),
    ...(c.posttest ? { posttest: c.posttest } : {}),
    quizzes: quizIds.map((q) => quizIn(project.root, resolveQuiz(project.root, q).quiz, language, c.language).quiz),
    ...(c.evaluation ? { evaluation: c.evaluation } : {}),
    // The translated form's statements and group titles (same ids, so the same CSV columns).
    evaluations: forms.map(({ source, translations }) => (language === c.language ? source : (translations.get(language) ?? { ...source, language }))),
    evaluationsAlso: forms.flatMap(({ source, translations }) => [source, ...translations.values()]),
    days: timetable.days.map((day) => day.map((e) => timetableLine(e, language, quizName))),
    roles: Object.fromEntries(view.roles.map((r) => [r.id, r.title])),
  };
}
