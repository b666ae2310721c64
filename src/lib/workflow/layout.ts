import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphOf, type WorkflowGraph } from './graph.ts';
import { layoutGraph, type LayoutDirection } from './elk-layout.ts';
import type { LoadedWorkflow } from './load.ts';
import type { WorkflowLayout } from './layout-model.ts';

export type * from './layout-model.ts';

/** What the layout needs besides the machine. */
export interface LayoutOptions {
  /** Title of a role id (from content/roles.yaml), shown under each state's title. */
  roleTitle?: (roleId: string) => string | undefined;
  /**
   * Folder for the on-disk cache (`.sopkit-cache/workflow-layout` under the project root by
   * default); `false` keeps the cache in memory only.
   */
  cacheDir?: string | false;
  /** Project root, for the default cache folder. */
  root?: string;
  /** `DOWN` (default: the web, portrait pages) or `RIGHT` (across a landscape page). */
  direction?: LayoutDirection;
  /**
   * The machine in another language's words (state titles, events, guards): its graph, and a
   * key naming those words (the label file's content), so each language has its own layout and
   * cache entry. Without it the machine's own words are laid out (and the key is unchanged).
   */
  words?: { graph: WorkflowGraph; key: string };
}

/** Bump when the layout code changes what it produces, so stale cached layouts are not reused. */
const LAYOUT_VERSION = 5;

const memory = new Map<string, Promise<WorkflowLayout>>();

/** Forgets the layouts kept in memory (the disk cache stays): for tests and long-running dev servers. */
export function forgetLayouts(): void {
  memory.clear();
}

function cacheKey(loaded: LoadedWorkflow, roles: string, root: string | undefined, words: string | undefined): string {
  let source = '';
  try {
    source = readFileSync(root ? join(root, loaded.file) : loaded.file, 'utf8');
  } catch {
    source = String(Math.random()); // no source to key on: never reuse
  }
  // Labels and time limits may print parameters (content/parameters.yaml): a new value is a new layout.
  let parameters = '';
  try {
    parameters = root ? readFileSync(join(root, 'content/parameters.yaml'), 'utf8') : '';
  } catch {
    // no parameters file
  }
  // Another language's words are appended, so the source language's key (and its cache files) stay as they were.
  const translated = words === undefined ? '' : `\0${words}`;
  return createHash('sha256').update(`${LAYOUT_VERSION}\0${loaded.id}\0${roles}\0${source}\0${parameters}${translated}`).digest('hex').slice(0, 24);
}

/**
 * Lays out a workflow's diagram (ELK, in Node only) with text measured by the shared font
 * metrics, so the SVG on the page and the drawing in the PDF are the same. Layouts are cached by
 * the machine file's content and, for another language, its words (in memory, and on disk under
 * `.sopkit-cache/`), so a build lays out each machine once per language.
 * @param loaded The workflow, as `loadWorkflow` returns it.
 * @param options Role titles and the cache folder.
 */
export function layoutWorkflow(loaded: LoadedWorkflow, options: LayoutOptions = {}): Promise<WorkflowLayout> {
  const graph = options.words?.graph ?? graphOf(loaded);
  const roleTitle = options.roleTitle ?? (() => undefined);
  const roles = [...new Set(graph.states.map((s) => s.meta?.role).filter((r): r is string => typeof r === 'string'))]
    .map((r) => `${r}=${roleTitle(r) ?? ''}`)
    .join('|');
  const root = options.root ?? process.cwd();
  const direction = options.direction ?? 'DOWN';
  const key = cacheKey(loaded, `${direction}|${roles}`, root, options.words?.key);
  const cached = memory.get(key);
  if (cached) return cached;
  const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? join(root, '.sopkit-cache', 'workflow-layout'));
  const file = dir ? join(dir, `${loaded.id}-${key}.json`) : undefined;
  const made = (async () => {
    if (file && existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as WorkflowLayout;
      } catch {
        // A damaged cache file is simply laid out again.
      }
    }
    const layout = await layoutGraph(loaded.id, graph, roleTitle, direction);
    if (dir && file) {
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, JSON.stringify(layout));
      } catch {
        // The cache is an optimisation: a read-only tree still builds.
      }
    }
    return layout;
  })();
  memory.set(key, made);
  return made;
}
