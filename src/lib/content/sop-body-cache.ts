import type { Project, SopDoc } from './project.ts';
import { sopBodySegments, type BodySegment } from './sop-body.ts';

/** Each loaded SOP's body pieces, made once: its page in every language shows the same body. */
const made = new WeakMap<SopDoc, Promise<BodySegment[]>>();

/** The SOP or translation loaded from a file (`content/sops/x.mdx`, `content/fr/sops/x.mdx`). */
function docAt(project: Project, file: string | undefined): SopDoc | undefined {
  const wanted = (file ?? '').replace(/\\/g, '/');
  return project.sops.find((s) => s.file === wanted) ?? Object.values(project.translations).flatMap((t) => t.sops).find((s) => s.file === wanted);
}

/**
 * The body pieces of the SOP page for a content entry's file (`entry.filePath`), from the tree
 * the project loaded (parsed once per build and kept in `.sopkit-cache/mdx/`).
 */
export async function sopBodyOf(project: Project, file: string | undefined): Promise<{ file: string; segments: BodySegment[] }> {
  const doc = docAt(project, file);
  if (!doc) throw new Error(`${file ?? 'an SOP entry'}: not loaded by the project (run sopkit check)`);
  let segments = made.get(doc);
  if (!segments) {
    segments = sopBodySegments(doc);
    made.set(doc, segments);
  }
  return { file: doc.file, segments: await segments };
}
