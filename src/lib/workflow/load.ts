import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { layout, listFiles, relPath } from '../content/project.ts';
import type { Position } from '../diagnostics.ts';
import { SopkitError } from '../errors.ts';
import { runtimePayloadFor } from '../params/payload.ts';
import { useParameters } from '../params/runtime.ts';
import { refusal, runContentCode } from '../time-limit/content-code.ts';
import type { WorkflowModule } from './types.ts';
import { knownIds } from '../known-ids.ts';
import { escapeRegExp } from '../escape-regexp.ts';

/** A workflow file that cannot be used, with where the problem is when the compiler or the stack says. */
export class WorkflowLoadError extends SopkitError {
  readonly file: string;
  readonly at: Position | undefined;
  /** The message without the file name and position. */
  readonly detail: string;
  constructor(code: string, file: string, detail: string, at?: Position, options?: { cause?: unknown }) {
    super(code, `${file}${at ? `:${at.line}:${at.column}` : ''}: ${detail}`, options);
    this.file = file;
    this.at = at;
    this.detail = detail;
  }
}

/** A thrown value that is not an Error, in a few words: `"text"`, `{"weird":1}`, `42`. */
function thrownValue(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 79)}…` : json;
  } catch {
    // A cycle or a BigInt: fall back to its type.
  }
  return typeof value === 'object' && value !== null ? `an object (${Object.prototype.toString.call(value)})` : String(value);
}

/**
 * One line for an import failure: esbuild's "file:line:col: ERROR: what" for syntax errors, the
 * first frame in the file for errors thrown while the module runs.
 */
export function describeImportError(cause: unknown, absPath: string): { detail: string; at?: Position } {
  // `throw { code: 1 }` or `throw 'text'`: say what was thrown ('[object Object]' said nothing).
  const error = cause instanceof Error ? cause : new Error(`it threw ${thrownValue(cause)}, not an Error: throw new Error('what went wrong') instead`);
  // The file as a path, or as the URL tsx loads it by (`file:///...machine.ts?tsx-namespace=...`).
  const inFile = new RegExp(`${escapeRegExp(absPath)}(?:\\?[^:\\s)]*)?:(\\d+):(\\d+)(?::\\s*ERROR:\\s*(.*))?`);
  const syntax = inFile.exec(error.message);
  if (syntax?.[3]) return { detail: `syntax error: ${syntax[3].trim()}`, at: { line: Number(syntax[1]), column: Number(syntax[2]) } };
  const frame = inFile.exec(error.stack ?? '');
  // One line, but a first line that ends in a colon announces the reason on the next: XState's
  // "Invalid transition definition for state node 'x':" is followed by "Child state 'reviw' does not exist…".
  const lines = error.message.split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines[0]?.endsWith(':') && lines[1] ? `${lines[0]} ${lines[1]}` : (lines[0] ?? String(cause));
  // The transition that names the missing state says more than the createMachine call that threw.
  const at = misspeltTarget(first, absPath) ?? (frame ? { line: Number(frame[1]), column: Number(frame[2]) } : undefined);
  return { detail: `cannot load the module: ${first}`, ...(at ? { at } : {}) };
}

/**
 * Where a transition names a state the machine does not have (XState's "Child state 'x' does not
 * exist"): the one place the file writes 'x' or "x" as a string, if there is exactly one.
 */
function misspeltTarget(message: string, absPath: string): Position | undefined {
  const name = /Child state '([^']+)' does not exist/.exec(message)?.[1];
  if (!name) return undefined;
  let source: string;
  try {
    source = readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
  const found = [...source.matchAll(new RegExp(`(['"\`])\\.?${escapeRegExp(name)}\\1`, 'g'))];
  if (found.length !== 1) return undefined;
  const before = source.slice(0, found[0]!.index);
  const line = before.split('\n').length;
  return { line, column: found[0]!.index! - before.lastIndexOf('\n') };
}

