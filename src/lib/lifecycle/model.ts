import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, relPath, type Project } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { CommentRecord } from './comments.ts';
import { consultationsDir, loadConsultations, registerPath, type ConsultationDoc } from './consultations.ts';
import { readDryRunSummaries, type DryRunSummary } from './dryruns.ts';
import { checkRegisters } from './register-check.ts';
import { readRegister, type Register, type RegisterProblem } from './register-read.ts';
import { outlineLookup } from './versions.ts';

/** The life-cycle records of a project, read and checked once for the checker, the pages and the PDFs. */
export interface LifecycleModel {
  consultations: ConsultationDoc[];
  /** Every comment of every register named by a consultation, in register and row order. */
  comments: CommentRecord[];
  /** Problems in the registers, by file, row and column. */
  problems: RegisterProblem[];
  /** Problems in the consultation records (schema). */
  diagnostics: Diagnostic[];
  /** Register files named by a consultation that do not exist: `{ consultation, index, path }`. */
  missingRegisters: { consultation: ConsultationDoc; index: number; path: string }[];
  dryRuns: DryRunSummary[];
}

/**
 * Reads the consultations, their comment registers (each file once, even when two consultations
 * name it) and the dry-run summaries, and checks every register row against the SOP versions.
 * @param project The loaded project.
 */
export async function loadLifecycle(project: Project): Promise<LifecycleModel> {
  const { docs, diagnostics } = loadConsultations(project.root);
  const registers: Register[] = [];
  const owner = new Map<string, string>();
  const missingRegisters: LifecycleModel['missingRegisters'] = [];
  for (const doc of docs) {
    for (const [index, name] of (doc.data?.comments ?? []).entries()) {
      const path = registerPath(name);
      if (owner.has(path)) continue;
      if (!existsSync(join(project.root, path))) {
        missingRegisters.push({ consultation: doc, index, path });
        continue;
      }
      owner.set(path, doc.id);
      registers.push(await readRegister(join(project.root, path), path));
    }
  }
  // A register dropped into the folder that no record names is read by nothing: its open comments
  // escaped the approval gate without a word. (Not said while a record does not validate: its
  // comments list is not known.)
  if (docs.every((d) => d.data)) {
    for (const abs of registersUnder(join(project.root, consultationsDir))) {
      const path = relPath(project.root, abs);
      if (owner.has(path)) continue;
      diagnostics.push(diagnostic('warning', 'register/unlisted', path, `no consultation record names this comment register, so its comments are not checked and an SOP with open comments in it can pass as approved; add it under comments: in the record of the consultation it came from (${consultationsDir}/<id>.yaml), or move it out of ${consultationsDir}/`));
    }
  }
  const checked = checkRegisters(registers, project, outlineLookup(project));
  const comments = checked.comments.map((c) => ({ ...c, consultation: owner.get(c.file) }));
  return { consultations: docs, comments, problems: checked.problems, diagnostics, missingRegisters, dryRuns: readDryRunSummaries(project.root) };
}

/** The comments a consultation's registers hold. */
export function commentsOf(model: LifecycleModel, consultationId: string): CommentRecord[] {
  return model.comments.filter((c) => c.consultation === consultationId);
}

/**
 * The comment registers (`.csv`, `.xlsx`) in a folder and the folders under it: a record may name
 * one in a subfolder (\`returned/unhcr.csv\`), and one dropped there that none names escaped the
 * warning, and so the approval gate.
 */
function registersUnder(dir: string, depth = 0): string[] {
  const here = ['.csv', '.xlsx'].flatMap((ending) => listFiles(dir, ending));
  if (depth >= 4) return here;
  const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_')) : [];
  return [...here, ...folders.flatMap((e) => registersUnder(join(dir, e.name), depth + 1))];
}
