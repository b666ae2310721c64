import { statSync } from 'node:fs';
import { join } from 'node:path';
import { layout } from '../content/project.ts';
import { runtimePayloadFor } from '../params/payload.ts';
import { useParameters, type RuntimeParameters } from '../params/runtime.ts';
import { loadWorkflow, type LoadedWorkflow } from './load.ts';

const loaded = new Map<string, { mtime: number; value: Promise<LoadedWorkflow>; parameters: RuntimeParameters | undefined }>();

/**
 * A workflow, imported once per build and again only when its file changes: every SOP page
 * component that draws or tabulates a machine calls this.
 * @param root Project root.
 * @param id Workflow id.
 */
export function getWorkflow(root: string, id: string): Promise<LoadedWorkflow> {
  let mtime = -1;
  try {
    mtime = statSync(join(root, layout.workflows, `${id}.machine.ts`)).mtimeMs;
  } catch {
    // loadWorkflow says which ids exist.
  }
  try {
    // A machine reads its parameters when it is loaded: a new value means loading it again.
    mtime += statSync(join(root, layout.parameters)).mtimeMs;
  } catch {
    // no parameters file
  }
  const key = `${root}\0${id}`;
  const hit = loaded.get(key);
  // A machine's guards and context functions call param() when they run, not only when the
  // machine loads: they read the values of the project last loaded in this process. A machine
  // taken from the cache after another project's machine was loaded (the test workers keep their
  // modules from file to file) ran with that project's values, or failed on a parameter it lacks.
  if (hit && hit.mtime === mtime) {
    if (hit.parameters) useParameters(hit.parameters);
    return hit.value;
  }
  const value = loadWorkflow(root, id);
  let parameters: RuntimeParameters | undefined;
  try {
    parameters = runtimePayloadFor(root);
  } catch {
    parameters = undefined; // a parameters file that does not load: the loader says why
  }
  loaded.set(key, { mtime, value, parameters });
  return value;
}