/** A workflow file, loaded. */
export interface LoadedWorkflow {
  /** Id from the file name: `workflows/birth-registration.machine.ts` → `birth-registration`. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  module: WorkflowModule;
}

const SUFFIX = '.machine.ts';

// Imports run one at a time: a machine reads its project's parameters while its module is
// evaluated, so two projects loading at once must not see each other's values.
let importQueue: Promise<unknown> = Promise.resolve();

/**
 * Node's require hooks by file extension. Each `tsImport` call (a namespace of its own, so every
 * load is fresh) wraps them in one more tsx transformer that passes other namespaces' files on,
 * and never takes it off: a process that loads workflows thousands of times (a dev server, the
 * test workers, which keep their modules from file to file) ran every later `require` through
 * thousands of wrappers, and a test worker stopped with "Maximum call stack size exceeded" in
 * tsx's transformer. The hooks are put back as they were once an import has finished: the
 * machine's modules are then loaded, and the next import brings its own.
 */
const requireHooks = (createRequire(import.meta.url)('node:module') as { _extensions: Record<string, unknown> })._extensions;

async function importWithoutLeftoverHooks(url: string): Promise<unknown> {
  const before = { ...requireHooks };
  try {
    return await tsImport(url, import.meta.url);
  } finally {
    for (const key of Object.keys(requireHooks)) if (!(key in before)) delete requireHooks[key];
    Object.assign(requireHooks, before);
  }
}

function importMachine(root: string, absPath: string, file: string): Promise<unknown> {
  // The watched span starts when this import runs, not while it waits its turn, so a file that
  // never finishes is the one named.
  const next = importQueue.then(() =>
    runContentCode(file, 'loading', () => {
      useParameters(runtimePayloadFor(root));
      return importWithoutLeftoverHooks(pathToFileURL(absPath).href);
    }),
  );
  importQueue = next.catch(() => undefined);
  return next;
}

/** Absolute paths of every workflow file under a root. */
export function workflowFiles(root: string): string[] {
  return listFiles(join(root, layout.workflows), SUFFIX);
}

/**
 * Imports one workflow file (TypeScript, through tsx, so it works from the CLI, the Astro build
 * and vitest alike) and checks that it exports what a workflow file must export. The import is
 * content code: in a worker started by `runInWorker` it runs under the time limit, and a file
 * that did not finish in an earlier attempt is refused with the reason.
 */
export async function loadWorkflowFile(root: string, absPath: string): Promise<LoadedWorkflow> {
  const file = relPath(root, absPath);
  const id = absPath.slice(absPath.lastIndexOf('/') + 1, -SUFFIX.length);
  const refused = refusal(file);
  if (refused) throw new WorkflowLoadError(refused.code, file, refused.reason);
  let mod: Partial<WorkflowModule>;
  // An error thrown while the module runs should point at the author's line: Node maps stack
  // traces through tsx's source maps only with its own stack formatter (test runners and bundlers
  // install theirs), and formats a stack when it is first read, so read it before restoring.
  process.setSourceMapsEnabled(true);
  const stacks = Error as { prepareStackTrace?: unknown };
  const formatter = stacks.prepareStackTrace;
  stacks.prepareStackTrace = undefined;
  try {
    mod = (await importMachine(root, absPath, file)) as Partial<WorkflowModule>;
  } catch (cause) {
    void (cause instanceof Error && cause.stack);
    const { detail, at } = describeImportError(cause, absPath);
    throw new WorkflowLoadError('workflow/import', file, detail, at, { cause });
  } finally {
    stacks.prepareStackTrace = formatter;
  }
  if (!mod.machine || typeof (mod.machine as { root?: unknown }).root !== 'object') {
    throw new WorkflowLoadError('workflow/no-machine', file, 'export a machine: `export const machine = setup({...}).createMachine({...})`');
  }
  if (!Array.isArray(mod.scenarios)) {
    throw new WorkflowLoadError('workflow/no-scenarios', file, 'export scenarios (an array, possibly empty): `export const scenarios: Scenario[] = [...]`');
  }
  mod.scenarios.forEach((scenario, i) => {
    const problem = scenarioShape(scenario);
    if (problem) {
      const named = typeof (scenario as { id?: unknown } | null)?.id === 'string' ? `scenario "${(scenario as { id: string }).id}"` : `scenario ${i + 1} of the list`;
      throw new WorkflowLoadError('workflow/scenario-shape', file, `${named}: ${problem}; a scenario is { id, title, description, input: {...}, steps: [{ event: { type }, expect }], final }`);
    }
  });
  return { id, file, module: mod as WorkflowModule };
}

/**
 * What a scenario lacks, or undefined: one written without \`final\` (cast past TypeScript) stopped
 * \`sopkit simulate\` with "Cannot read properties of undefined (reading 'split')".
 */
function scenarioShape(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const s = value as Record<string, unknown>;
  if (typeof s.id !== 'string' || !s.id) return 'no id (a word with hyphens, "late-home-birth")';
  if (typeof s.title !== 'string') return 'no title (what the case is, in a few words)';
  if (s.description !== undefined && typeof s.description !== 'string') return 'its description is not text';
  if (!s.input || typeof s.input !== 'object' || Array.isArray(s.input)) return 'no input (the case data, an object: {} when the machine needs none)';
  if (!Array.isArray(s.steps)) return 'no steps (a list of { event: { type }, expect })';
  const bad = s.steps.findIndex((step) => {
    const st = step as { event?: { type?: unknown }; expect?: unknown } | null;
    return !st || typeof st.event?.type !== 'string' || (typeof st.expect !== 'string' && (typeof st.expect !== 'object' || st.expect === null));
  });
  if (bad >= 0) return `step ${bad + 1} is not { event: { type: '...' }, expect: '<state>' }`;
  if (typeof s.final !== 'string' || !s.final) return 'no final (the final state the case ends in)';
  return undefined;
}

/** The workflows one check run has loaded, by the object that stands for the run (its project). */
const loadedInRun = new WeakMap<object, Map<string, LoadedWorkflow>>();

/**
 * `loadWorkflowFile`, once per file for one run of the checks: the workflow, quiz and translation
 * checks each need the machines, and every import compiles the file afresh (a namespace of its
 * own), so a run compiled each file three times. Only files that loaded are kept: one that failed
 * fails again the same way, or is refused by the time limit with its reason.
 * @param run What stands for the run: the loaded project, made anew for each run.
 */
export async function loadWorkflowFileInRun(run: object, root: string, absPath: string): Promise<LoadedWorkflow> {
  let loaded = loadedInRun.get(run);
  if (!loaded) loadedInRun.set(run, (loaded = new Map()));
  const hit = loaded.get(absPath);
  if (hit) return hit;
  const workflow = await loadWorkflowFile(root, absPath);
  loaded.set(absPath, workflow);
  return workflow;
}

/**
 * Loads the workflow with an id, or says which ids exist.
 * @param run When given, a file this run has loaded already is not loaded again (`loadWorkflowFileInRun`).
 */
export async function loadWorkflow(root: string, id: string, run?: object): Promise<LoadedWorkflow> {
  const abs = join(root, layout.workflows, `${id}${SUFFIX}`);
  if (!existsSync(abs)) {
    const known = workflowFiles(root).map((f) => f.slice(f.lastIndexOf('/') + 1, -SUFFIX.length));
    throw new SopkitError('workflow/unknown', `no workflow "${id}" in ${layout.workflows}/; known: ${knownIds(root, known)}`);
  }
  return run ? loadWorkflowFileInRun(run, root, abs) : loadWorkflowFile(root, abs);
}
