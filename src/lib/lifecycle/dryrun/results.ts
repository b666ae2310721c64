import { columnLetter, readCsv } from '../../assessment/csv.ts';
import { tableRows, type Cell } from '../../assessment/workbook.ts';
import { asciiDigits } from '../../digits.ts';
import { SopkitError } from '../../errors.ts';
import { doneValues, resultColumns, type Done, type ResultColumn } from '../../../schemas/dryrun.ts';
import type { DryRunCase } from './cases.ts';
import { limitMinutes, WORKING_DAY_MINUTES } from './time-limit.ts';

/** One observation: a step of a case at a site. */
export interface ResultRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  case: string;
  site: string;
  /** SOP section. */
  step: string;
  done: Done;
  /** Office minutes the step took, when written. */
  minutes?: number;
  deviation: string;
  issue: string;
  proposal: string;
}

/**
 * An observation written under "Other observations" on a case's sheet: of the site (or of the
 * case there), tied to no step. Its row says `other` (or nothing) under step, and leaves done and
 * minutes empty. Not an observation of a step: no figure counts it.
 */
export interface OtherObservation {
  row: number;
  /** The case of the sheet it was written on; empty when the row does not say. */
  case: string;
  site: string;
  deviation: string;
  issue: string;
  proposal: string;
}

/** What the step column of a site-level row says: the sheet's "Other observations" in English, French or Arabic, "general", or nothing. */
const OTHER_STEP = /^(?:other|others|other observations?|general|autres?|autres observations|observations? g[ée]n[ée]rales?|g[ée]n[ée]ral(?:e)?|أخرى|ملاحظات أخرى|عام|عامة|ملاحظات عامة)$/i;

/** Whether a step cell marks a site-level row (`OTHER_STEP`; a trailing colon as copied from the sheet). */
export const isOtherStep = (typed: string): boolean => OTHER_STEP.test(typed.trim().replace(/\s*[:：]$/, '').replace(/\s+/g, ' '));

/** The step cell the results template writes on each case's row for its sheet's "Other observations". */
export const OTHER_STEP_CELL = 'other';

/** A problem in the results file, at a row and column. */
export interface ResultProblem {
  severity: 'error' | 'warning';
  code: string;
  /** Spreadsheet row (1 = header). */
  row: number;
  /** 1-based column number (0 when the whole row or file is concerned). */
  column: number;
  message: string;
  /** The site a `dryrun/rows-missing` warning is about. */
  site?: string;
}

/** The results file, read and checked. */
export interface Results {
  rows: ResultRow[];
  /** Rows of the sheets' "Other observations" (step `other` or empty): of a site, not of a step. */
  other: OtherObservation[];
  problems: ResultProblem[];
  /** Template rows nobody filled in (only case, site and step written): left out, and counted. */
  unfilled: number;
  /** Columns the file has beyond the results format, ignored. */
  ignored: string[];
}

/** What rows are checked against. */
export interface ResultsContext {
  cases: readonly DryRunCase[];
  sites: readonly string[];
  /** Section numbers of the SOP (as it is now). */
  sections: ReadonlySet<string>;
  /** Office minutes in a working day (the record's `workingDay`): the measure of `MAX_STEP_DAYS`. */
  workingDay?: number;
  /**
   * The version the dry run tried, when it is not the current one and git has its text, with each
   * section number it had (`sectionsSince`): a step is written as that version's observation
   * sheets printed it, checked against that version's numbers (not today's: a section added
   * since is no step of it, and a removed section's number may now be another's), and filed
   * under the section it is now.
   */
  tried?: { version: string; sections: ReadonlyMap<string, { was: { title: string }; now: { number: string; title: string } | undefined }> };
  /**
   * The step cells a workbook holds as numbers, by spreadsheet row (`numberSteps`): a spreadsheet
   * reads a typed 6.10 as the number 6.1, so such a cell may have lost its last zero.
   */
  numberSteps?: ReadonlyMap<number, number>;
}

