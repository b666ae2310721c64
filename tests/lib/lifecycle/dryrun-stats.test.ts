import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesMissingText, minuteSummary, mins, reportLead } from '../../../src/lib/lifecycle/dryrun/report-data.ts';
import { readResults } from '../../../src/lib/lifecycle/dryrun/results.ts';
import { dryRunStats, matchStates } from '../../../src/lib/lifecycle/dryrun/stats.ts';
import { limitMinutes } from '../../../src/lib/lifecycle/dryrun/time-limit.ts';
import { handCases, handContext } from './hand-case.ts';

// A hand-made case: section 1.1 is one state (same day = 480 min), section 1.2 two states met in
// order (2 hours = 120 min, then 1 working day = 480 min). Every expected figure below is worked
// out by hand from tests/fixtures/lifecycle/dryrun/results/hand.csv.
const ctx = handContext;
const dir = join(import.meta.dirname, '../../fixtures/lifecycle/dryrun/results');
const read = (name: string) => readResults(readFileSync(join(dir, name), 'utf8'), `results/${name}`, ctx);

describe('dry-run statistics against hand-computed values', () => {
  const { rows, problems } = read('hand.csv');
  const stats = dryRunStats(rows, ctx.cases, ctx.sites);
  const [s11, s12] = stats.steps;

  it('reads the six rows with no problem', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(6);
  });

  it('completion rate: yes over every observation (partly, no, skipped are not complete)', () => {
    expect(s11).toMatchObject({ step: '1.1', n: 2, done: { yes: 1, partly: 0, no: 1, skipped: 0 }, completion: 0.5 });
    expect(s12).toMatchObject({ step: '1.2', n: 4, done: { yes: 2, partly: 1, no: 0, skipped: 1 }, completion: 0.5 });
    expect(stats.completion).toBe(0.5);
    expect(stats.sites.map((s) => [s.site, s.n, s.completion])).toEqual([
      ['s1', 3, 2 / 3],
      ['s2', 3, 1 / 3],
    ]);
  });

  it('median and range of minutes; each row against the limit of its own state', () => {
    // 1.1: 30 and 600 against 480 → median 315, one over.
    expect(s11!.minutes).toEqual({ n: 2, median: 315, min: 30, max: 600, timed: 2, over: 1, overShare: 0.5, ratio: { median: (30 / 480 + 600 / 480) / 2, min: 30 / 480, max: 600 / 480 } });
    // 1.2 at s1: 100 (first state, 120) and 500 (second, 480); at s2: skipped (first), 130 (second, 480).
    expect(s12!.minutes).toMatchObject({ n: 3, median: 130, min: 100, max: 500, timed: 3, over: 1, overShare: 1 / 3 });
    expect(s12!.limits).toEqual([120, 480]);
    expect(stats.sites.map((s) => [s.site, s.timed, s.over])).toEqual([
      ['s1', 3, 1],
      ['s2', 2, 1],
    ]);
  });

  it('collects deviations, issues and proposals with their case, site, step and row', () => {
    expect(stats.deviations).toEqual([{ case: 'c1', site: 's1', step: '1.2', text: 'Left out the read-back', row: 4 }]);
    expect(stats.issues).toEqual([{ case: 'c1', site: 's2', step: '1.1', text: 'System down', row: 5 }]);
    expect(stats.proposals.map((p) => p.text)).toEqual(['1.1: a paper fallback']);
  });
});

