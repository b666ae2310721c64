import { z } from 'zod';
import { kebabId, semver } from './common.ts';
import { nounSchema } from './parameters.ts';

/** `translationOf` in a translated SOP or module: which source, at which version. */
export const translationOfSchema = z
  .object({
    /** Id of the source document (`content/sops/<id>.mdx`); the same as the translation's own id. */
    id: kebabId,
    /** The source's `version` this text translates; a module without a version leaves it out. */
    version: semver.optional(),
  })
  .strict();

/** One entry of `content/<lang>/glossary.yaml`. */
export const glossaryTranslationSchema = z
  .object({
    /** Id of the term in `content/glossary.yaml`. */
    id: kebabId,
    /** The term in this language. */
    term: z.string().min(1),
    /** The definition in this language. */
    definition: z.string().min(10, 'a definition of a sentence or more'),
    /** The official wording this definition comes from in this language (the UN's French text), if any. */
    source: z.string().optional(),
  })
  .strict();

/** One entry of `content/<lang>/roles.yaml`. */
export const roleTranslationSchema = z
  .object({
    /** Id of the role in `content/roles.yaml`. */
    id: kebabId,
    /** Job title in this language. */
    title: z.string().min(2),
    /** What the role does, in this language. */
    description: z.string().min(10, 'a sentence or more'),
  })
  .strict();

/** One entry of `content/<lang>/parameters.yaml`: words only, values and units come from the source. */
export const parameterTranslationSchema = z
  .object({
    /** Id of the parameter in `content/parameters.yaml`. */
    id: kebabId,
    /** What the value is, in this language. */
    label: z.string().min(3),
    /** The country profile heading, in this language. */
    group: z.string().min(1).optional(),
    /** Why the model uses this value, in this language. */
    why: z.string().min(10).optional(),
    /**
     * Where national law sets it, in this language: the law's name as readers of this language
     * cite it, or the model's placeholder in their words. Without it, the source's is printed (and
     * marked as in the source's language).
     */
    source: z.string().min(3).optional(),
    /** For a count whose source gives a `noun`: the noun's forms in this language (`{ one: "document", other: "documents" }`). */
    noun: nounSchema.optional(),
  })
  .strict();

const words = z.record(z.string().min(1), z.string().min(1, 'the words for this name'));

/** `workflows/<lang>/<id>.yaml`: the words of a machine in one language (nothing else). */
export const workflowLabelsSchema = z
  .object({
    /** The workflow's title. */
    title: z.string().min(1).optional(),
    /** State path (`adjudication.review`) → the step title shown in diagrams, step tables and the simulator. */
    states: words.default({}),
    /**
     * State path → the state's time limit (`meta.sla`) in this language, for step tables, the path
     * view and the simulator. Write a value the country sets as `{param:id}` (as the machine's
     * `paramText(id)`): it is printed in this language (`7 jours`).
     */
    sla: words.default({}),
    /** Event type → button and arrow label. */
    events: words.default({}),
    /** Guard name → the condition in words. */
    guards: words.default({}),
    /** Delay name → words. */
    delays: words.default({}),
    /** Scenario id → its title and description. */
    scenarios: z.record(z.string().min(1), z.object({ title: z.string().min(1), description: z.string().optional() }).strict()).default({}),
    /** Case field id → the simulator form's label, help and (for a list) the words of each choice by its value. */
    fields: z
      .record(
        z.string().min(1),
        z
          .object({
            /** The field's label. */
            label: z.string().min(1),
            /** The hint under the control. */
            help: z.string().optional(),
            /** Choice value (as the machine writes it) → its words, for a field with a list of choices. */
            options: z.record(z.string().min(1), z.string().min(1, 'an option needs words: write the choice as the reader should see it')).optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();

/**
 * `content/<lang>/courses/<id>.yaml`: the words of a course in one language (nothing else: the
 * modules, timetable, audience and numbers come from the source course).
 */
export const courseTranslationSchema = z
  .object({
    /** The course's title. */
    title: z.string().min(3, 'the course title in this language').optional(),
    /** The course page's one or two sentences. */
    summary: z.string().min(10, 'a sentence or more').optional(),
    /** Where the course is held. */
    venue: z.string().min(1).optional(),
    /** Each trainer as the source writes it (`"[Lead trainer]"`) → the words in this language. */
    trainers: words.default({}),
    /** Each break label and timetable line title as the source writes it (`Tea`, `Lunch`) → the words in this language. */
    labels: words.default({}),
  })
  .strict();

/**
 * The words of one dry-run record in one language (`content/<lang>/dryruns/<id>.yaml`): every
 * prose field of `content/dryruns/<id>.yaml`, each optional (the source's words where it says
 * nothing). Sites by their id, roles by their role id, observers by the source's `name` as written
 * (they have no id); objectives and the debrief agenda as lists in the source's order. The SOP,
 * version, dates, ids, cases, results and `example` stay the source's (ARCHITECTURE.md, Translations).
 */
export const dryRunTranslationSchema = z
  .object({
    /** The source's `example`, repeated so the file says it is a model (it must match the source's). */
    example: z.boolean().optional(),
    /** The dry run's title. */
    title: z.string().min(3, 'the title in this language').optional(),
    /** The objectives, one for each of the source's, in its order. */
    objectives: z.array(z.string().min(3)).min(1).optional(),
    /** Each site by its id: its name and kind of office. */
    sites: z.record(kebabId, z.object({ name: z.string().min(2).optional(), type: z.string().min(2).optional() }).strict()).default({}),
    /** Each observer by the source's `name`, exactly as written: their name (a post, a placeholder) and organisation. */
    observers: z.record(z.string().min(1), z.object({ name: z.string().min(1).optional(), organisation: z.string().min(1).optional() }).strict()).default({}),
    /** Who plays each role, by role id. */
    roles: z.record(kebabId, z.string().min(1, 'who plays the role, in this language')).default({}),
    /** The debrief's place and agenda (one item for each of the source's). */
    debrief: z.object({ place: z.string().min(1).optional(), agenda: z.array(z.string().min(1)).min(1).optional() }).strict().optional(),
  })
  .strict();

export const glossaryTranslationsSchema = z.array(glossaryTranslationSchema);
export const roleTranslationsSchema = z.array(roleTranslationSchema);
export const parameterTranslationsSchema = z.array(parameterTranslationSchema);

export type TranslationOf = z.output<typeof translationOfSchema>;
export type GlossaryTranslation = z.output<typeof glossaryTranslationSchema>;
export type RoleTranslation = z.output<typeof roleTranslationSchema>;
export type ParameterTranslation = z.output<typeof parameterTranslationSchema>;
export type CourseTranslation = z.output<typeof courseTranslationSchema>;
export type DryRunTranslation = z.output<typeof dryRunTranslationSchema>;
export type WorkflowLabels = z.output<typeof workflowLabelsSchema>;
