import { CaseStudy, Callout, Checklist, TrainerNote } from './boxes.ts';
import { Form, Param, Ref, Role, Term } from './inline.ts';
import { FormsAnnex, LegalBasis, Roles, Step } from './tables.ts';
import type { PrintRenderer } from './types.ts';
import { StepTable, Workflow } from './workflow.ts';
import { Activity, FacilitatorKey, Handout, JobAid, Questions, Session, Slide, SpeakerNotes } from './training.ts';

export type { PrintRenderer } from './types.ts';

/**
 * Print renderers by component name: one for every component in src/lib/content/components.ts
 * (the checker reports a component used in content without one).
 */
export const printRenderers: Readonly<Record<string, PrintRenderer>> = {
  Callout,
  CaseStudy,
  Checklist,
  Form,
  FormsAnnex,
  LegalBasis,
  Param,
  Ref,
  Role,
  Roles,
  Step,
  StepTable,
  Term,
  TrainerNote,
  Workflow,
  Session,
  Slide,
  SpeakerNotes,
  Activity,
  Questions,
  FacilitatorKey,
  Handout,
  JobAid,
};
