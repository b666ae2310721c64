import { z } from 'zod';
import { kebabId, languageTag } from './common.ts';

/** A time of day, `HH:MM` on the 24-hour clock. */
export const clockTime = z
  .string({ invalid_type_error: 'a time written "HH:MM" in quotes, like "08:30"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written "HH:MM" (24-hour clock), like "08:30"');

const minutes = z.number({ invalid_type_error: 'a whole number of minutes' }).int('a whole number of minutes').positive();

/**
 * One line of a day (ARCHITECTURE.md, Formats: course): exactly one of `module` (with `session`),
 * `break`, `test`, `evaluation` or `title`, starting at `start`.
 */
export const courseSlotSchema = z
  .object({
    /** When it starts, `HH:MM`. */
    start: clockTime,
    /** A module id of the course; with `session`. */
    module: kebabId.optional(),
    /** The session of that module: its title, or its number (1 for the first). */
    session: z.union([z.string().min(1), z.number().int().positive()]).optional(),
    /** A break, with its label ("Lunch", "Tea"). */
    break: z.string().min(1).optional(),
    /** The course pre-test or post-test. */
    test: z.enum(['pre', 'post']).optional(),
    /** The session evaluation: `true`, or an evaluation id. */
    evaluation: z.union([z.literal(true), kebabId]).optional(),
    /** Anything else on the timetable ("Opening and introductions"), with `minutes`. */
    title: z.string().min(1).optional(),
    /** Length in minutes; a session's comes from its module, a break lasts until the next line. */
    minutes: minutes.optional(),
    /** Who leads it (a placeholder such as "[Trainer 1]"). */
    trainer: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((slot, ctx) => {
    const kinds = (['module', 'break', 'test', 'evaluation', 'title'] as const).filter((k) => slot[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: `exactly one of module (with session), break, test, evaluation or title${kinds.length ? ` (found ${kinds.join(' and ')})` : ''}` });
    }
    if (slot.module !== undefined && slot.session === undefined) ctx.addIssue({ code: 'custom', path: ['session'], message: 'the session of the module: its title or its number' });
    if (slot.session !== undefined && slot.module === undefined) ctx.addIssue({ code: 'custom', path: ['module'], message: 'the module the session belongs to' });
  });

/** A break in the day template. */
export const templateBreakSchema = z
  .object({
    /** When it is due, `HH:MM` (it starts earlier rather than cut a session in two). */
    at: clockTime,
    /** Length in minutes. */
    minutes,
    /** Label on the timetable ("Tea", "Lunch"). */
    label: z.string().min(1),
  })
  .strict();

/** The shape of a training day: when it starts and ends, and its breaks. */
export const dayTemplateSchema = z
  .object({
    /** First session, `HH:MM`. */
    start: clockTime,
    /** Latest end, `HH:MM`. */
    end: clockTime,
    /** Breaks, in the order of the day. */
    breaks: z.array(templateBreakSchema).default([]),
  })
  .strict()
  .superRefine((day, ctx) => {
    // A mistyped length (a lunch of 6000 minutes) pushed every session after it to another day.
    const clock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    const [open, close] = [clock(day.start), clock(day.end)];
    if (close <= open) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `a time after the day starts (${day.start})` });
      return;
    }
    day.breaks.forEach((b, i) => {
      const at = clock(b.at);
      if (at < open || at >= close) ctx.addIssue({ code: 'custom', path: ['breaks', i, 'at'], message: `a time within the day (${day.start} to ${day.end})` });
      else if (at + b.minutes > close) ctx.addIssue({ code: 'custom', path: ['breaks', i, 'minutes'], message: `a length that ends the break "${b.label}" (from ${b.at}) by the end of the day (${day.end}); check it` });
    });
  });

/** `content/courses/<id>.yaml` (ARCHITECTURE.md, Formats: course). */
export const courseSchema = z
  .object({
    /** Identifier; must equal the file name without `.yaml`. */
    id: kebabId,
    /** Title of the course. */
    title: z.string().min(3),
    /** One or two sentences for the course page. */
    summary: z.string().min(10).optional(),
    /** Role ids (from `content/roles.yaml`) the course is for. */
    audience: z.array(kebabId).min(1),
    /** Module ids, in the order they are taught. */
    modules: z
      .array(kebabId)
      .min(1)
      .superRefine((ids, ctx) => {
        // A module listed twice was taught twice, on days of its own, and nothing said so.
        ids.forEach((id, i) => {
          const first = ids.indexOf(id);
          if (first < i) ctx.addIssue({ code: 'custom', path: [i], message: `a module not listed already: it is item ${first + 1} too, and a course teaches each module once; remove one` });
        });
      }),
    /** The timetable, one list of lines per day; generated from `dayTemplate` when absent. */
    days: z.array(z.array(courseSlotSchema).min(1)).min(1).optional(),
    /** The shape of a day: the generated timetable follows it, a written one must fit it. */
    dayTemplate: dayTemplateSchema.optional(),
    /** Trainers, as placeholders ("[Lead trainer]"). */
    trainers: z.array(z.string().min(1)).min(1),
    /** Where the course is held (a placeholder is fine). */
    venue: z.string().min(1),
    /** Quiz id of the course pre-test (its `pre` form). */
    pretest: kebabId.optional(),
    /** Quiz id of the course post-test (its `post` form). */
    posttest: kebabId.optional(),
    /** Id of the session evaluation form in `quizzes/evaluations/`. */
    evaluation: kebabId.optional(),
    /** Expected number of participants: the trainer's guide computes print quantities from it. */
    participants: z.number({ invalid_type_error: 'a whole number of participants' }).int('a whole number of participants').positive(),
    /** Spare copies to print, percent of the participants (rounded up). */
    sparePercent: z.number().int().min(0).max(100).default(10),
    /** Language of the course. */
    language: languageTag.default('en'),
  })
  .strict()
  .refine((c) => c.days !== undefined || c.dayTemplate !== undefined, { message: 'days (a written timetable) or dayTemplate (to generate one); give at least one', path: ['days'] });

export type Course = z.output<typeof courseSchema>;
export type CourseSlot = z.output<typeof courseSlotSchema>;
export type DayTemplate = z.output<typeof dayTemplateSchema>;
