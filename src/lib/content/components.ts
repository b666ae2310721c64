import { activityMethods, sessionMethods } from '../../schemas/module.ts';
import { paramCases } from '../params/cases.ts';

/**
 * The MDX components authors may use without importing them. Each has a web renderer
 * (`src/components/<Name>.astro`) and a print renderer (in the handbook engine); the checker
 * validates every use against this table.
 */
export interface ComponentSpec {
  /** One line for the authoring guide. */
  summary: string;
  /** Attributes that must be present. */
  required: readonly string[];
  /** Attributes that may be present. */
  optional?: readonly string[];
  /** Allowed values for attributes with a closed set. */
  values?: Readonly<Record<string, readonly string[]>>;
  /** Editions the content appears in (`trainer` only for trainer notes and answer keys). */
  editions: readonly ('participant' | 'trainer')[];
  /** Attributes that must be whole numbers of minutes (`duration="45"`). */
  minutes?: readonly string[];
  /**
   * Where it may be written, when not everywhere: `['sop']` for a component that shows what an
   * SOP's frontmatter declares (roles, legal basis, forms), which a module has none of: on a
   * module's page and in its PDFs it printed nothing, an empty table or links to nowhere.
   * `['module']` for the parts of a training module (sessions, slides, activities, handouts,
   * job aids, speaker notes, a case study's questions and key), which an SOP has no timetable,
   * deck or trainer's manual for: in an SOP they printed as stray headings, boxes and new pages
   * in the middle of a section, or "the job aid is on the web page".
   */
  places?: readonly Place[];
  /**
   * For the check's message where it may not be written: what it shows, and what to write
   * instead. In a module, `instead` ends where the check adds a `<Ref>` to the SOP's section that
   * has it; in an SOP, where it adds the `<Ref>` to the section it stands in, for the module to
   * link (`sopkit check` names the modules that teach the SOP).
   */
  elsewhere?: { shows: string; instead: string };
}

/** The kinds of page a component is written in. */
export type Place = 'sop' | 'module';

const both = ['participant', 'trainer'] as const;

export const calloutTypes = ['note', 'warning', 'data-protection', 'fraud-risk'] as const;

const trainerOnly = ['trainer'] as const;

/** What an SOP holding a module's part writes instead; the check adds the `<Ref>` to the section. */
const instead = 'move it into a training module that teaches this SOP, and link this section from there with';