/**
 * The rows whose `step` cell an .xlsx results file holds as a number (not text), with the number,
 * by spreadsheet row as `readResults` names them; none for a CSV, which has no types.
 * @param rows The workbook's cells as read (`tableRows`), or none for a CSV.
 */
export function numberSteps(rows: readonly Cell[][] | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!rows) return out;
  // The rows as tableText gives them to the CSV reader: row i is spreadsheet row i + 1.
  const head = rows.findIndex((r) => r.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
  const col = (rows[head] ?? []).findIndex((c) => typeof c === 'string' && c.trim().toLowerCase() === 'step');
  if (col < 0) return out;
  rows.forEach((r, i) => {
    const cell = r[col];
    if (i > head && typeof cell === 'number') out.set(i + 1, cell);
  });
  return out;
}

/**
 * The steps a number cell may have been before a spreadsheet dropped its last zero (6.10 read as
 * 6.1): the case's steps, and every section when the number is none, other than the one written,
 * in the numbers the observation sheets printed: those of the version tried (`tried`), else today's.
 * @param written The step as the cell gives it (6.1).
 * @param asNumber The number the cell holds.
 * @param known The row's case, when it is one of the dry run.
 */
function zeroLostSteps(written: string, asNumber: number, known: DryRunCase | undefined, ctx: ResultsContext): string[] {
  const caseSteps = new Set(known?.steps.map((s) => s.step) ?? []);
  // The case's steps are today's numbers (the workflow as it is now): back to the version tried's.
  const [steps, sections, isSection] = ctx.tried
    ? [[...ctx.tried.sections].filter(([, s]) => s.now && caseSteps.has(s.now.number)).map(([n]) => n), [...ctx.tried.sections.keys()], ctx.tried.sections.has(written)]
    : [[...caseSteps], [...ctx.sections], ctx.sections.has(written)];
  return [...new Set([...steps, ...(isSection ? [] : sections)])].filter((s) => s !== written && Number(s) === asNumber);
}

/**
 * `readResults` of a results file: a CSV, or the first sheet of an .xlsx workbook (merged cells
 * filled down), whose step cells holding numbers are checked (`numberSteps`).
 * @param bytes The file's bytes.
 * @param file The file's name for messages.
 */
export async function readResultsFile(bytes: Uint8Array, file: string, ctx: ResultsContext): Promise<Results> {
  // One read of the workbook gives both the text and the cells' types.
  const { text, rows } = await tableRows(bytes, file, isResultColumn);
  return readResults(text, file, { ...ctx, numberSteps: numberSteps(rows) });
}

/**
 * The most working days one observation can plausibly take. A dry run lasts days or weeks, and the
 * longest time limit of the pack's SOPs is 90 days (43,200 office minutes), so a step observed for
 * longer than 100 working days (48,000 minutes at 8 hours a day) is no duration: it is a slip in
 * the cell, a date (20250120), a number from another column or a row of nines, and taken as
 * minutes it is every figure of the report wrong. The bound is wide on purpose: a real overrun,
 * even of ten times a same-day limit, is a finding and must be reported, not refused.
 */
export const MAX_STEP_DAYS = 100;

/** `row 7, column C (step)`: where a problem is, as a spreadsheet shows it. */
export function where(p: Pick<ResultProblem, 'row' | 'column'>, header: readonly string[] = resultColumns): string {
  return p.column ? `row ${p.row}, column ${columnLetter(p.column)} (${header[p.column - 1] ?? ''})` : `row ${p.row}`;
}

/**
 * Reads a results file (`case,site,step,done,minutes,deviation,issue,proposal`; comma, semicolon
 * or tab; quotes, BOM and CRLF as any spreadsheet writes them) and checks every row against the
 * dry run: known case, site and SOP section, `done` one of yes, partly, no, skipped, minutes a
 * number of at most `MAX_STEP_DAYS` working days. Every problem is kept with its row and column;
 * no row with an error is counted.
 * @param text The file's text.
 * @param file File name for structural errors (unclosed quote, wrong cell count).
 * @throws SopkitError when the file cannot be read as a table at all.
 */
