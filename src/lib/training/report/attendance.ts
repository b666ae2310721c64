import { columnLabel, isMeta, isParticipantLabel, segments } from '../../assessment/columns.ts';
import { isCalendarDate } from '../../dates.ts';
import { readCsv } from '../../assessment/csv.ts';
import { SopkitError } from '../../errors.ts';
import { looseId } from '../../assessment/look-alike.ts';

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
  if (DAY.test(last)) return 'day';
  return NAMES[last] ?? (isParticipantLabel(last) ? 'participant' : undefined);
}

/**
 * Reads an attendance file (ARCHITECTURE.md, Formats: attendance): `participant`, `name`
 * (optional), `organisation`, `sex` and `role` (optional), then one column per day (`day1`,
 * `day2`... or the date, `2026-03-03`) marked present (`1`, `yes`, `x`, `p`, `late`) or absent
 * (`0`, `no`, `a`, empty). Counts by organisation and, where the file has them, by sex and role;
 * attendance per day. Any other column or value is one error naming the file, row and column.
 * @param text The CSV text.
 * @param file File name for messages.
 * @param roleTitle The title of a role id, so a role column may hold ids or titles.
 */
export function readAttendance(text: string, file: string, roleTitle: (id: string) => string | undefined = () => undefined): AttendanceSummary {
  const table = readCsv(text, file, { code: 'attendance/empty', advice: 'fill in or export the attendance again (a header row: participant, organisation and one column per day; then one row per participant)' }, {
    header: { known: (cell) => columnOf(cell) !== undefined, holds: 'participant, organisation and one column per day' },
  });
  const columns = table.header.map((cell, i): Column => {
    const known = columnOf(cell);
    if (known) return known;
    throw new SopkitError('attendance/unknown-column', `${file} row 1, ${columnLabel(i, cell)}: not an attendance column; use participant, name, organisation, sex, role and one column per day (day1, day2... or the date, 2026-03-03)`);
  });
  const index = (c: Column) => columns.indexOf(c);
  for (const c of ['participant', 'organisation'] as const) {
    if (index(c) < 0) throw new SopkitError('attendance/missing-column', `${file} row 1: no "${c}" column; the attendance file needs participant, organisation and one column per day`);
  }
  const dayCols = columns.flatMap((c, i) => (c === 'day' ? [i] : []));
  // A day named twice, day 0 or a date that does not exist printed as they were ("Day 2, Day 2").
  const daySeen = new Map<string, number>();
  for (const i of dayCols) {
    const name = (segments(table.header[i] ?? '').at(-1) ?? '').toLowerCase();
    const [, number, date] = DAY.exec(name) ?? [];
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
  table.rows.forEach((cells, r) => {
    const row = table.rowNumbers[r] ?? r + 2;
    const at = (i: number) => `${file} row ${row}, ${columnLabel(i, table.header[i] ?? '')}`;
    const cell = (c: Column) => (index(c) >= 0 ? (cells[index(c)] ?? '').trim() : '');
    const id = cell('participant');
    if (!id) throw new SopkitError('attendance/no-id', `${at(index('participant'))}: empty; every row needs the participant's id (the same as on the tests)`);
    // P01 and p01 (or P1, p-01) are one participant typed twice: counted twice, they inflated the
    // numbers trained and lowered the attendance rates.
    const earlier = seen.get(looseId(id));
    if (earlier !== undefined) throw new SopkitError('attendance/duplicate', `${file} row ${row}: participant ${id} is already in row ${earlier.row}${earlier.id === id ? '' : ` (written ${earlier.id} there: ids are compared without case, spaces, dashes or leading zeros)`}; keep one row per participant`);
    seen.set(looseId(id), { row, id });
    const org = cell('organisation');
    if (!org) throw new SopkitError('attendance/no-organisation', `${at(index('organisation'))}: empty; write the participant's organisation or office`);
    bump(orgs, org);
    if (index('sex') >= 0) bump(sexes, SEX[cell('sex').toLowerCase()] ?? (cell('sex') || 'not stated'));
    if (index('role') >= 0) bump(roles, roleTitle(cell('role')) ?? (cell('role') || 'not stated'));
    const days = dayCols.map((i, k) => {
      const value = (cells[i] ?? '').trim().toLowerCase();
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
      const [, number, date] = DAY.exec(segments(label).at(-1) ?? '') ?? [];
      return { label, ...(date ? { date } : {}), ...(number ? { day: Number(number) } : {}), present: present[k]!, rate: present[k]! / n };
    }),
    rate: present.reduce((a, b) => a + b, 0) / (n * dayCols.length),
    byOrganisation: sorted(orgs),
    ...(index('sex') >= 0 ? { bySex: sorted(sexes) } : {}),
    ...(index('role') >= 0 ? { byRole: sorted(roles) } : {}),
    ids: [...seen.values()].map((s) => s.id),
    absentEveryDay: absent,
  };
}
