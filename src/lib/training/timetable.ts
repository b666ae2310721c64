import type { Course, CourseSlot, DayTemplate } from '../../schemas/course.ts';
import { formatClock, parseClock } from './clock.ts';
import type { ModuleDoc } from './modules.ts';
import type { SessionInfo } from './outline.ts';

/** Minutes a course test takes on the timetable when the line does not say. */
export const DEFAULT_TEST_MINUTES = 30;
/** Minutes for the session evaluation when the line does not say. */
export const DEFAULT_EVALUATION_MINUTES = 15;

/** A session of a module with its place on the module's running clock (minutes from its start). */
export interface ClockedSession {
  session: SessionInfo;
  start: number;
  end: number;
}

/** The sessions of a module on a running clock from 0:00; a session without a valid duration counts 0. */
export function moduleClock(sessions: readonly SessionInfo[]): ClockedSession[] {
  let at = 0;
  return sessions.map((session) => {
    const start = at;
    at += session.duration ?? 0;
    return { session, start, end: at };
  });
}

/** One line of a course day, resolved: times in minutes since midnight. */
export type TimetableEntry = {
  start: number;
  end: number;
  trainer?: string;
  /** Index of the line in the course file's `days[day]`, for messages; undefined when generated. */
  line?: number;
} & (
  | { kind: 'session'; module: ModuleDoc; session: SessionInfo }
  | { kind: 'break'; label: string }
  | { kind: 'test'; form: 'pre' | 'post'; quiz?: string }
  | { kind: 'evaluation'; evaluation?: string }
  | { kind: 'other'; title: string }
);

/** A problem with a written timetable, at a line of the course file. */
export interface TimetableProblem {
  code: 'course/unknown-module' | 'course/unknown-session' | 'course/overlap' | 'course/outside-day' | 'course/too-long';
  message: string;
  /** YAML path of the line concerned. */
  path: (string | number)[];
}

/** The timetable of a course, day by day. */
export interface Timetable {
  days: TimetableEntry[][];
  /** True when it was generated from the modules and the day template. */
  generated: boolean;
  problems: TimetableProblem[];
}

function findSession(module: ModuleDoc, ref: string | number): SessionInfo | undefined {
  const sessions = module.outline.sessions;
  return typeof ref === 'number' ? sessions[ref - 1] : sessions.find((s) => s.title === ref);
}

/** Resolves one written line to an entry (its end is settled once the next line is known). */
function resolveSlot(slot: CourseSlot, modules: ReadonlyMap<string, ModuleDoc>, course: Course, path: (string | number)[], problems: TimetableProblem[]): TimetableEntry | undefined {
  const start = parseClock(slot.start);
  const base = { start, end: start + (slot.minutes ?? 0), ...(slot.trainer ? { trainer: slot.trainer } : {}), line: path[2] as number };
  if (slot.module !== undefined) {
    const module = modules.get(slot.module);
    if (!module || !course.modules.includes(slot.module)) {
      problems.push({ code: 'course/unknown-module', path: [...path, 'module'], message: `module "${slot.module}" is not among the course's modules (${course.modules.join(', ')})` });
      return undefined;
    }
    const session = findSession(module, slot.session ?? 1);
    if (!session) {
      const known = module.outline.sessions.map((s) => `${s.n} "${s.title}"`).join(', ');
      problems.push({ code: 'course/unknown-session', path: [...path, 'session'], message: `module "${slot.module}" has no session ${JSON.stringify(slot.session)}; its sessions: ${known || 'none'}` });
      return undefined;
    }
    return { ...base, end: start + (slot.minutes ?? session.duration ?? 0), kind: 'session', module, session };
  }
  if (slot.break !== undefined) return { ...base, kind: 'break', label: slot.break };
  if (slot.test !== undefined) {
    const quiz = slot.test === 'pre' ? course.pretest : course.posttest;
    return { ...base, end: start + (slot.minutes ?? DEFAULT_TEST_MINUTES), kind: 'test', form: slot.test, ...(quiz ? { quiz } : {}) };
  }
  if (slot.evaluation !== undefined) {
    const evaluation = slot.evaluation === true ? course.evaluation : slot.evaluation;
    return { ...base, end: start + (slot.minutes ?? DEFAULT_EVALUATION_MINUTES), kind: 'evaluation', ...(evaluation ? { evaluation } : {}) };
  }
  return { ...base, kind: 'other', title: slot.title ?? '' };
}