describe("the sheets' other observations", () => {
  // The observation sheet has "Other observations" under each case's steps; a row with other (or
  // the sheet's words in French or Arabic, or nothing) under step holds them.
  const text = [
    'case,site,step,done,minutes,deviation,issue,proposal',
    'c1,s1,1.1,yes,30,,,',
    'c1,s1,other,,,,Queue out of the door all morning,',
    ',s2,,,,,Printer out of toner,Keep a spare cartridge',
    'c1,s2,Autres observations :,,,,Registre introuvable,',
    'c1,s1,ملاحظات أخرى,,,,انقطاع الكهرباء,',
    'c1,s1,other,yes,,,,',
    'c1,s3,General,,,,Nowhere,',
    'c1,s1,,yes,10,,,',
    'c1,s2,other,,,,,',
    '',
  ].join('\n');
  const results = readResults(text, 'results/other.csv', ctx);

  it('reads them as observations of the site, not as steps: no figure counts them', () => {
    expect(results.other).toEqual([
      { row: 3, case: 'c1', site: 's1', deviation: '', issue: 'Queue out of the door all morning', proposal: '' },
      { row: 4, case: '', site: 's2', deviation: '', issue: 'Printer out of toner', proposal: 'Keep a spare cartridge' },
      { row: 5, case: 'c1', site: 's2', deviation: '', issue: 'Registre introuvable', proposal: '' },
      { row: 6, case: 'c1', site: 's1', deviation: '', issue: 'انقطاع الكهرباء', proposal: '' },
    ]);
    expect(results.rows.map((r) => [r.row, r.step])).toEqual([[2, '1.1']]);
    const stats = dryRunStats(results.rows, ctx.cases, ctx.sites);
    expect([stats.n, stats.completion, stats.issues.length, stats.proposals.length]).toEqual([1, 1, 0, 0]);
    // The template's other row left empty is an unfilled row, as its step rows are.
    expect(results.unfilled).toBe(1);
  });

  it('refuses done on an other row, an unknown site, and still a step row with no step, each at its row and column', () => {
    expect(results.problems.map((p) => [p.row, p.code, p.message])).toEqual([
      [7, 'dryrun/other-done', 'row 7, column D (done): "other" under step marks the sheet\'s other observations, which take no done or minutes; if this row is a step, write its section number under step, else empty done and minutes and keep the observation under deviation, issue or proposal'],
      [8, 'dryrun/unknown-site', 'row 8, column B (site): site "s3" is not a site of this dry run; sites: s1, s2'],
      [9, 'dryrun/unknown-step', 'row 9, column C (step): the step is empty; write the section number printed on the observation sheet'],
    ]);
  });
});

describe('minutes as printed', () => {
  it('keep the tenth a results file gives (7.5 printed as 8, not the shortest time seen), grouped as the language groups', () => {
    expect([mins(7.5), mins(7.5, 'fr'), mins(1150), mins(1150, 'fr'), mins(12), mins(2 / 3)]).toEqual(['7.5', '7,5', '1,150', '1\u202f150', '12', '0.7']);
    expect(minuteSummary({ median: 12.5, min: 7.5, max: 30 } as Parameters<typeof minuteSummary>[0])).toBe('12.5 (7.5–30)');
  });
});

describe('the lead sentence', () => {
  it('agrees the verb with the number of steps over their limit', () => {
    const model = { data: { dates: { start: '2025-01-20', end: '2025-01-31' } }, results: { rows: [{ case: 'a' }] } } as unknown as Parameters<typeof reportLead>[0];
    const stats = (over: number) => ({ n: 30, completion: 1, sites: [{ n: 30, timed: 30, over }] }) as unknown as Parameters<typeof reportLead>[1];
    expect(reportLead(model, stats(1), 'fr')).toMatch(/ 1 des 30 étapes chronométrées a dépassé son délai\.$/);
    expect(reportLead(model, stats(2), 'fr')).toMatch(/ 2 des 30 étapes chronométrées ont dépassé leur délai\.$/);
    expect(reportLead(model, stats(1), 'en')).toMatch(/; 1 of 30 timed steps took longer than its time limit\.$/);
    expect(reportLead(model, stats(3), 'ar')).toMatch(/واستغرقت 3 من أصل 30 خطوة/);
  });
});

