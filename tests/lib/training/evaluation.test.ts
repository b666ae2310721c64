import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluationSchema, type Evaluation } from '../../../src/schemas/evaluation.ts';
import { evaluationCsv } from '../../../src/lib/training/evaluation/csv.ts';
import { resolveEvaluation } from '../../../src/lib/training/evaluation/load.ts';
import { combineEvaluationResponses, parseEvaluationResponses } from '../../../src/lib/training/evaluation/responses.ts';
import { scaleOf } from '../../../src/lib/training/evaluation/scale.ts';
import { evaluationStats, sampleSd } from '../../../src/lib/training/evaluation/stats.ts';
import { evaluationLead } from '../../../src/lib/training/report/words.ts';

const dir = join(import.meta.dirname, '../../fixtures/training/evaluation');
const form: Evaluation = evaluationSchema.parse(parse(readFileSync(join(dir, 'form.yaml'), 'utf8')));
const read = (name: string, course?: string) => parseEvaluationResponses(readFileSync(join(dir, name), 'utf8'), name, form, course ? { course } : {});

describe('evaluation form schema', () => {
  it('defaults to an anonymous form on the 5-point agreement scale, in English', () => {
    expect(form.anonymous).toBe(true);
    expect(form.scale).toEqual({ points: 5 });
    expect(scaleOf(form)).toEqual({
      points: 5,
      labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
      disagree: [1, 2],
      neutral: 3,
      agree: [4, 5],
      top: [4, 5],
    });
    expect(scaleOf({ ...form, language: 'fr' }).labels[4]).toBe('Tout à fait d’accord');
  });

  it('splits other scales at their midpoint: no neutral point on an even scale, the top point alone on a 3-point one', () => {
    const four = scaleOf({ language: 'en', scale: { points: 4, labels: ['Poor', 'Fair', 'Good', 'Very good'] } });
    expect(four).toMatchObject({ disagree: [1, 2], agree: [3, 4], top: [3, 4] });
    expect(four.neutral).toBeUndefined();
    expect(scaleOf({ language: 'en', scale: { points: 3, labels: ['No', 'Partly', 'Yes'] } })).toMatchObject({ disagree: [1], neutral: 2, agree: [3], top: [3] });
  });

  it('says what is allowed when a field is wrong', () => {
    const bad = evaluationSchema.safeParse({ ...parse(readFileSync(join(dir, 'form.yaml'), 'utf8')), scale: { points: 2 }, anonymous: 'yes' });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['scale.points', 'anonymous']));
  });

  it('the model course form is valid: 15 to 20 items over its groups, with open questions', () => {
    const { evaluation } = resolveEvaluation(process.cwd(), 'registry-officers');
    expect(evaluation.items.length).toBeGreaterThanOrEqual(15);
    expect(evaluation.items.length).toBeLessThanOrEqual(20);
    expect(new Set(evaluation.items.map((i) => i.group)).size).toBe(evaluation.groups.length);
    expect(evaluation.items.filter((i) => i.type === 'text').length).toBeGreaterThanOrEqual(3);
    expect(evaluation.anonymous).toBe(true);
  });
});

