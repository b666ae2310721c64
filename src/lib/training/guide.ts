import { colon, direction, t, tn, type UiKey } from '../../i18n/index.ts';
import { isolate } from '../fonts/scripts.ts';
import type { Project } from '../content/project.ts';
import { loadQuizzes, resolveQuiz } from '../assessment/quiz-load.ts';
import type { Course } from '../../schemas/course.ts';
import type { CourseDoc } from './courses.ts';
import type { ModuleDoc } from './modules.ts';
import { allOf } from './outline.ts';
import { workflowTitle } from './module-prints.ts';
import type { Edition } from '../handbook/editions.ts';
import { printPack, totalCopies, type PrintLine } from './print-pack.ts';
import { slideFileNames } from './slide-files.ts';
import { translatedPdfName } from '../translation/paths.ts';
import { evaluationIn } from '../translation/evaluations.ts';
import { quizIn } from '../translation/quizzes.ts';
import { courseTests, courseTimetable, DEFAULT_TEST_MINUTES } from './timetable.ts';

/** A link to a page or file of the site (a site path such as `/assessments/x/pre/`). */
export interface GuideLink {
  text: string;
  href: string;
  /** The language of `text` when it is not the guide's (a module not translated yet: its English title). */
  lang?: string;
}

/** Course content in its own language (a module not translated yet), set apart from the guide's words. */
export interface GuideText {
  text: string;
  /** Its language: the page marks it, the PDF lays it out in that language's direction. */
  lang: string;
}

/** A checklist item: a sentence in the guide's language, or a lead-in followed by content in its own languages (one paragraph each). */
export type GuideItem = string | { text: string; content: GuideText[] };

/** One piece of a guide section; the web page and the PDF render each kind their own way. */
export type GuidePart =
  | { kind: 'paragraph'; text: string }
  | { kind: 'checklist'; title: string; items: GuideItem[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'links'; items: GuideLink[] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; header: string[]; rows: (string | GuideLink)[][]; footer: string[] };

/**
 * A paragraph's text cut at its backticks: the guide's words name commands such as
 * `npm run build:trainer`, which the page shows as code and the PDF in its code face (they were
 * printed with the backticks).
 */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text.split('`').map((part, i) => ({ text: part, code: i % 2 === 1 })).filter((p) => p.text !== '');
}

/** A section of the trainer's guide. */
export interface GuideSection {
  /** Anchor on the page. */
  id: string;
  title: string;
  parts: GuidePart[];
}

/** The trainer's guide of a course, as data: the page and the PDF both render it. */
export interface TrainerGuide {
  title: string;
  lead: string;
  sections: GuideSection[];
  pack: PrintLine[];
}

const GROUP_SIZE = 4;

/**
 * A quiz named in words, in a language: its module's code and title ("M1 Legal identity…") when it
 * is a module's quiz, else its own title (translated where `quizzes/<lang>/` has it). The id only
 * when the quiz does not load (`sopkit check` reports it; the build stops before printing).
 * @param project The project in the reader's language (`projectIn`), for module titles.
 * @param quiz Quiz id.
 * @param lang The reader's language.
 */
export function quizTitle(project: Project, quiz: string, lang: string): string {
  const m = project.modules.find((x) => x.data?.quiz === quiz)?.data;
  if (m) return `${m.code} ${m.title}`;
  try {
    return quizIn(project.root, resolveQuiz(project.root, quiz).quiz, lang, project.locales[0]?.code ?? 'en').quiz.title;
  } catch {
    return quiz;
  }
}

/**
 * The print pack of a course, from its numbers, what its modules contain and the tests its
 * timetable runs (`courseTests`). In a translated language the files are that language's where
 * the build writes them (`writeTranslatedTrainingPrints`, `writeTranslatedQuizPrints`, on the
 * same tests): a translated module's `<name>.<lang>.pdf`, a translated quiz's booklet, answer
 * sheet and answer key, a translated evaluation form; the source's otherwise.
 * @param project The project in the reader's language (`projectIn`).
 * @param course The course (valid), from that project.
 * @param lang The reader's language (default: the course's).
 */
