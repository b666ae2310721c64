/**
 * On a phone a report's wide tables read as cards (each cell under its column's name), while a
 * two-column table (a statistic and its value, an organisation and its count) stays a table:
 * as cards it only repeated "Value:" or "Participants:" under every row.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/lib/assessment/report-html.ts';
import { reportCss } from '../../../src/lib/assessment/report-style.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { courseInfo } from '../../../src/lib/training/report/course-info.ts';
import { buildTrainingReport } from '../../../src/lib/training/report/model.ts';
import { trainingReportHtml } from '../../../src/lib/training/report/html.ts';

/** The class of the region around the table captioned `caption`. */
function wrapOf(html: string, caption: string): string {
  const at = html.indexOf(`<caption>${caption}</caption>`);
  expect(at, `no table captioned "${caption}"`).toBeGreaterThan(0);
  const open = html.lastIndexOf('<div class="table-wrap', at);
  return /class="([^"]*)"/.exec(html.slice(open))![1]!;
}

describe('report tables on a phone', () => {
  const fixtures = resolve('tests/fixtures/assessment');
  const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
  const set = parseResponses(readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8'), 'class-pre.csv', quiz);
  const html = renderReportHtml(buildReport(quiz, set.responses), quiz, { date: '2026-03-10' });

  it('score report: the item analysis is cards, the test statistics a table', () => {
    expect(wrapOf(html, 'Pre-test: item analysis (correct options in bold)')).toBe('table-wrap phone-cards');
    expect(wrapOf(html, 'Pre-test: test statistics')).toBe('table-wrap');
    // An item without flags shows no empty "Flags:" line on its card.
    expect(html).toContain('<td data-label="Flags: "></td>');
    expect(reportCss).toMatch(/\.phone-cards td:empty \{ display: none; \}/);
  });

  it('training report: attendance per day is cards, participants by organisation a table', () => {
    const examples = resolve('examples/registry-officers');
    const info = courseInfo(loadProject(process.cwd()), 'registry-officers', 'en');
    const attendance = { name: 'attendance.csv', text: readFileSync(join(examples, 'attendance.csv'), 'utf8') };
    const report = trainingReportHtml(buildTrainingReport(info, { tests: [], evaluations: [], attendance }, '2026-03-06'));
    expect(wrapOf(report, 'Attendance per day')).toBe('table-wrap phone-cards');
    expect(wrapOf(report, 'Participants by organisation')).toBe('table-wrap');
    // A column of numbers has its name set at the end, over its figures.
    expect(headsOf(report, 'Attendance per day')).toEqual([['Day', ''], ['Date', ''], ['Present', 'n'], ['Rate', 'n']]);
    expect(headsOf(report, 'Participants by organisation')).toEqual([['Organisation', ''], ['Participants', 'n']]);
  });

  it('score report: the names of columns of numbers are set at the end, over the figures', () => {
    // They were set at the start of a wide column, its figures at the other end.
    expect(headsOf(html, 'Pre-test: item analysis (correct options in bold)').filter(([, cls]) => cls === 'n').length).toBeGreaterThan(2);
    expect(headsOf(html, 'Pre-test: item analysis (correct options in bold)')[0]).toEqual(['Item', '']);
    expect(reportCss).toContain('.sopkit-report th.n { text-align: end; }');
  });
});

/** The header cells of the table captioned `caption`: [name, class]. */
function headsOf(html: string, caption: string): [string, string][] {
  const at = html.indexOf(`<caption>${caption}</caption>`);
  const head = html.slice(at, html.indexOf('</thead>', at));
  return [...head.matchAll(/<th scope="col"(?: class="([^"]*)")?>(.*?)<\/th>/g)].map((m) => [m[2]!.replace(/<[^>]*>/g, ''), m[1] ?? '']);
}
