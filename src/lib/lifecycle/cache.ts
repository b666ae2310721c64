import type { Project } from '../content/project.ts';
import { loadLifecycle, type LifecycleModel } from './model.ts';

const cache = new WeakMap<Project, Promise<LifecycleModel>>();

/**
 * The life-cycle records of a loaded project, read once per project object: the site's pages ask
 * for them many times during a build, and `getProject()` returns the same object until a content
 * file changes.
 */
export function getLifecycle(project: Project): Promise<LifecycleModel> {
  let model = cache.get(project);
  if (!model) cache.set(project, (model = loadLifecycle(project)));
  return model;
}