describe('evaluation responses', () => {
  it('reads the responses format: numbers, option ids, text verbatim; a row with no answer is left out and listed', () => {
    const set = read('responses.csv', 'basics');
    expect(set.responses).toHaveLength(5);
    expect(set.emptyRows).toEqual([7]);
    expect(set.responses[0]).toEqual({ respondent: 'r1', course: 'basics', answers: { useful: 5, clear: 4, pace: 'right', improve: 'More practice' }, source: { file: 'responses.csv', row: 2 } });
    expect(set.responses[3]?.answers).toEqual({ useful: 2, improve: 'Longer lunch; fewer slides, and a "real" register' });
  });

  it('reads Kobo exports (semicolons, quotes, BOM, group prefixes, meta columns, scale and option labels) and ODK Central ones', () => {
    const kobo = read('kobo.csv');
    expect(kobo.responses.map((r) => r.answers)).toEqual([
      { useful: 5, pace: 'right', clear: 4, improve: 'More practice' },
      { useful: 4, pace: 'fast', clear: 4 },
    ]);
    expect(kobo.ignoredColumns).toEqual(['start', 'end', '_id', '_uuid', '_submission_time']);
    expect(read('odk-central.csv').responses.map((r) => r.answers)).toEqual([{ useful: 4, pace: 'right', clear: 2 }]);
  });

  it.each([
    ['not-on-scale.csv', /^bad\/not-on-scale\.csv row 3, column C \(useful\): "6" is not on the scale of item useful: write a number from 1 \(Strongly disagree\) to 5 \(Strongly agree\)/],
    ['unknown-option.csv', /^bad\/unknown-option\.csv row 2, column E \(pace\): "quick" is not an option of item pace \(options: slow, right, fast\)/],
    ['unknown-column.csv', /^bad\/unknown-column\.csv row 1, column G \(speed\): not an item of evaluation form short-course/],
    ['missing-column.csv', /^bad\/missing-column\.csv row 1: no column for item clear of evaluation form short-course/],
    ['duplicate-respondent.csv', /^bad\/duplicate-respondent\.csv row 4: respondent r1 already answered in row 2/],
    ['other-course.csv', /^bad\/other-course\.csv row 3, column B \(course\): this row evaluates course "induction", not basics/],
    ['header-only.csv', /^bad\/header-only\.csv: a header but no responses/],
    ['unclosed-quote.csv', /^bad\/unclosed-quote\.csv row 2: a quoted cell is not closed/],
  ])('%s: one error naming the file, row and column', (name, message) => {
    expect(() => read(`bad/${name}`, 'basics')).toThrow(message);
  });

  it('takes the course id as typed ("Basics", " basics ") for the course reported', () => {
    const text = 'respondent,course,useful,clear,pace,improve\nr1,Basics,5,4,right,\nr2, basics ,4,4,right,\n';
    const read = parseEvaluationResponses(text, 'typed.csv', form, { course: 'basics' });
    expect(read.responses.map((r) => r.course)).toEqual(['basics', 'basics']);
    expect(() => parseEvaluationResponses(text.replace('Basics', 'Induction'), 'typed.csv', form, { course: 'basics' })).toThrow(/this row evaluates course "Induction", not basics/);
  });

  it('an empty file is named as evaluation responses to export again, one row per respondent', () => {
    expect(() => parseEvaluationResponses('', 'evaluation.csv', form)).toThrow(/^evaluation\.csv: the file is empty; export the evaluation responses again \(a header row, then one row per respondent\)$/);
  });

  it('takes the respondent column headed as the form prints it ("Participant code") or "Participant ID"', () => {
    const file = readFileSync(join(dir, 'responses.csv'), 'utf8');
    for (const head of ['Participant code', 'Participant ID']) {
      expect(parseEvaluationResponses(file.replace(/^respondent,/, `${head},`), 'ev.csv', form).responses[0]?.respondent, head).toBe('r1');
    }
  });

  it('a title above the header is refused as a title, naming the row of the header', () => {
    const file = readFileSync(join(dir, 'responses.csv'), 'utf8');
    expect(() => parseEvaluationResponses(`Course evaluation\n${file}`, 'ev.csv', form)).toThrow('ev.csv row 1: "Course evaluation" looks like a title, not the header; the header (one column per question of the form) must be the first row: delete row 1, above the header in row 2, and save the file again');
  });

  it('refuses a respondent found in two files, naming both', () => {
    const a = read('responses.csv');
    expect(() => combineEvaluationResponses([a, a])).toThrow(/responses\.csv row 2: respondent r1 already answered in responses\.csv row 2/);
  });

  it('a named form answered at each session: one row per respondent and session, twice in one session refused', () => {
    // A daily evaluation with names was refused at its second day: "respondent r1 already answered in row 2".
    const daily = 'respondent,session,course,useful,clear,pace,improve\nr1,Day 1,basics,4,4,right,\nr2,Day 1,basics,3,,,\nr1,Day 2,basics,5,5,fast,\nr2,Day 2,basics,4,4,right,\n';
    const set = parseEvaluationResponses(daily, 'daily.csv', form);
    expect(set.responses.map((r) => `${r.respondent} ${r.session}`)).toEqual(['r1 Day 1', 'r2 Day 1', 'r1 Day 2', 'r2 Day 2']);
    expect(() => parseEvaluationResponses(`${daily}r1,Day 2,basics,1,1,slow,\n`, 'daily.csv', form)).toThrow('daily.csv row 6: respondent r1 already answered for session "Day 2" in row 4; remove one of the rows or correct the id');
    const day2 = parseEvaluationResponses('respondent,session,course,useful,clear,pace,improve\nr2,Day 2,basics,2,2,,\n', 'late.csv', form);
    expect(() => combineEvaluationResponses([set, day2])).toThrow(/^late\.csv row 2: respondent r2 already answered for session "Day 2" in daily\.csv row 5/);
    // Its response rate is per session: 4 forms over 2 sessions from 2 participants is 100 %, not 200 %.
    const stats = evaluationStats(form, set.responses, { n: 2, from: 'attendance' });
    expect(stats.sessions).toEqual([{ session: 'Day 1', n: 2 }, { session: 'Day 2', n: 2 }]);
    expect(stats.responseRate).toBe(1);
    const three = evaluationStats(form, set.responses.slice(0, 3), { n: 2, from: 'attendance' });
    expect(three.responseRate).toBe(3 / 4);
    // The report's line says the rate is per session.
    expect(evaluationLead(three, 'en')).toBe('3 forms returned over 2 sessions, of 2 participants who attended (response rate 75%: the forms of each session against the participants).');
    expect(evaluationLead(evaluationStats(form, read('responses.csv').responses, { n: 8, from: 'course' }), 'en')).toMatch(/^5 forms returned, of 8 participants .*\(response rate 63%\)\.$/);
  });

  it('writes what it reads: the page export and the blank template', () => {
    expect(evaluationCsv(form)).toBe('course,useful,clear,pace,improve\r\n');
    const csv = evaluationCsv(form, [{ answers: { useful: ['4'], clear: [], pace: ['fast'], improve: ['Shorter days, please'] } }]);
    expect(csv).toBe('course,useful,clear,pace,improve\r\nbasics,4,,fast,"Shorter days, please"\r\n');
    expect(parseEvaluationResponses(csv, 'page.csv', form).responses[0]?.answers).toEqual({ useful: 4, pace: 'fast', improve: 'Shorter days, please' });
  });
});

