import { z } from 'zod';
import { kebabId, languageTag } from './common.ts';

/** Item, group and option ids: short, safe as CSV column names and form-control names. */
const evalId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens that starts with a letter, like "trainer-clear"');
const optionId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an option id of lower-case letters, digits and hyphens, like "about-right"');

export const evaluationItemTypes = ['likert', 'choice', 'text'] as const;

/** The answer scale of the form's Likert items: points 1..n, each with a label. */
export const scaleSchema = z
  .object({
    /** Number of points, from 3 to 11; the answer is the point's number (1 = the first label). */
    points: z.number({ invalid_type_error: 'a whole number of points, like 5' }).int('a whole number of points, like 5').min(3).max(11).default(5),
    /**
     * One label per point, from the lowest to the highest. Optional for a 5-point scale, which
     * defaults to "Strongly disagree" … "Strongly agree" in the form's language.
     */
    labels: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** A group of questions on the form ("The trainers", "Organisation"). */
export const evaluationGroupSchema = z
  .object({
    /** Id named by the items of the group: relevance, content, methods, trainer, materials, organisation... */
    id: evalId,
    /** Heading shown on the form and in the report. */
    title: z.string().min(2),
  })
  .strict();

/** An option of a `choice` item. */
export const evaluationOptionSchema = z
  .object({
    /** The value written in the responses CSV. */
    id: optionId,
    /** Text shown to the respondent. */
    text: z.string().min(1),
  })
  .strict();

/** One question of an evaluation form (ARCHITECTURE.md, Formats: evaluation). */
export const evaluationItemSchema = z
  .object({
    /** The item's column in the responses CSV. */
    id: evalId,
    /** `likert` (a point on the form's scale), `choice` (one of `options`) or `text` (free text). */
    type: z.enum(evaluationItemTypes),
    /** Id of the group it belongs to. */
    group: evalId,
    /** The statement (Likert) or question. */
    text: z.string().min(5),
    /** `choice` items only: the options, in the order shown. */
    options: z.array(evaluationOptionSchema).optional(),
    /** Whether the form asks for an answer before it is sent (default: no, every question may be skipped). */
    required: z.boolean().default(false),
  })
  .strict();

/** `quizzes/evaluations/<id>.yaml`: a session evaluation form (ARCHITECTURE.md, Formats: evaluation). */
export const evaluationSchema = z
  .object({
    /** Identifier; must equal the file name without `.yaml`. */
    id: kebabId,
    /** Title of the form ("Evaluation of the course ..."). */
    title: z.string().min(3),
    /** One or two sentences shown above the questions: what the answers are for. */
    intro: z.string().min(10).optional(),
    /** The course it evaluates (a course id), if any. */
    course: kebabId.optional(),
    /** The module it evaluates (a module id), if any. */
    module: kebabId.optional(),
    /** No name or participant code is asked for (default true); false adds a respondent field. */
    anonymous: z.boolean().default(true),
    /** The scale of the Likert items (default: 5 points, strongly disagree … strongly agree). */
    scale: scaleSchema.default({}),
    /** The groups of questions, in the order shown. */
    groups: z.array(evaluationGroupSchema).min(1),
    /** The questions, in the order shown within each group. */
    items: z.array(evaluationItemSchema).min(1),
    /** Language of the form. */
    language: languageTag.default('en'),
  })
  .strict();

export type Evaluation = z.output<typeof evaluationSchema>;
export type EvaluationItem = z.output<typeof evaluationItemSchema>;
export type EvaluationGroup = z.output<typeof evaluationGroupSchema>;
