import { z } from 'zod';
import { kebabId, languageTag } from './common.ts';

/** Item and option ids: short, safe as CSV column names and form-control names. */
const itemId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens, like "br-01"');
const optionId = z.string().regex(/^[a-z0-9]+$/, 'an option id of lower-case letters or digits, like "a"');

export const itemTypes = ['single', 'multiple', 'truefalse', 'order', 'scenario'] as const;

/** One answer option. */
export const optionSchema = z
  .object({
    /** `a`, `b`, `c`...; `true`/`false` for truefalse items. */
    id: optionId,
    /** Text shown to the participant. */
    text: z.string().min(1),
    /** True for a correct option (not used by `order` items, whose options are listed in the right order). */
    correct: z.boolean().default(false),
    /** Scenario items only: the workflow event this option stands for. */
    event: z.string().optional(),
    /** Shown after the post-test when feedback is on: why this option is right or wrong. */
    feedback: z.string().optional(),
  })
  .strict();

/** One item of the bank (ARCHITECTURE.md, Formats: quiz). */
export const itemSchema = z
  .object({
    id: itemId,
    type: z.enum(itemTypes),
    /** Objective id this item tests. */
    objective: z
      .union([z.string(), z.number()])
      .transform((v) => String(v))
      .pipe(z.string().min(1)),
    /** SOP section that teaches the answer: `sop-id#6.2`. */
    ref: z.string().regex(/^[a-z0-9-]+#[\w.-]+$/, 'a reference like "birth-registration#6.2"'),
    /** The question. */
    stem: z.string().min(5),
    /**
     * Text format of the stem, options, feedback and explanation, as Moodle knows it: `html` or
     * `markdown` (kept from an imported GIFT file and written back to GIFT and Moodle XML); plain
     * text when left out.
     */
    format: z.enum(['html', 'markdown']).optional(),
    /** For `order` items: the options in the correct order. */
    options: z.array(optionSchema).min(2),
    /** Why the answer is right; shown as feedback where the quiz allows it. */
    explanation: z.string().optional(),
    /** Marks for the item (default 1). */
    marks: z.number().positive().default(1),
    /**
     * `multiple` items: `all-or-nothing` (default) or `partial` credit (right/k − wrong/(n − k),
     * never below 0, as Moodle weights score). `order` items: exact order (default) or `partial`
     * credit for the share of pairs in the right order.
     */
    scoring: z.enum(['all-or-nothing', 'partial']).optional(),
    /** `scenario` items: `<workflow id>/<scenario id>` whose step the item asks about. */
    scenario: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a scenario like "birth-registration/late-approved"').optional(),
    /** `scenario` items: 1-based index of the scenario step whose event is the right answer. */
    step: z.number().int().positive().optional(),
    /**
     * What the item's key takes for granted about the country's values, one condition each:
     * `birth-registration-period < 226 days` (dates chosen for the model's periods). `sopkit check`
     * stops when the country's value breaks one, so a key never silently turns wrong.
     */
    assumes: z.array(z.string().min(3)).optional(),
    /**
     * A practice question: shown on the quiz's practice page (`/assessments/<quiz>/practice/`),
     * where a participant checks each answer at once and reads the right answer and why. Its key
     * is public in both editions, so it may be in neither form (`quiz/practice-in-form`).
     */
    practice: z.boolean().optional(),
  })
  .strict();

/**
 * An objective id as trainers write them: `LO1`, `1.2`, `obj-a`, `LO_3`. YAML reads an unquoted
 * `1.2` as a number; it is taken as the text `1.2`, here and where items name it.
 */
const objectiveId = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'an objective id of letters, digits, dots, hyphens or underscores, without spaces, like "LO1", "1.2" or "obj-a"'));

/** A learning objective. */
export const objectiveSchema = z
  .object({
    /** Short id that items name in `objective`. */
    id: objectiveId,
    /** What a participant should be able to do. */
    text: z.string().min(5),
  })
  .strict();

/** `quizzes/<id>.yaml` (ARCHITECTURE.md, Formats: quiz). */
export const quizSchema = z
  .object({
    id: kebabId,
    title: z.string().min(3),
    /** SOP the quiz is about. */
    sop: kebabId.optional(),
    /** Training module the quiz belongs to. */
    module: kebabId.optional(),
    /** Pass mark, percent of the maximum score. */
    passMark: z.number().min(0).max(100),
    /**
     * Per-item feedback (score, right answers, explanations) after the post-test, never after
     * the pre-test. `true`: in the trainer edition only; the participant edition never carries
     * the key, and its post-test only records the answers. `immediate`: in both editions, for a
     * practice quiz; the post-test's key is then public in the participant edition (`sopkit
     * check` warns). `false` (default): no feedback.
     */
    feedback: z
      .union([z.boolean(), z.literal('immediate')], {
        errorMap: () => ({ message: 'allowed: false, true (feedback in the trainer edition) or immediate (feedback for everyone, key public)' }),
      })
      .default(false),
    /** Minutes allowed, printed on the booklet. */
    timeLimit: z.number().int().positive().optional(),
    objectives: z.array(objectiveSchema).min(1),
    items: z.array(itemSchema).min(1),
    /** Parallel forms from the bank. */
    forms: z.object({ pre: z.array(itemId).min(1), post: z.array(itemId).min(1) }).strict(),
    /** Language of a translated quiz (`quizzes/<lang>/<id>.yaml`); the source quiz is in the pack's language. */
    language: languageTag.optional(),
  })
  .strict();

export type Quiz = z.output<typeof quizSchema>;
export type QuizItem = z.output<typeof itemSchema>;
export type QuizOption = z.output<typeof optionSchema>;