describe('time limits in words as office minutes', () => {
  it.each([
    ['same day', 480],
    ['same day (on-time: free of charge)', 480],
    ['1 working day', 480],
    ['5 working days', 2400],
    ['30 days (model value)', 14400],
    ['[X] days from the birth (model value: 90)', 43200],
    ['within 7 days of the birth (model value)', 3360],
    ['2 hours', 120],
    ['45 minutes', 45],
    ['2 weeks', 4800],
  ])('%s → %d', (sla, minutes) => {
    expect(limitMinutes(sla)).toBe(minutes);
  });

  it('has no limit for words it cannot count, and uses the record’s working day', () => {
    expect(limitMinutes('on request')).toBeUndefined();
    expect(limitMinutes(undefined)).toBeUndefined();
    expect(limitMinutes('1 working day', 420)).toBe(420);
    // A limit of 0 would put every observation infinitely over it.
    expect(limitMinutes('0 days')).toBeUndefined();
  });
});

describe('results CSV errors name the file, row and column', () => {
  it.each([
    ['bad-done.csv', 'dryrun/bad-done', 'row 3, column D (done): done is "maybe"; write yes, partly, no or skipped'],
    ['bad-minutes.csv', 'dryrun/bad-minutes', 'row 2, column E (minutes): minutes is "ten"; write the minutes the step took as a number (like 12 or 7.5), or leave it empty'],
    ['unknown-step.csv', 'dryrun/unknown-step', 'row 3, column C (step): step "9.9" is not a section of the SOP; write the section number printed on the observation sheet, or other for the sheet\'s other observations'],
    ['missing-column.csv', 'dryrun/results-column', 'row 1: no "done" column; the header is case,site,step,done,minutes,deviation,issue,proposal'],
    ['implausible-minutes.csv', 'dryrun/implausible-minutes', 'row 3, column E (minutes): 20250120 minutes is more than 100 working days of 480 minutes; check the cell and write the office minutes the step took'],
  ])('%s', (name, code, message) => {
    const { problems, rows } = read(name);
    expect(problems.map((p) => ({ code: p.code, message: p.message }))).toEqual([{ code, message }]);
    expect(rows.some((r) => r.done === ('maybe' as never))).toBe(false);
  });

  it('an unquoted comma in a cell is one error naming the row, never a shifted row', () => {
    const { problems, rows } = read('unquoted-comma.csv');
    expect(problems.map((p) => [p.row, p.code, p.message])).toEqual([[2, 'dryrun/results-cells', 'row 2: 10 cells but the header has 8 (more); a value may contain the delimiter "," without quotes, or a cell is missing']]);
    expect(rows).toEqual([]);
  });

  it('names every row of the wrong length and every bad cell of the others in one pass', () => {
    const text = ['case,site,step,done,minutes,deviation,issue,proposal', 'c1,s1,1.1,yes,30,Clerk, not registrar,,', 'c1,s1,1.2,maybe,20,,,', 'c1,s2,1.1,yes,25,,,', 'c1,s2,1.2,yes,10,,,,,', ''].join('\n');
    const { problems, rows } = readResults(text, 'results/many.csv', ctx);
    expect(problems.map((p) => [p.row, p.code])).toEqual([[2, 'dryrun/results-cells'], [3, 'dryrun/bad-done'], [5, 'dryrun/results-cells']]);
    expect(rows.map((r) => [r.site, r.step])).toEqual([['s2', '1.1']]);
  });

  it('reads semicolons, quotes, a BOM and decimal commas; skips unfilled template rows and counts them', () => {
    const { rows, problems, unfilled } = read('semicolon-bom.csv');
    expect(problems).toEqual([]);
    expect(unfilled).toBe(1);
    expect(rows.map((r) => [r.step, r.done, r.minutes, r.deviation])).toEqual([
      ['1.1', 'yes', 7.5, ''],
      ['1.1', 'partly', undefined, 'Form filled in; not read back'],
    ]);
  });

  it.each(['0x10', '1e3', 'Infinity', '-5', '12 min', '1.2.3'])('minutes "%s" is an error, never read as a number', (cell) => {
    const { rows, problems } = readResults(`case,site,step,done,minutes,deviation,issue,proposal\nc1,s1,1.1,yes,${cell},,,\n`, 'x.csv', ctx);
    expect(rows).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([`row 2, column E (minutes): minutes is "${cell}"; write the minutes the step took as a number (like 12 or 7.5), or leave it empty`]);
  });

  it.each([['12', 12], ['7.5', 7.5], ['"7,5"', 7.5], ['.5', 0.5], ['0', 0]])('minutes "%s" is %d', (cell, minutes) => {
    expect(readResults(`case,site,step,done,minutes,deviation,issue,proposal\nc1,s1,1.1,yes,${cell},,,\n`, 'x.csv', ctx)).toMatchObject({ problems: [], rows: [{ minutes }] });
  });

  it('reads what transcribers type from the sheet: §1.2, Section 1.2, "1,2"; done and not done; 1 150 minutes', () => {
    const text = ['case,site,step,done,minutes,deviation,issue,proposal', 'c1,s1,§1.1,done,12,,,', 'c1,s1,Section 1.2,Not done,,,,', 'c1,s2,"1,2",yes,1 150,,,', 'c1,s2,1.1.,partly,1\u00a0150,,,', ''].join('\n');
    const { rows, problems } = readResults(text, 'typed.csv', ctx);
    // (Each site has one row of step 1.2, which the case takes twice: dryrun/rows-missing, tested below.)
    expect(problems.filter((p) => p.code !== 'dryrun/rows-missing')).toEqual([]);
    expect(rows.map((r) => [r.site, r.step, r.done, r.minutes])).toEqual([['s1', '1.1', 'yes', 12], ['s1', '1.2', 'no', undefined], ['s2', '1.2', 'yes', 1150], ['s2', '1.1', 'partly', 1150]]);
  });

  it('minutes up to 100 working days are counted, whatever the limit; one more is an error, in the record’s working days', () => {
    const text = (minutes: number) => `case,site,step,done,minutes,deviation,issue,proposal\nc1,s1,1.1,yes,${minutes},,,\n`;
    expect(readResults(text(48_000), 'x.csv', ctx)).toMatchObject({ problems: [], rows: [{ minutes: 48_000 }] });
    expect(readResults(text(48_001), 'x.csv', ctx)).toMatchObject({ problems: [{ code: 'dryrun/implausible-minutes', row: 2, column: 5 }], rows: [] });
    const short = readResults(text(42_001), 'x.csv', { ...ctx, workingDay: 420 });
    expect(short.problems.map((p) => p.message)).toEqual(['row 2, column E (minutes): 42001 minutes is more than 100 working days of 420 minutes; check the cell and write the office minutes the step took']);
  });

  it('a column the results do not have is a warning naming it, and the column it may stand for', () => {
    // The observers' spreadsheet, with "minutes" headed as they wrote it on the sheet.
    const text = 'case,site,step,done,Time (min),deviation,issue,proposal,Observer\r\nc1,s1,1.1,yes,12,,,,A. Mensah\r\nc1,s1,1.2,partly,95,Form BR-02 not read back,,,A. Mensah\r\n';
    const { problems, rows } = readResults(text, 'results/district.csv', ctx);
    expect(rows.map((r) => r.minutes)).toEqual([undefined, undefined]);
    expect(problems.filter((p) => p.code !== 'dryrun/rows-missing').map((p) => [p.severity, p.code, p.row, p.column, p.message])).toEqual([
      ['warning', 'dryrun/results-ignored-column', 1, 5, 'row 1, column E (Time (min)): not a column of the results, so it is not read (there is no "minutes" column: if this is it, rename it); the columns are case,site,step,done,minutes,deviation,issue,proposal'],
      ['warning', 'dryrun/results-ignored-column', 1, 9, 'row 1, column I (Observer): not a column of the results, so it is not read (there is no "minutes" column: if this is it, rename it); the columns are case,site,step,done,minutes,deviation,issue,proposal'],
    ]);
    // A trailing delimiter (an empty header cell) is not a column.
    expect(readResults('case,site,step,done,minutes,deviation,issue,proposal,\nc1,s1,1.1,yes,12,,,,\n', 'x.csv', ctx).problems).toEqual([]);
  });

  it('a section that is not a step of the case is a warning unless a deviation explains it', () => {
    const text = 'case,site,step,done,minutes,deviation,issue,proposal\nc1,s1,1,yes,5,,,\nc1,s1,1,yes,5,Supervisor consulted,,\n';
    const { problems, rows } = readResults(text, 'x.csv', ctx);
    expect(problems.map((p) => [p.severity, p.code, p.row])).toEqual([['warning', 'dryrun/step-not-in-case', 2]]);
    expect(rows).toHaveLength(2);
  });

  it('a row beyond the times the case takes a step at that site is a warning naming the rows before it', () => {
    // Case c1 takes 1.1 once and 1.2 twice: row 3 is row 2 typed again; rows 4 to 6 take 1.2
    // three times at s1; row 7 is 1.2 at another site; row 9 is a repeat the observer explained
    // on it, and at s2 the repeat of 1.2 (row 11) follows a deviation saying the case was run again.
    const text = [
      'case,site,step,done,minutes,deviation,issue,proposal',
      'c1,s1,1.1,yes,15,,,',
      'c1,s1,1.1,yes,15,,,',
      'c1,s1,1.2,yes,30,,,',
      'c1,s1,1.2,yes,400,,,',
      'c1,s1,1.2,partly,30,,,',
      'c1,s2,1.2,no,30,Clerk refused the declaration; the case was run again,,',
      'c1,s2,1.1,yes,20,,,',
      'c1,s2,1.1,yes,25,Applicant came back the next day,,',
      'c1,s2,1.2,yes,30,,,',
      'c1,s2,1.2,yes,300,,,',
      '',
    ].join('\n');
    const { problems, rows } = readResults(text, 'x.csv', ctx);
    expect(problems.map((p) => [p.severity, p.code, p.row, p.column])).toEqual([
      ['warning', 'dryrun/step-repeated', 3, 3],
      ['warning', 'dryrun/step-repeated', 6, 3],
    ]);
    expect(problems[0]!.message).toBe('row 3, column C (step): case "c1" takes step 1.1 once, and s1 already has a row for it (row 2); delete a row typed twice, or correct its case or site; if the office took the step again, describe that under deviation');
    expect(problems[1]!.message).toContain('takes step 1.2 twice, and s1 already has 2 rows for it (rows 4, 5)');
    // Still counted: the warning asks, the figures do not guess which row is the slip.
    expect(rows).toHaveLength(10);
  });

  it('names three earlier rows of a step typed many times, not all of them (a file pasted into itself grew every warning)', () => {
    const text = ['case,site,step,done,minutes,deviation,issue,proposal', ...Array.from({ length: 2000 }, () => 'c1,s1,1.1,yes,15,,,'), ''].join('\n');
    const { problems, rows } = readResults(text, 'x.csv', ctx);
    expect(rows).toHaveLength(2000);
    expect(problems).toHaveLength(1999);
    expect(problems.at(-1)!.message).toContain('and s1 already has 1999 rows for it (rows 2, 3, 4 and 1996 more); delete a row typed twice');
    expect(Math.max(...problems.map((p) => p.message.length))).toBeLessThan(400);
  });
});