export function coursePrintPack(project: Project, course: Course, lang: string = course.language): PrintLine[] {
  const modules = course.modules.flatMap((id) => project.modules.filter((m) => m.id === id && m.data));
  const sourceLang = project.locales[0]?.code ?? 'en';
  const inSource = lang === sourceLang;
  const translated = new Set(
    inSource
      ? []
      : modules
          .filter((m) => m.data!.language === lang)
          .flatMap((m) => [`${m.id}.pdf`, `${m.id}-trainer.pdf`, slideFileNames.handouts(m.id), slideFileNames.speakerNotes(m.id), ...allOf(m.outline, 'jobAids').map((a) => `${m.id}-job-aid-${a.workflow}.pdf`)]),
  );
  const quizTranslated = (quiz: string) => {
    try {
      return quizIn(project.root, resolveQuiz(project.root, quiz).quiz, lang, sourceLang).translated;
    } catch {
      return false;
    }
  };
  const own = (line: PrintLine): boolean => {
    if (inSource || !line.file) return false;
    if (line.kind === 'booklet' || line.kind === 'answer-sheet' || line.kind === 'answer-key') return quizTranslated(line.of!);
    if (line.kind === 'evaluation-form') return evaluationIn(project.root, line.of!, lang)?.translated === true;
    return translated.has(line.file);
  };
  const timetable = courseTimetable(course, new Map(project.modules.map((m) => [m.id, m])));
  return printPack({
    participants: course.participants,
    sparePercent: course.sparePercent,
    trainers: course.trainers.length,
    modules: modules.map((m) => ({ id: m.id, code: m.data!.code, title: m.data!.title, handouts: allOf(m.outline, 'handouts'), jobAids: allOf(m.outline, 'jobAids').map((a) => ({ workflow: a.workflow, title: workflowTitle(project, a.workflow, lang) })) })),
    tests: courseTests(course, timetable).map((x) => ({ ...x, title: quizTitle(project, x.quiz, lang) })),
    ...(course.evaluation ? { evaluation: { id: course.evaluation, title: course.title } } : {}),
    moduleEvaluations: moduleForms(modules),
  }).map((line) => (own(line) ? { ...line, file: translatedPdfName(line.file!, lang) } : line));
}

/**
 * The session evaluation forms a course's modules name (`evaluation:` in a module's frontmatter),
 * in the course's order, each named by its module's code and title; a form two modules share once.
 */
function moduleForms(modules: readonly ModuleDoc[]): { id: string; title: string; module: string }[] {
  const forms = new Map<string, { id: string; title: string; module: string }>();
  for (const m of modules) {
    const id = m.data?.evaluation;
    if (id && !forms.has(id)) forms.set(id, { id, title: `${m.data!.code} ${m.data!.title}`, module: m.id });
  }
  return [...forms.values()];
}

/**
 * A title set among the guide's words (a module's, a handout's, a quiz's), in a right-to-left
 * guide in a first-strong isolate of its own, as the print code's `own` sets names from elsewhere:
 * an untranslated module's English title inside an Arabic sentence took the sentence's brackets
 * and commas into its English ("(ومعه أوراق العمل: Legal identity at a glance، Task" / "cards…)"),
 * in the PDF and on the page alike. Unchanged in a left-to-right guide.
 */
export function among(text: string, lang: string): string {
  return text && direction(lang) === 'rtl' ? isolate(text) : text;
}

/** A print line in words, in a language. */
export function printLineTitle(line: PrintLine, lang: string): string {
  const form = line.form ? t(line.form === 'pre' ? 'module.pretest' : 'module.posttest', lang).toLowerCase() : '';
  const title = t(`print.${line.kind}`, lang, { title: among(line.title, lang), form });
  return line.includes?.length ? `${title} ${t('print.includes', lang, { list: line.includes.map((h) => among(h, lang)).join(t('list.separator', lang)) })}` : title;
}

