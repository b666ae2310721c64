import { z } from 'zod';
import { isoDate, kebabId, languageTag, semver } from './common.ts';
import { translationOfSchema } from './translation.ts';

/** Where an SOP is in its life: drafted, discussed, piloted, signed, replaced. */
export const sopStatuses = ['draft', 'consultation', 'pilot', 'approved', 'superseded'] as const;

/** The person who signed the SOP into force. */
export const approvalSchema = z.object({
  /** Name of the approving officer, as it should appear on the signature block. */
  by: z.string().min(1),
  /** Their position, e.g. "Registrar General". */
  title: z.string().min(1),
  /** Date of signature (YYYY-MM-DD). */
  date: isoDate,
  /**
   * A model approval, which no one signed (the model pack's): printed with the "Model example"
   * flag on the SOP's page and handbook. An approval whose history line names a model record is
   * one too.
   */
  example: z.boolean().optional(),
});

/** One legal instrument the procedure rests on. Placeholders are expected: the country fills them in. */
export const legalBasisSchema = z.object({
  /**
   * Id that steps cite (`<Step legal="id">`, workflow `meta.legal`), unique in the SOP:
   * "cra-late-registration". @defaultValue `basis-<n>`, its place in the list (1-based), so an
   * SOP written before ids existed stays valid.
   */
  id: kebabId.optional(),
  /** The instrument, e.g. "[Civil Registration Act, year]". Never invent a statute: use brackets. */
  instrument: z.string().min(1),
  /** The provision within it, e.g. "[section on late registration]". */
  provision: z.string().min(1),
});

/** A record that backs a history line: `consultations/<id>` or `dryruns/<id>` under `content/`. */
export const recordRef = z
  .string()
  .regex(/^(?:consultations|dryruns)\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a record like "consultations/validation-2025-06" or "dryruns/birth-registration-2025"');

/** One line of the revision history. */
export const historyEntrySchema = z.object({
  /** The version this line describes. */
  version: semver,
  /** Date of that version (YYYY-MM-DD). */
  date: isoDate,
  /** What changed, and why. A line that claims a consultation or a dry run names its `record`. */
  summary: z.string().min(1),
  /** The consultation or dry run behind this version (`consultations/<id>`, `dryruns/<id>`); the file must exist. */
  record: recordRef.optional(),
});

/** A form used by the procedure, printed in the forms annex and named by `<Form id>`. */
export const formSchema = z.object({
  /** Short form code, e.g. "CR-01". Letters, digits and hyphens. */
  id: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, 'a form code like "CR-01" (capitals, digits, hyphens)'),
  /** Form title, e.g. "Declaration of birth". */
  title: z.string().min(1),
  /** One sentence: who fills it in and why. */
  purpose: z.string().min(1),
  /** The fields printed on the form, in order. */
  fields: z.array(z.string().min(1)).min(1),
});

/** Frontmatter of `content/sops/<id>.mdx` (ARCHITECTURE.md, Formats: SOP). */
export const sopSchema = z
  .object({
    /** Identifier; must equal the file name without `.mdx`. */
    id: kebabId,
    /** Document code printed on the cover and footer, e.g. "SOP-CR-01". */
    code: z.string().regex(/^[A-Z][A-Z0-9-]+$/, 'a document code like "SOP-CR-01"'),
    /** Title of the procedure. */
    title: z.string().min(3),
    /** One or two sentences for the index and search results. */
    summary: z.string().min(10),
    /** Semantic version of this text. */
    version: semver,
    /** Life-cycle status; `approved` requires `approval`. */
    status: z.enum(sopStatuses),
    /** Date from which the procedure applies. */
    effective: isoDate,
    /** Date by which the owner must review it. */
    reviewDue: isoDate,
    /**
     * The office accountable for the document, as a bracketed placeholder until the country names
     * it: "[Directorate of Civil Registration], [National Civil Registration and Identity Authority]".
     */
    owner: z.string().min(2),
    /** Signature of the approving authority; required when `status` is `approved`. */
    approval: approvalSchema.optional(),
    /** Legal instruments, as placeholders for the country to fill in; steps cite them by id. */
    legalBasis: z
      .array(legalBasisSchema)
      .min(1)
      .transform((list) => list.map((entry, i) => ({ ...entry, id: entry.id ?? `basis-${i + 1}` }))),
    /** Role ids (from `content/roles.yaml`) that act in this procedure. */
    roles: z.array(kebabId).min(1),
    /** Id of the workflow machine in `workflows/<id>.machine.ts`, if the SOP has one. */
    workflow: kebabId.optional(),
    /**
     * What the procedure's worked examples and trainer notes take for granted about the country's
     * values, one condition each, with what depends on it after a colon: `audit-sample-size = 100:
     * the worked example of 67 records drawn at random`. `sopkit check` stops when a value breaks one.
     */
    assumes: z.array(z.string().min(3)).optional(),
    /** Forms used by the procedure, printed in the annex. */
    forms: z.array(formSchema).default([]),
    /** Revision history, newest first. */
    history: z.array(historyEntrySchema).min(1),
    /** Language of the text. */
    language: languageTag.default('en'),
    /** In a translation (`content/<lang>/...`): the source document and the source version it translates. */
    translationOf: translationOfSchema.optional(),
  })
  .strict();

export type SopFrontmatter = z.output<typeof sopSchema>;
export type SopForm = z.output<typeof formSchema>;