describe('a step a case takes twice, with a row for one of its lines', () => {
  // Step 1.2 of the hand case is two lines on the sheet: 2 hours, then 1 working day. A typist who
  // leaves out the first (nothing was timed on it) gave the second's 600 minutes the first's limit
  // of 120: "over the limit" counted a step that took less than its own.
  const text = 'case,site,step,done,minutes,deviation,issue,proposal\nc1,s1,1.1,yes,30,,,\nc1,s1,1.2,yes,400,,,\nc1,s2,1.1,yes,30,,,\nc1,s2,1.2,yes,100,,,\nc1,s2,1.2,yes,400,,,\n';
  const results = readResults(text, 'short.csv', ctx);

  it('is a warning naming the case, site, step and its lines, at the case’s first row', () => {
    expect(results.problems).toEqual([
      { severity: 'warning', code: 'dryrun/rows-missing', row: 2, column: 0, site: 's1', message: 'row 2: case "c1" at s1 lacks rows its observation sheet prints: step 1.2 has 1 of the 2 lines (2 hours, 1 working day); rows are matched to a step\'s lines in the order of the sheet, so these are compared with no time limit; add the missing rows (done skipped for a line not taken)' },
    ]);
  });

  it('is compared with no time limit, where the site with both rows is compared with each line’s own', () => {
    const limited = matchStates(results.rows, ctx.cases);
    expect(limited.map((r) => [r.site, r.step, r.minutes, r.limit])).toEqual([
      ['s1', '1.1', 30, 480],
      ['s1', '1.2', 400, undefined],
      ['s2', '1.1', 30, 480],
      ['s2', '1.2', 100, 120],
      ['s2', '1.2', 400, 480],
    ]);
    const stats = dryRunStats(results.rows, ctx.cases, ctx.sites);
    expect(stats.sites.map((s) => [s.site, s.timed, s.over])).toEqual([['s1', 1, 0], ['s2', 3, 0]]);
  });

  it('a step whose lines have one limit is matched as before, without a warning', () => {
    const same = [{ ...handCases[0]!, steps: handCases[0]!.steps.map((s) => (s.step === '1.2' ? { ...s, sla: '1 working day' } : s)) }];
    const r = readResults(text, 'short.csv', { ...ctx, cases: same });
    expect(r.problems).toEqual([]);
    expect(matchStates(r.rows, same).map((x) => x.limit)).toEqual([480, 480, 480, 480, 480]);
  });
});

