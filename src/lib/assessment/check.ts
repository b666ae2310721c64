import { renumberedMessage, renumberedSince } from '../lifecycle/section-renumbered.ts';
import { movedHint } from '../lifecycle/section-moved.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { CheckContext } from '../check/context.ts';
import { findSection } from '../content/sections.ts';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { isUserError } from '../errors.ts';
import { loadWorkflow, type LoadedWorkflow } from '../workflow/load.ts';
import { loadQuizzes, type QuizDoc } from './quiz-load.ts';
import { quizRules } from './quiz-rules.ts';

type Path = (string | number)[];
type WorkflowLookup = (id: string) => Promise<LoadedWorkflow | string>;

function refRules(ctx: CheckContext, quiz: Quiz, at: (path: Path) => Position, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sops = ctx.project.sops;
  if (quiz.sop && !sops.some((s) => s.id === quiz.sop)) {
    out.push(diagnostic('error', 'quiz/unknown-sop', file, `sop: no SOP "${quiz.sop}" in content/sops; known: ${sops.map((s) => s.id).join(', ')}`, at(['sop'])));
  }
  quiz.items.forEach((item, i) => {
    const [sopId = '', section = ''] = item.ref.split('#');
    const sop = sops.find((s) => s.id === sopId);
    if (!sop) {
      out.push(diagnostic('error', 'quiz/ref-unknown-sop', file, `item ${item.id}: ref "${item.ref}" names no SOP; known: ${sops.map((s) => s.id).join(', ')}`, at(['items', i, 'ref'])));
    } else if (sop.tree /* unparsed: no sections to match, and its own error */ && !findSection(sop.sections, section)) {
      const top = sop.sections.filter((s) => s.level === 1).length;
      const moved = movedHint(ctx.project.root, sop, section, (key) => `ref: ${sopId}#${key}`);
      out.push(diagnostic('error', 'quiz/ref-unknown-section', file, `item ${item.id}: ref "${item.ref}": ${sopId} has no section "${section}" (${top ? `sections run 1 to ${top}` : 'it has no sections yet'}${moved ? '' : '; use a number like 6.2 or a heading anchor'})${moved}`, at(['items', i, 'ref'])));
    } else {
      const renumbered = renumberedSince(ctx.project, file, sop, section);
      if (renumbered) out.push(diagnostic('warning', 'quiz/ref-renumbered', file, `item ${item.id}: ref "${item.ref}": ${renumberedMessage(sopId, renumbered, (key) => `ref: ${sopId}#${key}`)}`, at(['items', i, 'ref'])));
    }
  });
  return out;
}

type StateNode = { key: string; path: readonly string[]; meta?: { title?: unknown }; states?: Record<string, StateNode> };

const namesOf = new WeakMap<LoadedWorkflow, Map<string, string | undefined>>();

/**
 * Every state's name in a workflow, as its machine writes it (its key and its dotted path:
 * `review`, `appealReview.review`), with the title its step shows (`meta.title`), if any; made
 * once per loaded workflow, which every scenario item of every quiz in the run asks.
 */
function stateNames(loaded: LoadedWorkflow): Map<string, string | undefined> {
  const known = namesOf.get(loaded);
  if (known) return known;
  const names = new Map<string, string | undefined>();
  namesOf.set(loaded, names);
  const walk = (node: StateNode) => {
    for (const child of Object.values(node.states ?? {})) {
      const title = typeof child.meta?.title === 'string' ? child.meta.title : undefined;
      names.set(child.key, title);
      names.set(child.path.join('.'), title);
      walk(child);
    }
  };
  walk(loaded.module.machine.root as unknown as StateNode);
  return names;
}

/**
 * A state's name in code written into a scenario item's words, in brackets ("the case is with the
 * supervisor (supervisorReview)"), an Arabic question's in a left-to-right isolate: participants
 * see it nowhere else (the simulator and the SOP show the state's words), and a translated question
 * printed it as English code. One warning per item, at the first text that has one.
 */
function stateNameRule(item: Quiz['items'][number], i: number, names: ReadonlyMap<string, string | undefined>, at: (path: Path) => Position, file: string): Diagnostic[] {
  const texts: [Path, string | undefined][] = [
    [['stem'], item.stem],
    ...item.options.flatMap((o, j): [Path, string | undefined][] => [[['options', j, 'text'], o.text], [['options', j, 'feedback'], o.feedback]]),
    [['explanation'], item.explanation],
  ];
  for (const [path, text] of texts) {
    for (const match of (text ?? '').matchAll(/\(\u2066?([A-Za-z][\w.]*)\u2069?\)/gu)) {
      if (!names.has(match[1]!)) continue;
      const where = path.length === 1 ? String(path[0]) : `option ${item.options[path[1] as number]?.id} ${String(path[2])}`;
      const title = names.get(match[1]!);
      const words = title ? `the simulator calls it "${title}"` : 'the simulator and the SOP give its words';
      return [diagnostic('warning', 'quiz/state-name', file, `item ${item.id}: "(${match[1]})" in its ${where} is the workflow's name in code for a state, which participants see nowhere else (${words}); say in words where the case is, or leave it out`, at(['items', i, ...path]))];
    }
  }
  return [];
}

/**
 * The `quiz/state-name` rule alone, for a translated quiz: its items carry the source's scenarios,
 * and a translation could put back a state's name the source no longer has.
 * @param doc The loaded translated quiz file.
 * @param workflow Loads a workflow by id, or returns why it cannot (said by the source's check).
 */
export async function stateNameDiagnostics(doc: QuizDoc, workflow: WorkflowLookup): Promise<Diagnostic[]> {
  const quiz = doc.quiz;
  if (!quiz) return [];
  const at = (path: Path) => doc.yaml.positionOf(path);
  const out: Diagnostic[] = [];
  for (const [i, item] of quiz.items.entries()) {
    if (item.type !== 'scenario' || !item.scenario) continue;
    const loaded = await workflow(item.scenario.split('/')[0] ?? '');
    if (typeof loaded !== 'string') out.push(...stateNameRule(item, i, stateNames(loaded), at, doc.file));
  }
  return out;
}

async function scenarioRules(quiz: Quiz, at: (path: Path) => Position, file: string, workflow: WorkflowLookup): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  // A workflow that does not load is said once per quiz, at its first item, naming the others
  // (it was said again at each of its items: eight times over for one misspelt word).
  const unloadable = new Map<string, { at: number; reason: string; items: string[] }>();
  for (const [i, item] of quiz.items.entries()) {
    if (item.type !== 'scenario' || !item.scenario || item.step === undefined) continue;
    const [workflowId = '', scenarioId = ''] = item.scenario.split('/');
    const loaded = await workflow(workflowId);
    if (typeof loaded === 'string') {
      const seen = unloadable.get(workflowId);
      if (seen) seen.items.push(item.id);
      else unloadable.set(workflowId, { at: i, reason: loaded, items: [item.id] });
      continue;
    }
    const scenario = loaded.module.scenarios.find((s) => s.id === scenarioId);
    if (!scenario) {
      const known = loaded.module.scenarios.map((s) => s.id).join(', ');
      out.push(diagnostic('error', 'quiz/scenario-unknown', file, `item ${item.id}: ${loaded.file} has no scenario "${scenarioId}"; known: ${known || 'none'}`, at(['items', i, 'scenario'])));
      continue;
    }
    const step = scenario.steps[item.step - 1];
    if (!step) {
      out.push(diagnostic('error', 'quiz/scenario-step', file, `item ${item.id}: step ${item.step} is past the end of scenario ${scenarioId}, which has ${scenario.steps.length} steps`, at(['items', i, 'step'])));
      continue;
    }
    const events = new Set<string>(loaded.module.machine.root.events);
    item.options.forEach((option, j) => {
      if (option.event && !events.has(option.event)) {
        out.push(diagnostic('error', 'quiz/scenario-event', file, `item ${item.id}, option ${option.id}: "${option.event}" is not an event of workflow ${workflowId}`, at(['items', i, 'options', j, 'event'])));
      }
    });
    const answer = step.event.type;
    const matching = item.options.filter((o) => o.event === answer);
    const correct = item.options.find((o) => o.correct);
    if (matching.length !== 1) {
      out.push(diagnostic('error', 'quiz/scenario-answer', file, `item ${item.id}: step ${item.step} of ${scenarioId} is "${answer}"; exactly one option must have event: ${answer} (found ${matching.length})`, at(['items', i, 'options'])));
    } else if (correct && correct !== matching[0]) {
      out.push(diagnostic('error', 'quiz/scenario-answer', file, `item ${item.id}: option ${correct.id} is marked correct but step ${item.step} of ${scenarioId} is "${answer}" (option ${matching[0]?.id}); mark that one correct`, at(['items', i, 'options'])));
    }
    const optionEvents = item.options.map((o) => o.event);
    if (new Set(optionEvents).size !== optionEvents.length) {
      out.push(diagnostic('error', 'quiz/scenario-event', file, `item ${item.id}: two options stand for the same event; each option needs its own event`, at(['items', i, 'options'])));
    }
    out.push(...stateNameRule(item, i, stateNames(loaded), at, file));
  }
  for (const { at: i, reason, items } of unloadable.values()) {
    const first = quiz.items[i]!;
    const others = items.length > 1 ? ` (and item${items.length > 2 ? 's' : ''} ${items.slice(1).join(', ')}, of the same workflow)` : '';
    out.push(diagnostic('error', 'quiz/scenario-workflow', file, `item ${first.id}${others}: scenario "${first.type === 'scenario' ? first.scenario : ''}": ${reason}`, at(['items', i, 'scenario'])));
  }
  return out;
}

/**
 * All the rules for one quiz file: schema (already in `doc.diagnostics`), the quiz's own rules,
 * references to SOP sections and scenario items against their workflows.
 * @param ctx The check context (its project supplies the SOP sections).
 * @param doc The loaded quiz file.
 * @param workflow Loads a workflow by id, or returns why it cannot.
 */
export async function checkQuizDoc(ctx: CheckContext, doc: QuizDoc, workflow: WorkflowLookup): Promise<Diagnostic[]> {
  const out = [...doc.diagnostics];
  const quiz = doc.quiz;
  if (!quiz) return out;
  const at = (path: Path) => doc.yaml.positionOf(path);
  for (const issue of quizRules(quiz)) out.push(diagnostic(issue.severity, issue.code, doc.file, issue.message, at(issue.path)));
  out.push(...refRules(ctx, quiz, at, doc.file));
  out.push(...(await scenarioRules(quiz, at, doc.file, workflow)));
  return out;
}

/**
 * A workflow loader that loads each workflow once per run and turns a load failure into a reason.
 * @param run The check run's project: the workflows the workflow check loaded are not loaded again.
 */
export function workflowCache(root: string, run?: object): WorkflowLookup {
  const cache = new Map<string, Promise<LoadedWorkflow | string>>();
  return (id) => {
    let found = cache.get(id);
    if (!found) {
      found = loadWorkflow(root, id, run).catch((e: unknown) => (isUserError(e) ? e.message : String(e)));
      cache.set(id, found);
    }
    return found;
  };
}

/** The quiz checker of `sopkit check`: every quiz under `quizzes/` (ARCHITECTURE.md, Formats: quiz). */
export async function checkQuizzes(ctx: CheckContext): Promise<Diagnostic[]> {
  const workflow = workflowCache(ctx.project.root, ctx.project);
  const out: Diagnostic[] = [];
  for (const doc of loadQuizzes(ctx.project.root)) out.push(...(await checkQuizDoc(ctx, doc, workflow)));
  return out;
}
