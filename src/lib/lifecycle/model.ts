import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../content/project.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { CommentRecord } from './comments.ts';
import { loadConsultations, registerPath, type ConsultationDoc } from './consultations.ts';
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
  const checked = checkRegisters(registers, project, outlineLookup(project));
  const comments = checked.comments.map((c) => ({ ...c, consultation: owner.get(c.file) }));
  return { consultations: docs, comments, problems: checked.problems, diagnostics, missingRegisters, dryRuns: readDryRunSummaries(project.root) };
}

/** The comments a consultation's registers hold. */
export function commentsOf(model: LifecycleModel, consultationId: string): CommentRecord[] {
  return model.comments.filter((c) => c.consultation === consultationId);
}
