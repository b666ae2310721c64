import type { AnyStateMachine, EventObject } from 'xstate';

/**
 * `meta` of every state in a workflow machine (ARCHITECTURE.md, Formats: workflow). `step` ties the state to the SOP
 * section that describes it, so the diagram, the step table and the text cannot drift apart.
 */
export interface StepMeta {
  /** SOP section number that describes this state, e.g. "6.3". */
  step: string;
  /** Short title shown in the diagram and the step table. */
  title: string;
  /** Role id (content/roles.yaml) that acts in this state. */
  role: string;
  /** Time limit, in words: "same day", "5 working days". */
  sla?: string;
  /** Form codes (from the SOP frontmatter `forms`) used in this state. */
  forms?: string[];
  /** Ids of the SOP's `legalBasis` entries this step rests on (the legal concordance). */
  legal?: string[];
}

/** An event in a scenario: a type, plus payload fields the guards may read. */
export type ScenarioEvent = EventObject & Record<string, unknown>;

/** One step of a scenario: send this event, then expect this state. */
export interface ScenarioStep {
  event: ScenarioEvent;
  /** State expected after the event, as a dot path (`adjudication.review`), checked with `snapshot.matches`. */
  expect: string;
}

/** A named case that runs the machine: a test, a guided walk-through and a challenge. */
export interface Scenario {
  /** Lower-case id with hyphens, unique in its file. */
  id: string;
  /** What the case is, in a few words: "Birth declared 400 days late". */
  title: string;
  /** The story of the case, for trainees. */
  description: string;
  /** Case data given to the machine as `input` (becomes `context`). */
  input: Record<string, unknown>;
  steps: ScenarioStep[];
  /** The final state the case ends in (a `type: 'final'` state). */
  final: string;
  /**
   * What the story takes for granted about the country's values, as a quiz item's `assumes`:
   * `"death-grace-period >= 248 days: died 8 months ago, late"`. `sopkit check` stops at the
   * line when the value in force breaks it (ARCHITECTURE.md, Formats: parameters).
   */
  assumes?: string[];
}

/** A field of the simulator's case-data panel: one key of `input`. */
export interface CaseField {
  /** Key in `input` / `context`. */
  id: string;
  label: string;
  type: 'date' | 'number' | 'boolean' | 'text' | 'select';
  /** For `select`. */
  options?: { value: string; label: string }[];
  /** A hint shown under the control. */
  help?: string;
}

/** What a `workflows/<id>.machine.ts` file exports. */
export interface WorkflowModule {
  machine: AnyStateMachine;
  scenarios: Scenario[];
  /** Optional description of the case data, for the simulator's panel. */
  caseFields?: CaseField[];
  /**
   * Optional words for event and guard names, in the SOP's language, where the humanised name is
   * not right: `{ 'declaration.checked': 'déclaration vérifiée', isLate: 'hors délai' }`. The
   * fixed words `otherwise`, `when complete` and `after` can be given too.
   */
  labels?: Record<string, string>;
}