/** A written timetable: each line resolved, breaks lasting until the next line, checked for overlap and against the day template. */
function writtenTimetable(course: Course, days: CourseSlot[][], modules: ReadonlyMap<string, ModuleDoc>): Timetable {
  const problems: TimetableProblem[] = [];
  const template = course.dayTemplate;
  const out = days.map((slots, d) => {
    const entries: TimetableEntry[] = [];
    slots.forEach((slot, i) => {
      const entry = resolveSlot(slot, modules, course, ['days', d, i], problems);
      if (!entry) return;
      const next = slots[i + 1];
      // A break or other line without minutes lasts until the next line starts.
      if (slot.minutes === undefined && (entry.kind === 'break' || entry.kind === 'other') && next) entry.end = Math.max(entry.start, parseClock(next.start));
      entries.push(entry);
    });
    for (let i = 1; i < entries.length; i++) {
      const prev = entries[i - 1]!;
      const cur = entries[i]!;
      if (cur.start < prev.end) {
        problems.push({ code: 'course/overlap', path: ['days', d, cur.line ?? i, 'start'], message: `day ${d + 1} starts this at ${formatClock(cur.start)}, but the line before runs until ${formatClock(prev.end)}; move it to ${formatClock(prev.end)} or later` });
      }
    }
    if (template) {
      const open = parseClock(template.start);
      const close = parseClock(template.end);
      for (const e of entries) {
        if (e.start < open) problems.push({ code: 'course/outside-day', path: ['days', d, e.line ?? 0, 'start'], message: `day ${d + 1} starts this at ${formatClock(e.start)}, before the day starts (${template.start} in dayTemplate)` });
        else if (e.end > close) problems.push({ code: 'course/outside-day', path: ['days', d, e.line ?? 0, 'start'], message: `day ${d + 1} runs this until ${formatClock(e.end)}, after the day ends (${template.end} in dayTemplate)` });
      }
    }
    return entries;
  });
  return { days: out, generated: false, problems };
}

type Item = (TimetableEntry extends infer E ? (E extends TimetableEntry ? Omit<E, 'start' | 'end'> : never) : never) & { minutes: number };

/**
 * A timetable generated from the modules' sessions and the day template: the pre-test opens the
 * first day, the post-test and the evaluation close the last; sessions follow in module order;
 * a break is taken when the next session would run past its time (never cutting a session), and
 * a session that does not fit before the end of the day moves to the next day.
 */
