import { statSync } from 'node:fs';
import { join } from 'node:path';
import { layout, listFiles, loadProject, type Project } from './project.ts';

/**
 * The project root: set by the Astro integration from `config.root` (the environment is shared
 * by the config bundle and the page bundles, which are separate module instances), else the
 * working directory.
 */
export function projectRoot(): string {
  return process.env.SOPKIT_ROOT ?? process.cwd();
}

/**
 * The loaded project, on `globalThis`: the Astro config bundle (the PDF integration) and the page
 * bundles are separate module instances in one process, and share one copy instead of each
 * loading (and holding) its own.
 */
const shared = globalThis as { __sopkitProject?: { key: string; project: Project } };

function signature(root: string): string {
  const files = [
    ...listFiles(join(root, layout.sops), '.mdx'),
    ...listFiles(join(root, layout.modules), '.mdx'),
    ...listFiles(join(root, layout.courses), '.yaml'),
    join(root, layout.glossary),
    join(root, layout.roles),
    join(root, layout.parameters),
    join(root, layout.site),
    // Consultation records and comment registers feed the life-cycle pages.
    ...['.yaml', '.csv', '.xlsx'].flatMap((ending) => listFiles(join(root, 'content/consultations'), ending)),
  ];
  return files
    .map((f) => {
      try {
        return `${f}:${statSync(f).mtimeMs}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
}

/**
 * The project, loaded once and reloaded only when a content file changes. Site components call
 * this many times per page; parsing every SOP each time would make the build quadratic.
 */
export function getProject(root: string = projectRoot()): Project {
  const key = `${root}#${signature(root)}`;
  if (shared.__sopkitProject?.key !== key) shared.__sopkitProject = { key, project: loadProject(root) };
  return shared.__sopkitProject.project;
}
