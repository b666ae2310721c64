import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/assessment/csv.ts';
import { scoresCsv } from '../../../src/lib/assessment/export-csv.ts';
import { fmtPercent, passDigits } from '../../../src/lib/assessment/format.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { renderReportHtml } from '../../../src/lib/assessment/report-html.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';

describe('a percent next to pass or fail shows the decimals that decide it', () => {
  it.each([
    [47.6, 48, '47.6'],
    [47.96, 48, '47.96'],
    [47.9996, 48, '47.999'],
    [48, 48, '48'],
    [48.4, 48, '48'],
    [72.5, 48, '73'],
    [42.857142857142854, 43, '42.9'],
    [57.142857, 57.15, '57.14'],
    [0, 60, '0'],
    [100, 60, '100'],
  ])('%d %% against a pass mark of %d %% shows as %s', (percent, passMark, shown) => {
    expect(fmtPercent(percent, passMark)).toBe(shown);
    expect(Number(shown) >= passMark).toBe(percent + 1e-9 >= passMark);
  });

  it('needs no decimals when the rounded value cannot cross the pass mark', () => {
    expect(passDigits(61.2, 60)).toBe(0);
    expect(passDigits(59.97, 60)).toBe(2);
  });

  // The class scored 42.857 % (3 of 7 marks) against a pass mark of 43 %: the report used to say
  // "43%, not passed".
  const fixtures = resolve('tests/fixtures/assessment');
  const quiz = { ...resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz, passMark: 43 };
  const set = parseResponses(readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8'), 'class-pre.csv', quiz);
  const report = buildReport(quiz, set.responses);

  it('in report.html', () => {
    const html = renderReportHtml(report, quiz, { date: '2026-03-10' });
    // Each cell carries its column's name for the phone cards (data-label); the numbers are compared without it.
    expect(html).toMatch(/<td data-label="[^"]+: " class="n">42\.9%<\/td><td data-label="[^"]+: ">not passed<\/td>/);
    const plain = html.replace(/ data-label="[^"]*"/g, '');
    expect(plain).toContain('<td class="n">42.9%</td><td>not passed</td>');
    expect(plain).not.toContain('<td class="n">43%</td><td>not passed</td>');
  });

  it('in scores.csv', () => {
    const table = readCsv(scoresCsv(report, new Map(), quiz.passMark), 'scores.csv');
    const row = table.rows.find((r) => r[3] === '42.9');
    expect(row?.[4]).toBe('no');
  });
});