export function generateTimetable(course: Course, template: DayTemplate, modules: ReadonlyMap<string, ModuleDoc>): Timetable {
  const problems: TimetableProblem[] = [];
  const items: Item[] = [];
  const lead = course.trainers[0];
  const withTrainer = (trainer: string | undefined) => (trainer ? { trainer } : {});
  if (course.pretest) items.push({ kind: 'test' as const, form: 'pre' as const, quiz: course.pretest, minutes: DEFAULT_TEST_MINUTES, ...withTrainer(lead) });
  course.modules.forEach((id, m) => {
    const module = modules.get(id);
    if (!module) {
      problems.push({ code: 'course/unknown-module', path: ['modules', m], message: `no module "${id}" in content/modules/` });
      return;
    }
    const trainer = course.trainers[m % course.trainers.length];
    for (const session of module.outline.sessions) items.push({ kind: 'session' as const, module, session, minutes: session.duration ?? 0, ...withTrainer(trainer) });
  });
  if (course.posttest) items.push({ kind: 'test' as const, form: 'post' as const, quiz: course.posttest, minutes: DEFAULT_TEST_MINUTES, ...withTrainer(lead) });
  if (course.evaluation) items.push({ kind: 'evaluation' as const, evaluation: course.evaluation, minutes: DEFAULT_EVALUATION_MINUTES, ...withTrainer(lead) });

  const open = parseClock(template.start);
  const close = parseClock(template.end);
  const days: TimetableEntry[][] = [];
  let day: TimetableEntry[] = [];
  let cursor = open;
  let breaks = [...template.breaks];
  const newDay = () => {
    days.push(day);
    day = [];
    cursor = open;
    breaks = [...template.breaks];
  };
  for (const item of items) {
    for (;;) {
      const due = breaks[0];
      const at = due ? parseClock(due.at) : Infinity;
      // A break is taken before the item when it is already due, or when its time is nearer the
      // item's start than its end; otherwise after it. A session is never cut in two.
      const breakFirst = due !== undefined && (at <= cursor || (at < cursor + item.minutes && at - cursor <= cursor + item.minutes - at));
      const fresh = !day.some((e) => e.kind !== 'break');
      if (cursor + (breakFirst ? due.minutes : 0) + item.minutes > close && !fresh) {
        newDay();
        continue;
      }
      if (breakFirst) {
        day.push({ kind: 'break', label: due.label, start: cursor, end: cursor + due.minutes });
        cursor += due.minutes;
        breaks.shift();
        continue;
      }
      if (cursor + item.minutes > close) {
        const what = item.kind === 'session' ? `session "${item.session.title}" of ${item.module.id}` : item.kind;
        problems.push({ code: 'course/too-long', path: ['dayTemplate'], message: `${what} (${item.minutes} min) does not fit in a day from ${template.start} to ${template.end}; split it or lengthen the day` });
      }
      const { minutes, ...rest } = item;
      day.push({ ...rest, start: cursor, end: cursor + minutes } as TimetableEntry);
      cursor += minutes;
      break;
    }
  }
  if (day.length) days.push(day);
  return { days, generated: true, problems };
}

/**
 * The course timetable: the written `days`, resolved and checked against the day template, or,
 * without `days`, generated from the modules and the template.
 * @param course The validated course.
 * @param modules Loaded modules by id.
 */
export function courseTimetable(course: Course, modules: ReadonlyMap<string, ModuleDoc>): Timetable {
  if (course.days) return writtenTimetable(course, course.days, modules);
  if (course.dayTemplate) return generateTimetable(course, course.dayTemplate, modules);
  return { days: [], generated: false, problems: [] };
}

/**
 * The form of its module's quiz a test session (`method="test"`) gives: the pre-test when it opens
 * the module (no session before it teaches), the post-test otherwise. A module writes its tests as
 * sessions ("Pre-test and the plan of the module", "Review and post-test"); their place, not their
 * words, says which form they are, in every language.
 * @param module The module.
 * @param session One of its sessions, a test.
 */
export function sessionTestForm(module: ModuleDoc, session: SessionInfo): 'pre' | 'post' {
  return module.outline.sessions.filter((s) => s.n < session.n).every((s) => s.method === 'test') ? 'pre' : 'post';
}

/** A test a course runs: one form of a quiz. */
export interface CourseTest {
  quiz: string;
  form: 'pre' | 'post';
}

/**
 * Every test a course runs, once each: its pre-test and post-test (`pretest`, `posttest`), and
 * the form of its module's quiz that each test session of the timetable gives (`sessionTestForm`).
 * Grouped by quiz in the order the quizzes first come (the course's pre-test first), the pre-test
 * before the post-test. The print pack prints a booklet, an answer sheet and a key for each.
 * @param course The validated course.
 * @param timetable Its timetable (`courseTimetable`).
 */
export function courseTests(course: Course, timetable: Timetable): CourseTest[] {
  const found: CourseTest[] = [];
  if (course.pretest) found.push({ quiz: course.pretest, form: 'pre' });
  for (const e of timetable.days.flat()) {
    if (e.kind === 'test' && e.quiz) found.push({ quiz: e.quiz, form: e.form });
    else if (e.kind === 'session' && e.session.method === 'test' && e.module.data) found.push({ quiz: e.module.data.quiz, form: sessionTestForm(e.module, e.session) });
  }
  if (course.posttest) found.push({ quiz: course.posttest, form: 'post' });
  const quizzes = [...new Set(found.map((x) => x.quiz))];
  return quizzes.flatMap((quiz) => (['pre', 'post'] as const).filter((form) => found.some((x) => x.quiz === quiz && x.form === form)).map((form) => ({ quiz, form })));
}
