import type { Project, SopDoc } from '../content/project.ts';
import type { PathStep } from '../workflow/path-graph.ts';
import type { StateCitation } from '../legal/concordance.ts';
import type { LinkTarget } from '../pdf/writer.ts';
import type { Block, Figure } from './blocks.ts';
import type { Edition } from './editions.ts';
import type { Inline } from './inline.ts';
import type { JobAidStep } from '../training/job-aid.ts';

/** What the print renderer of a workflow diagram or step table gets, loaded before layout. */
export interface WorkflowPrint {
  /** The diagram, ready to draw; undefined when the machine could not be laid out. */
  figure?: Figure;
  /** Title for the caption. */
  title: string;
  /** Step table rows; undefined when no step-table model is available. */
  steps?: Block;
  /** The counter checklist of `<JobAid>`, when a module asks for one. */
  jobAid?: JobAidStep[];
  /** States that cite legal provisions (`meta.legal`), for the concordance table. */
  citations?: StateCitation[];
  /** The paths of scenarios drawn with `<Workflow id path>`, by scenario id. */
  paths?: Map<string, { title: string; steps: PathStep[] }>;
}

/** Everything a print renderer may need while turning an SOP's mdast into blocks. */
export interface PrintContext {
  project: Project;
  sop: SopDoc;
  edition: Edition;
  lang: string;
  /** Print paragraph markers (`§6.2 ¶3`) in the margin: the review copy does. */
  paragraphMarks?: boolean;
  /** Public site address, for links and QR codes. */
  siteUrl: string;
  /**
   * The address of a site page (`/sops/x/#y`) where a reader of this document's language finds it:
   * `/fr/sops/x/#y` in a French document, as the site's own links go (`localePath`).
   */
  pageUrl(path: string): string;
  /** Link to an SOP (and a section anchor): inside this PDF when the SOP is in it, else to the site. */
  sectionLink(sopId: string, anchor?: string): LinkTarget;
  /** Link to a form of an SOP's annex. */
  formLink(sopId: string, formId: string): LinkTarget;
  /** Link to a glossary entry. */
  termLink(termId: string): LinkTarget;
  /** Glossary terms used, collected for the glossary annex. */
  terms: Set<string>;
  /** Workflows named by the SOP, loaded and laid out. */
  workflows: Map<string, WorkflowPrint>;
  /** Next figure number. */
  nextFigure(): number;
  /** Converts child flow content (a component's children) to blocks. */
  blocks(children: readonly unknown[]): Block[];
  /** Converts child phrasing content to inlines, in a face. */
  inlines(children: readonly unknown[], style?: Inline['style']): Inline[];
}

/** Named destinations: unique across a whole pack. */
export const anchors = {
  sop: (sopId: string) => `sop:${sopId}`,
  section: (sopId: string, anchor: string) => `sop:${sopId}#${anchor}`,
  form: (sopId: string, formId: string) => `sop:${sopId}#form-${formId.toLowerCase()}`,
  term: (termId: string) => `glossary:${termId}`,
};
