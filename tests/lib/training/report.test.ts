import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { courseInfo, type CourseInfo } from '../../../src/lib/training/report/course-info.ts';
import { trainingReportHtml } from '../../../src/lib/training/report/html.ts';
import { buildTrainingReport, type InputFile, type ReportInputs } from '../../../src/lib/training/report/model.ts';
import { renderTrainingReportPdf } from '../../../src/lib/training/report/pdf.ts';
import { pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';
import { packWithout } from '../translation/pack-without.ts';

const examples = resolve('examples/registry-officers');
const file = (name: string): InputFile => ({ name, text: readFileSync(join(examples, name), 'utf8') });
const all = (): ReportInputs => ({
  tests: [{ ...file('pre.csv'), form: 'pre' }, { ...file('post.csv'), form: 'post' }],
  evaluations: [file('evaluation.csv')],
  attendance: file('attendance.csv'),
  notes: file('notes.md'),
});
const none: ReportInputs = { tests: [], evaluations: [] };
const HEADINGS = ['Summary', 'The course', 'Participants and attendance', 'Pre-test and post-test results', 'Items to review', 'Session evaluation', "Trainer's observations and recommendations", 'Annex A. Timetable', 'Annex B. Item analysis'];
let info: CourseInfo;
const out = tempDir();

beforeAll(() => {
  info = courseInfo(loadProject(process.cwd()), 'registry-officers');
});

describe('the training report model', () => {
  it('from every file: attendance, each quiz scored, the evaluation against those who attended, the notes', () => {
    const r = buildTrainingReport(info, all(), '2026-03-06');
    expect(r.missing).toEqual([]);
    expect(r.attendance).toMatchObject({ participants: 20, attended: 19 });
    expect(r.tests.map((q) => [q.quiz, q.modules.map((m) => m.code)])).toEqual([['legal-identity-foundations', ['M1']]]);
    const evaluationRows = file('evaluation.csv').text.trim().split('\n').length - 1;
    expect(r.evaluation[0]).toMatchObject({ form: 'registry-officers', respondents: evaluationRows, expected: 19, expectedFrom: 'attendance' });
    expect(r.evaluation[0]?.responseRate).toBeCloseTo(evaluationRows / 19, 12);
    expect(r.delivered.venue).toBe('[Training room, regional civil registration office]');
    expect(r.summary.tests[0]?.matched).toBe(r.tests[0]?.report.prepost?.matched);
    // Every objective of the quiz, with the module that teaches it and its mastery before and after.
    const quiz = info.quizzes.find((q) => q.id === 'legal-identity-foundations')!;
    expect(r.tests[0]?.objectives.map((o) => [o.id, o.modules])).toEqual(quiz.objectives.map((o) => [o.id, ['M1']]));
    expect(r.tests[0]?.objectives.every((o) => o.pre !== null && o.post !== null)).toBe(true);
  });

  it('numbers the evaluation questions as the printed form does (its place among the form items)', async () => {
    const r = buildTrainingReport(info, all(), '2026-03-06');
    const e = r.evaluation[0]!;
    const html = trainingReportHtml(r);
    const text = pdfText(saveTo(out, 'numbers.pdf', await renderTrainingReportPdf(r))).replace(/\s+/g, ' ');
    // Every statement, choice and open question carries the number the form prints beside it.
    const questions = [...e.likert.map((x) => [x.id, x.text]), ...e.choice.map((x) => [x.id, x.text])] as [string, string][];
    expect(questions.length).toBeGreaterThan(3);
    for (const [id, words] of questions) {
      const n = e.itemIds.indexOf(id) + 1;
      expect(n, id).toBeGreaterThan(0);
      const isStatement = e.likert.some((x) => x.id === id);
      expect(html, id).toContain((isStatement ? `${n}.</span> ${words}` : `${n}. ${words} (n = `).replace(/'/g, '&#39;'));
      expect(text, id).toContain(`${n}. ${words.slice(0, 20)}`);
    }
    // In the model form a choice question (the pace) comes before the last statements.
    const pace = e.itemIds.findIndex((id) => e.choice.some((c) => c.id === id));
    const lastStatement = e.itemIds.findLastIndex((id) => e.likert.some((l) => l.id === id));
    expect(pace).toBeLessThan(lastStatement);
  });

  it('with no file: every section is left out with a line saying so, in the HTML and the PDF', async () => {
    const r = buildTrainingReport(info, none, '2026-03-06');
    expect(r.missing).toEqual(['attendance', 'tests', 'evaluation', 'notes']);
    const html = trainingReportHtml(r);
    for (const h of HEADINGS) expect(html).toContain(h.replace("'", '&#39;'));
    for (const line of ['No attendance file was given', 'No test responses were given', 'No evaluation responses were given', "No trainer&#39;s notes were given"]) expect(html).toContain(line);
    const path = saveTo(out, 'empty.pdf', await renderTrainingReportPdf(r));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const h of HEADINGS) expect(text).toContain(h);
    for (const line of ['No attendance file was given', 'No test responses were given', 'No evaluation responses were given', "No trainer's notes were given"]) expect(text).toContain(line);
    // Running heads and footers give the report's title and page, not the course's file id.
    expect(text).not.toContain(`${info.id} ·`);
    expect(text).toMatch(/Page 1 of \d+ · uncontrolled when printed/);
  });

  it('without attendance the response rate is against the participants expected, and other sections stay', () => {
    const r = buildTrainingReport(info, { tests: [], evaluations: [file('evaluation.csv')] }, '2026-03-06');
    expect(r.missing).toEqual(['attendance', 'tests', 'notes']);
    expect(r.evaluation[0]).toMatchObject({ expected: 20, expectedFrom: 'course' });
    expect(trainingReportHtml(r)).toContain('of 20 participants expected');
  });

  it("finds each test file's quiz from its columns, or takes the quiz named; a file of no course quiz is one error", () => {
    const named = buildTrainingReport(info, { tests: [{ ...file('pre.csv'), form: 'pre', quiz: 'legal-identity-foundations' }], evaluations: [] }, '2026-03-06');
    expect(named.tests[0]?.report.forms.pre?.n).toBe(18);
    const other = { name: 'other.csv', text: 'participant,form,br-01,br-02\r\nP1,pre,a,b\r\n' };
    expect(() => buildTrainingReport(info, { tests: [other], evaluations: [] }, '2026-03-06')).toThrow(`other.csv row 1: the columns are not the items of any quiz of this course (${info.quizzes.map((q) => q.id).join(', ')}); check the file, or name its quiz: --pre <quiz>=other.csv`);
    expect(() => buildTrainingReport(info, { tests: [{ ...file('pre.csv'), quiz: 'birth-registration' }], evaluations: [] }, '2026-03-06')).toThrow(/^pre\.csv: no quiz "birth-registration" in this course/);
  });

  it('a bad row in any file is one error naming the file, row and column', () => {
    const evaluation = file('evaluation.csv');
    const lines = evaluation.text.split('\r\n');
    lines[3] = lines[3]!.replace(/^registry-officers,\d/, 'registry-officers,7');
    expect(() => buildTrainingReport(info, { tests: [], evaluations: [{ name: 'e.csv', text: lines.join('\r\n') }] }, '2026-03-06')).toThrow(/^e\.csv row 4, column B \(rel-job\): "7" is not on the scale/);
    const pre = file('pre.csv').text.replace('P03,Grace Mensah,pre,d', 'P03,Grace Mensah,pre,z');
    expect(() => buildTrainingReport(info, { tests: [{ name: 'p.csv', text: pre, form: 'pre' }], evaluations: [] }, '2026-03-06')).toThrow(/^p\.csv row 4, column D \(li-01\): "z" is not an option of item li-01/);
  });

  it("names the column that keeps a test file from fitting its quiz, and the option it was given with", () => {
    // A date column typed in beside the answers hid behind "not the items of any quiz", with a hint for --pre given for a --post file.
    const post = file('post.csv').text.split('\r\n').map((line, i) => (line ? `${i === 0 ? 'date' : '2026-03-06'},${line}` : line)).join('\r\n');
    expect(() => buildTrainingReport(info, { tests: [{ name: 'post.csv', text: post, form: 'post' }], evaluations: [] }, '2026-03-06')).toThrow(/^post\.csv row 1, column A \(date\): not an item of quiz legal-identity-foundations/);
    const unrelated = 'participant,form,x-01,x-02\r\nP01,post,a,b\r\n';
    expect(() => buildTrainingReport(info, { tests: [{ name: 'x.csv', text: unrelated, form: 'post' }], evaluations: [] }, '2026-03-06')).toThrow(/name its quiz: --post <quiz>=x\.csv$/);
  });

  // The header as the message shows it: its first 12 items.
  const first12 = (ids: string[]) => (ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, ...` : ids.join(', '));
  const questionIsOf = (q: { forms: { pre: string[]; post: string[] } }) => `${q.forms.pre[0]} on the pre-test and ${q.forms.post[0]} on the post-test`;
  it('a test file headed by the answer sheet\'s question numbers (Q1, 1, Question 1) says which item each number is, as sopkit score does', () => {
    // A course of one quiz: the file can answer that one only.
    const quiz = info.quizzes[0]!;
    const one = { ...info, quizzes: [quiz] };
    const [pre, post] = [quiz.forms.pre, quiz.forms.post];
    for (const head of ['Q1', '1', 'Question 1']) {
      const text = `participant,form,${head},${head.replace('1', '2')}\r\nP01,pre,a,b\r\n`;
      expect(() => buildTrainingReport(one, { tests: [{ name: 'pre.csv', text, form: 'pre' }], evaluations: [] }, '2026-03-06'), head).toThrow(`pre.csv row 1, column C (${head}): a question number; the columns are named by item id, not number: question 1 is ${pre[0]} on the pre-test and ${post[0]} on the post-test (the header of the pre-test: participant, name, form, ${first12(pre)}); start from the blank sheet: the test page's template.csv, or sopkit quiz export ${quiz.id} --format template --form pre`);
    }
    // A post-test file is sent to the post-test's header and blank sheet.
    const text = 'participant,form,Q2\r\nP01,post,a\r\n';
    expect(() => buildTrainingReport(one, { tests: [{ name: 'post.csv', text, form: 'post' }], evaluations: [] }, '2026-03-06')).toThrow(`post.csv row 1, column C (Q2): a question number; the columns are named by item id, not number: question 2 is ${pre[1]} on the pre-test and ${post[1]} on the post-test (the header of the post-test: participant, name, form, ${first12(post)}); start from the blank sheet: the test page's template.csv, or sopkit quiz export ${quiz.id} --format template --form post`);
    // Named with its quiz, the same advice for its form.
    expect(() => buildTrainingReport(info, { tests: [{ name: 'post.csv', text, form: 'post', quiz: quiz.id }], evaluations: [] }, '2026-03-06')).toThrow(`(the header of the post-test: participant, name, form, ${first12(post)})`);
    // The model course has four quizzes of 15 questions: the numbers cannot say which; each quiz's item is said, and how to name it.
    const many = `participant,form,${pre.map((_, k) => `Q${k + 1}`).join(',')}\r\nP01,pre,${pre.map(() => 'a').join(',')}\r\n`;
    const message = (() => {
      try {
        buildTrainingReport(info, { tests: [{ name: 'pre.csv', text: many, form: 'pre' }], evaluations: [] }, '2026-03-06');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/^pre\.csv row 1, column C \(Q1\): a question number; the columns are named by item id, not number, and a number does not say which quiz of this course the file answers: question 1 is /);
    for (const q of info.quizzes) expect(message).toContain(`${questionIsOf(q)} of quiz ${q.id}`);
    expect(message).toContain('sopkit quiz export <quiz> --format template --form pre');
    expect(message).toMatch(/name its quiz \(--pre <quiz>=pre\.csv\)/);
  });

  it('warns about test takers who are not on the attendance list and about day counts that differ', () => {
    const attendance = { name: 'a.csv', text: 'participant,organisation,day1,day2\r\nP01,Office,1,1\r\n' };
    const r = buildTrainingReport(info, { tests: [{ ...file('pre.csv'), form: 'pre' }], evaluations: [], attendance }, '2026-03-06');
    expect(r.warnings).toEqual([`a.csv has 2 day columns but the timetable has ${info.days.length} days.`, expect.stringMatching(/^Took a test but are not in a\.csv: P02, P03, /)]);
  });

  it('warns about a day column named for a day the timetable does not have (day7 typed for day3), in the report language', () => {
    const header = info.days.map((_, i) => `day${i + 1}`);
    header[header.length - 1] = 'day7';
    const attendance = { name: 'a.csv', text: `participant,organisation,${header.join(',')}\r\nP01,Office,${header.map(() => 1).join(',')}\r\n` };
    const r = buildTrainingReport(info, { tests: [], evaluations: [], attendance }, '2026-03-06');
    expect(r.warnings).toEqual([`a.csv: column "day7" names day 7, but the timetable has ${info.days.length} days; rename it for the day it records.`]);
    const fr = buildTrainingReport(info, { tests: [], evaluations: [], attendance }, '2026-03-06', { lang: 'fr' });
    expect(fr.warnings).toEqual([`a.csv : la colonne « day7 » désigne le jour 7, mais l’emploi du temps compte ${info.days.length} jours ; renommez-la d’après le jour qu’elle enregistre.`]);
    // The model course's own attendance file names its days as the timetable does.
    expect(buildTrainingReport(info, all(), '2026-03-06').warnings.filter((w) => w.includes('names day'))).toEqual([]);
  });

  it('warns, as sopkit score does, about a test row with no answer (scored 0), and about a test taken by someone absent every day', () => {
    // A typed-in row with no answer lowered the post-test mean without a word in the report.
    const post = file('post.csv');
    const columns = post.text.split(/\r?\n/)[0]!.split(',').length;
    const blank = `P99,Inès Keïta,post${','.repeat(columns - 3)}`;
    const attendance = file('attendance.csv');
    const absent = `P99,Inès Keïta,[Regional] civil registration office,F,registration-supervisor,0,0,0,0,0`;
    const inputs = { tests: [{ ...file('pre.csv'), form: 'pre' as const }, { name: 'post.csv', text: `${post.text.trimEnd()}\r\n${blank}\r\n`, form: 'post' as const }], evaluations: [], attendance: { name: 'attendance.csv', text: `${attendance.text.trimEnd()}\r\n${absent}\r\n` } };
    const r = buildTrainingReport(info, inputs, '2026-03-06');
    const rows = post.text.trimEnd().split(/\r?\n/).length + 1;
    expect(r.warnings).toContain(`Tests with no answer at all, each scored 0 and counted in the means and the pass rate: post.csv row ${rows} (P99). If a sheet was not typed in or the participant was absent, remove the row and make the report again.`);
    expect(r.warnings).toContain("Took a test but are absent every day in attendance.csv: P99; check the attendance or the test's participant ids.");
    const fr = buildTrainingReport(info, inputs, '2026-03-06', { lang: 'fr' });
    expect(fr.warnings.some((w) => w.startsWith('Tests sans aucune réponse') && w.includes(`post.csv, ligne ${rows} (P99)`))).toBe(true);
    // The model course's own files have neither.
    expect(buildTrainingReport(info, all(), '2026-03-06').warnings.filter((w) => /no answer at all|absent every day/.test(w))).toEqual([]);
  });

  it('says when the attendance list writes the tests\' ids differently (p1 for P01)', () => {
    const attendance = file('attendance.csv');
    const renamed = attendance.text.replace(/^P0?(\d+),/gm, (_, n: string) => `p${n},`);
    const r = buildTrainingReport(info, { tests: [{ ...file('pre.csv'), form: 'pre' }], evaluations: [], attendance: { name: 'a.csv', text: renamed } }, '2026-03-06');
    expect(r.warnings.find((w) => w.startsWith('a.csv and the tests'))).toMatch(/^a\.csv and the tests write the same ids differently \(tests \/ attendance\): P01 \/ p1, P02 \/ p2, /);
  });

  it('warns when participants in one test only have the same ids written differently (p1 for P01), in the report and its language', async () => {
    const post = file('post.csv').text.replace(/^P01,/m, 'p1,').replace(/^P02,/m, 'P-2,');
    const r = buildTrainingReport(info, { tests: [{ ...file('pre.csv'), form: 'pre' }, { name: 'post.csv', text: post, form: 'post' }], evaluations: [] }, '2026-03-06');
    const warning = r.warnings.find((w) => w.includes('the same ids written differently'));
    expect(warning).toMatch(/^M1: in one test only, but the same ids written differently \(pre-test \/ post-test\): P01 \/ p1, P02 \/ P-2\. /);
    expect(trainingReportHtml(r)).toContain('P01 / p1, P02 / P-2');
    // Ids written the same way in both files: no such warning.
    expect(buildTrainingReport(info, all(), '2026-03-06').warnings.filter((w) => w.includes('written differently'))).toEqual([]);
    const fr = buildTrainingReport(info, { tests: [{ ...file('pre.csv'), form: 'pre' }, { name: 'post.csv', text: post, form: 'post' }], evaluations: [] }, '2026-03-06', { lang: 'fr' });
    expect(fr.warnings.join(' ')).toContain('mêmes identifiants écrits différemment (pré-test / post-test)\u00a0: P01 / p1, P02 / P-2.');
  });

  it('names an id that carries different people\'s names in the tests and the attendance (a sheet numbered with another\'s id), in the report and its language', () => {
    // Paired by id, P01's results were credited to P02's name, and the reverse, without a word.
    const post = file('post.csv').text.replace(/^P01,Amina Yusuf,/m, 'P01,Joseph Banda,').replace(/^P02,Joseph Banda,/m, 'P02,Amina Yusuf,');
    expect(post).not.toBe(file('post.csv').text);
    const inputs = (): ReportInputs => ({ ...all(), tests: [{ ...file('pre.csv'), form: 'pre' }, { name: 'post.csv', text: post, form: 'post' }] });
    const r = buildTrainingReport(info, inputs(), '2026-03-06');
    const warning = r.warnings.find((w) => w.includes('names of different people'));
    expect(warning).toMatch(/^Ids with the names of different people: P01 \("Amina Yusuf" in attendance\.csv row 2, "Joseph Banda" in post\.csv row \d+\), P02 \("Joseph Banda" in attendance\.csv row 3, "Amina Yusuf" in post\.csv row \d+\)\. /);
    expect(trainingReportHtml(r)).toContain('names of different people');
    // The example's own files agree: no such warning.
    expect(buildTrainingReport(info, all(), '2026-03-06').warnings.filter((w) => w.includes('names of different people'))).toEqual([]);
    const fr = buildTrainingReport(info, inputs(), '2026-03-06', { lang: 'fr' });
    expect(fr.warnings.join(' ')).toContain('Identifiants portant les noms de personnes différentes\u00a0: P01 (\u00ab\u00a0Amina Yusuf\u00a0\u00bb dans attendance.csv, ligne 2, ');
  });

  it('names each day of the attendance as the course does, with its date, never by the file’s column header', async () => {
    const r = buildTrainingReport(info, all(), '2026-03-06');
    expect(r.attendance!.days.map((d) => d.label)).toEqual(['day1', 'day2', 'day3', 'day4', 'day5']);
    const html = trainingReportHtml(r);
    expect(html).not.toMatch(/\(day\d\)/);
    const [first] = r.delivered.dates;
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(html).toContain(`<th scope="row">Day 1</th><td data-label="Date: ">${first}</td>`);
    const text = pdfText(saveTo(out, 'days.pdf', await renderTrainingReportPdf(r)), undefined, undefined, '-raw');
    expect(text).not.toMatch(/\(day\d\)|\bday\d\b/);
    expect(text).toContain(`Day 1 ${first}`);
    // Days by date in the file: the course's number, the file's date.
    const byDate = { name: 'a.csv', text: 'participant,organisation,2026-03-03,2026-03-04\r\nP01,Office,1,1\r\n' };
    const dated = trainingReportHtml(buildTrainingReport(info, { tests: [], evaluations: [], attendance: byDate }, '2026-03-06'));
    expect(dated).toContain('<th scope="row">Day 2</th><td data-label="Date: ">2026-03-04</td>');
    // In Arabic: the course's word for a day, and no column header of the file.
    const ar = trainingReportHtml(buildTrainingReport(courseInfo(loadProject(process.cwd()), 'registry-officers', 'ar'), all(), '2026-03-06'));
    expect(ar).toContain('<th scope="row">اليوم 1</th>');
    expect(ar).not.toMatch(/\(day\d\)/);
  });

  it('names each quiz by its module (heading, items to review, captions), never by its file id', async () => {
    const r = buildTrainingReport(info, all(), '2026-03-06');
    const quiz = r.tests[0]!.quiz;
    // The id stays only in the names of the files and anchors.
    const html = trainingReportHtml(r).replace(new RegExp(`(id|href)="[^"]*${quiz}[^"]*"`, 'g'), '');
    expect(html).not.toContain(quiz);
    expect(html).toMatch(/<b>li-\d+<\/b> \(M1, (pre|post)-test\)/);
    const text = pdfText(saveTo(out, 'quiz-names.pdf', await renderTrainingReportPdf(r))).replace(/\s+/g, ' ');
    expect(text).not.toContain(quiz);
    expect(text).toMatch(/li-\d+ \(M1, (pre|post)-test\)/);
  });

  it('escapes every text from the files in the HTML: comments, notes, names', () => {
    const evaluation = file('evaluation.csv');
    const hostile = evaluation.text.replace('The case study of the late declaration: I meet this every week.', '<img src=x onerror=alert(1)> & "quotes"');
    const notes = { name: 'notes.md', text: '## Observations\n\n<script>alert(2)</script>\n\n[x](javascript:alert(3))\n' };
    const html = trainingReportHtml(buildTrainingReport(info, { tests: [], evaluations: [{ name: 'e.csv', text: hostile }], notes }, '2026-03-06'));
    expect(hostile).toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toMatch(/<img|<script|javascript:/);
  });

  it('the PDF of the example files passes qpdf --check and shows every section, the evaluation and the notes', async () => {
    const r = buildTrainingReport(info, all(), '2026-03-06');
    const bytes = await renderTrainingReportPdf(r);
    const path = saveTo(out, 'report.pdf', bytes);
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    for (const h of HEADINGS) expect(text).toContain(h);
    expect(text).toContain('How far participants agree with each statement');
    expect(text).toContain(r.evaluation[0]!.comments[0]!.comments[0]!);
    expect(text).toContain('Give the roles and duties session 60 minutes rather than 45');
    expect(Buffer.from(await renderTrainingReportPdf(r)).equals(Buffer.from(bytes))).toBe(true);
  });
  it('on an Arabic report, a venue, trainer, module title or organisation written in English keeps its own direction', () => {
    // Read from a copy of the pack without module 4's Arabic file, so that a module title and a
    // session title are in English.
    const ar = trainingReportHtml(buildTrainingReport(courseInfo(loadProject(packWithout('content/ar/modules/data-quality-fraud-protection.mdx')), 'registry-officers', 'ar'), all(), '2026-03-06'));
    // Without <bdi> the brackets of "[Training room, ...]" were mirrored and split around the line.
    expect(ar).toContain('<bdi>[Training room, regional civil registration office]</bdi>');
    expect(ar).toContain('<bdi>[Lead trainer]</bdi>، <bdi>[Co-trainer]</bdi>');
    expect(ar).toMatch(/<bdi>M1 [^<]+<\/bdi>؛ <br><bdi>M2 /);
    expect(ar).toMatch(/<th scope="row"><bdi>\[District A\] registration office<\/bdi><\/th>/);
    // A comment, the trainer's notes and a file's path take their own direction too.
    expect(ar).toMatch(/<ul class="comments"><li dir="auto">[A-Z]/);
    expect(ar).toContain('<div class="trainer-notes" dir="auto">');
    expect(ar).toContain('<bdi>attendance.csv</bdi>');
    // A session title in the timetable (module 4's: in this copy, modules 1 to 3 are in Arabic).
    expect(ar).toMatch(/<td data-label="[^"]+"><bdi>Role-play: the caller and the police officer<\/bdi><\/td>/);
  });
});
