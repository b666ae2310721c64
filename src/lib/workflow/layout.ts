import { SopkitError } from '../errors.ts';
import type { LoadedWorkflow } from './load.ts';
import type { WorkflowLayout } from './layout-model.ts';

export type * from './layout-model.ts';

/** What the layout needs besides the machine. */
export interface LayoutOptions {
  /** Title of a role id (from content/roles.yaml), shown under each state's title. */
  roleTitle?: (roleId: string) => string | undefined;
}

/**
 * Lays out a workflow's diagram (ELK, in Node only) with text measured by the shared font
 * metrics, so the SVG on the page and the drawing in the PDF are the same.
 * @param loaded The workflow, as `loadWorkflow` returns it.
 * @param options Role titles.
 */
export async function layoutWorkflow(loaded: LoadedWorkflow, options: LayoutOptions = {}): Promise<WorkflowLayout> {
  void options;
  throw new SopkitError('workflow/layout', `${loaded.file}: the diagram layout is being implemented`);
}
