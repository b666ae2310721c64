import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * The optional frontmatter of the trainer's notes (`sopkit report --notes notes.md`): the course
 * as delivered, where it differs from the course file or completes it (ARCHITECTURE.md, Formats:
 * training report inputs).
 */
export const notesSchema = z
  .object({
    /** The days the course was held, YYYY-MM-DD, one per day of the timetable. */
    dates: z.array(isoDate).min(1).optional(),
    /** Where it was held (replaces the course's placeholder venue in the report). */
    venue: z.string().min(1).optional(),
    /** Who trained (replaces the course's placeholder trainers in the report). */
    trainers: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

export type NotesFrontmatter = z.output<typeof notesSchema>;
