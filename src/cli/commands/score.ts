import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { direction } from '../../i18n/index.ts';
import { today } from '../../lib/check/index.ts';
import { loadProject } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { csvFile } from '../../lib/assessment/csv-write.ts';
import { itemsCsv, namesOf, scoresCsv } from '../../lib/assessment/export-csv.ts';
import { reviewOrder } from '../../lib/assessment/item-analysis.ts';
import { quizCode } from '../../lib/assessment/quiz-code.ts';
import { reportWordsIn } from '../../lib/assessment/report-words-in.ts';
import { numberLocale } from '../../lib/assessment/score-line.ts';
import { resolveQuiz } from '../../lib/assessment/quiz-load.ts';
import { fmt, fmtP, gainBand, renderReportHtml } from '../../lib/assessment/report-html.ts';
import { scoreFiles, type ResponsesFile, type Scored } from '../../lib/assessment/score-files.ts';
import { lookAlikeList, lookAlikes } from '../../lib/assessment/look-alike.ts';
import { nameConflictList, nameConflicts, namedRows } from '../../lib/assessment/names.ts';
import type { FormId, ParticipantResponse, ScoreReport } from '../../lib/assessment/types.ts';
import { langOption } from '../../lib/translation/lang-option.ts';
import { quizIn } from '../../lib/translation/quizzes.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { dateOption } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { outDir } from '../out.ts';

const asForm = (value: unknown): FormId | undefined => {
  if (value === undefined) return undefined;
  if (value === 'pre' || value === 'post') return value;
  throw new SopkitError('score/bad-form', `--form ${String(value)}: use --form pre or --form post`);
};

/** The files `--out` writes. */
const OUTPUTS = ['scores.csv', 'items.csv', 'report.html', 'report.pdf'];

function filesFrom(values: Record<string, unknown>): ResponsesFile[] {
  const form = asForm(values.form);
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
  const files: ResponsesFile[] = [
    ...list(values.responses).map((path) => ({ path, ...(form ? { form } : {}) })),
    ...list(values.pre).map((path) => ({ path, form: 'pre' as const })),
    ...list(values.post).map((path) => ({ path, form: 'post' as const })),
  ];
  if (files.length === 0) throw new SopkitError('score/no-responses', 'give the responses: --responses file.csv, or --pre pre.csv --post post.csv');
  if (form && (values.pre !== undefined || values.post !== undefined)) {
    throw new SopkitError('score/form-and-pre', '--form applies to --responses; --pre and --post already say which form a file is');
  }
  return files;
}

function printSummary(io: Io, quiz: Quiz, { report, sets }: Scored): void {
  io.out(`${quiz.title} (${quiz.id}), pass mark ${quiz.passMark}%`);
  for (const form of ['pre', 'post'] as const) {
    const s = report.forms[form];
    if (!s) continue;
    const passed = s.participants.filter((p) => p.passed).length;
    io.out(`  ${form}-test: ${s.n} ${s.n === 1 ? 'participant' : 'participants'}, mean ${fmt(s.mean)} of ${fmt(s.maxScore, 0)} (sd ${fmt(s.sd)}), alpha ${fmt(s.alpha)}, ${passed} passed`);
    const review = reviewOrder(s.items);
    if (review.length) io.out(`    items to review: ${review.map((i) => `${i.id} (${i.flags.join(', ')})`).join('; ')}`);
  }
  const pp = report.prepost;
  if (pp && pp.matched === 0) {
    // Printed as "0 matched; class gain – ()" and a line of dashes: no participant id is in both files.
    io.out('  pre/post: no participant took both tests (no id is in both the pre-test and the post-test), so no gain or change can be computed; the warnings list the ids found in only one');
  } else if (pp) {
    // The class gain is undefined when the matched participants' pre-test mean is 100 %.
    const gain = pp.classGain === null ? '– (the pre-test mean is 100 %: no room to gain)' : `${fmt(pp.classGain)} (${gainBand(pp.classGain)})`;
    io.out(`  pre/post: ${pp.matched} matched; class gain ${gain}, mean individual gain ${fmt(pp.meanIndividualGain)}`);
    io.out(`    mean change ${fmt(pp.meanDifference)} ${pp.scale === 'marks' ? 'marks' : 'percentage points'}; t(${pp.df ?? '–'}) = ${fmt(pp.t, 3)}, ${fmtP(pp.p)}; Wilcoxon V = ${fmt(pp.wilcoxon.V, 1)}, ${fmtP(pp.wilcoxon.p)} (${pp.wilcoxon.method}); d_z = ${fmt(pp.dz)}`);
  }
  for (const set of sets) if (set.ignoredColumns.length) io.err(`note: ${set.file}: ignored columns ${set.ignoredColumns.join(', ')}`);
}

