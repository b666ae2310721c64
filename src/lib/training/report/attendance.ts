import { columnLabel, isMeta, isParticipantLabel, isTotalLabel, segments, totalRowError } from '../../assessment/columns.ts';
import { isCalendarDate } from '../../dates.ts';
import { readCsv } from '../../assessment/csv.ts';
import { asciiDigits } from '../../digits.ts';
import { SopkitError } from '../../errors.ts';
import { looseId } from '../../assessment/look-alike.ts';
import type { NamedRow } from '../../assessment/names.ts';

/** A count under a label (an organisation, a sex, a role). */
export interface Count {
  key: string;
  count: number;
}

/** One day of the attendance file. */
export interface AttendanceDay {
  /** The column's header as written: `day1`, `Day 2`, `2026-03-03`. */
  label: string;
  /** The date, when the header is one (YYYY-MM-DD). */
  date?: string;
  /** The day's number in the course, when the header gives it (`day2`, `Day 2`). */
  day?: number;
  present: number;
  /** present / participants listed. */
  rate: number;
}

/** What the training report says about attendance (ARCHITECTURE.md, Formats: attendance). */
export interface AttendanceSummary {
  file: string;
  /** Participants listed in the file. */
  participants: number;
  /** Present at least one day. */
  attended: number;
  /** Present every day. */
  allDays: number;
  days: AttendanceDay[];
  /** Present person-days over possible person-days. */
  rate: number;
  byOrganisation: Count[];
  /** Only when the file has a `sex` (or `gender`) column. */
  bySex?: Count[];
  /** Only when the file has a `role` column. */
  byRole?: Count[];
  /** Participant ids, to compare with the tests' (not printed). */
  ids: string[];
  /** Participants absent every day (a test taken by one of them is worth a look). */
  absentEveryDay: string[];
  /** Each participant's name where the file has a name column, with its row (compared with the tests', not printed). */
  names: NamedRow[];
}

type Column = 'participant' | 'name' | 'organisation' | 'sex' | 'role' | 'day' | 'ignored';

const NAMES: Record<string, Column> = {
  participant: 'participant', participant_id: 'participant', 'participant-id': 'participant', id: 'participant',
  name: 'name', participant_name: 'name', 'participant-name': 'name',
  organisation: 'organisation', organization: 'organisation', office: 'organisation', org: 'organisation',
  sex: 'sex', gender: 'sex',
  role: 'role', function: 'role', position: 'role',
};
const DAY = /^(?:day[\s_-]*(\d{1,2})|(\d{4}-\d{2}-\d{2}))$/i;
/** A date written with slashes (or dots, dashes) as spreadsheets export it: 02/03/2026, 2/3/26. */
const SLASH_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** How a slash date is read: day first (02/03/2026 is 2 March) or month first (3 February). */
export type DateOrder = 'dmy' | 'mdy';
const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'day first', mdy: 'month first' };

/** What `readAttendance` may know besides the file. */
export interface AttendanceOptions {
  /** The course's dates as delivered (YYYY-MM-DD): a slash date is read the way that gives them. */
  sessionDates?: readonly string[];
  /** The order of slash dates, when the trainer says it (`--date-order`). */
  dateOrder?: DateOrder;
}

/**
 * An attendance header whose slash dates read both ways: the message gives the command line's way
 * out (`--date-order`); `reason` is the message without it, for the report page, which asks on the
 * page, with the header cell and its two readings.
 */
export class AmbiguousDateError extends SopkitError {
  /** What is ambiguous, naming the file and cell, without the way out. */
  readonly reason: string;
  /** The header cell as written (`02/03/2026`). */
  readonly cell: string;
  /** The cell read day first and month first (YYYY-MM-DD). */
  readonly readings: Readonly<Record<DateOrder, string>>;
  constructor(reason: string, advice: string, cell: string, readings: Record<DateOrder, string>) {
    super('attendance/ambiguous-date', `${reason}; ${advice}`);
    this.reason = reason;
    this.cell = cell;
    this.readings = readings;
  }
}

