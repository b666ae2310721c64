import type { CheckContext } from '../check/context.ts';
import type { SopDoc } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { checkMachine } from './check-machine.ts';
import { pathProblem } from './path-graph.ts';
import { loadWorkflowFileInRun, WorkflowLoadError, workflowFiles, type LoadedWorkflow } from './load.ts';
import { relPath } from '../content/project.ts';
import { readSource } from '../content/read-source.ts';
import { runContentCode } from '../time-limit/content-code.ts';

const idOf = (abs: string) => abs.slice(abs.lastIndexOf('/') + 1, -'.machine.ts'.length);

/** The SOPs that use a workflow: by `workflow:` in the frontmatter first, then by drawing it. */
export function sopsOfWorkflow(sops: readonly SopDoc[], id: string): SopDoc[] {
  const declares = sops.filter((s) => s.data?.workflow === id);
  const draws = sops.filter((s) => !declares.includes(s) && s.uses.some((u) => (u.name === 'Workflow' && u.attributes.id === id) || (u.name === 'StepTable' && u.attributes.workflow === id)));
  return [...declares, ...draws];
}

/** SOPs naming workflows that do not exist, or scenarios their workflow does not have. */
function referenceRules(sops: readonly SopDoc[], modules: ReadonlyMap<string, LoadedWorkflow | undefined>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = [...modules.keys()].sort().join(', ') || 'none';
  // One machine, one SOP: it is checked against the first SOP's sections, forms and roles only,
  // and a second SOP declaring it was never checked (its errors showed once the first let go).
  const owner = new Map<string, SopDoc>();
  for (const sop of sops) {
    const declared = sop.data?.workflow;
    if (declared === undefined) continue;
    const first = owner.get(declared);
    if (!first) owner.set(declared, sop);
    else out.push(diagnostic('error', 'workflow/declared-twice', sop.file, `workflow: "${declared}" is already the workflow of ${first.file}: a machine is one SOP's procedure, checked against that SOP's sections, forms and roles; give this SOP its own (sopkit new workflow <id>), or remove the line and draw the other's with <Workflow id="${declared}" />`, sop.yaml.positionOf(['workflow'])));
  }
  for (const sop of sops) {
    const declared = sop.data?.workflow;
    if (declared && !modules.has(declared)) {
      out.push(diagnostic('error', 'workflow/unknown', sop.file, `workflow: "${declared}" names no file workflows/${declared}.machine.ts; known: ${known} (run \`sopkit new workflow ${declared}\`)`, sop.yaml.positionOf(['workflow'])));
    }
    for (const use of sop.uses) {
      const ref = use.name === 'Workflow' ? use.attributes.id : use.name === 'StepTable' || use.name === 'CaseStudy' ? use.attributes.workflow : undefined;
      if (ref === undefined) continue;
      if (!modules.has(ref)) {
        out.push(diagnostic('error', 'workflow/unknown', sop.file, `<${use.name} ${use.name === 'Workflow' ? 'id' : 'workflow'}="${ref}">: no file workflows/${ref}.machine.ts; known: ${known}`, use.at));
        continue;
      }
      const scenario = use.name === 'CaseStudy' ? use.attributes.scenario : undefined;
      const loaded = modules.get(ref);
      const path = use.name === 'Workflow' ? use.attributes.path : undefined;
      const problem = path !== undefined && loaded ? pathProblem(loaded, path) : undefined;
      if (problem) out.push(diagnostic('error', 'workflow/unknown-scenario', sop.file, problem, use.at));
      if (scenario !== undefined && loaded && !loaded.module.scenarios.some((s) => s.id === scenario)) {
        out.push(diagnostic('error', 'workflow/unknown-scenario', sop.file, `<CaseStudy scenario="${scenario}">: workflows/${ref}.machine.ts has no such scenario; known: ${loaded.module.scenarios.map((s) => s.id).join(', ') || 'none'}`, use.at));
      }
    }
  }
  return out;
}

/**
 * The workflow checks of `sopkit check`: every file in `workflows/` is loaded (a file that fails
 * to load is one positioned error, never a stack), each machine is checked (meta, reachability,
 * dead ends, scenarios, the SOP sections it covers), and SOP references to workflows are checked.
 * @param ctx The check context.
 */
export async function checkWorkflows(ctx: CheckContext): Promise<Diagnostic[]> {
  const { project } = ctx;
  const out: Diagnostic[] = [];
  const modules = new Map<string, LoadedWorkflow | undefined>();
  for (const abs of workflowFiles(project.root)) {
    const id = idOf(abs);
    // A folder or a broken link named like a workflow is one error; a file not saved as UTF-8
    // (its labels would show "�") is an error beside whatever its machine's checks find.
    const read = readSource(abs, relPath(project.root, abs));
    out.push(...read.diagnostics);
    if (read.text === undefined) {
      modules.set(id, undefined);
      continue;
    }
    const source = read.text;
    try {
      const loaded = await loadWorkflowFileInRun(project, project.root, abs);
      modules.set(id, loaded);
      const sops = sopsOfWorkflow(project.sops, id);
      // An SOP whose frontmatter does not validate may still name it (its own errors say what to fix).
      const namedByInvalid = project.sops.some((s) => !s.data && (s.yaml.data as { workflow?: unknown } | undefined)?.workflow === id);
      if (!sops.length && !namedByInvalid) {
        out.push(diagnostic('warning', 'workflow/no-sop', loaded.file, `no SOP uses this workflow: set workflow: ${id} in the frontmatter of the SOP that describes it, so its steps can be checked against the text`));
      }
      // Exploring the machine and running its scenarios calls the author's guards and actions.
      out.push(...(await runContentCode(loaded.file, 'running its guards and scenarios', () => checkMachine(project, loaded, source, sops[0]))));
    } catch (error) {
      modules.set(id, undefined);
      if (error instanceof WorkflowLoadError) out.push(diagnostic('error', error.code, error.file, error.detail, error.at));
      else out.push(diagnostic('error', 'workflow/import', relPath(project.root, abs), `cannot check the workflow: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
    }
  }
  out.push(...referenceRules(project.sops, modules));
  return out;
}
