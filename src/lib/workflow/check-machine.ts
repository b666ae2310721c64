import { renumberedMessage, renumberedSince } from '../lifecycle/section-renumbered.ts';
import { movedHint } from '../lifecycle/section-moved.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { findSection, sectionRangeWords } from '../content/sections.ts';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { machineInternalEvents } from './events.ts';
import { ANY_STATE, graphOf, initialMarkerId, type GraphState, type WorkflowGraph } from './graph.ts';
import type { LoadedWorkflow } from './load.ts';
import { sourcePositions, type SourcePositions } from './positions.ts';
import { deadEnds, noWayToEnd, reachedStates, structurallyUnreachable } from './reach.ts';
import { runScenario, startSnapshot, statePaths } from './run.ts';
import { valueProblem } from './case-input.ts';
import type { CaseField } from './types.ts';
import { closest } from '../did-you-mean.ts';
import { escapeRegExp } from '../escape-regexp.ts';

/** What the rules of one machine need. */
interface Ctx {
  loaded: LoadedWorkflow;
  graph: WorkflowGraph;
  at: SourcePositions;
  /** The SOP that declares `workflow: <id>` (or, failing that, the first that draws it). */
  sop: SopDoc | undefined;
  project: Project;
}

const quote = (path: string) => `"${path}"`;

function stateAt(c: Ctx, path: string): Position {
  return c.at.states.get(path) ?? c.at.machine;
}

function err(c: Ctx, code: string, at: Position, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return diagnostic(severity, code, c.loaded.file, message, at);
}

/**
 * `meta` of every state: present, complete, and pointing at things the SOP has. A history state
 * is a pseudo-state (never active, drawn H or H*): it needs no meta. A region of a parallel state
 * may leave its meta out, or any field of it: its step and role are those of the parallel state;
 * what it does give is checked.
 */
function metaRules(c: Ctx): Diagnostic[] {
  const out: Diagnostic[] = [];
  const knownRoles = new Set(c.project.roles.map((r) => r.id));
  const sop = c.sop;
  const sopRoles = new Set(sop?.data?.roles ?? []);
  const sopForms = new Set(sop?.data?.forms.map((f) => f.id) ?? []);
  const byPath = new Map(c.graph.states.map((s) => [s.path, s]));
  for (const s of c.graph.states) {
    if (s.kind === 'history') continue;
    const region = byPath.get(s.parent ?? '')?.kind === 'parallel';
    const at = stateAt(c, s.path);
    const meta = s.meta;
    if (!meta || typeof meta !== 'object') {
      if (!region) out.push(err(c, 'workflow/meta', at, `state ${quote(s.path)} has no meta: add meta: { step: '<SOP section>', title: '...', role: '<role id>' }`));
      continue;
    }
    for (const field of region ? [] : (['step', 'title', 'role'] as const)) {
      if (typeof meta[field] !== 'string' || !meta[field]) out.push(err(c, 'workflow/meta', at, `state ${quote(s.path)}: meta.${field} is missing; every state names its SOP section (step), a title and a role`));
    }
    // An SOP whose body did not parse has no sections to match: its own error says why.
    if (typeof meta.step === 'string' && meta.step && sop?.tree && !findSection(sop.sections, meta.step)) {
      const moved = movedHint(c.project.root, sop, meta.step, (key) => `step: '${key}'`);
      out.push(err(c, 'workflow/unknown-step', at, `state ${quote(s.path)}: meta.step "${meta.step}" is not a section of ${sop.file} (${sop.sections.length ? sectionRangeWords(sop.sections, meta.step) : 'it has no sections yet'})${moved || '; use the number of the section that describes this step'}`));
    } else if (typeof meta.step === 'string' && meta.step && sop?.tree) {
      const renumbered = renumberedSince(c.project, c.loaded.file, sop, meta.step);
      if (renumbered) out.push(err(c, 'workflow/step-renumbered', at, `state ${quote(s.path)}: meta.step "${meta.step}": ${renumberedMessage(sop.id, renumbered, (key) => `step: '${key}'`)}`, 'warning'));
    }
    if (typeof meta.role === 'string' && meta.role) {
      if (!knownRoles.has(meta.role)) {
        out.push(err(c, 'role/unknown', at, `state ${quote(s.path)}: role "${meta.role}" is not in content/roles.yaml; add it there or fix the id`));
      } else if (sop?.data && !sopRoles.has(meta.role)) {
        out.push(err(c, 'role/undeclared', at, `state ${quote(s.path)}: role "${meta.role}" is used but not declared; add it to roles: in ${sop.file}`));
      }
    }
    const forms = Array.isArray(meta.forms) ? meta.forms : meta.forms === undefined ? [] : [String(meta.forms)];
    for (const form of forms) {
      if (sop?.data && !sopForms.has(form)) {
        out.push(err(c, 'form/unknown', at, `state ${quote(s.path)}: form "${form}" is not among the forms of ${sop.file} (${[...sopForms].join(', ') || 'none'}); declare it under forms: there`));
      }
    }
  }
  return out;
}

