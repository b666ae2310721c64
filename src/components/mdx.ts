import Callout from './Callout.astro';
import CaseStudy from './CaseStudy.astro';
import Checklist from './Checklist.astro';
import Form from './Form.astro';
import FormsAnnex from './FormsAnnex.astro';
import LegalBasis from './LegalBasis.astro';
import Omitted from './Omitted.astro';
import Param from './Param.astro';
import Ref from './Ref.astro';
import Role from './Role.astro';
import Roles from './Roles.astro';
import Step from './Step.astro';
import StepTable from './StepTable.astro';
import Term from './Term.astro';
import TrainerNote from './TrainerNote.astro';
import Workflow from './Workflow.astro';
import Activity from './Activity.astro';
import FacilitatorKey from './FacilitatorKey.astro';
import Handout from './Handout.astro';
import JobAid from './JobAid.astro';
import Questions from './Questions.astro';
import Session from './Session.astro';
import Slide from './Slide.astro';
import SpeakerNotes from './SpeakerNotes.astro';
import { inEdition, siteEdition } from '../lib/edition.ts';

/** Web renderers of the content components (src/lib/content/components.ts lists them all). */
const renderers = {
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

/**
 * The map passed to `<Content components={...}>`, so authors never import anything. A component
 * whose spec does not list this build's edition (`editions`) renders nothing, children included:
 * this is the one place the web decides, so a trainer-only component needs no code of its own.
 */
export const mdxComponents = Object.fromEntries(
  Object.entries(renderers).map(([name, renderer]) => [name, inEdition(name, siteEdition()) ? renderer : Omitted]),
) as typeof renderers;
