import { z } from 'zod';
import { isoDate, kebabId, semver } from './common.ts';

/** What a consultation was for: the three technical workshops of an SOP's life, or anything else. */
export const consultationKinds = ['kick-off', 'draft-review', 'validation', 'other'] as const;

/** One organisation's delegation. */
export const participantSchema = z
  .object({
    /** Organisation, e.g. "[Ministry of Health]". */
    organisation: z.string().min(2),
    /** What they came as, e.g. "observer", "member of the working committee". */
    role: z.string().min(2).optional(),
    /** How many people attended from it. */
    count: z.number().int().positive(),
    /** How many of them were women, where recorded. */
    female: z.number().int().nonnegative().optional(),
    /** How many of them were men, where recorded. */
    male: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((p) => (p.female ?? 0) + (p.male ?? 0) <= p.count, {
    message: 'female + male cannot be more than count',
    path: ['count'],
  });

/** An SOP version put before the meeting. */
export const discussedSopSchema = z
  .object({
    /** SOP id (file name in content/sops/). */
    id: kebabId,
    /** The version discussed: one of the versions in that SOP's history. */
    version: semver,
  })
  .strict();

/** A follow-up agreed at the meeting. */
export const actionSchema = z
  .object({
    /** What is to be done. */
    action: z.string().min(3),
    /** Who does it (office or role, not a private person's name). */
    owner: z.string().min(2),
    /** By when (YYYY-MM-DD); an action not done by then is marked overdue. */
    due: isoDate,
    /** When it was done (YYYY-MM-DD), once it is. */
    done: isoDate.optional(),
  })
  .strict();

/** A register file, relative to content/consultations/: a `.csv` or `.xlsx` comment register. */
const registerPath = z
  .string()
  .regex(/^[\w./-]+\.(?:csv|xlsx)$/i, 'a register file name ending in .csv or .xlsx, relative to content/consultations/, like "validation-2025-06-comments.csv"')
  .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'a path inside content/consultations/ (no "..", no leading "/")');

/** `content/consultations/<id>.yaml`: one consultation workshop or round of written comments (ARCHITECTURE.md, Formats: consultation). */
export const consultationSchema = z
  .object({
    /** kick-off, draft-review, validation or other. */
    kind: z.enum(consultationKinds),
    /** Title as printed on the report, e.g. "Validation workshop on the birth registration SOP". */
    title: z.string().min(5),
    /** Why the meeting was held, in a sentence or two. */
    purpose: z.string().min(10).optional(),
    /** Date of the meeting (first day), or the closing date of a written round (YYYY-MM-DD). */
    date: isoDate,
    /** Where it was held ("[Capital city], [venue]", or "written comments"). */
    place: z.string().min(2),
    /** Who chaired and facilitated (offices or roles). */
    facilitators: z.array(z.string().min(2)).min(1),
    /** Attendance by organisation. */
    participants: z.array(participantSchema).min(1),
    /** Agenda items, in order. */
    agenda: z.array(z.string().min(2)).default([]),
    /** The SOP versions discussed. */
    sops: z.array(discussedSopSchema).min(1),
    /** Comment registers (CSV or XLSX), relative to content/consultations/. */
    comments: z.array(registerPath).default([]),
    /** Decisions taken, one sentence each. */
    decisions: z.array(z.string().min(3)).default([]),
    /** Follow-up actions with owner and due date. */
    actions: z.array(actionSchema).default([]),
    /** A model record shipped with the pack: every page and PDF of it carries a "replace with your own records" banner. */
    example: z.boolean().default(false),
  })
  .strict();

export type Consultation = z.output<typeof consultationSchema>;
export type ConsultationKind = (typeof consultationKinds)[number];
export type ConsultationAction = z.output<typeof actionSchema>;
