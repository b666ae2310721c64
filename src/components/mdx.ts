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
 * A components map for this build's edition: a component whose spec does not list the edition
 * (`editions`) renders nothing, children included. This is the one place the web decides, so a
 * trainer-only component needs no code of its own, and a page with its own map (the slides page)
 * passes it through here too.
 */
export function forSiteEdition<T extends Record<string, unknown>>(map: T): T {
  return Object.fromEntries(Object.entries(map).map(([name, renderer]) => [name, inEdition(name, siteEdition()) ? renderer : Omitted])) as T;
}

/** The map passed to `<Content components={...}>`, so authors never import anything. */
export const mdxComponents = forSiteEdition(renderers);
