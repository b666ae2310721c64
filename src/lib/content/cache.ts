import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layout, listFiles, loadProject, type Project } from './project.ts';
import { translationLayout } from '../translation/paths.ts';
import { projectIn } from '../translation/localize.ts';

/** The translation files of every folder under `content/` that names a language (two or three letters). */
function translationFiles(root: string): string[] {
  const langs = existsSync(join(root, 'content')) ? readdirSync(join(root, 'content')).filter((n) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(n)) : [];
  return langs.flatMap((lang) => {
    const p = translationLayout(lang);
    return [
      ...listFiles(join(root, p.sops), '.mdx'),
      ...listFiles(join(root, p.modules), '.mdx'),
      ...listFiles(join(root, p.courses), '.yaml'),
      ...listFiles(join(root, p.dryruns), '.yaml'),
      ...listFiles(join(root, p.dryruns), '.yml'),
      ...listFiles(join(root, p.workflows), '.yaml'),
      ...listFiles(join(root, p.quizzes), '.yaml'),
      join(root, p.glossary),
      join(root, p.roles),
      join(root, p.parameters),
    ];
  });
}

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
 * loading (and holding) its own. `held` is set while a build renders (`holdProject`).
 */
const shared = globalThis as { __sopkitProject?: { root: string; key: string; project: Project }; __sopkitHeld?: string };

function signature(root: string): string {
  const files = [
    ...listFiles(join(root, layout.sops), '.mdx'),
    ...listFiles(join(root, layout.modules), '.mdx'),
    ...listFiles(join(root, layout.courses), '.yaml'),
    join(root, layout.glossary),
    join(root, layout.roles),
    join(root, layout.parameters),
    join(root, layout.site),
    // Translations (content/<lang>/..., workflows/<lang>/, quizzes/<lang>/).
    ...translationFiles(root),
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
 * this many times per page; parsing every SOP each time would make the build quadratic. Outside
 * a build (dev server, CLI, tests) each call compares the modification times of the sources; while
 * a build holds the project (`holdProject`) it is loaded once and returned as it is: comparing
 * the times of every source on every call cost half the render stage of a 300-SOP build.
 */
export function getProject(root: string = projectRoot()): Project {
  const cached = shared.__sopkitProject;
  if (cached?.root === root && shared.__sopkitHeld === root) return cached.project;
  const key = signature(root);
  if (cached?.root === root && cached.key === key) return cached.project;
  const project = loadProject(root);
  shared.__sopkitProject = { root, key, project };
  return project;
}

/**
 * Tells `getProject` that the sources under a root do not change until `releaseProject()`: a
 * build reads them as they were when it started. The project is read again on the first call
 * after this one if a source changed since it was loaded.
 * @param root Project root.
 */
export function holdProject(root: string): void {
  shared.__sopkitHeld = undefined;
  getProject(root);
  shared.__sopkitHeld = root;
}

/** Ends `holdProject`: `getProject` compares the sources' times again on each call. */
export function releaseProject(): void {
  shared.__sopkitHeld = undefined;
}

/**
 * The project as a reader of a language sees it (`projectIn`): components of a translated page
 * call this with the page's language.
 * @param lang Language code; the source language (or none) gives the project itself.
 */
export function getProjectIn(lang: string | undefined, root: string = projectRoot()): Project {
  const project = getProject(root);
  return lang ? projectIn(project, lang) : project;
}

/**
 * What a page that exists in every locale reads: the source project and its language, the page's
 * language (the site's when the page is the source's) and the project as that reader sees it.
 * @param lang The `lang` a localized page passes; none for the source's page.
 */
export function readerView(lang: string | undefined): { source: Project; sourceLang: string; lang: string; project: Project } {
  const source = getProject();
  const sourceLang = source.locales[0]?.code ?? 'en';
  return { source, sourceLang, lang: lang ?? source.site?.language ?? sourceLang, project: lang ? getProjectIn(lang) : source };
}
