import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttendance } from '../../../src/lib/training/report/attendance.ts';
import { notesHtml, readNotes } from '../../../src/lib/training/report/notes.ts';

const dir = join(import.meta.dirname, '../../fixtures/training/report');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');
const roles: Record<string, string> = { registrar: 'Registrar', 'registration-clerk': 'Registration clerk', supervisor: 'Registration supervisor' };

describe('attendance file', () => {
  const a = readAttendance(text('attendance.csv'), 'attendance.csv', (id) => roles[id]);

  it('counts who attended, each day and over the course (counted by hand)', () => {
    // A1 both days, A2 day 1, A3 both, A4 none, A5 both ("p", "late").
    expect(a).toMatchObject({ participants: 5, attended: 4, allDays: 3, rate: 7 / 10 });
    expect(a.days).toEqual([
      { label: 'day1', day: 1, present: 4, rate: 0.8 },
      { label: 'day2', day: 2, present: 3, rate: 0.6 },
    ]);
    expect(a.ids).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
  });

  it('counts by organisation, and by sex and role where the file has them (role ids or titles)', () => {
    expect(a.byOrganisation).toEqual([
      { key: 'Office North', count: 2 },
      { key: 'Office South', count: 2 },
      { key: 'HQ', count: 1 },
    ]);
    expect(a.bySex).toEqual([
      { key: 'female', count: 3 },
      { key: 'male', count: 1 },
      { key: 'not stated', count: 1 },
    ]);
    expect(a.byRole).toEqual([
      { key: 'Registrar', count: 2 },
      { key: 'Registration clerk', count: 2 },
      { key: 'Registration supervisor', count: 1 },
    ]);
  });

  it('takes days named by date (and semicolons); leaves sex and role out when the file has no such column', () => {
    const dated = readAttendance(text('attendance-dates.csv'), 'dated.csv');
    expect(dated.days.map((d) => [d.date, d.present])).toEqual([['2026-03-02', 2], ['2026-03-03', 1]]);
    expect(dated.bySex).toBeUndefined();
    expect(dated.byRole).toBeUndefined();
  });

  describe('days dated with slashes, as spreadsheets export them (one order for the whole header)', () => {
    const S = 'slash-dates';
    const course = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    const dates = (name: string, options = {}) => readAttendance(text(`${S}/${name}`), name, undefined, options).days.map((d) => [d.label, d.date, d.present]);

    it('reads 02/03/2026 day first when only day first gives dates of the course', () => {
      expect(dates('dmy.csv', { sessionDates: course })).toEqual([['02/03/2026', '2026-03-02', 2], ['03/03/2026', '2026-03-03', 1], ['04/03/2026', '2026-03-04', 2]]);
    });

    it('reads 03/02/2026 month first when only month first gives dates of the course', () => {
      expect(dates('mdy.csv', { sessionDates: course }).map(([, d]) => d)).toEqual(course.slice(0, 3));
    });

    it('reads day first when a day past 12 leaves no other order, with or without the course dates', () => {
      expect(dates('dmy-13.csv').map(([, d]) => d)).toEqual(['2026-03-13', '2026-03-14']);
    });

    it('refuses a header both orders read as plausibly, naming the file, the cell and the ways out', () => {
      // No course dates to tell by: 02/03/2026 is 2 March or 3 February.
      expect(() => dates('dmy.csv')).toThrow(/^dmy\.csv row 1, column C \(02\/03\/2026\): this date may be 2 March 2026 \(day first\) or 3 February 2026 \(month first\): every date of the header reads both ways, and no dates of the course are given .*; write the dates as YYYY-MM-DD \(2026-03-02\), or give the order: --date-order dmy \(day first\) or --date-order mdy \(month first\)$/);
      // Both readings are dates of the course.
      expect(() => dates('dmy.csv', { sessionDates: ['2026-02-03', '2026-03-03', '2026-04-03', '2026-03-02', '2026-03-04'] })).toThrow(/column C \(02\/03\/2026\): .*both readings are dates of the course/);
    });

    it('reads the order the trainer gives, and refuses a header it gives no real day for', () => {
      expect(dates('dmy.csv', { dateOrder: 'mdy' }).map(([, d]) => d)).toEqual(['2026-02-03', '2026-03-03', '2026-04-03']);
      expect(dates('dmy.csv', { dateOrder: 'dmy' }).map(([, d]) => d)).toEqual(course.slice(0, 3));
      expect(() => dates('dmy-13.csv', { dateOrder: 'mdy' })).toThrow(/^dmy-13\.csv row 1, column C \(13\/03\/2026\): there is no such day read month first \(--date-order mdy\)/);
    });

    it('refuses a header written in two orders, naming a cell of each', () => {
      expect(() => dates('mixed.csv', { sessionDates: course })).toThrow(/^mixed\.csv row 1, column C \(13\/03\/2026\): the header's dates are not all in one order: column D \(03\/14\/2026\) is no day read day first .*column C \(13\/03\/2026\) is none read month first/);
    });

    it('takes 3/3/26 (the same day either way) and sees 02/03/2026 and 2026-03-02 as one day twice', () => {
      expect(readAttendance('participant,organisation,3/3/26\nP01,A,1\n', 'at.csv').days[0]?.date).toBe('2026-03-03');
      expect(() => readAttendance('participant,organisation,2026-03-02,02/03/2026\nP01,A,1,1\n', 'at.csv', undefined, { dateOrder: 'dmy' })).toThrow(/^at\.csv row 1, column D \(02\/03\/2026\): the same day as column C/);
    });
  });

  it.each([
    ['attendance-unknown-column.csv', /^bad\/attendance-unknown-column\.csv row 1, column D \(hours\): not an attendance column/],
    ['attendance-bad-value.csv', /^bad\/attendance-bad-value\.csv row 3, column D \(day2\): "maybe" is neither present nor absent; write 1 \(present\) or 0 \(absent\)/],
    ['attendance-no-organisation.csv', /^bad\/attendance-no-organisation\.csv row 1: no "organisation" column/],
    ['attendance-duplicate.csv', /^bad\/attendance-duplicate\.csv row 3: participant A1 is already in row 2/],
    ['attendance-no-days.csv', /^bad\/attendance-no-days\.csv row 1: no day column/],
  ])('%s: one error naming the file, row and column', (name, message) => {
    expect(() => readAttendance(text(`bad/${name}`), `bad/${name}`)).toThrow(message);
  });

  it('refuses one participant on two rows with the id written another way', () => {
    expect(() => readAttendance('participant,organisation,day1\nP01,Office A,1\nB2,Office B,1\np01,Office A,1\n', 'at.csv')).toThrow('at.csv row 4: participant p01 is already in row 2 (written P01 there: ids are compared without case, spaces, dashes or leading zeros); keep one row per participant');
  });

  it.each([
    ['participant,organisation,day1,day2,Day 2\nA1,X,1,1,1\n', /^at\.csv row 1, column E \(Day 2\): the same day as column D \(day2\); keep one column per day$/],
    ['participant,organisation,2026-03-02,day0\nA1,X,1,1\n', /^at\.csv row 1, column D \(day0\): days are numbered from 1 \(day1, day2\.\.\.\)$/],
    ['participant,organisation,2026-02-30\nA1,X,1\n', /^at\.csv row 1, column C \(2026-02-30\): there is no such day; write the date as YYYY-MM-DD$/],
    ['participant,organisation,2026-03-02,2026-03-02\nA1,X,1,0\n', /^at\.csv row 1, column D \(2026-03-02\): the same day as column C \(2026-03-02\)/],
  ])('a day column named twice, day 0 or a date that does not exist is refused (printed as it was before): %s', (csv, message) => {
    expect(() => readAttendance(csv, 'at.csv')).toThrow(message);
  });

  it('takes the participant column headed "Participant ID" (as the booklet prints it), "ID" or "Participant No"', () => {
    for (const head of ['Participant ID', 'ID', 'Participant No', 'participant_id']) {
      expect(readAttendance(`${head},organisation,day1\nP01,Office A,1\n`, 'at.csv').ids, head).toEqual(['P01']);
    }
    expect(() => readAttendance('trainee,organisation,day1\nP01,Office A,1\n', 'at.csv')).toThrow(/^at\.csv row 1, column A \(trainee\): not an attendance column/);
  });

  it('a title above the header is refused as a title, naming the row of the header', () => {
    const file = text('attendance.csv');
    expect(() => readAttendance(`"Attendance, March 2026"\n\n${file}`, 'at.csv')).toThrow('at.csv row 1: "Attendance, March 2026" looks like a title, not the header; the header (participant, organisation and one column per day) must be the first row: delete rows 1 to 2, above the header in row 3, and save the file again');
  });

  it("a day headed by the spreadsheet's day number (46083) is refused, naming the date it would be and how to write it", async () => {
    const { tableText } = await import('../../../src/lib/assessment/workbook.ts');
    const book = await tableText(new Uint8Array(readFileSync(join(dir, 'workbooks/attendance-serial-dates.xlsx'))), 'attendance.xlsx');
    expect(() => readAttendance(book, 'attendance.xlsx')).toThrow("attendance.xlsx row 1, column F (46083): a date kept as a spreadsheet's day number (46083 is 2026-03-02 in Excel's 1900 date system), not written as a date; format the header cells as dates (Format Cells > Date) or type each as YYYY-MM-DD, and save the file again");
    // A number that is no day of this century stays an unknown column.
    expect(() => readAttendance('participant,organisation,12345\nP01,Office A,1\n', 'at.csv')).toThrow(/^at\.csv row 1, column C \(12345\): not an attendance column/);
  });

  it('an empty attendance file says what the file should hold, not to export test responses', () => {
    expect(() => readAttendance('\uFEFF\r\n', 'attendance.csv')).toThrow(/^attendance\.csv: the file is empty; fill in or export the attendance again \(a header row: participant, organisation and one column per day; then one row per participant\)$/);
  });
});

describe("trainer's notes", () => {
  it('renders Markdown escaped: no raw HTML, no script link, images as their description, headings below the section', () => {
    const notes = readNotes(text('hostile-notes.md'), 'notes.md');
    expect(notes.delivered).toEqual({ venue: 'Room <b>4</b>' });
    const html = notesHtml(notes.markdown, 3);
    expect(html).not.toMatch(/<script|<div|onclick|javascript:/i);
    // The tags are dropped; what was between them stays, as text.
    expect(html).toContain('<h4>What happened alert(1)</h4>');
    expect(html).toContain('<a href="https://example.org/a?b=1&#x26;c=2">web link</a>');
    expect(html).toContain('<em>link that runs code</em>');
    expect(html).toContain('<em>[image]</em>');
    expect(html).toContain('50 % &#x3C; half, and {braces} stay text');
  });

  it.each([
    ['notes-frontmatter.md', /^bad\/notes-frontmatter\.md:2:9 {2}error {2}notes\/frontmatter {2}dates\[0\]: found "2026-02-30"; expected a real calendar date/],
    ['notes-unknown-field.md', /^bad\/notes-unknown-field\.md:3:1 {2}error {2}notes\/frontmatter {2}frontmatter: unknown field weather; remove or rename it$/],
    // "trainer" for "trainers" (the field the report's trainers line comes from) is named.
    ['notes-trainer.md', /^bad\/notes-trainer\.md:2:1 {2}error {2}notes\/frontmatter {2}frontmatter: unknown field trainer \(did you mean "trainers"\?\); remove or rename it$/],
    // Without the closing line the dates and venue were read as the notes' text, and nothing said so.
    ['notes-unclosed.md', /^bad\/notes-unclosed\.md:1:1: the frontmatter opened on line 1 is not closed: end it with a line of three dashes/],
  ])('%s: one error naming the file and line', (name, message) => {
    expect(() => readNotes(text(`bad/${name}`), `bad/${name}`)).toThrow(message);
  });
});

describe("the trainer's notes nested too deep", () => {
  it('are refused at their line before any parser or renderer sees them (2,000 quote levels overflowed the stack, hundreds of nested lists took minutes)', () => {
    expect(() => readNotes(`# Notes\n\n${'>'.repeat(2000)} x\n`, 'notes.md')).toThrow(/^notes\.md:3:\d+: lists and block quotes are nested \d+ levels deep here, more than 32/);
    const lists = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(() => readNotes(lists, 'notes.md')).toThrow(/^notes\.md:\d+:\d+: lists and block quotes are nested/);
    expect(readNotes('# Notes\n\n> a quote\n\n- a list\n  - in a list\n', 'notes.md').markdown).toContain('in a list');
  });
});