export function readResults(text: string, file: string, ctx: ResultsContext): Results {
  if (!text.replace(/^\uFEFF/, '').trim()) throw new SopkitError('dryrun/results-empty', `${file}: the file is empty; start from the results template (case,site,step,done,minutes,deviation,issue,proposal)`);
  // Each row is one observation: a row of the wrong length is named, and the others still checked.
  // A title typed above the header is refused as one (every row was "8 cells but the header has 1").
  const table = readCsv(text, file, undefined, { ragged: 'keep', header: { known: isResultColumn, holds: resultColumns.join(',') } });
  const header = table.header.map((h) => h.toLowerCase());
  const problems: ResultProblem[] = (table.ragged ?? []).map((r) => ({ severity: 'error', code: 'dryrun/results-cells', row: r.row, column: 0, message: `row ${r.row}: ${r.message}` }));
  const index = {} as Record<ResultColumn, number>;
  for (const col of resultColumns) {
    index[col] = header.indexOf(col);
    if (index[col] < 0 && ['case', 'site', 'step', 'done'].includes(col)) {
      problems.push({ severity: 'error', code: 'dryrun/results-column', row: 1, column: 0, message: `row 1: no "${col}" column; the header is case,site,step,done,minutes,deviation,issue,proposal` });
    }
  }
  if (problems.some((p) => p.code === 'dryrun/results-column')) return { rows: [], other: [], problems, unfilled: 0, ignored: [] };
  const cases = new Map(ctx.cases.map((c) => [c.id, c]));
  const workingDay = ctx.workingDay ?? WORKING_DAY_MINUTES;
  const rows: ResultRow[] = [];
  const other: OtherObservation[] = [];
  let unfilled = 0;
  /** The rows already counted for each case, site and step, and whether one of them has a deviation. */
  const seen = new Map<string, { rows: number[]; explained: boolean }>();
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i]!;
    const get = (col: ResultColumn) => (index[col] >= 0 ? (cells[index[col]] ?? '').trim() : '');
    const at = (col: ResultColumn) => index[col] + 1;
    const bad = (col: ResultColumn, code: string, message: string, severity: ResultProblem['severity'] = 'error') => {
      problems.push({ severity, code, row, column: at(col), message: `${where({ row, column: at(col) }, table.header)}: ${message}` });
    };
    // A section and minutes typed in Arabic-Indic digits (٦٫٣, ١٢) are 6.3 and 12 (`asciiDigits`).
    const [caseId, site, typed, doneTyped, minutesTyped] = [get('case'), get('site'), asciiDigits(get('step'), { decimal: true }), get('done').toLowerCase(), asciiDigits(get('minutes'), { decimal: true })];
    // As transcribers type what the sheet shows: "§6.3", "Section 6.3", "6,3" (a French
    // spreadsheet); the sheet's tick boxes "done" and "not done"; "1 150" minutes, as the French
    // report prints thousands. Each was refused.
    const written = /^(?:§|sect?(?:ion)?\.?|step)?\s*(\d+(?:[.,]\d+)*)\.?$/i.exec(typed)?.[1]?.replace(/,/g, '.') ?? typed;
    const triedAs = ctx.tried?.sections.get(written);
    const step = triedAs?.now?.number ?? written;
    const done = ({ done: 'yes', 'not done': 'no' } as Record<string, string>)[doneTyped.replace(/\s+/g, ' ')] ?? doneTyped;
    const minutesText = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(minutesTyped) ? minutesTyped.replace(/[ \u00a0\u202f]/g, '') : minutesTyped;
    if (!done && !minutesText && !get('deviation') && !get('issue') && !get('proposal')) {
      unfilled++;
      return;
    }
    const errorsBefore = problems.filter((p) => p.severity === 'error').length;
    const known = cases.get(caseId);
    // "Other observations" typed in: a row whose step says other (or is empty) with only text in
    // it. An empty step with done or minutes is a step whose number was left out, as before.
    const isOther = isOtherStep(typed) || (!typed && !done && !minutesText);
    if (isOther) {
      if (caseId && !known) bad('case', 'dryrun/unknown-case', `case "${caseId}" is not a case of this dry run; cases: ${[...cases.keys()].join(', ')} (or leave it empty for an observation of the whole site)`);
      if (!ctx.sites.includes(site)) bad('site', 'dryrun/unknown-site', site ? `site "${site}" is not a site of this dry run; sites: ${ctx.sites.join(', ')}` : 'the site is empty; write the site id of the observation sheet the other observation is on');
      if (done || minutesText) bad(done ? 'done' : 'minutes', 'dryrun/other-done', `"${typed}" under step marks the sheet's other observations, which take no done or minutes; if this row is a step, write its section number under step, else empty done and minutes and keep the observation under deviation, issue or proposal`);
      if (problems.filter((p) => p.severity === 'error').length > errorsBefore) return;
      other.push({ row, case: caseId, site, deviation: get('deviation'), issue: get('issue'), proposal: get('proposal') });
      return;
    }
    if (!known) bad('case', 'dryrun/unknown-case', caseId ? `case "${caseId}" is not a case of this dry run; cases: ${[...cases.keys()].join(', ')}` : 'the case is empty; write the case id of the observation sheet');
    if (!ctx.sites.includes(site)) bad('site', 'dryrun/unknown-site', site ? `site "${site}" is not a site of this dry run; sites: ${ctx.sites.join(', ')}` : 'the site is empty; write the site id');
    // A step a workbook holds as a number: 6.1 may be a typed 6.10 that lost its last zero (the CSV
    // template opened in Excel and saved), read as another step, silently when the case takes 6.1 too.
    // Compared with the numbers the sheets printed: the version tried's (its 6.10 may be 6.9 now,
    // and a 6.10 added since was on no sheet), today's only when that version is today's or not in git.
    const asNumber = ctx.numberSteps?.get(row);
    const zeroLost = asNumber === undefined ? [] : zeroLostSteps(written, asNumber, known, ctx);
    if (zeroLost.length) {
      const named = zeroLost.map((s) => {
        const now = ctx.tried?.sections.get(s)?.now?.number;
        return now && now !== s ? `${s} (${now} now)` : s;
      });
      const printed = ctx.tried ? `, as the sheets of version ${ctx.tried.version} numbered it` : '';
      bad('step', 'dryrun/step-number', `step ${written} is a number in this workbook, not text, and a spreadsheet reads ${zeroLost[0]} as ${written}: this row may be step ${named.join(' or ')}${known ? ` of case "${caseId}"` : ''}${printed}; format the step column as text (Format Cells > Text), type the section number printed on the observation sheet and save the file again (the results template .xlsx has its step column as text)`);
    } else if (ctx.tried && written && !triedAs) {
      const since = ctx.sections.has(written) ? ` (the SOP has had a ${written} only since, so no sheet of ${ctx.tried.version} printed it)` : '';
      bad('step', 'dryrun/unknown-step', `step "${written}" is not a section of version ${ctx.tried.version} of the SOP, which this dry run tried${since}; write the section number printed on the observation sheet, or ${OTHER_STEP_CELL} for the sheet's other observations`);
    } else if (ctx.tried && triedAs && !triedAs.now) {
      bad('step', 'dryrun/step-removed', `step ${written} was "${triedAs.was.title}" in version ${ctx.tried.version}, which this dry run tried, and the SOP has removed it since, so the report has no section to file it under${ctx.sections.has(written) ? ` (${written} is now another section)` : ''}; to keep the row's remarks, write ${OTHER_STEP_CELL} under step and empty done and minutes (they go under the site's other observations), or delete the row`);
    } else if (!ctx.sections.has(step)) bad('step', 'dryrun/unknown-step', step ? `step "${step}" is not a section of the SOP; write the section number printed on the observation sheet, or ${OTHER_STEP_CELL} for the sheet's other observations` : 'the step is empty; write the section number printed on the observation sheet');
    else if (known && !known.steps.some((s) => s.step === step) && !get('deviation')) {
      bad('step', 'dryrun/step-not-in-case', `step ${step} is not a step of case "${caseId}" (its steps: ${[...new Set(known.steps.map((s) => s.step))].join(', ')}); if the office took it anyway, describe that under deviation`, 'warning');
    }
    if (!(doneValues as readonly string[]).includes(done)) bad('done', 'dryrun/bad-done', done ? `done is "${get('done')}"; write yes, partly, no or skipped` : 'done is empty; write yes, partly, no or skipped');
    // Plain decimals only (12, 7.5, 7,5): Number() would also read "0x10" as 16, "1e3" as 1000 and
    // "Infinity", none of which an observer writes for the minutes a step took.
    const minutes = minutesText === '' ? undefined : plainDecimal.test(minutesText) ? Number(minutesText.replace(',', '.')) : Number.NaN;
    if (minutes !== undefined && (!Number.isFinite(minutes) || minutes < 0)) bad('minutes', 'dryrun/bad-minutes', `minutes is "${minutesText}"; write the minutes the step took as a number (like 12 or 7.5), or leave it empty`);
    else if (minutes !== undefined && minutes > MAX_STEP_DAYS * workingDay) bad('minutes', 'dryrun/implausible-minutes', `${minutesText} minutes is more than ${MAX_STEP_DAYS} working days of ${workingDay} minutes; check the cell and write the office minutes the step took`);
    if (problems.filter((p) => p.severity === 'error').length > errorsBefore) return;
    // A case meets a section a known number of times; a row beyond them (the same row typed twice,
    // or one of another case or site) was counted in every figure without a word. A deviation on
    // this row or on one before it for the step (a step done again, a case run again) explains it.
    const key = `${caseId}\0${site}\0${step}`;
    // The rows are kept in place, and a message names the first three: a file pasted into itself
    // many times copied the list for each row and named every earlier row in each warning, and
    // 100,000 rows did not finish.
    let before = seen.get(key);
    if (!before) seen.set(key, (before = { rows: [], explained: false }));
    const earlier = before.rows.length;
    const explained = before.explained;
    const shown = before.rows.slice(0, 3).join(', ') + (earlier > 3 ? ` and ${earlier - 3} more` : '');
    before.rows.push(row);
    before.explained ||= Boolean(get('deviation'));
    const times = known!.steps.filter((s) => s.step === step).length;
    if (times && earlier >= times && !explained && !get('deviation')) {
      bad('step', 'dryrun/step-repeated', `case "${caseId}" takes step ${step} ${times === 1 ? 'once' : times === 2 ? 'twice' : `${times} times`}, and ${site} already has ${earlier === 1 ? 'a row' : `${earlier} rows`} for it (${earlier === 1 ? 'row' : 'rows'} ${shown}); delete a row typed twice, or correct its case or site; if the office took the step again, describe that under deviation`, 'warning');
    }
    rows.push({ row, case: caseId, site, step, done: done as Done, ...(minutes === undefined ? {} : { minutes }), deviation: get('deviation'), issue: get('issue'), proposal: get('proposal') });
  });
  const ignored = table.header.filter((h) => !isResultColumn(h));
  problems.push(...ignoredColumns(table.header, index));
  // Only once every row reads: a row with an error is not counted, and would be called missing.
  if (!problems.some((p) => p.severity === 'error')) problems.push(...missingRows(rows, ctx.cases, workingDay));
  return { rows, other, problems: problems.sort((a, b) => a.row - b.row || a.column - b.column), unfilled, ignored };
}

