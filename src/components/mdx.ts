import Callout from './Callout.astro';
import CaseStudy from './CaseStudy.astro';
import Checklist from './Checklist.astro';
import Form from './Form.astro';
import FormsAnnex from './FormsAnnex.astro';
import LegalBasis from './LegalBasis.astro';
import Param from './Param.astro';
import Ref from './Ref.astro';
import Role from './Role.astro';
import Roles from './Roles.astro';
import Step from './Step.astro';
import StepTable from './StepTable.astro';
import Term from './Term.astro';
import TrainerNote from './TrainerNote.astro';
import Workflow from './Workflow.astro';

/**
 * Web renderers of the content components (src/lib/content/components.ts lists them all), passed
 * to `<Content components={...}>` so authors never import anything.
 */
export const mdxComponents = {
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
};
