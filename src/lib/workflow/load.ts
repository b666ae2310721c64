import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { layout, listFiles, relPath } from '../content/project.ts';
import { SopkitError } from '../errors.ts';
import type { WorkflowModule } from './types.ts';

/** A workflow file, loaded. */
export interface LoadedWorkflow {
  /** Id from the file name: `workflows/birth-registration.machine.ts` → `birth-registration`. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  module: WorkflowModule;
}

const SUFFIX = '.machine.ts';

/** Absolute paths of every workflow file under a root. */
export function workflowFiles(root: string): string[] {
  return listFiles(join(root, layout.workflows), SUFFIX);
}

/**
 * Imports one workflow file (TypeScript, through tsx, so it works from the CLI, the Astro build
 * and vitest alike) and checks that it exports what DESIGN 4.2 asks for.
 */
export async function loadWorkflowFile(root: string, absPath: string): Promise<LoadedWorkflow> {
  const file = relPath(root, absPath);
  const id = absPath.slice(absPath.lastIndexOf('/') + 1, -SUFFIX.length);
  let mod: Partial<WorkflowModule>;
  try {
    mod = (await tsImport(pathToFileURL(absPath).href, import.meta.url)) as Partial<WorkflowModule>;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new SopkitError('workflow/import', `${file}: cannot load the module: ${message}`, { cause });
  }
  if (!mod.machine || typeof (mod.machine as { root?: unknown }).root !== 'object') {
    throw new SopkitError('workflow/no-machine', `${file}: export a machine: \`export const machine = setup({...}).createMachine({...})\``);
  }
  if (!Array.isArray(mod.scenarios)) {
    throw new SopkitError('workflow/no-scenarios', `${file}: export scenarios (an array, possibly empty): \`export const scenarios: Scenario[] = [...]\``);
  }
  return { id, file, module: mod as WorkflowModule };
}

/** Loads the workflow with an id, or says which ids exist. */
export async function loadWorkflow(root: string, id: string): Promise<LoadedWorkflow> {
  const abs = join(root, layout.workflows, `${id}${SUFFIX}`);
  if (!existsSync(abs)) {
    const known = workflowFiles(root).map((f) => f.slice(f.lastIndexOf('/') + 1, -SUFFIX.length));
    throw new SopkitError('workflow/unknown', `no workflow "${id}" in ${layout.workflows}/; known: ${known.join(', ') || 'none'}`);
  }
  return loadWorkflowFile(root, abs);
}
