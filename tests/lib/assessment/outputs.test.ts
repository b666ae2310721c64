import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/lib/assessment/csv.ts';
import { itemsCsv, namesOf, scoresCsv } from '../../../src/lib/assessment/export-csv.ts';
import { itemFlags, reviewOrder } from '../../../src/lib/assessment/item-analysis.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { fmt, fmtP, gainBand, renderReportHtml } from '../../../src/lib/assessment/report-html.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { combineResponses, parseResponses } from '../../../src/lib/assessment/responses.ts';
import type { ItemStats } from '../../../src/lib/assessment/types.ts';

const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const read = (name: string) => parseResponses(readFileSync(join(fixtures, 'responses', name), 'utf8'), name, quiz);
const responses = combineResponses([read('class-pre.csv'), read('class-post.csv')]);
const report = buildReport(quiz, responses);

const item = (id: string, facility: number, discrimination: number | null, flags = itemFlags({ facility, discrimination }, 0.1, 0.2)): ItemStats => ({
  id, facility, discrimination, flags, sd: 0.3, discriminativeEfficiency: null, effectiveWeight: null, randomGuess: null, options: {},
});

describe('flags for items to review', () => {
  it('come in the order a trainer acts on them', () => {
    expect(itemFlags({ facility: 0.95, discrimination: -0.1 }, -0.01, 0.05)).toEqual(['negative-discrimination', 'too-easy', 'negative-covariance']);
    expect(itemFlags({ facility: 0.1, discrimination: 0.15 }, 0.01, 0.1)).toEqual(['low-discrimination', 'too-hard']);
    expect(itemFlags({ facility: 0.5, discrimination: 0.4 }, 0.1, 0.25)).toEqual([]);
    expect(itemFlags({ facility: 1, discrimination: null }, 0, 0)).toEqual(['too-easy', 'no-variance']);
    // Negative as printed: -0.004 prints "0.00" and is low, not negative; -0.006 prints "−0.01".
    expect(itemFlags({ facility: 0.5, discrimination: -0.004 }, 0.1, 0.25)).toEqual(['low-discrimination']);
    expect(itemFlags({ facility: 0.5, discrimination: -0.006 }, 0.1, 0.25)).toEqual(['negative-discrimination']);
  });
  it('list negative discrimination first, then low discrimination, then facility', () => {
    const list = [item('easy', 0.95, 0.3), item('low', 0.5, 0.1), item('fine', 0.5, 0.5), item('neg', 0.5, -0.2), item('lower', 0.5, 0.05), item('hard', 0.1, 0.4)];
    expect(reviewOrder(list).map((i) => i.id)).toEqual(['neg', 'lower', 'low', 'hard', 'easy']);
  });
});

describe('scores.csv and items.csv', () => {
  it('one row per participant with pre and post side by side; the unmatched have blanks', () => {
    const table = readCsv(scoresCsv(report, namesOf(responses), quiz.passMark), 'scores.csv');
    expect(table.rows).toHaveLength(31);
    const p01 = table.rows.find((r) => r[0] === 'P01');
    const pre = report.forms.pre!.participants.find((p) => p.id === 'P01')!;
    expect(p01?.slice(1, 5)).toEqual(['Amina K.', String(pre.score), String(Number(pre.percent.toFixed(1))), pre.passed ? 'yes' : 'no']);
    expect(table.rows.find((r) => r[0] === 'P31')?.slice(2, 5)).toEqual(['', '', '']);
  });
  it('neutralises names a spreadsheet would run as formulas', () => {
    const csv = scoresCsv(report, new Map([['P01', '=HYPERLINK("http://x")']]));
    expect(csv).toContain(`P01,"'=HYPERLINK(""http://x"")"`);
  });
  it('items.csv has one row per item and form, with option counts and flags', () => {
    const table = readCsv(itemsCsv(report, quiz), 'items.csv');
    expect(table.rows.map((r) => `${r[0]}/${r[1]}`)).toEqual([...quiz.forms.pre.map((id) => `pre/${id}`), ...quiz.forms.post.map((id) => `post/${id}`)]);
    const s03 = table.rows.find((r) => r[1] === 's-03');
    expect(s03?.[11]).toMatch(/^a:\d+ b:\d+ c:\d+ d:\d+$/);
    expect(s03?.[12]).toBe('low-discrimination');
  });
});

describe('report.html', () => {
  const html = renderReportHtml(report, quiz, { names: namesOf(responses), date: '2026-03-10' });
  it('has both charts, with one pair of dots per matched participant', () => {
    const pp = /<svg[^>]*aria-labelledby="pp-title pp-desc"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(pp.match(/<circle[^>]*><title>/g)).toHaveLength(2 * report.prepost!.matched);
    expect(html).toContain('aria-labelledby="im-pre-title im-pre-desc"');
    expect(html).toContain('aria-labelledby="im-post-title im-post-desc"');
  });
  it('says which Wilcoxon method was used and lists who was left out', () => {
    expect(html).toContain('(normal approximation with continuity correction)');
    expect(html).toContain('pre-test only: P30');
    expect(html).toContain('post-test only: P31');
  });
  it('escapes names', () => {
    const out = renderReportHtml(report, quiz, { names: new Map([['P01', '<script>alert(1)</script>']]) });
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('&lt;script&gt;');
  });
  it('formats numbers for reading', () => {
    expect(fmt(-0.123)).toBe('−0.12');
    expect(fmt(-0.001)).toBe('0.00');
    expect(fmt(null)).toBe('–');
    expect(fmtP(0.0004)).toBe('p < 0.001');
    expect(fmtP(0.0443)).toBe('p = 0.044');
    expect([gainBand(0.75), gainBand(0.31), gainBand(0.1), gainBand(-0.2)]).toEqual(['high', 'medium', 'low', 'negative']);
  });
});