/** A slash date as YYYY-MM-DD in one order, or undefined when that reading is no real day. */
function slashReading(cell: string, order: DateOrder): string | undefined {
  const m = SLASH_DATE.exec(cell.trim());
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 2026-03-02 → "2 March 2026": a date in words no reader takes the wrong way round. */
const inWords = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/**
 * The one order in which every slash-dated header of the file is read (one order for the file,
 * never cell by cell): the order given, else the only one that gives real days, else the only one
 * that gives the course's dates; a sheet both orders read as plausibly is refused, never guessed.
 * @returns The headers' dates (YYYY-MM-DD) by column, or an empty map when none is a slash date.
 */
function slashDates(header: readonly string[], columns: readonly number[], file: string, options: AttendanceOptions): Map<number, string> {
  const cols = columns.filter((i) => SLASH_DATE.test((header[i] ?? '').trim()));
  if (!cols.length) return new Map();
  const where = (i: number) => `${file} row 1, ${columnLabel(i, header[i] ?? '')}`;
  const read = (order: DateOrder) => new Map(cols.map((i) => [i, slashReading(header[i]!, order)] as const));
  const unambiguous = 'write the dates as YYYY-MM-DD (2026-03-02)';
  if (options.dateOrder) {
    const dates = read(options.dateOrder);
    const bad = cols.find((i) => !dates.get(i));
    if (bad !== undefined) throw new SopkitError('attendance/bad-day', `${where(bad)}: there is no such day read ${ORDER_WORDS[options.dateOrder]} (--date-order ${options.dateOrder}); correct the date, or ${unambiguous}`);
    return dates as Map<number, string>;
  }
  const readings = (['dmy', 'mdy'] as const).map((order) => ({ order, dates: read(order) }));
  const whole = readings.filter((r) => cols.every((i) => r.dates.get(i)));
  if (!whole.length) {
    const [dmyBad, mdyBad] = readings.map((r) => cols.find((i) => !r.dates.get(i))!) as [number, number];
    throw new SopkitError('attendance/bad-day', `${where(Math.min(dmyBad, mdyBad))}: the header's dates are not all in one order: ${columnLabel(dmyBad, header[dmyBad] ?? '')} is no day read day first (day/month/year), ${columnLabel(mdyBad, header[mdyBad] ?? '')} is none read month first (month/day/year); write every date the same way, or ${unambiguous}`);
  }
  const same = whole.length === 2 && cols.every((i) => whole[0]!.dates.get(i) === whole[1]!.dates.get(i));
  if (whole.length === 1 || same) return whole[0]!.dates as Map<number, string>;
  // Both orders give real days: the course's dates decide, when only one order gives them.
  const sessions = new Set(options.sessionDates ?? []);
  const fits = sessions.size ? whole.filter((r) => cols.every((i) => sessions.has(r.dates.get(i)!))) : [];
  if (fits.length === 1) return fits[0]!.dates as Map<number, string>;
  const first = cols.find((i) => whole[0]!.dates.get(i) !== whole[1]!.dates.get(i))!;
  const [dmy, mdy] = [whole[0]!.dates.get(first)!, whole[1]!.dates.get(first)!];
  const course = !sessions.size
    ? 'and no dates of the course are given to tell by (dates: in the notes\' frontmatter)'
    : fits.length
      ? 'and both readings are dates of the course'
      : `and neither gives only dates of the course (${[...sessions].join(', ')})`;
  throw new AmbiguousDateError(`${where(first)}: this date may be ${inWords(dmy)} (day first) or ${inWords(mdy)} (month first): every date of the header reads both ways, ${course}`, `${unambiguous}, or give the order: --date-order dmy (day first) or --date-order mdy (month first)`, (header[first] ?? '').trim(), { dmy, mdy });
}
const PRESENT = new Set(['1', 'yes', 'y', 'x', 'p', 'present', 'true', 'oui', 'o', 'late', '✓', '✔']);
const ABSENT = new Set(['', '0', 'no', 'n', 'a', 'absent', 'false', 'non', 'excused']);
const SEX: Record<string, string> = { f: 'female', female: 'female', woman: 'female', w: 'female', femme: 'female', m: 'male', male: 'male', man: 'male', homme: 'male', h: 'male' };

const sorted = (counts: Map<string, number>): Count[] => [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** What one header cell of an attendance file is, or undefined when it is no attendance column. */
function columnOf(cell: string): Column | undefined {
  const path = segments(cell);
  const last = (path.at(-1) ?? '').toLowerCase();
  if (!path.length || isMeta(path)) return 'ignored';
  if (DAY.test(last) || SLASH_DATE.test(cell.trim())) return 'day';
  return NAMES[last] ?? (isParticipantLabel(last) ? 'participant' : undefined);
}

/** Whether a header cell names a day: `day1`, `Day 2`, `2026-03-03`, `02/03/2026`. */
export const isDayHeader = (cell: string): boolean => columnOf(cell) === 'day';

/**
 * The date a header cell names when it is a spreadsheet's day number of this century (`46083`, a
 * date cell formatted as a number, or a date column pasted as values): refused with the date it
 * would be, never read as it, since a workbook of the 1904 date system (old Mac Excel) counts
 * from another day.
 */
function serialDate(cell: string): string | undefined {
  const text = cell.trim();
  if (!/^\d{5}$/.test(text)) return undefined;
  const days = Number(text);
  // 36526 is 2000-01-01, 73050 is 2099-12-31 (days since 1899-12-30).
  if (days < 36526 || days > 73050) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a header cell names a column of an attendance file (participant, organisation, a day...). */
export const isAttendanceColumn = (cell: string): boolean => columnOf(cell) !== undefined;

/**
 * Reads an attendance file (ARCHITECTURE.md, Formats: attendance): `participant`, `name`
 * (optional), `organisation`, `sex` and `role` (optional), then one column per day (`day1`,
 * `day2`... or the date, `2026-03-03` or as a spreadsheet exports it, `02/03/2026`) marked present (`1`, `yes`, `x`, `p`, `late`) or absent
 * (`0`, `no`, `a`, empty). Counts by organisation and, where the file has them, by sex and role;
 * attendance per day. Any other column or value is one error naming the file, row and column.
 * @param text The CSV text.
 * @param file File name for messages.
 * @param roleTitle The title of a role id, so a role column may hold ids or titles.
 * @param options The course's dates as delivered and the order of slash dates, if given: a header
 * such as `02/03/2026` is read in the one order (day or month first) for the whole header that
 * gives real days, and dates of the course; when both orders would do, the file is refused.
 */
export function readAttendance(text: string, file: string, roleTitle: (id: string) => string | undefined = () => undefined, options: AttendanceOptions = {}): AttendanceSummary {
  const table = readCsv(text, file, { code: 'attendance/empty', advice: 'fill in or export the attendance again (a header row: participant, organisation and one column per day; then one row per participant)' }, {
    header: { known: isAttendanceColumn, holds: 'participant, organisation and one column per day' },
  });
  const columns = table.header.map((cell, i): Column => {
    const known = columnOf(cell);
    if (known) return known;
    const serial = serialDate(cell);
    if (serial) throw new SopkitError('attendance/serial-date', `${file} row 1, ${columnLabel(i, cell)}: a date kept as a spreadsheet's day number (${cell.trim()} is ${serial} in Excel's 1900 date system), not written as a date; format the header cells as dates (Format Cells > Date) or type each as YYYY-MM-DD, and save the file again`);
    throw new SopkitError('attendance/unknown-column', `${file} row 1, ${columnLabel(i, cell)}: not an attendance column; use participant, name, organisation, sex, role and one column per day (day1, day2... or the date, 2026-03-03)`);
  });
  const index = (c: Column) => columns.indexOf(c);
  for (const c of ['participant', 'organisation'] as const) {
    if (index(c) < 0) throw new SopkitError('attendance/missing-column', `${file} row 1: no "${c}" column; the attendance file needs participant, organisation and one column per day`);
  }
  const dayCols = columns.flatMap((c, i) => (c === 'day' ? [i] : []));
  const slashed = slashDates(table.header, dayCols, file, options);
  // A day named twice, day 0 or a date that does not exist printed as they were ("Day 2, Day 2").
  const daySeen = new Map<string, number>();
  for (const i of dayCols) {
    const name = (segments(table.header[i] ?? '').at(-1) ?? '').toLowerCase();
    const [, number, written] = DAY.exec(name) ?? [];
    const date = slashed.get(i) ?? written;
    const where = `${file} row 1, ${columnLabel(i, table.header[i] ?? '')}`;
    if (number !== undefined && Number(number) < 1) throw new SopkitError('attendance/bad-day', `${where}: days are numbered from 1 (day1, day2...)`);
    if (date !== undefined && !isCalendarDate(date)) throw new SopkitError('attendance/bad-day', `${where}: there is no such day; write the date as YYYY-MM-DD`);
    const key = number !== undefined ? `day${Number(number)}` : (date ?? name);
    const earlier = daySeen.get(key);
    if (earlier !== undefined) throw new SopkitError('attendance/duplicate-day', `${where}: the same day as ${columnLabel(earlier, table.header[earlier] ?? '')}; keep one column per day`);
    daySeen.set(key, i);
  }
  if (!dayCols.length) throw new SopkitError('attendance/no-days', `${file} row 1: no day column; add one per day of the course, named day1, day2... or by date (2026-03-03)`);
  if (!table.rows.length) throw new SopkitError('attendance/no-rows', `${file}: a header but no participants; one row per participant is expected under it`);
  const present = dayCols.map(() => 0);
  const orgs = new Map<string, number>();
  const sexes = new Map<string, number>();
  const roles = new Map<string, number>();
  const seen = new Map<string, { row: number; id: string }>();
  let attended = 0;
  let allDays = 0;
  const absent: string[] = [];
  const names: NamedRow[] = [];
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r] ?? r + 2;
    const at = (i: number) => `${file} row ${row}, ${columnLabel(i, table.header[i] ?? '')}`;
    const cell = (c: Column) => (index(c) >= 0 ? (cells[index(c)] ?? '').trim() : '');
    const total = [cell('participant'), cell('name')].find(isTotalLabel);
    if (total !== undefined) throw totalRowError('attendance/total-row', file, row, total, 'totals', 'participant', 'the report counts who attended each day itself');
    const id = asciiDigits(cell('participant'));
    if (!id) throw new SopkitError('attendance/no-id', `${at(index('participant'))}: empty; every row needs the participant's id (the same as on the tests)`);
    // P01 and p01 (or P1, p-01) are one participant typed twice: counted twice, they inflated the
    // numbers trained and lowered the attendance rates.
    const earlier = seen.get(looseId(id));
    if (earlier !== undefined) throw new SopkitError('attendance/duplicate', `${file} row ${row}: participant ${id} is already in row ${earlier.row}${earlier.id === id ? '' : ` (written ${earlier.id} there: ids are compared without case, spaces, dashes or leading zeros)`}; keep one row per participant`);
    seen.set(looseId(id), { row, id });
    if (cell('name')) names.push({ id, name: cell('name'), file, row });
    const org = cell('organisation');
    if (!org) throw new SopkitError('attendance/no-organisation', `${at(index('organisation'))}: empty; write the participant's organisation or office`);
    bump(orgs, org);
    if (index('sex') >= 0) bump(sexes, SEX[cell('sex').toLowerCase()] ?? (cell('sex') || 'not stated'));
    if (index('role') >= 0) bump(roles, roleTitle(cell('role')) ?? (cell('role') || 'not stated'));
    const days = dayCols.map((i, k) => {
      const value = asciiDigits((cells[i] ?? '').trim().toLowerCase());
      if (PRESENT.has(value)) {
        present[k]!++;
        return true;
      }
      if (ABSENT.has(value)) return false;
      throw new SopkitError('attendance/bad-value', `${at(i)}: "${(cells[i] ?? '').trim().slice(0, 30)}" is neither present nor absent; write 1 (present) or 0 (absent), or leave it empty for absent`);
    });
    if (days.some(Boolean)) attended++;
    else absent.push(id);
    if (days.every(Boolean)) allDays++;
  });
  const n = table.rows.length;
  return {
    file,
    participants: n,
    attended,
    allDays,
    days: dayCols.map((i, k) => {
      const label = table.header[i] ?? '';
      const [, number, written] = DAY.exec(segments(label).at(-1) ?? '') ?? [];
      const date = slashed.get(i) ?? written;
      return { label, ...(date ? { date } : {}), ...(number ? { day: Number(number) } : {}), present: present[k]!, rate: present[k]! / n };
    }),
    rate: present.reduce((a, b) => a + b, 0) / (n * dayCols.length),
    byOrganisation: sorted(orgs),
    ...(index('sex') >= 0 ? { bySex: sorted(sexes) } : {}),
    ...(index('role') >= 0 ? { byRole: sorted(roles) } : {}),
    ids: [...seen.values()].map((s) => s.id),
    absentEveryDay: absent,
    names,
  };
}