/** Unreachable states, dead ends and traps. */
function graphRules(c: Ctx): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { machine, scenarios } = c.loaded.module;
  const unreachable = new Set(structurallyUnreachable(c.graph));
  for (const path of unreachable) {
    out.push(err(c, 'workflow/unreachable', stateAt(c, path), `state ${quote(path)} is unreachable: no transition leads to it from the start; connect it or remove it`));
  }
  let reached: Set<string> | undefined;
  let inputs = 0;
  try {
    ({ reached, inputs } = reachedStates(machine, scenarios));
  } catch (cause) {
    out.push(err(c, 'workflow/graph', c.at.machine, `could not explore the machine with xstate/graph: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, 'warning'));
  }
  // A scenario whose input the context function fails on is its own error (workflow/scenario-fails);
  // states only it would reach are not "never reached" for a guard's sake.
  const contextFails = scenarios.some((s) => {
    try {
      startSnapshot(machine, s.input);
      return false;
    } catch {
      return true;
    }
  });
  if (reached && !contextFails) {
    for (const s of c.graph.states) {
      if (unreachable.has(s.path) || reached.has(s.path)) continue;
      out.push(
        err(
          c,
          'workflow/unreachable',
          stateAt(c, s.path),
          `state ${quote(s.path)} is never reached with the case data of any scenario (${inputs} tried, guards evaluated): a guard always blocks the way, or no scenario covers it; fix the guard or add a scenario that reaches it`,
          scenarios.length ? 'error' : 'warning',
        ),
      );
    }
  }
  const dead = new Set(deadEnds(c.graph));
  for (const path of dead) {
    out.push(err(c, 'workflow/dead-end', stateAt(c, path), `state ${quote(path)} is a dead end: it is not final and no event, always or after transition leaves it; add the way out or make it type: 'final'`));
  }
  for (const path of noWayToEnd(c.graph)) {
    if (dead.has(path) || unreachable.has(path)) continue;
    out.push(err(c, 'workflow/no-end', stateAt(c, path), `from state ${quote(path)} no path reaches an end (a top-level final state): the case would be stuck; add a way out of the loop`));
  }
  return out;
}

/**
 * Named delays that `setup({ delays })` does not define: XState then schedules the timer with no
 * delay at all, so the state is left the moment it is entered.
 */
function delayRules(c: Ctx): Diagnostic[] {
  const defined = (c.loaded.module.machine.implementations.delays ?? {}) as Record<string, unknown>;
  const seen = new Set<string>();
  return c.graph.transitions
    .filter((t) => t.kind === 'after' && t.delay !== undefined && !/^\d+$/.test(t.delay) && !(t.delay in defined))
    .filter((t) => !seen.has(`${t.source}\0${t.delay}`) && seen.add(`${t.source}\0${t.delay}`))
    .map((t) => {
      const where = t.source === ANY_STATE ? 'the machine' : `state ${quote(t.source)}`;
      return err(c, 'workflow/unknown-delay', t.source === ANY_STATE ? c.at.machine : stateAt(c, t.source), `${where}: after "${t.delay}" names no delay of setup({ delays }), so XState waits no time at all; define it: setup({ delays: { ${JSON.stringify(t.delay)}: <milliseconds> } })`);
    });
}

/** Scenarios: known events, existing states, and every one passing. */
function scenarioRules(c: Ctx): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { machine, scenarios } = c.loaded.module;
  const events = new Set(machine.events as string[]);
  const aliases = new Set(machineInternalEvents(machine).map((e) => e.alias));
  const paths = new Set(c.graph.states.filter((s) => s.kind !== 'history').map((s) => s.path));
  const parallel = c.graph.states.find((s) => s.kind === 'parallel');
  // How a state is written, shown when a scenario names one the machine does not have.
  const form = parallel
    ? ` (write a state as sopkit simulate prints it: a dot path, and for parallel regions every region's path joined with a comma, e.g. "${parallel.children
        .filter((r) => byKind(c, r) !== 'history')
        .slice(0, 2)
        .map((r) => firstLeaf(c, r))
        .join(',')}")`
    : '';
  const unknownPaths = (state: string) => {
    const parts = statePaths(state);
    return parts.length ? parts.filter((p) => !paths.has(p)) : [state];
  };
  const seen = new Set<string>();
  if (scenarios.length < 3) {
    out.push(err(c, 'workflow/few-scenarios', c.at.machine, `${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}: give at least three, covering the main branches (they are the tests, the guided walks and the challenges)`, 'warning'));
  }
  for (const scenario of scenarios) {
    const where = c.at.scenarios.get(scenario.id);
    const at = where?.at ?? c.at.machine;
    if (seen.has(scenario.id)) out.push(err(c, 'workflow/duplicate-scenario', at, `scenario "${scenario.id}" appears twice; scenario ids are unique in a file`));
    seen.add(scenario.id);
    let broken = false;
    scenario.steps.forEach((step, i) => {
      const stepAt = where?.steps[i] ?? at;
      if (!events.has(step.event.type) && !aliases.has(step.event.type)) {
        broken = true;
        const known = [...[...events].filter((e) => e && !e.startsWith('xstate.')).sort(), ...aliases];
        out.push(err(c, 'workflow/unknown-event', stepAt, `scenario "${scenario.id}" step ${i + 1}: the machine has no event "${step.event.type}"; known: ${known.join(', ') || 'none'}`));
      }
      const missing = typeof step.expect === 'string' ? unknownPaths(step.expect) : [JSON.stringify(step.expect)];
      if (missing.length) {
        broken = true;
        out.push(err(c, 'workflow/unknown-state', stepAt, `scenario "${scenario.id}" step ${i + 1}: expects state "${missing.join('", "')}", which the machine does not have${form}`));
      }
    });
    const missingFinal = typeof scenario.final === 'string' ? unknownPaths(scenario.final) : [JSON.stringify(scenario.final)];
    if (missingFinal.length) {
      broken = true;
      out.push(err(c, 'workflow/unknown-state', at, `scenario "${scenario.id}": final state "${missingFinal.join('", "')}" is not a state of the machine${form}`));
    }
    if (broken) continue;
    const { failures } = runScenario(machine, scenario);
    for (const f of failures) {
      out.push(err(c, 'workflow/scenario-fails', f.step ? (where?.steps[f.step - 1] ?? at) : at, `scenario "${scenario.id}"${f.step ? ` step ${f.step}` : ''}: ${f.message}`));
    }
  }
  return out;
}

function byKind(c: Ctx, path: string): string | undefined {
  return c.graph.states.find((s) => s.path === path)?.kind;
}

/** The first state a region starts in, as a path (for examples in messages). */
function firstLeaf(c: Ctx, path: string): string {
  const first = c.graph.transitions.find((t) => t.kind === 'initial' && t.source === `${path}#initial`)?.target;
  return first ? firstLeaf(c, first) : path;
}

/** Procedure sections of the SOP that no state names (a warning: text and workflow disagree). */
function sectionRules(c: Ctx): Diagnostic[] {
  const sop = c.sop;
  if (!sop) return [];
  const procedure = sop.sections.find((s) => s.level === 1 && s.title.trim().toLowerCase() === 'procedure');
  if (!procedure) return [];
  const steps = c.graph.states.map((s: GraphState) => (typeof s.meta?.step === 'string' ? s.meta.step : '')).filter(Boolean);
  return sop.sections
    .filter((s) => s.level === 2 && s.number.startsWith(`${procedure.number}.`))
    .filter((s) => !steps.some((step) => step === s.number || step.startsWith(`${s.number}.`)))
    .map((s) =>
      diagnostic('warning', 'workflow/section-without-state', sop.file, `section ${s.number} "${s.title}" is part of the procedure but no state of ${c.loaded.file} names it (meta.step); add the state or move the text out of the procedure`, s.at),
    );
}

/** Guard names a transition's guard holds: `'isLate'`, `{ type: 'isLate' }`, and those inside `and`, `or`, `not`. */
function guardNames(guard: unknown, out: string[] = []): string[] {
  if (typeof guard === 'string') out.push(guard);
  else if (guard && typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') out.push((guard as { type: string }).type);
  else if (typeof guard === 'function') for (const inner of ((guard as { guards?: unknown }).guards as unknown[] | undefined) ?? []) guardNames(inner, out);
  return out;
}

/**
 * A guard named on a transition that \`setup({ guards })\` does not implement ("isLat" for
 * "isLate"): every case reaching the transition stopped, and check gave 21 errors of scenarios
 * and unreachable states, the cause only inside them. One error at the state, first.
 */
function guardRules(c: Ctx): Diagnostic[] {
  const known = Object.keys((c.loaded.module.machine.implementations?.guards ?? {}) as Record<string, unknown>);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // The machine's own transitions (written on the machine, from any state) are its root's.
  for (const state of [{ path: '', node: c.loaded.module.machine.root }, ...c.graph.states]) {
    const node = state.node as { transitions?: Map<string, { guard?: unknown }[]>; always?: { guard?: unknown }[] } | undefined;
    const defs = [...(node?.transitions instanceof Map ? [...node.transitions.values()].flat() : []), ...(node?.always ?? [])];
    for (const name of defs.flatMap((d) => guardNames(d.guard))) {
      if (known.includes(name) || seen.has(`${state.path}\u0000${name}`)) continue;
      seen.add(`${state.path}\u0000${name}`);
      const near = closest(name, known);
      out.push(err(c, 'workflow/unknown-guard', state.path ? stateAt(c, state.path) : c.at.machine, `${state.path ? `state ${quote(state.path)}` : 'the machine'}: guard "${name}" is not one of setup({ guards })${near ? ` (did you mean ${near}?)` : ''}: every case that reaches this transition stops; name one of ${known.join(', ') || 'none (add it to setup({ guards }))'}`));
    }
  }
  return out;
}

/** The JavaScript type a case field's value has in the machine's context. */
const JS_TYPE: Record<CaseField['type'], string> = { boolean: 'boolean', number: 'number', date: 'string', text: 'string', select: 'string' };

/**
 * Case data against the machine's context: each `caseFields` id, and each key of a scenario's
 * `input`, must be a key of the context the machine starts with, with a value of its type. A
 * misspelt key ("daysSinceDeth") set nothing the guards read: the case ran on the context's
 * default, took the on-time branch, and its scenario passed, as did check. A machine whose context
 * cannot be built without input is left alone (its keys are not known).
 */
function caseRules(c: Ctx, source: string): Diagnostic[] {
  const { machine, scenarios, caseFields } = c.loaded.module;
  let defaults: Record<string, unknown>;
  try {
    const context = startSnapshot(machine, {}).context as unknown;
    if (!context || typeof context !== 'object' || Array.isArray(context)) return [];
    defaults = context as Record<string, unknown>;
  } catch {
    return [];
  }
  const keys = Object.keys(defaults);
  if (!keys.length) return [];
  const out: Diagnostic[] = [];
  const listed = keys.join(', ');
  const near = (key: string) => {
    const guess = closest(key, keys);
    return guess ? ` (did you mean ${guess}?)` : '';
  };
  const kind = (value: unknown) => (value === null ? 'null' : typeof value);
  const declared = source.search(/\bcaseFields\b/);
  const fieldAt = (id: string): Position => {
    const i = declared < 0 ? -1 : source.slice(declared).search(new RegExp(`id:\\s*['"\`]${escapeRegExp(id)}['"\`]`));
    if (i < 0) return c.at.machine;
    const before = source.slice(0, declared + i).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  const fields = new Map((caseFields ?? []).map((f) => [f.id, f]));
  for (const f of caseFields ?? []) {
    if (!(f.id in defaults)) {
      out.push(err(c, 'workflow/case-field', fieldAt(f.id), `caseFields: "${f.id}" is not a key of the machine's context${near(f.id)}: the simulator's field would set nothing the guards read, and every case would run on the context's default; give the field the id of a context key (${listed})`));
      continue;
    }
    const value = defaults[f.id];
    if (['boolean', 'number', 'string'].includes(kind(value)) && kind(value) !== JS_TYPE[f.type]) {
      out.push(err(c, 'workflow/case-field', fieldAt(f.id), `caseFields: "${f.id}" is a ${f.type} field, but the machine's context holds ${JSON.stringify(value)} (a ${kind(value)}) there: the simulator would send a ${JSON.stringify(JS_TYPE[f.type])} the guards do not expect; give the field type ${kind(value) === 'string' ? 'text, date or select' : kind(value)}`));
    }
  }
  for (const scenario of scenarios) {
    const at = c.at.scenarios.get(scenario.id)?.at ?? c.at.machine;
    for (const [key, value] of Object.entries(scenario.input ?? {})) {
      if (!(key in defaults)) {
        out.push(err(c, 'workflow/scenario-input', at, `scenario "${scenario.id}": input ${key} is not a key of the machine's context${near(key)}: the machine ignores it and the case runs on the context's default, so the scenario does not test what its title says; write one of ${listed}`));
        continue;
      }
      const field = fields.get(key);
      const problem = field ? valueProblem(field, value) : undefined;
      const expected = defaults[key];
      if (problem) out.push(err(c, 'workflow/scenario-input', at, `scenario "${scenario.id}": input ${problem}, as its case field says`));
      else if (!field && ['boolean', 'number', 'string'].includes(kind(expected)) && kind(value) !== kind(expected)) {
        out.push(err(c, 'workflow/scenario-input', at, `scenario "${scenario.id}": input ${key} is ${JSON.stringify(value)} (a ${kind(value)}), where the machine's context holds a ${kind(expected)} (${JSON.stringify(expected)}): a guard testing it reads it the wrong way${kind(expected) === 'boolean' && typeof value === 'string' ? ` ("${value}" is true)` : ''}; write a ${kind(expected)}`));
      }
    }
  }
  return out;
}

/**
 * Every rule about one workflow machine: meta, graph, scenarios, and the
 * SOP sections it should cover. Messages name the file and the state.
 * @param project The loaded project.
 * @param loaded The workflow module.
 * @param source The file's text, for positions.
 * @param sop The SOP the workflow belongs to, when there is one.
 */
export async function checkMachine(project: Project, loaded: LoadedWorkflow, source: string, sop: SopDoc | undefined): Promise<Diagnostic[]> {
  const graph = graphOf(loaded);
  const at = await sourcePositions(source, graph.states.map((s) => s.path), loaded.module.scenarios.map((s) => s.id));
  const c: Ctx = { loaded, graph, at, sop, project };
  // A machine that never settles is not run: exploring it or a scenario would only loop until the
  // time limit ("did not finish within 20 s", after 33 s, naming no state).
  const loop = alwaysLoop(graph);
  if (loop) {
    const message = `the states ${loop.map(quote).join(' → ')} move on at once (always, with no guard) one to the next, for ever: a case entering them never settles, and the simulator and this check would run until stopped; give one of these always transitions a guard, or make one of the states wait for an event`;
    return [...metaRules(c), err(c, 'workflow/always-loop', stateAt(c, loop[0]!), message), ...delayRules(c), ...sectionRules(c)];
  }
  return [...metaRules(c), ...guardRules(c), ...graphRules(c), ...delayRules(c), ...caseRules(c, source), ...scenarioRules(c), ...sectionRules(c)];
}

/**
 * States whose unguarded `always` transitions lead from one to the next and back (first state
 * repeated at the end), or undefined. Only a transition taken whatever the case is followed: an
 * `always` with no guard that is not the fallback of guarded ones. Entering a compound state
 * enters its initial states too, and a parallel state all its regions, whose own `always`
 * transitions then fire.
 */
export function alwaysLoop(graph: WorkflowGraph): string[] | undefined {
  const byPath = new Map(graph.states.map((s) => [s.path, s]));
  const next = new Map<string, string[]>();
  const initial = new Map<string, string[]>();
  for (const t of graph.transitions) {
    if (t.kind === 'always' && t.guard === undefined && !t.otherwise && byPath.has(t.source)) next.set(t.source, [...(next.get(t.source) ?? []), t.target]);
    if (t.kind === 'initial') initial.set(t.source, [...(initial.get(t.source) ?? []), t.target]);
  }
  if (!next.size) return undefined;
  const entered = (path: string, seen = new Set<string>()): string[] => {
    if (seen.has(path)) return [];
    seen.add(path);
    const s = byPath.get(path);
    const inner = s?.kind === 'compound' ? (initial.get(initialMarkerId(path)) ?? []) : s?.kind === 'parallel' ? s.children : [];
    return [path, ...inner.flatMap((p) => entered(p, seen))];
  };
  const hops = (path: string) => entered(path).flatMap((p) => next.get(p) ?? []);
  const mark = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const search = (path: string): string[] | undefined => {
    mark.set(path, 'open');
    stack.push(path);
    for (const to of hops(path)) {
      if (mark.get(to) === 'open') return [...stack.slice(stack.indexOf(to)), to];
      if (!mark.has(to)) {
        const found = search(to);
        if (found) return found;
      }
    }
    stack.pop();
    mark.set(path, 'done');
    return undefined;
  };
  for (const path of next.keys()) {
    if (mark.has(path)) continue;
    const found = search(path);
    if (found) return found;
  }
  return undefined;
}
