import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../../src/schemas/course.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { formatClock, formatElapsed, formatMinutes, parseClock } from '../../../src/lib/training/clock.ts';
import { courseTimetable, generateTimetable, moduleClock } from '../../../src/lib/training/timetable.ts';
import { quizNames, timetableLine } from '../../../src/lib/training/timetable-text.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/training/base'));
const modules = new Map(project.modules.map((m) => [m.id, m]));
const intro = modules.get('intro')!;
const clockOf = (days: ReturnType<typeof courseTimetable>['days']) => days.map((d) => d.map((e) => `${formatClock(e.start)}-${formatClock(e.end)} ${e.kind}`));

describe('clock', () => {
  it('reads and writes times of day and lengths', () => {
    expect(parseClock('08:30')).toBe(510);
    expect(formatClock(510)).toBe('08:30');
    expect(formatElapsed(75)).toBe('1:15');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(120)).toBe('2 h');
    // In the reader's language; English is the same with or without the language.
    expect([45, 90, 120, 360].map((n) => formatMinutes(n, 'en'))).toEqual(['45 min', '1 h 30 min', '2 h', '6 h']);
    expect([45, 90, 120, 360].map((n) => formatMinutes(n, 'fr'))).toEqual(['45\u00a0min', '1\u00a0h 30\u00a0min', '2\u00a0h', '6\u00a0h']);
    expect([45, 60, 90, 120, 360].map((n) => formatMinutes(n, 'ar'))).toEqual(['45 دقيقة', 'ساعة', 'ساعة و30 دقيقة', 'ساعتان', '6 ساعات']);
    for (const s of [45, 90, 360].map((n) => formatMinutes(n, 'ar'))) expect(s).not.toMatch(/\b(h|min)\b/);
  });
});

describe('module clock', () => {
  it('runs the sessions from 0:00, each starting where the last ended', () => {
    expect(moduleClock(intro.outline.sessions).map((c) => [c.start, c.end])).toEqual([[0, 30], [30, 60]]);
  });
});

describe('written timetable', () => {
  it('resolves sessions by number and by title, a break by its minutes, tests by their default length', () => {
    const course = project.courses[0]!.data!;
    const tt = courseTimetable(course, modules);
    expect(tt.problems).toEqual([]);
    expect(clockOf(tt.days)).toEqual([['09:00-09:30 test', '09:30-10:00 session', '10:00-10:15 break', '10:15-10:45 session', '10:45-11:15 test']]);
  });
});

describe('generated timetable', () => {
  const base = { id: 'c', title: 'Course', audience: ['registrar'], modules: ['intro'], trainers: ['[A]', '[B]'], venue: '[V]', participants: 10 };
  const generate = (template: unknown, extra: Record<string, unknown> = {}) => {
    const course = courseSchema.parse({ ...base, dayTemplate: template, ...extra });
    return generateTimetable(course, course.dayTemplate!, modules);
  };

  it('takes a break at the session boundary nearest its time and never cuts a session', () => {
    // Sessions of 30 and 30 minutes from 09:00: tea due at 09:40 is nearer the 09:30 boundary than 10:00.
    const tt = generate({ start: '09:00', end: '12:00', breaks: [{ at: '09:40', minutes: 15, label: 'Tea' }] });
    expect(clockOf(tt.days)).toEqual([['09:00-09:30 session', '09:30-09:45 break', '09:45-10:15 session']]);
    // Due at 09:50, it is nearer the end of the second session.
    const later = generate({ start: '09:00', end: '12:00', breaks: [{ at: '09:50', minutes: 15, label: 'Tea' }] });
    expect(clockOf(later.days)[0]?.slice(0, 2)).toEqual(['09:00-09:30 session', '09:30-10:00 session']);
  });

  it('opens with the pre-test, closes with the post-test and moves what does not fit to the next day', () => {
    const tt = generate({ start: '09:00', end: '10:00', breaks: [] }, { pretest: 'sample-registration', posttest: 'sample-registration' });
    expect(clockOf(tt.days)).toEqual([['09:00-09:30 test', '09:30-10:00 session'], ['09:00-09:30 session', '09:30-10:00 test']]);
    expect(tt.problems).toEqual([]);
  });

  it("names a test by its module or its own title, never by the quiz id, in the reader's words", () => {
    const tt = generate({ start: '09:00', end: '12:00', breaks: [] }, { pretest: 'sample-registration', posttest: 'sample-registration' });
    const names = quizNames(project.modules, project.root, 'en', 'en');
    const tests = tt.days.flat().filter((e) => e.kind === 'test').map((e) => timetableLine(e, 'en', names));
    expect(tests.map((l) => [l.what, l.module])).toEqual([['Pre-test', 'M1'], ['Post-test', 'M1']]);
    expect([timetableLine(tt.days[0]![0]!, 'fr', names)].map((l) => [l.what, l.module])).toEqual([['Pré-test', 'M1']]);
    // A quiz no module owns is named by its own title; a test slot without a quiz by its kind alone.
    const own = quizNames([], project.root, 'en', 'en');
    expect(timetableLine(tt.days[0]![0]!, 'en', own).what).toBe('Pre-test (Sample registration, pre/post test)');
    expect(timetableLine({ ...tt.days[0]![0]!, kind: 'test', form: 'post' } as never, 'en').what).toMatch(/^Post-test \(sample-registration\)$/);
    expect(timetableLine({ start: 0, end: 30, kind: 'test', form: 'pre' } as never, 'en').what).toBe('Pre-test');
  });

  it('refuses a break that runs past the day, a day that ends before it starts, and a module listed twice', () => {
    const issues = (value: unknown) => {
      const result = courseSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    // A lunch typed 6000 minutes for 60 pushed every session after it to a day of its own.
    expect(issues({ ...base, dayTemplate: { start: '08:30', end: '16:30', breaks: [{ at: '12:30', minutes: 6000, label: 'Lunch' }] } })).toEqual([
      'dayTemplate.breaks.0.minutes: a length that ends the break "Lunch" (from 12:30) by the end of the day (16:30); check it',
    ]);
    expect(issues({ ...base, dayTemplate: { start: '08:30', end: '16:30', breaks: [{ at: '17:00', minutes: 15, label: 'Tea' }] } })).toEqual(['dayTemplate.breaks.0.at: a time within the day (08:30 to 16:30)']);
    expect(issues({ ...base, dayTemplate: { start: '16:30', end: '08:30', breaks: [] } })).toEqual(['dayTemplate.end: a time after the day starts (16:30)']);
    expect(issues({ ...base, modules: ['intro', 'other', 'intro'], dayTemplate: { start: '08:30', end: '16:30', breaks: [] } })).toEqual([
      'modules.2: a module not listed already: it is item 1 too, and a course teaches each module once; remove one',
    ]);
    expect(issues({ ...base, dayTemplate: { start: '08:30', end: '16:30', breaks: [{ at: '12:30', minutes: 60, label: 'Lunch' }] } })).toEqual([]);
  });

  it('says when a session is longer than the day', () => {
    const tt = generate({ start: '09:00', end: '09:20', breaks: [] });
    expect(tt.problems.map((p) => p.code)).toEqual(['course/too-long', 'course/too-long']);
  });
});
