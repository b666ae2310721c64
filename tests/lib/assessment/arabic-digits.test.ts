import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asciiDigits } from '../../../src/lib/digits.ts';
import { readResults } from '../../../src/lib/lifecycle/dryrun/results.ts';
import { parseEvaluationResponses } from '../../../src/lib/training/evaluation/responses.ts';
import { readAttendance } from '../../../src/lib/training/report/attendance.ts';
import { evaluationSchema } from '../../../src/schemas/evaluation.ts';
import { run } from '../../cli/run.ts';
import { handContext } from '../lifecycle/hand-case.ts';

// Each file of tests/fixtures/arabic-digits is a Latin-digit fixture retyped on an Arabic keyboard
// (generate.py): ids, Likert points, attendance marks, sections and minutes in Arabic-Indic digits,
// every other row in the extended (Persian) ones. Each must read as the fixture it was made from.
const fixtures = resolve('tests/fixtures');
const arabic = (name: string) => join(fixtures, 'arabic-digits', name);
const text = (path: string) => readFileSync(path, 'utf8');

describe('digits typed on an Arabic keyboard', () => {
  it('asciiDigits turns both Arabic digit sets into ASCII and leaves letters alone', () => {
    expect(asciiDigits('P٠١٢٣٤٥٦٧٨٩')).toBe('P0123456789');
    expect(asciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(asciiDigits('أمينة ٧٫٥')).toBe('أمينة 7٫5');
    expect(asciiDigits('٧٫٥', { decimal: true })).toBe('7.5');
  });

  it('sopkit score pairs a pre-test with ids in Arabic-Indic digits with a post-test in Latin digits', async () => {
    const root = join(fixtures, 'assessment/project');
    const post = join(fixtures, 'assessment/responses/class-post.csv');
    const latin = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', join(fixtures, 'assessment/responses/class-pre.csv'), '--post', post, '--json');
    const typed = await run('score', '--root', root, '--quiz', 'sample-registration', '--pre', arabic('class-pre.csv'), '--post', post, '--json');
    expect(latin.code).toBe(0);
    expect(typed.code).toBe(0);
    expect(JSON.parse(typed.out)).toEqual(JSON.parse(latin.out));
    expect(typed.err).toBe(latin.err);
  });

  it('attendance: ids and day marks in Arabic-Indic digits read as in Latin digits', () => {
    const latin = readAttendance(text(join(fixtures, 'training/report/attendance.csv')), 'attendance.csv');
    expect(readAttendance(text(arabic('attendance.csv')), 'attendance.csv')).toEqual(latin);
  });

  it('evaluation: Likert points and respondents in Arabic-Indic digits read as in Latin digits', () => {
    const dir = join(fixtures, 'training/evaluation');
    const form = evaluationSchema.parse(parse(text(join(dir, 'form.yaml'))));
    const latin = parseEvaluationResponses(text(join(dir, 'responses.csv')), 'evaluation.csv', form);
    expect(parseEvaluationResponses(text(arabic('evaluation.csv')), 'evaluation.csv', form)).toEqual(latin);
  });

  it('dry-run results: sections and minutes in Arabic-Indic digits (and ٫) read as in Latin digits', () => {
    const ctx = handContext;
    const latin = readResults(text(join(fixtures, 'lifecycle/dryrun/results/hand.csv')), 'results.csv', ctx);
    expect(latin.problems).toEqual([]);
    expect(readResults(text(arabic('dryrun-hand.csv')), 'results.csv', ctx)).toEqual(latin);
  });
});
