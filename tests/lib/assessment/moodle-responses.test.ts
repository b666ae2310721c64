import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/assessment/csv.ts';
import { comparable, moodleAnswer, moodleReport } from '../../../src/lib/assessment/moodle-responses.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';

// Moodle's Responses and Grades reports (tests/fixtures/assessment/moodle/README.md: the same
// answers as responses/class-pre.csv, written as Moodle's source writes them).
const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const text = (path: string) => decodeText(readFileSync(join(fixtures, path)));
const item = (id: string) => quiz.items.find((i) => i.id === id)!;
const ours = parseResponses(text('responses/class-pre.csv'), 'class-pre.csv', quiz);

describe("Moodle's Responses report", () => {
  it('4.x, with the question text and slots in another order: the same scores and statistics as the SOPKit CSV of the same answers', () => {
    const set = parseResponses(text('moodle/responses-4x-pre.csv'), 'moodle.csv', quiz, { form: 'pre' });
    expect(set.responses).toHaveLength(30);
    expect(set.responses.find((r) => r.participant === 'P22')).toMatchObject({ name: 'Emmanuel K.', form: 'pre', source: { row: 2 } });
    for (const r of ours.responses) expect(set.responses.find((m) => m.participant === r.participant)?.answers).toEqual(r.answers);
    expect(buildReport(quiz, set.responses)).toEqual(buildReport(quiz, ours.responses));
    // Matched by text: no warning about the slot order.
    expect(set.warnings.join('\n')).not.toMatch(/Question N/);
  });

  it('reports the attempt still in progress and does not score it', () => {
    const set = parseResponses(text('moodle/responses-4x-pre.csv'), 'moodle.csv', quiz, { form: 'pre' });
    expect(set.responses.some((r) => r.participant === 'P99')).toBe(false);
    expect(set.warnings).toContain('moodle.csv: 1 attempt is not finished and not scored: row 32 (P99, In progress); once submitted (or closed) in Moodle, download the report again');
  });

  it('skips the "Overall average" row under the attempts', () => {
    const withAverage = `${text('moodle/responses-4x-pre.csv')}"Overall average",,,,,,,,6.11${',-'.repeat(18)}\n`;
    const set = parseResponses(withAverage, 'moodle.csv', quiz, { form: 'pre' });
    expect(set.responses).toHaveLength(30);
    expect(buildReport(quiz, set.responses)).toEqual(buildReport(quiz, ours.responses));
    expect(set.warnings.join('\n')).not.toMatch(/average/i);
  });

  it('3.x, Response columns only: slots in the order of the form, said in a warning; ids are the email addresses', () => {
    const set = parseResponses(text('moodle/responses-3x-pre.csv'), 'moodle3.csv', quiz, { form: 'pre' });
    expect(set.responses.map((r) => r.participant)).toContain('emmanuel.p22@example.org');
    const scores = (responses: typeof set.responses) => buildReport(quiz, responses).forms.pre!.participants.map((p) => p.score).sort();
    expect(scores(set.responses)).toEqual(scores(ours.responses));
    // The same statistics, up to the last bits of sums taken in another order (the ids sort otherwise).
    const rounded = (responses: typeof set.responses) => JSON.parse(JSON.stringify(buildReport(quiz, responses).forms.pre!.items, (_, v) => (typeof v === 'number' ? Number(v.toFixed(10)) : v)));
    expect(rounded(set.responses)).toEqual(rounded(ours.responses));
    expect(set.warnings[0]).toMatch(/^moodle3\.csv: no "Question N" columns, so Response 1 to 6 are taken as items s-01, s-02, s-03, s-04, s-05, s-06/);
    expect(set.warnings).toContain('moodle3.csv: 1 attempt is not finished and not scored: row 32 (kofi.p99@example.org, Never submitted); once submitted (or closed) in Moodle, download the report again');
  });

  it('a response that is no option of the item is an error naming the row and the column', () => {
    const bad = text('moodle/responses-3x-pre.csv').replace('"The registrar","It goes back', '"The mayor","It goes back');
    expect(() => parseResponses(bad, 'moodle3.csv', quiz, { form: 'pre' })).toThrow(
      /^moodle3\.csv row 2, column I \(Response 1\): "The mayor" is not an option of item s-01 \("The registrar" \| "The supervisor"/,
    );
  });

  it('a question text that is no item of the quiz is an error naming the row and the column', () => {
    const bad = text('moodle/responses-4x-pre.csv').replace('"Who receives the declaration at the office?: The informant', '"Who signs the register?: The informant');
    expect(() => parseResponses(bad, 'moodle.csv', quiz, { form: 'pre' })).toThrow(/^moodle\.csv row 2, column P \(Question 3\): "Who signs the register\?/);
  });

  it('needs the form: Moodle knows nothing of pre and post', () => {
    expect(() => parseResponses(text('moodle/responses-3x-pre.csv'), 'moodle3.csv', quiz)).toThrow(/give it as --pre or --post/);
  });

  it('a second attempt by the same participant is an error that says how to download one attempt each', () => {
    const lines = text('moodle/responses-3x-pre.csv').split('\n');
    const again = [...lines.slice(0, -1), lines[1], ''].join('\n');
    expect(() => parseResponses(again, 'moodle3.csv', quiz, { form: 'pre' })).toThrow(/row 33: emmanuel\.p22@example\.org has a second attempt \(the first is in row 2\)/);
  });
});

describe("Moodle's Responses report from a site run in French or Arabic", () => {
  // The 4.x fixture again, every header word, state, true/false response and decimal separator in
  // the words of Moodle's French and Arabic language packs (fixtures README: component, key, commit).
  const english = parseResponses(text('moodle/responses-4x-pre.csv'), 'moodle.csv', quiz, { form: 'pre' });
  it.each([
    ['fr', 'En cours'],
    ['ar', 'قيد التنفيذ'],
  ])('%s: the same scores and statistics as the English report, the attempt in progress reported', (lang, inProgress) => {
    const file = `moodle-${lang}.csv`;
    const set = parseResponses(text(`moodle/responses-4x-pre-${lang}.csv`), file, quiz, { form: 'pre' });
    expect(set.responses).toHaveLength(30);
    expect(set.responses.map((r) => [r.participant, r.answers])).toEqual(english.responses.map((r) => [r.participant, r.answers]));
    expect(buildReport(quiz, set.responses)).toEqual(buildReport(quiz, english.responses));
    expect(set.warnings).toEqual([`${file}: 1 attempt is not finished and not scored: row 32 (P99, ${inProgress}); once submitted (or closed) in Moodle, download the report again`]);
    // Every column is one Moodle writes: the grade ("Note/10,00"), dates, the right answers.
    expect(set.ignoredColumns).toEqual([]);
  });

  it('knows the words whatever their case, accents or apostrophe, and the older wordings', () => {
    expect(moodleReport(['NOM', 'PRENOM', 'ETAT', 'REPONSE 1'])).toBe('responses');
    expect(moodleReport(["Numero d'identification", 'Statut', 'Q. 1 /1,00'])).toBe('grades');
    expect(moodleReport(['رقم المعرف', 'الحالة', 'س. 1 /1.00'])).toBe('grades');
    expect(moodleReport(['الاسم الأخير', 'الاسم الأول', 'الإجابة 1'])).toBe('responses');
  });

  it('skips the French and Arabic average rows', () => {
    for (const [lang, average] of [['fr', 'Moyenne globale'], ['ar', 'المتوسط العام']] as const) {
      const withAverage = `${text(`moodle/responses-4x-pre-${lang}.csv`)}"${average}",,,,,,,,6.11${',-'.repeat(18)}\n`;
      const set = parseResponses(withAverage, 'moodle.csv', quiz, { form: 'pre' });
      expect(set.responses).toHaveLength(30);
      expect(set.warnings.join('\n')).not.toMatch(/no attempt/);
    }
  });
});

describe("Moodle's Grades report", () => {
  it('is refused: marks per question say nothing of the option chosen', () => {
    expect(moodleReport(['Last name', 'First name', 'Status', 'Q. 1 /1.00'])).toBe('grades');
    expect(() => parseResponses(text('moodle/grades-4x-pre.csv'), 'grades.csv', quiz, { form: 'pre' })).toThrow(/^grades\.csv: this is Moodle's Grades report .*download the Responses report instead/);
  });
});

describe('one Response cell', () => {
  it('reads each type as Moodle writes it, whatever the order shown', () => {
    const at = 'f row 2, column I (Response 1)';
    expect(moodleAnswer('-', item('s-01'), at)).toEqual({ answer: [] });
    expect(moodleAnswer('THE REGISTRAR', item('s-01'), at)).toEqual({ answer: ['a'] });
    expect(moodleAnswer('Every file on a Friday; Late declarations', item('s-03'), at)).toEqual({ answer: ['a', 'd'] });
    expect(moodleAnswer('False', item('s-04'), at)).toEqual({ answer: ['false'] });
    // qtype_truefalse's 'true' / 'false' in French and Arabic.
    expect(moodleAnswer('Faux', item('s-04'), at)).toEqual({ answer: ['false'] });
    expect(moodleAnswer('صح', item('s-04'), at)).toEqual({ answer: ['true'] });
    expect(moodleAnswer('Register the event -> 4; Receive the declaration -> 1; Check the documents -> 2; Supervisor review of late cases -> 3', item('s-05'), at)).toEqual({ answer: ['c', 'a', 'd', 'b'] });
  });

  it('an order with two steps at one position is scored as no answer, with the reason', () => {
    const read = moodleAnswer('Register the event -> 1; Receive the declaration -> 1', item('s-05'), 'f row 2, column I (Response 1)');
    expect(read).toEqual({ answer: [], partial: 'f row 2, column I (Response 1): 2 of its 4 steps have no position, which is no order; scored as no answer (0)' });
  });

  it("reads Moodle's ordering question: each step cut to 7 characters and '...', or written in full", () => {
    const at = 'f row 2, column I (Response 1)';
    expect(moodleAnswer('Receive...; Check t...; Supervi...; Registe...', item('s-05'), at)).toEqual({ answer: ['c', 'a', 'd', 'b'] });
    expect(moodleAnswer('Registe...; Receive the declaration; Check t...; Supervi...', item('s-05'), at)).toEqual({ answer: ['b', 'c', 'a', 'd'] });
    // A cut that begins no step is no option.
    expect(() => moodleAnswer('Receive...; Stamp t...; Supervi...; Registe...', item('s-05'), at)).toThrow(/^f row 2, column I \(Response 1\): "Receive\.\.\.; Stamp t.*" is not an option of item s-05/);
  });

  it('steps that begin alike are read when the others settle them, else the cell is an error saying what to write', () => {
    const alike = { ...item('s-05'), options: [{ id: 'c', text: 'Check the documents', correct: false }, { id: 'a', text: 'Check the informant', correct: false }, { id: 'b', text: 'Register', correct: false }] };
    const at = 'f row 5, column L (Response 2)';
    // Written in full, one of them settles the other.
    expect(moodleAnswer('Check the informant; Check t...; Register', alike, at)).toEqual({ answer: ['a', 'c', 'b'] });
    expect(() => moodleAnswer('Check t...; Check t...; Register', alike, at)).toThrow(
      /^f row 5, column L \(Response 2\): Moodle's Responses report writes each step of an ordering question cut to its first 7 characters, and steps c, a of item s-05 both begin "Check t\.\.\.", so the order given cannot be read; open the attempt's review in Moodle and write the steps in the order given, in full/,
    );
  });

  it('compares texts as Moodle html_to_text leaves them', () => {
    expect(comparable('<p>The <b>registrar</b>&nbsp;&amp; clerk</p>')).toBe(comparable('The REGISTRAR & clerk'));
  });
});
