/**
 * The laid-out workflow diagram as plain data: what the web SVG emitter and the PDF engine both
 * draw, so the page and the handbook show the same picture. Units are CSS pixels at 1:1 (draw at
 * 0.75 pt per px, or scale to fit), origin top-left, y down. Every coordinate is absolute (not
 * relative to the parent). Text is already measured and broken into lines with the shared font
 * metrics (src/lib/fonts), so a renderer only places it.
 */

/**
 * What a node stands for. `initial` is the small filled dot that points at a region's first state;
 * `history` the circled H (shallow) or H* (deep) of a history state; `any` the "at any step" box
 * that transitions written on the machine itself start from.
 */
export type LayoutNodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'initial' | 'history' | 'any';

/**
 * What an edge stands for: an event, an eventless (`always`) check, a timer (`after`), the
 * completion or failure of an invoked actor (`invoke`), the start of a region (and the default of
 * a history state), or the end of a compound/parallel state (`onDone`).
 */
export type LayoutEdgeKind = 'event' | 'always' | 'after' | 'invoke' | 'initial' | 'done';

/** Font faces used in the diagram (the same names as src/lib/fonts `FontStyle`). */
export type LayoutFontStyle = 'regular' | 'bold' | 'italic';

/** A point. */
export interface LayoutPoint {
  x: number;
  y: number;
}

/** A box. */
export interface LayoutBox extends LayoutPoint {
  width: number;
  height: number;
}

/**
 * One line of text, placed: draw `text` starting at `x` with its baseline at `y`. `width` is the
 * measured advance width (so a renderer can check or right-align it).
 */
export interface LayoutText {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size in px. */
  size: number;
  style: LayoutFontStyle;
}

/** A state (or an initial marker) with its box. */
export interface LayoutNode extends LayoutBox {
  /**
   * The state's path from the machine root, dots between levels (`adjudication.review`): the
   * same form as scenario `expect` and `data-state-id` in the SVG. An initial marker's id is
   * `<region path>#initial` (`#initial` for the machine's own).
   */
  id: string;
  /** Path of the enclosing compound or parallel state; null at the top level. */
  parent: string | null;
  kind: LayoutNodeKind;
  /** Nesting depth: 0 for top-level states. */
  depth: number;
  /** `meta.title` (or the humanised state key when there is none). */
  title: string;
  /** `meta.step`, the SOP section that describes the state. */
  step?: string;
  /** `meta.role` (a role id). */
  role?: string;
  /** The role's title from content/roles.yaml, when known. */
  roleTitle?: string;
  /** `meta.sla`. */
  sla?: string;
  /** For a history node: `shallow` (drawn H) or `deep` (drawn H*). */
  history?: 'shallow' | 'deep';
  /** Height of the header band of a compound/parallel state (its title lines); 0 otherwise. */
  headerHeight: number;
  /** Title lines (bold) then the "6.3 · Registrar" line (regular), already placed. */
  text: LayoutText[];
}

/** A transition (or an initial / done arrow) with its route and label. */
export interface LayoutEdge {
  /** Stable id: `<source path>:<event or kind>:<index>`, e.g. `reception:declaration.checked:0`. */
  id: string;
  /** Source node id (a state path, or an initial marker id). */
  source: string;
  /** Target node id. */
  target: string;
  kind: LayoutEdgeKind;
  /**
   * The event as a simulator sends it (absent for `always` and `initial`): the event type, or for
   * timers and invoked actors the alias authors use (`after.appealPeriod`, `done.invoke.paymentCheck`).
   */
  event?: string;
  /** Name of the guard, when the transition has one. */
  guard?: string;
  /** Delay name or milliseconds, for `after` edges. */
  delay?: string;
  /** The label as one string: `declaration checked [needs correction]`; empty for initial edges. */
  label: string;
  /** The label's box, when there is a label. */
  labelBox?: LayoutBox;
  /** Label lines, placed inside `labelBox`. */
  labelText: LayoutText[];
  /** The route from the source's border to the target's border; the arrowhead goes at the last point. */
  points: LayoutPoint[];
}

/** A whole diagram. */
export interface WorkflowLayout {
  /** Workflow id (the file name without `.machine.ts`). */
  id: string;
  /** Overall size; every node and edge lies within it. */
  width: number;
  height: number;
  /** Parents come before their children, so drawing in order paints containers first. */
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** The CSS font family the text was measured for (Noto Sans). */
  fontFamily: string;
}