describe('evaluation statistics (against values worked by hand)', () => {
  const stats = evaluationStats(form, read('responses.csv').responses, { n: 8, from: 'course' });

  it('counts respondents and the response rate', () => {
    expect(stats.respondents).toBe(5);
    expect(stats.responseRate).toBe(5 / 8);
    expect(stats.expectedFrom).toBe('course');
  });

  it('Likert items: n, mean, sd with n − 1, counts per point, percent agree and the diverging shares', () => {
    const [useful, clear] = stats.likert;
    // useful: 5, 4, 4, 2, 3 → mean 18/5 = 3.6; squared deviations 1.96 + 0.16 + 0.16 + 2.56 + 0.36 = 5.2; sd = √(5.2/4) = √1.3.
    expect(useful).toMatchObject({ id: 'useful', n: 5, mean: 3.6, counts: [0, 1, 1, 2, 1], percentAgree: 0.6, disagree: 0.2, neutral: 0.2, agree: 0.6 });
    expect(useful?.sd).toBeCloseTo(Math.sqrt(1.3), 12);
    // clear: 4, 4, 2, 5 → mean 3.75; squared deviations 0.0625 + 0.0625 + 3.0625 + 1.5625 = 4.75; sd = √(4.75/3).
    expect(clear).toMatchObject({ n: 4, mean: 3.75, counts: [0, 1, 0, 2, 1], percentAgree: 0.75, disagree: 0.25, neutral: 0, agree: 0.75 });
    expect(clear?.sd).toBeCloseTo(Math.sqrt(4.75 / 3), 12);
  });

  it('choice counts, comments verbatim in row order, and means pooled per group and overall', () => {
    expect(stats.choice[0]).toEqual({ id: 'pace', group: 'content', text: 'The pace was:', n: 4, options: [{ id: 'slow', text: 'Too slow', count: 0 }, { id: 'right', text: 'About right', count: 3 }, { id: 'fast', text: 'Too fast', count: 1 }] });
    expect(stats.comments[0]?.comments).toEqual(['More practice', 'Longer lunch; fewer slides, and a "real" register']);
    expect(stats.groups).toEqual([
      { id: 'content', title: 'Content', mean: 3.6, answers: 5 },
      { id: 'trainer', title: 'The trainer', mean: 3.75, answers: 4 },
    ]);
    expect(stats.overall.answers).toBe(9);
    expect(stats.overall.mean).toBeCloseTo(33 / 9, 12);
  });

  it('leaves undefined figures empty: no sd below two answers, no rate without a number expected', () => {
    expect(sampleSd([4])).toBeNull();
    const one = evaluationStats(form, read('responses.csv').responses.slice(0, 1));
    expect(one.likert[0]).toMatchObject({ n: 1, mean: 5, sd: null });
    expect(one.responseRate).toBeNull();
    expect(evaluationStats(form, []).likert[0]).toMatchObject({ n: 0, mean: null, percentAgree: null });
  });
});
