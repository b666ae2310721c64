import { resolve } from 'node:path';
import { today } from '../../lib/check/index.ts';
import { loadProject } from '../../lib/content/project.ts';
import { outDir } from '../out.ts';
import { SopkitError } from '../../lib/errors.ts';
import { langOption } from '../../lib/translation/lang-option.ts';
import { reportColumns } from '../../lib/training/report/columns.ts';
import { courseInfo } from '../../lib/training/report/course-info.ts';
import { readReportInputs, refuseInputClash, writeReportFiles } from '../../lib/training/report/files.ts';
import { buildTrainingReport, type TrainingReport } from '../../lib/training/report/model.ts';
import { keyFigures, missingLine } from '../../lib/training/report/words.ts';
import { dateOption } from '../args.ts';
import type { Command, Io } from '../command.ts';

const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
const one = (v: unknown, flag: string) => {
  const values = list(v);
  if (values.length > 1) throw new SopkitError('report/repeated', `--${flag} is given ${values.length} times; give one file (the report has one ${flag} section)`);
  return values[0];
};

function printSummary(io: Io, r: TrainingReport): void {
  io.out(`${r.course.title} (${r.course.id}): training report of ${r.date}`);
  for (const [value, label] of keyFigures(r)) io.out(`  ${value}  ${label}`);
  for (const section of r.missing) io.out(`  ${missingLine(section, r.course.language)} (${section})`);
  for (const w of r.warnings) io.err(`warning: ${w}`);
}

export const report: Command = {
  name: 'report',
  help: `Usage: sopkit report --course <id> [--pre f.csv --post g.csv]... [--evaluation e.csv]...
                     [--attendance a.csv] [--notes notes.md] --out DIR [--json] [--date YYYY-MM-DD]
                     [--lang CODE] [--date-order dmy|mdy]

Writes the training report of a course, as HTML and PDF: cover, summary, the course as
delivered, participants and attendance, pre/post results per module and objective (the scoring
of \`sopkit score\`), items to review, the session evaluation (response rate, mean and sd per
statement, diverging bars, comments as written), the trainer's observations and recommendations
(Markdown), and annexes (timetable, item analysis). Every file is optional: a missing one leaves
its section out with a line saying so; a bad one is one error naming the file, row and column.
Tables are CSV files or Excel workbooks (.xlsx: the first sheet whose header names the file's
columns, else the first sheet with a cell filled in).
The formats are in ARCHITECTURE.md (Formats: responses, evaluation responses, attendance, notes).

Options:
  --course ID           a course id from content/courses/
  --pre FILE            pre-test responses (repeatable: one per quiz of the course); the quiz is
                        found from the item columns, or named: --pre <quiz>=FILE
  --post FILE           post-test responses (repeatable), the same way
  --evaluation FILE     session evaluation responses (repeatable: paper, kiosk and phones)
  --attendance FILE     participant, name, organisation, sex, role, day1..dayN (or one
                        column per date: 2026-03-02, or 02/03/2026 as spreadsheets export it)
  --date-order dmy|mdy  how the attendance file's slash dates are written: dmy, day first
                        (02/03/2026 is 2 March), or mdy, month first (3 February). Without it
                        the order that gives real days, and the dates of the notes' frontmatter,
                        is taken; a file both orders read plausibly is refused
  --notes FILE          the trainer's observations and recommendations, in Markdown; an optional
                        frontmatter gives the dates, venue and trainers as delivered
  --out DIR             write report.html, report.pdf, <quiz>-scores.csv, <quiz>-items.csv and
                        <form>-evaluation.csv into DIR
  --json                print the report as JSON (and nothing else on stdout)
  --date YYYY-MM-DD     the date of the report (default: today)
  --lang CODE           the language of report.html and report.pdf, one of the locales of
                        content/site.yaml (en, fr, ar in the model pack; default: the course's
                        language): headings, sentences, numbers and dates in that language;
                        module titles and quiz objectives from their translations where there
                        are some (content/<lang>/modules/, quizzes/<lang>/), else the source's.
                        An Arabic report is written right to left. The CSVs do not change.

Example:
  sopkit report --course registry-officers --pre examples/registry-officers/pre.csv \\
    --post examples/registry-officers/post.csv --evaluation examples/registry-officers/evaluation.csv \\
    --attendance examples/registry-officers/attendance.csv --notes examples/registry-officers/notes.md --out report/`,
  maxArguments: 0,
  options: {
    course: { type: 'string' },
    pre: { type: 'string', multiple: true },
    post: { type: 'string', multiple: true },
    evaluation: { type: 'string', multiple: true },
    attendance: { type: 'string', multiple: true },
    notes: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'boolean' },
    date: { type: 'string' },
    lang: { type: 'string' },
    'date-order': { type: 'string' },
  },
  async run({ values, root, io }) {
    if (typeof values.course !== 'string') throw new SopkitError('report/no-course', 'give the course: --course <id> (from content/courses/)');
    if (typeof values.out !== 'string' && !values.json) throw new SopkitError('report/no-out', 'give --out DIR for report.html and report.pdf, or --json to print the report');
    const date = dateOption('--date', values.date) ?? today();
    const order = values['date-order'];
    if (order !== undefined && order !== 'dmy' && order !== 'mdy') throw new SopkitError('report/date-order', `--date-order ${String(order)}: write dmy (day first: 02/03/2026 is 2 March) or mdy (month first: 3 February)`);
    // Refused before the summary is printed: a file at --out used to fail after it.
    const out = typeof values.out === 'string' ? outDir(root, values.out, values.out) : undefined;
    const project = loadProject(root);
    const course = project.courses.find((c) => c.id === values.course)?.data;
    const lang = langOption(project, values.lang, course?.language ?? project.locales[0]?.code ?? 'en');
    const info = courseInfo(project, values.course, lang);
    const attendance = one(values.attendance, 'attendance');
    const notes = one(values.notes, 'notes');
    const inputs = await readReportInputs(root, { pre: list(values.pre), post: list(values.post), evaluation: list(values.evaluation), ...(attendance ? { attendance } : {}), ...(notes ? { notes } : {}) }, reportColumns(info));
    const r = buildTrainingReport(info, inputs, date, order ? { dateOrder: order } : {});
    const given = [...list(values.pre), ...list(values.post), ...list(values.evaluation), ...(attendance ? [attendance] : []), ...(notes ? [notes] : [])].map((file) => resolve(root, file));
    if (out !== undefined) refuseInputClash(out, r, given);
    if (values.json) {
      io.out(JSON.stringify(r, null, 2));
      for (const w of r.warnings) io.err(`warning: ${w}`);
    } else printSummary(io, r);
    if (out !== undefined) {
      const written = await writeReportFiles(out, r, info);
      io.err(`wrote ${written.join(', ')} to ${values.out}`);
    }
    return 0;
  },
};
