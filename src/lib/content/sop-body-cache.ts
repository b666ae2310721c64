import { join } from 'node:path';
import { codeKey, fileKey } from './mdx-compile-key.ts';
import { pruneCompiled, readCompiled, writeCompiled } from './mdx-compile-store.ts';
import type { Project, SopDoc } from './project.ts';
import { remarkSopInputs } from './remark-sop.ts';
import { sopBodySegments, type BodySegment } from './sop-body.ts';

/** Bump when the pieces stored, or how they are made, change in a way the code key cannot see. */
const SOP_BODY_FORMAT = 1;

/** Each loaded SOP's body pieces, made once: its page in every language shows the same body. */
const made = new WeakMap<SopDoc, Promise<BodySegment[]>>();

/**
 * What this process made and reused, on `globalThis`: the pages (which make the bodies) and the
 * integration that reports at the end of the build are separate module instances.
 */
const shared = globalThis as typeof globalThis & { __sopkitBodies?: { made: number; reused: number; code?: { root: string; key: string } } };
const counts = () => (shared.__sopkitBodies ??= { made: 0, reused: 0 });

/** The folder of the stored bodies under a project root. */
export function sopBodyDir(root: string): string {
  return join(root, '.sopkit-cache', 'sop-body');
}

/** Each loaded project's SOPs and translations by file, made on its first page. */
const byFile = new WeakMap<Project, Map<string, SopDoc>>();

/** The SOP or translation loaded from a file (`content/sops/x.mdx`, `content/fr/sops/x.mdx`). */
function docAt(project: Project, file: string | undefined): SopDoc | undefined {
  let index = byFile.get(project);
  if (!index) {
    index = new Map([...project.sops, ...Object.values(project.translations).flatMap((t) => t.sops)].map((d) => [d.file, d]));
    byFile.set(project, index);
  }
  return index.get((file ?? '').replace(/\\/g, '/'));
}

/**
 * The key of a body: the code that makes it and the packages it runs (`codeKey`: our `src/lib`,
 * `src/schemas` and `src/i18n`, Astro's markdown pipeline, the lock file and the Astro config),
 * the file's path and text, and what `remarkSop` reads from the project for it (the site
 * language, the parameters it names, a translation's source anchors), the same inputs the MDX
 * compile cache keys on. The components are rendered by the page, so nothing they read is in it.
 */
function bodyKey(project: Project, doc: SopDoc): string {
  const c = counts();
  if (c.code?.root !== project.root) c.code = { root: project.root, key: codeKey(project.root, `sop-body ${SOP_BODY_FORMAT}`) };
  return fileKey(c.code.key, doc.absPath, doc.source, remarkSopInputs(doc.absPath, doc.source, project));
}

/** A body read back from `.sopkit-cache/sop-body/`, or made and stored there. */
async function bodyOf(project: Project, doc: SopDoc): Promise<BodySegment[]> {
  const dir = sopBodyDir(project.root);
  const key = bodyKey(project, doc);
  const hit = readCompiled(dir, doc.absPath, key);
  if (hit) {
    counts().reused++;
    return JSON.parse(hit.code) as BodySegment[];
  }
  const segments = await sopBodySegments(doc);
  counts().made++;
  writeCompiled(dir, doc.absPath, key, { code: JSON.stringify(segments) });
  return segments;
}

/**
 * The body pieces of the SOP page for a content entry's file (`entry.filePath`): made once per
 * loaded SOP from the tree the project parsed, and kept in `.sopkit-cache/sop-body/` under the
 * hash of everything they depend on, so a rebuild makes only the bodies of edited files.
 */
export async function sopBodyOf(project: Project, file: string | undefined): Promise<{ file: string; segments: BodySegment[] }> {
  const doc = docAt(project, file);
  if (!doc) throw new Error(`${file ?? 'an SOP entry'}: not loaded by the project (run sopkit check)`);
  let segments = made.get(doc);
  if (!segments) {
    segments = bodyOf(project, doc);
    made.set(doc, segments);
  }
  return { file: doc.file, segments: await segments };
}

/**
 * How many bodies this build made and read back, counted from zero again; drops the stored
 * bodies of files that are gone. Called when a build ends.
 * @param root The project root.
 */
export function finishSopBodies(root: string): { made: number; reused: number } {
  const c = counts();
  const done = { made: c.made, reused: c.reused };
  c.made = 0;
  c.reused = 0;
  pruneCompiled(sopBodyDir(root));
  return done;
}
