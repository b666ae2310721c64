import { z } from 'zod';
import { kebabId } from './common.ts';

/** One entry of `content/glossary.yaml`. */
export const glossaryTermSchema = z
  .object({
    /** Identifier used by `<Term id>`. */
    id: kebabId,
    /** The term as printed. */
    term: z.string().min(1),
    /** A definition of one to three sentences, for a generic country. */
    definition: z.string().min(10),
    /** Where the definition comes from (a UN, World Bank or UNHCR text), if anywhere. */
    source: z.string().optional(),
    /** Ids of related terms. */
    related: z.array(kebabId).default([]),
  })
  .strict();

/** `content/glossary.yaml`: a list of terms. */
export const glossarySchema = z.array(glossaryTermSchema);

export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
