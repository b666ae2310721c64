import { z } from 'zod';
import { kebabId, languageTag, semver } from './common.ts';
import { translationOfSchema } from './translation.ts';
import { objectiveSchema } from './quiz.ts';
import { sopStatuses } from './sop.ts';

/** Teaching methods of a session (`<Session method>`), as the timetable and the checker know them. */
export const sessionMethods = ['presentation', 'discussion', 'exercise', 'case-study', 'simulation', 'role-play', 'test', 'evaluation', 'break'] as const;
export type SessionMethod = (typeof sessionMethods)[number];

/** Methods of an `<Activity>`. */
export const activityMethods = ['exercise', 'role-play', 'discussion'] as const;

/** Frontmatter of `content/modules/<id>.mdx` (ARCHITECTURE.md, Formats: module). */
export const moduleSchema = z
  .object({
    /** Identifier; must equal the file name without `.mdx`. */
    id: kebabId,
    /** Short code printed on the timetable and covers, e.g. "M1". */
    code: z.string().regex(/^[A-Z][A-Z0-9-]*$/, 'a module code like "M1" (capitals, digits, hyphens)'),
    /** Title of the module. */
    title: z.string().min(3),
    /** One or two sentences for the modules index and the course page. */
    summary: z.string().min(10),
    /** Semantic version of this text. */
    version: semver,
    /** Life-cycle status, as for SOPs. */
    status: z.enum(sopStatuses),
    /** Length in minutes; the sessions' durations must add up to it. */
    duration: z.number({ invalid_type_error: 'a whole number of minutes' }).int('a whole number of minutes').positive(),
    /** Role ids (from `content/roles.yaml`) the module is written for. */
    audience: z.array(kebabId).min(1),
    /** Learning objectives: the same ids as objectives of the module's quiz. */
    objectives: z.array(objectiveSchema).min(1),
    /** Module ids a participant should have followed first. */
    prerequisites: z.array(kebabId).default([]),
    /** SOP ids the module teaches. */
    sops: z.array(kebabId).default([]),
    /** Id of the module's quiz in `quizzes/<id>.yaml` (its pre-test and post-test). */
    quiz: kebabId,
    /**
     * What the module's exercises and tables take for granted about the country's values, one
     * condition each, with what depends on it after a colon: `birth-grace-period = 365 days:
     * exercise 2.3, case 4 (366 days is delayed)`. `sopkit check` stops when a value breaks one.
     */
    assumes: z.array(z.string().min(3)).optional(),
    /** Id of the session evaluation form in `quizzes/evaluations/<id>.yaml`, if any. */
    evaluation: kebabId.optional(),
    /** Language of the text. */
    language: languageTag.default('en'),
    /** In a translation (`content/<lang>/...`): the source document and the source version it translates. */
    translationOf: translationOfSchema.optional(),
  })
  .strict();

export type ModuleFrontmatter = z.output<typeof moduleSchema>;