export const componentSpecs: Readonly<Record<string, ComponentSpec>> = {
  Term: { summary: 'A glossary term, linked to its definition.', required: ['id'], editions: both },
  Ref: { summary: 'A cross-reference to a section: `to="sop-id#6.2"` or `to="#6.2"`.', required: ['to'], editions: both },
  Callout: {
    summary: 'A boxed note, warning, data-protection point or fraud risk.',
    required: ['type'],
    optional: ['title'],
    values: { type: calloutTypes },
    editions: both,
  },
  Checklist: { summary: 'A list of items with tick boxes (print) or checkboxes (web).', required: [], optional: ['title'], editions: both },
  Form: { summary: 'A reference to a form of the annex, by code.', required: ['id'], editions: both, places: ['sop'] },
  FormsAnnex: {
    summary: 'The forms annex, printed from the frontmatter `forms`.',
    required: [],
    editions: both,
    places: ['sop'],
    elsewhere: { shows: "prints the forms an SOP's frontmatter declares (forms:): a module declares none, so on its page and in its PDFs it prints nothing", instead: 'link the forms annex with' },
  },
  LegalBasis: {
    summary: 'The legal basis table from the frontmatter.',
    required: [],
    editions: both,
    places: ['sop'],
    elsewhere: { shows: "prints the legal basis an SOP's frontmatter declares (legalBasis:): a module declares none, so on its page and in its PDFs it is an empty table", instead: 'link the legal basis with' },
  },
  Roles: {
    summary: 'The roles table for the roles this SOP declares.',
    required: [],
    editions: both,
    places: ['sop'],
    elsewhere: { shows: "prints the roles an SOP's frontmatter declares (roles:): a module declares none, so on its page and in its PDFs it is an empty table", instead: 'name each role in the text with <Role id="...">, or link the roles with' },
  },
  Role: { summary: 'A role named inline, by id.', required: ['id'], editions: both },
  Param: {
    summary: 'A value the country sets (`content/parameters.yaml`), printed with its unit: "30 days"; `case="genitive"` or `"accusative"` where the sentence gives the value that case (Arabic `خلال يومين`, not `يومان`).',
    required: ['id'],
    optional: ['case'],
    values: { case: paramCases },
    editions: both,
  },
  Step: {
    summary: 'The facts of one procedure step: who, with what, producing what, within what time, under which legal provision (`legal="id ..."`, ids of `legalBasis`).',
    required: ['role'],
    optional: ['input', 'output', 'time', 'forms', 'legal'],
    editions: both,
    places: ['sop'],
    elsewhere: {
      shows: "is a step of an SOP's procedure: its legal= and forms= point into the SOP's frontmatter (legalBasis:, forms:), which a module does not have, so on its page and in its PDFs the provisions are left out and the forms link to nothing",
      instead: 'describe the step in the text, show the procedure with <Workflow id="..."> or <JobAid workflow="...">, or link the step with',
    },
  },
  Workflow: { summary: 'The workflow diagram (and simulator) of a machine in `workflows/`; with `path="<scenario>"`, only the steps of that case, as numbered cards (for slides).', required: ['id'], optional: ['simulate', 'path'], editions: both },
  StepTable: { summary: 'The procedure table generated from a workflow machine.', required: ['workflow'], editions: both },
  TrainerNote: { summary: 'Guidance for trainers; only in the trainer edition.', required: [], optional: ['title'], editions: ['trainer'] },
  CaseStudy: { summary: 'A worked case for training: narrative, `<Questions>`, `<FacilitatorKey>`; `workflow` and `scenario` open it in the simulator.', required: ['title'], optional: ['workflow', 'scenario'], editions: both },
  // Training modules (ARCHITECTURE.md, Formats: module).
  Session: {
    summary: 'A block of a module: title, length in minutes and teaching method; holds slides, activities, case studies, handouts.',
    required: ['title', 'duration', 'method'],
    values: { method: sessionMethods },
    minutes: ['duration'],
    editions: both,
    places: ['module'],
    elsewhere: { shows: "is a session of a training module, timed in its timetable: an SOP has none, so on its page it is a heading outside the SOP's numbering and its PDF starts a new page for it in the middle of the section", instead },
  },
  Slide: {
    summary: 'One slide of a session: a title, Markdown points, images or a `<Workflow>`, and `<SpeakerNotes>`.',
    required: ['title'],
    editions: both,
    places: ['module'],
    elsewhere: { shows: "is a slide of a module's session: an SOP has no slide deck, so on its page and in its PDF it is a heading outside the SOP's numbering, in the middle of the section", instead },
  },
  SpeakerNotes: {
    summary: 'What the trainer says with a slide; trainer edition only.',
    required: [],
    editions: trainerOnly,
    places: ['module'],
    elsewhere: { shows: "is what the trainer says with a module's slide: an SOP has no slides or speaker view, so only the SOP's trainer edition shows it, as a box in the middle of the section", instead: 'put it under its <Slide> in a training module that teaches this SOP, and link this section from there with' },
  },
  Activity: {
    summary: 'An exercise, role-play or discussion: instructions, group size, time, materials, expected output.',
    required: ['title', 'method', 'duration'],
    optional: ['group', 'materials', 'output'],
    values: { method: activityMethods },
    minutes: ['duration'],
    editions: both,
    places: ['module'],
    elsewhere: { shows: "is an exercise of a module's session, timed in its timetable: in an SOP nothing times it, and the procedure prints training instructions as if they were steps", instead },
  },
  Questions: {
    summary: 'The discussion questions of a case study (a numbered list).',
    required: [],
    editions: both,
    places: ['module'],
    elsewhere: { shows: "is the discussion questions of a module's case study: in an SOP they print as part of the procedure, and no trainer's manual gives their answers", instead: 'ask them in a <CaseStudy> of a training module that teaches this SOP (with its <FacilitatorKey>), and link this section from there with' },
  },
  FacilitatorKey: {
    summary: 'Expected answers to a case study; trainer edition only.',
    required: [],
    editions: trainerOnly,
    places: ['module'],
    elsewhere: { shows: "is the expected answers of a module's case study (trainer edition only): in an SOP no trainer's manual has them, and the SOP's trainer edition prints them in the middle of the procedure", instead: 'put the answers in the <CaseStudy> of a training module that teaches this SOP, after its <Questions>, and link this section from there with' },
  },
  Handout: {
    summary: 'A page printed for every participant.',
    required: ['id', 'title'],
    editions: both,
    places: ['module'],
    elsewhere: { shows: "is a page a module prints for every participant: an SOP has no handouts, so its PDF starts a new page for it in the middle of the section and lists it in the contents without a number", instead },
  },
  JobAid: {
    summary: 'A counter checklist generated from a workflow machine, on one page (a long procedure on two): steps, who, time limit, forms, checks.',
    required: ['workflow'],
    editions: both,
    places: ['module'],
    elsewhere: {
      shows: "is a module's counter checklist, printed as its own PDF of one page (two for a long procedure): an SOP's PDF prints only \"[<workflow>: the job aid is on the web page]\" in its place",
      instead: 'show the procedure with <StepTable workflow="..."> or <Workflow id="...">, or give the job aid to a training module that teaches this SOP and link this section from there with',
    },
  },
};

/** Names of all known components, for messages. */
export const componentNames = Object.keys(componentSpecs).sort();