describe('the lines of the sheets no row records', () => {
  const model = {
    data: { sites: [{ id: 'north', name: 'North office' }, { id: 'south', name: 'South office' }] },
    cases: [
      { id: 'a', title: 'Case A', steps: [{ step: '6.1' }, { step: '6.2' }, { step: '6.2' }, { step: '6.3' }] },
      { id: 'b', title: 'Case B', steps: [{ step: '6.1' }, { step: '6.3' }] },
    ],
    results: {
      rows: [
        // Case A at North: 6.1 and one of the two 6.2 lines missing. At South: complete.
        { case: 'a', site: 'north', step: '6.2' },
        { case: 'a', site: 'north', step: '6.3' },
        ...['6.1', '6.2', '6.2', '6.3'].map((step) => ({ case: 'a', site: 'south', step })),
        // Case B observed at South only: complete (a case not observed at a site is not "missing lines").
        ...['6.1', '6.3'].map((step) => ({ case: 'b', site: 'south', step })),
      ],
    },
  } as unknown as Parameters<typeof linesMissingText>[0];

  it('names each observed case and site with the steps short of rows, a line short where a step is printed twice', () => {
    expect(linesMissingText(model, 'en')).toBe('Lines of the observation sheets with no row in the results: 6.1, 6.2 in “Case A” (North office). The figures of those steps leave them out; a line the case did not take is written with done skipped.');
  });

  it('says nothing when every line of every case observed has its row', () => {
    const complete = { ...model, results: { rows: model.results!.rows.filter((r) => r.site === 'south') } } as typeof model;
    expect(linesMissingText(complete, 'en')).toBeUndefined();
    expect(linesMissingText({ ...model, results: { rows: [] } } as unknown as typeof model, 'fr')).toBeUndefined();
  });
});
