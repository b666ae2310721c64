import { statSync } from 'node:fs';
import { join } from 'node:path';
import { layout } from '../content/project.ts';
import { loadWorkflow, type LoadedWorkflow } from './load.ts';

const loaded = new Map<string, { mtime: number; value: Promise<LoadedWorkflow> }>();

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
  if (hit && hit.mtime === mtime) return hit.value;
  const value = loadWorkflow(root, id);
  loaded.set(key, { mtime, value });
  return value;
}