function warnUnmatched(io: Io, report: ScoreReport): void {
  const un = report.prepost?.unmatched;
  if (un?.pre.length) io.err(`warning: only in the pre-test (not compared): ${un.pre.join(', ')}`);
  if (un?.post.length) io.err(`warning: only in the post-test (not compared): ${un.post.join(', ')}`);
  const alike = un ? lookAlikes(un.pre, un.post) : [];
  if (alike.length) io.err(`warning: ${alike.length} of them differ only in how the id is written (pre / post: ${lookAlikeList(alike)}); write each participant's id the same way in both files, or they are not compared`);
}

/** Ids with another person's name in another file: paired by id, one person's scores would be credited to another. */
function warnNames(io: Io, responses: readonly ParticipantResponse[]): void {
  const conflicts = nameConflicts(namedRows(responses));
  if (!conflicts.length) return;
  io.err(`warning: ${conflicts.length === 1 ? '1 participant id carries' : `${conflicts.length} participant ids carry`} the names of different people: ${nameConflictList(conflicts)}; the tests are paired by id, so one person's score may be credited to another: check the ids on the answer sheets and correct the file`);
}

export const score: Command = {
  name: 'score',
  help: `Usage: sopkit score --quiz <id|path.yaml> (--responses f.csv | --pre f.csv --post g.csv)
                    [--form pre|post] [--out DIR] [--json] [--date YYYY-MM-DD] [--lang CODE]

Reads responses (participant, form, one column per item; CSV with comma, semicolon or tab, or
an Excel workbook's first sheet of answers; Kobo/ODK exports too; the format is in ARCHITECTURE.md),
or Moodle's Responses report of a quiz run in Moodle (Results > Responses, downloaded as CSV
or Excel; give it as --pre or --post: each finished attempt is one participant, known by its
ID number, else its email address, else its name; attempts not finished are listed, not
scored; tick "Question text" so each slot is matched to its item by its text, else the slots
are taken in the order of the form as \`sopkit quiz export --form\` writes it). Moodle's Grades
report holds marks, not answers, and is refused. Then it scores them against the quiz and
computes classical test statistics: item analysis as Moodle's statistics report, and with both
forms the pre/post comparison (normalized gains, paired t, Wilcoxon signed-rank, d_z, mastery
per objective).
Participants found in only one form are listed, never dropped silently.

Options:
  --quiz ID|PATH        a quiz id from quizzes/, or the path of any quiz file
  --responses FILE      a responses file (repeatable); the form comes from its form column or --form
  --pre FILE            the pre-test responses;  --post FILE  the post-test responses
  --form pre|post       the form of --responses files that have no form column
  --json                print the statistics as JSON
  --out DIR             write scores.csv, items.csv, report.html and report.pdf into DIR
  --date YYYY-MM-DD     the date printed on the report (default: today)
  --lang CODE           the language of report.html and report.pdf, one of the locales of
                        content/site.yaml (en, fr, ar in the model pack; default: the pack's
                        source language): headings, sentences and numbers in that language, the
                        quiz's title and objectives from quizzes/<lang>/ where it is translated.
                        An Arabic report is written right to left. The CSVs do not change.

Example:
  sopkit score --quiz birth-registration --pre pre.csv --post post.csv --out results/`,
  maxArguments: 0,
  options: {
    quiz: { type: 'string' },
    responses: { type: 'string', multiple: true },
    pre: { type: 'string', multiple: true },
    post: { type: 'string', multiple: true },
    form: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    date: { type: 'string' },
    lang: { type: 'string' },
  },
  async run({ values, root, io }) {
    if (typeof values.quiz !== 'string') throw new SopkitError('score/no-quiz', 'give the quiz: --quiz <id> (from quizzes/) or --quiz path/to/quiz.yaml');
    const dir = typeof values.out === 'string' ? outDir(root, values.out, values.out) : undefined;
    const given = dateOption('--date', values.date);
    const { quiz } = resolveQuiz(root, values.quiz);
    // The language is checked before any file is read, so a wrong --lang costs nothing.
    const project = values.lang !== undefined || typeof values.out === 'string' ? loadProject(root) : undefined;
    const sourceLang = project?.locales[0]?.code ?? 'en';
    const lang = project ? langOption(project, values.lang, sourceLang) : sourceLang;
    const files = filesFrom(values);
    // Before anything is read or written: `--pre out/scores.csv --out out` replaced the answers
    // with the scores and said it had written them.
    if (dir) {
      const given = new Set(files.map((f) => resolve(root, f.path)));
      const clash = OUTPUTS.find((name) => given.has(resolve(dir, name)));
      if (clash) throw new SopkitError('score/overwrite-input', `${join(values.out as string, clash)} is one of the files given to score, and --out writes a file of that name there: give --out another folder, or move the file; nothing was written`);
    }
    const scored = await scoreFiles(root, quiz, files);
    for (const set of scored.sets) for (const warning of set.warnings) io.err(`warning: ${warning}`);
    warnUnmatched(io, scored.report);
    warnNames(io, scored.responses);
    if (values.json) io.out(JSON.stringify(scored.report, null, 2));
    else printSummary(io, quiz, scored);
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const names = namesOf(scored.responses);
      const date = given ?? today();
      writeFileSync(join(dir, 'scores.csv'), csvFile(scoresCsv(scored.report, names, quiz.passMark)));
      writeFileSync(join(dir, 'items.csv'), csvFile(itemsCsv(scored.report, quiz)));
      const p = project!;
      // Scored on the source's key; printed in the report's language (the translation's words on that key).
      const shown = quizIn(p.root, quiz, lang, sourceLang);
      const source = values.lang === undefined || lang === sourceLang;
      // Without --lang, report.html is the English report the scoring page of the source site offers.
      const words = source ? {} : { words: reportWordsIn(lang), locale: numberLocale(lang), lang, dir: direction(lang), ...(shown.contentLang !== lang ? { content: { lang: shown.contentLang, dir: direction(shown.contentLang) } } : {}) };
      writeFileSync(join(dir, 'report.html'), renderReportHtml(scored.report, shown.quiz, { names, date, ...words }));
      // The PDF is in the SOP's language unless --lang says otherwise (as before the option).
      const pdfLang = values.lang === undefined ? p.sops.find((x) => x.id === quiz.sop)?.data?.language : lang;
      const code = quizCode(p, quiz);
      const { renderTrainingReport } = await import('../../lib/handbook/report.ts');
      writeFileSync(join(dir, 'report.pdf'), await renderTrainingReport(scored.report, shown.quiz, { date, ...(p.site?.organisation ? { organisation: p.site.organisation } : {}), ...(pdfLang ? { lang: pdfLang } : {}), ...(code ? { code } : {}) }));
      io.err(`wrote ${OUTPUTS.join(', ')} to ${values.out}`);
    }
    return 0;
  },
};
