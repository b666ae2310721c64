import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project, SopDoc } from '../../content/project.ts';
import { isUserError } from '../../errors.ts';
import { pageCountOf } from '../../handbook/document.ts';
import type { WrittenPdf } from '../../handbook/write.ts';
import { compareSop, type SopDiff } from './compare.ts';
import { repoPath, repositoryRoot } from './git.ts';
import { versionsInGit } from './git-versions.ts';
import { renderRedlinePdf } from './redline-pdf.ts';
import { componentWords } from '../../content/component-words.ts';

/** The changes of an SOP since its previous version, or why there are none to show. */
export type PreviousChanges = { diff: SopDiff; previous: string } | { note: string };

/** The text the site's changes compare, in both editions: the SOP as the participant edition shows it, without trainer notes. */
const REVIEWED_TEXT = 'participant';

/** The version before the current one in an SOP's revision history (newest first). */
export function previousVersion(sop: SopDoc): string | undefined {
  const d = sop.data;
  return d?.history.find((h) => h.version !== d.version)?.version;
}

/**
 * The changes of each SOP (by root and id; the same in both editions) for the text they were computed from: a new
 * text replaces the entry, so a dev server that sees every saved version keeps one per SOP.
 */
const found = new Map<string, { source: string; value: Promise<PreviousChanges> }>();

async function compute(project: Project, sop: SopDoc): Promise<PreviousChanges> {
  const root = project.root;
  const previous = previousVersion(sop);
  if (!previous) return { note: `${sop.id}: no earlier version in its revision history` };
  try {
    const repoRoot = repositoryRoot(root);
    const versions = versionsInGit(repoRoot, repoPath(repoRoot, sop.absPath));
    if (!versions.some((v) => v.version === previous)) {
      return { note: `${sop.id}: ${previous} not in git` };
    }
    const words = componentWords(project, sop.data?.language ?? project.site?.language ?? 'en', sop.id);
    // The changes are for the people who review and approve the SOP's text: trainer notes (and
    // every component only the trainer edition has) are not SOP text, so both editions compare
    // the text the participant edition shows, and their pages and `<id>-changes.pdf` are the same.
    const diff = await compareSop(root, sop.id, { from: previous, edition: REVIEWED_TEXT, words });
    // Readers of the site and the printed redline know the text by its version, not as "the working tree".
    return { diff: { ...diff, to: { ...diff.to, label: diff.to.version ?? diff.to.label } }, previous };
  } catch (error) {
    if (isUserError(error)) return { note: `${sop.id}: ${error.message}` };
    throw error;
  }
}

/**
 * What changed in an SOP since the previous version of its revision history, when git has that
 * version; otherwise a note saying why not. Computed once per source text (the changes page, the
 * SOP page's link and the PDF step all ask).
 * @param project The loaded project (its root, and the words its components read as).
 * @param sop The SOP as loaded.
 */
export function changesSincePrevious(project: Project, sop: SopDoc): Promise<PreviousChanges> {
  const key = `${project.root}\0${sop.id}`;
  const hit = found.get(key);
  if (hit?.source === sop.source) return hit.value;
  const value = compute(project, sop);
  found.set(key, { source: sop.source, value });
  return value;
}

/** File name of an SOP's redline in the built site. */
export function changesFileName(id: string): string {
  return `${id}-changes.pdf`;
}

/**
 * Writes `<id>-changes.pdf` for every SOP whose previous version git has, and reports the others
 * through `note` (a build goes on without them).
 * @param project The loaded project.
 * @param o Output folder and where to send notes.
 */
export async function writeChangesPdfs(project: Project, o: { outDir: string; note?: (text: string) => void }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  const skipped: string[] = [];
  for (const sop of project.sops.filter((s) => s.data && s.tree)) {
    const result = await changesSincePrevious(project, sop);
    if ('note' in result) {
      skipped.push(result.note);
      continue;
    }
    const bytes = await renderRedlinePdf(result.diff, { ...(project.site?.organisation ? { organisation: project.site.organisation } : {}), ...(sop.data?.history[0] ? { date: sop.data.history[0].date } : {}) });
    const file = changesFileName(sop.id);
    mkdirSync(o.outDir, { recursive: true });
    writeFileSync(join(o.outDir, file), bytes);
    out.push({ file, bytes: bytes.length, pages: pageCountOf(bytes) ?? 0 });
  }
  if (skipped.length) o.note?.(`changes: no redline for ${skipped.length} SOP${skipped.length === 1 ? '' : 's'} (${skippedSummary(skipped)})`);
  return out;
}

/** How many SOPs a note names by id for each reason before it counts the rest. */
const NAMED = 5;

/**
 * The notes of SOPs without a redline (`<id>: <reason>`), grouped by reason, each naming its
 * first few SOPs and counting the others: one line whatever the size of the pack.
 */
export function skippedSummary(notes: readonly string[]): string {
  const byReason = new Map<string, string[]>();
  for (const note of notes) {
    const at = note.indexOf(': ');
    const [id, reason] = at > 0 ? [note.slice(0, at), note.slice(at + 2)] : [note, ''];
    byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  }
  return [...byReason]
    .map(([reason, ids]) => {
      const named = ids.length > NAMED + 1 ? `${ids.slice(0, NAMED).join(', ')} and ${ids.length - NAMED} more` : ids.join(', ');
      return reason ? `${named}: ${reason}` : named;
    })
    .join('; ');
}