/**
 * The rows of each case observed at each site (`<case>\0<site>`): how many of each step, and the
 * first row's number.
 */
export function rowsByCaseAtSite(rows: readonly Pick<ResultRow, 'case' | 'site' | 'step' | 'row'>[]): Map<string, { row: number; count: Map<string, number> }> {
  const met = new Map<string, { row: number; count: Map<string, number> }>();
  for (const r of rows) {
    const key = `${r.case}\0${r.site}`;
    const entry = met.get(key) ?? { row: r.row, count: new Map<string, number>() };
    entry.count.set(r.step, (entry.count.get(r.step) ?? 0) + 1);
    met.set(key, entry);
  }
  return met;
}

/**
 * Rows the observation sheets have and the file does not, where it changes a figure: a step a
 * case takes more than once, with different time limits, that has fewer rows than the sheet
 * prints lines for it (which line a row records is not known, so the report compares it with no
 * limit: `matchStates`). A missing first line of step 6.2 (the informant's, left out because
 * nothing was timed) put the clerk's 600 minutes against the informant's 90-day limit. Warnings.
 */
function missingRows(rows: readonly ResultRow[], cases: readonly DryRunCase[], workingDay: number): ResultProblem[] {
  const out: ResultProblem[] = [];
  for (const [key, { row, count }] of rowsByCaseAtSite(rows)) {
    const [caseId, site] = key.split('\0') as [string, string];
    const steps = cases.find((c) => c.id === caseId)?.steps ?? [];
    const short = [...new Set(steps.map((s) => s.step))].flatMap((step) => {
      const lines = steps.filter((s) => s.step === step);
      const have = count.get(step) ?? 0;
      if (!have || have >= lines.length || !ambiguousLimits(lines, workingDay)) return [];
      return [`step ${step} has ${have} of the ${lines.length} lines (${lines.map((l) => l.sla ?? '-').join(', ')})`];
    });
    if (short.length) out.push({ severity: 'warning', code: 'dryrun/rows-missing', row, column: 0, site, message: `row ${row}: case "${caseId}" at ${site} lacks rows its observation sheet prints: ${short.join('; ')}; rows are matched to a step's lines in the order of the sheet, so these are compared with no time limit; add the missing rows (done skipped for a line not taken)` });
  }
  return out;
}

