import { z } from 'zod';
import { kebabId } from './common.ts';

/** One entry of `content/roles.yaml`: a role that acts in procedures. */
export const roleSchema = z
  .object({
    /** Identifier used in SOP frontmatter `roles`, `<Role id>`, `<Step role>` and workflow `meta.role`. */
    id: kebabId,
    /** Job title as printed, e.g. "Registration officer". */
    title: z.string().min(2),
    /** What this role does, in one or two sentences. */
    description: z.string().min(10),
  })
  .strict();

/** `content/roles.yaml`: a list of roles. */
export const rolesSchema = z.array(roleSchema);

export type Role = z.output<typeof roleSchema>;