/**
 * The trainer's guide of a course: what to prepare two weeks, one week and the day before; the
 * room; the print pack with quantities; how to run the tests on paper, on phones or on a kiosk
 * tablet; how to score; how to write the report.
 * @param project The loaded project.
 * @param doc The course (valid).
 * @param edition The site's edition: trainer material is linked only where the build writes it.
 * @param lang Language of the guide's words (default: the course's); pass the project in that
 *   language (`projectIn`) so module titles are the translation's.
 */
export function trainerGuide(project: Project, doc: CourseDoc & { data: Course }, edition: Edition = 'participant', lang: string = doc.data.language): TrainerGuide {
  const c = doc.data;
  const modules = c.modules.flatMap((id) => project.modules.filter((m) => m.id === id && m.data));
  const pack = coursePrintPack(project, c, lang);
  // What the activities need, in the language of each module (a module not translated yet gives
  // its source's words): a lead-in, then each activity's materials as a line of its own, as the
  // author wrote them (run into one sentence, they read "need: Per pair, five cards; One set of
  // task cards", each capital mid-sentence), so an English line in an Arabic guide runs left to right.
  const materialsIn = new Map<string, Set<string>>();
  for (const m of modules) {
    for (const a of allOf(m.outline, 'activities')) {
      if (!a.materials) continue;
      const of = materialsIn.get(m.data!.language) ?? new Set<string>();
      materialsIn.set(m.data!.language, of.add(a.materials));
    }
  }
  const materials: GuideItem[] = !materialsIn.size
    ? []
    : [
        {
          text: t('guide.prep.materialsLead', lang),
          // A module not translated yet gives its words in its own language: said first, in the
          // guide's, as a page not translated yet says it (a French guide ran on in English unannounced).
          content: [...materialsIn].flatMap(([l, x]) => [
            ...(l === lang ? [] : [{ text: t('assess.notTranslated', lang, { language: t(`language.${l}` as UiKey, lang) }), lang }]),
            ...[...x].map((text) => ({ text, lang: l })),
          ]),
        },
      ];
  const quizzes = new Map(loadQuizzes(project.root).flatMap((q) => (q.quiz ? [[q.id, q.quiz] as const] : [])));
  const pre = c.pretest;
  const post = c.posttest;
  const minutes = quizzes.get(pre ?? post ?? '')?.timeLimit ?? DEFAULT_TEST_MINUTES;
  const groups = Math.ceil(c.participants / GROUP_SIZE);

  const prepare: GuideSection = {
    id: 'prepare',
    title: [t('guide.when.twoWeeks', lang), t('guide.when.oneWeek', lang).toLowerCase(), t('guide.when.dayBefore', lang).toLowerCase()].join(t('list.separator', lang)),
    parts: [
      { kind: 'checklist', title: t('guide.when.twoWeeks', lang), items: [t('guide.prep.confirm', lang, { venue: c.venue, n: c.participants }), t('guide.prep.law', lang), t('guide.prep.read', lang)] },
      { kind: 'checklist', title: t('guide.when.oneWeek', lang), items: [t('guide.prep.print', lang, { copies: tn('guide.prep.copies', totalCopies(pack), lang) }), t('guide.prep.simulator', lang), t('guide.prep.tests', lang), ...materials] },
      { kind: 'checklist', title: t('guide.when.dayBefore', lang), items: [t('guide.prep.room', lang), t('guide.prep.packs', lang), t('guide.prep.offline', lang)] },
      { kind: 'links', items: modules.flatMap((m) => [{ text: `${m.data!.code} ${m.data!.title}`, href: `/modules/${m.id}/`, ...(m.data!.language !== lang ? { lang: m.data!.language } : {}) }]) },
    ],
  };

  const room: GuideSection = {
    id: 'room',
    title: t('guide.room', lang),
    parts: [{ kind: 'list', items: [t('guide.room.groups', lang, { groups: tn('guide.room.groupCount', groups, lang), size: GROUP_SIZE }), t('guide.room.screen', lang), t('guide.room.flipcharts', lang), t('guide.room.tests', lang), t('guide.room.access', lang)] }],
  };

  const printSection: GuideSection = {
    id: 'print',
    title: t('guide.print', lang),
    parts: [
      { kind: 'paragraph', text: t('guide.print.lead', lang, { participants: tn('guide.print.participants', c.participants, lang), spare: c.sparePercent, trainers: c.trainers.length }) },
      {
        kind: 'table',
        header: [t('guide.print.what', lang), t('guide.print.file', lang), t('guide.print.for', lang), t('guide.print.copies', lang)],
        rows: pack.map((line) => [
          printLineTitle(line, lang),
          !line.file ? t('guide.print.noFile', lang) : line.per === 'trainer' && edition !== 'trainer' ? `${line.file} (${t('handbook.edition.trainer', lang).toLowerCase()})` : { text: line.file, href: `/handbooks/${line.file}` },
          t(line.per === 'participant' ? 'guide.print.perParticipant' : 'guide.print.perTrainer', lang),
          String(line.copies),
        ]),
        footer: [t('guide.print.total', lang), '', '', String(totalCopies(pack))],
      },
    ],
  };

  // Every test the timetable gives beyond the course's own pre- and post-test, with its forms.
  // (The print pack's booklets are those tests, one per quiz and form: the timetable is not worked out again.)
  const given = pack.flatMap((l) => (l.kind === 'booklet' && l.of && l.form ? [{ quiz: l.of, form: l.form }] : []));
  const moduleTests = [...new Set(given.map((x) => x.quiz))].filter((q) => q !== pre && q !== post).map((quiz) => ({ quiz, forms: given.filter((x) => x.quiz === quiz).map((x) => x.form) }));
  /** A test's answers files: the course's pre.csv and post.csv, a module test's pre-<quiz>.csv and post-<quiz>.csv. */
  const files = (quiz: string) => (quiz === pre || quiz === post ? { pre: 'pre.csv', post: 'post.csv' } : { pre: `pre-${quiz}.csv`, post: `post-${quiz}.csv` });
  const testLinks: GuideLink[] = [];
  if (pre) testLinks.push({ text: t('guide.tests.prePage', lang), href: `/assessments/${pre}/pre/` }, { text: t('guide.tests.kioskPage', lang), href: `/assessments/${pre}/pre/?kiosk` }, { text: t('guide.tests.template', lang), href: `/assessments/${pre}/pre/template.csv` });
  if (post) testLinks.push({ text: t('guide.tests.postPage', lang), href: `/assessments/${post}/post/` }, { text: t('guide.tests.templatePost', lang), href: `/assessments/${post}/post/template.csv` });
  // The time to allow, the noun in the form its count takes (Arabic: دقيقتين, 5 دقائق, 45 دقيقة).
  const allow = tn('guide.tests.minutes', minutes, lang);
  const tests: GuideSection = {
    id: 'tests',
    title: t('guide.tests', lang),
    parts: [
      {
        kind: 'paragraph',
        // The tests by name, the same quiz once ("… two forms of one test (M1 Legal identity…)").
        text: pre && pre === post ? t('guide.tests.leadOne', lang, { quiz: among(quizTitle(project, pre, lang), lang), minutes: allow }) : t('guide.tests.lead', lang, { pre: pre ? among(quizTitle(project, pre, lang), lang) : '–', post: post ? among(quizTitle(project, post, lang), lang) : '–', minutes: allow }),
      },
      { kind: 'list', items: [t('guide.tests.paper', lang), t('guide.tests.phones', lang), t('guide.tests.kiosk', lang)] },
      { kind: 'links', items: testLinks },
      // The modules' own tests (M2's, M3's...): the guide named only the course's, and a trainer who
      // followed it scored one test of four.
      ...(moduleTests.length
        ? [
            { kind: 'paragraph' as const, text: t('guide.tests.modules', lang, { list: moduleTests.map((q) => among(quizTitle(project, q.quiz, lang), lang)).join(t('list.semicolon', lang)) }) },
            {
              kind: 'links' as const,
              items: moduleTests.flatMap((q) => {
                // By its module's code (the paragraph above gives the titles), else its title.
                const quiz = project.modules.find((m) => m.data?.quiz === q.quiz)?.data?.code ?? quizTitle(project, q.quiz, lang);
                return [
                  ...(q.forms.includes('pre') ? [{ text: t('guide.tests.modulePre', lang, { quiz }), href: `/assessments/${q.quiz}/pre/` }, { text: t('guide.tests.moduleTemplate', lang, { quiz }), href: `/assessments/${q.quiz}/pre/template.csv` }] : []),
                  ...(q.forms.includes('post') ? [{ text: t('guide.tests.modulePost', lang, { quiz }), href: `/assessments/${q.quiz}/post/` }, { text: t('guide.tests.moduleTemplatePost', lang, { quiz }), href: `/assessments/${q.quiz}/post/template.csv` }] : []),
                ];
              }),
            },
          ]
        : []),
    ],
  };

  const quiz = pre ?? post ?? '<quiz>';
  const score: GuideSection = {
    id: 'score',
    title: t('guide.score', lang),
    parts: [
      { kind: 'paragraph', text: t('guide.score.lead', lang) },
      { kind: 'paragraph', text: moduleTests.length ? t('guide.score.each', lang) : t('guide.score.cli', lang) },
      { kind: 'code', text: [quiz, ...moduleTests.map((q) => q.quiz)].map((q) => `npx sopkit score --quiz ${q} --pre ${files(q).pre} --post ${files(q).post} --out results/${moduleTests.length ? `${q}/` : ''}`).join('\n') },
      { kind: 'paragraph', text: t('guide.score.page', lang) },
      // The scoring page exists in the trainer build only.
      ...(edition === 'trainer' ? [{ kind: 'links' as const, items: [{ text: t('guide.score.pageLink', lang), href: '/scoring/' }] }] : []),
    ],
  };

  const report: GuideSection = {
    id: 'report',
    title: t('guide.report', lang),
    parts: [
      { kind: 'paragraph', text: t('guide.report.lead', lang) },
      { kind: 'code', text: `npx sopkit report --course ${c.id} --pre pre.csv --post post.csv${moduleTests.map((q) => ` --pre ${files(q.quiz).pre} --post ${files(q.quiz).post}`).join('')} --evaluation evaluation.csv --attendance attendance.csv --notes notes.md --out report/` },
      {
        kind: 'links',
        items: [
          ...(c.evaluation
            ? [
                { text: t('guide.report.evaluation', lang), href: `/evaluations/${c.evaluation}/` },
                { text: t('guide.report.evaluationKiosk', lang), href: `/evaluations/${c.evaluation}/?kiosk` },
                { text: t('guide.report.evaluationTemplate', lang), href: `/evaluations/${c.evaluation}/template.csv` },
              ]
            : []),
          // A module's own form (its `evaluation:`), named by the module: the trainer hands it out at the module's end.
          ...moduleForms(modules)
            .filter((f) => f.id !== c.evaluation)
            .flatMap((f) => [
              { text: `${t('guide.report.evaluation', lang)}${colon(lang)} ${among(f.title, lang)}`, href: `/evaluations/${f.id}/` },
              { text: `${t('guide.report.evaluationTemplate', lang)}${colon(lang)} ${among(f.title, lang)}`, href: `/evaluations/${f.id}/template.csv` },
            ]),
          ...(edition === 'trainer' ? [{ text: t('guide.report.page', lang), href: `/courses/${c.id}/report/` }] : []),
        ],
      },
    ],
  };

  return {
    title: t('guide.title', lang, { title: c.title }),
    lead: t('guide.lead', lang),
    sections: [prepare, room, printSection, tests, score, report],
    pack,
  };
}