/** Whether a step's lines have different time limits (so which line a row records matters). */
export function ambiguousLimits(lines: readonly DryRunCase['steps'][number][], workingDay: number): boolean {
  return new Set(lines.map((s) => limitMinutes(s.slaSource ?? s.sla, workingDay))).size > 1;
}

/** Minutes as an observer writes them: digits, with a decimal point or comma. */
const plainDecimal = /^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** Whether a header is one of the results format's columns (in any case). */
const isResultColumn = (header: string): boolean => (resultColumns as readonly string[]).includes(header.toLowerCase());

/**
 * A warning for each header the format does not have: its cells are not read, so a column
 * renamed in the spreadsheet ("time" for minutes) gave a report with no timed step, without a word.
 */
function ignoredColumns(header: readonly string[], index: Record<ResultColumn, number>): ResultProblem[] {
  const missing = resultColumns.filter((col) => index[col] < 0);
  return header.flatMap((h, i): ResultProblem[] => {
    if (!h || isResultColumn(h)) return [];
    const lost = missing.length ? ` (there is no ${missing.map((m) => `"${m}"`).join(', ')} column: if this is it, rename it)` : '';
    return [{ severity: 'warning', code: 'dryrun/results-ignored-column', row: 1, column: i + 1, message: `${where({ row: 1, column: i + 1 }, header)}: not a column of the results, so it is not read${lost}; the columns are ${resultColumns.join(',')}` }];
  });
}
