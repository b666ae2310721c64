import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { consultationSchema, type Consultation } from '../../schemas/consultation.ts';
import { listFiles, relPath } from '../content/project.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { readSource } from '../content/read-source.ts';
import { validateYaml } from '../content/validate.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** Where consultation records and their registers live, relative to the project root. */
export const consultationsDir = 'content/consultations';

/** One `content/consultations/<id>.yaml`, validated. */
export interface ConsultationDoc {
  /** Id from the file name. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** Validated record; undefined when it has errors. */
  data: Consultation | undefined;
  yaml: ParsedYaml;
}

/** The path of a consultation's register relative to the project root. */
export function registerPath(register: string): string {
  return `${consultationsDir}/${register}`;
}

/**
 * Reads every consultation record of a project (ARCHITECTURE.md, Formats: consultation).
 * @param root Project root.
 */
export function loadConsultations(root: string): { docs: ConsultationDoc[]; diagnostics: Diagnostic[] } {
  const docs: ConsultationDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  const dir = join(root, consultationsDir);
  if (!existsSync(dir)) return { docs, diagnostics };
  for (const abs of [...listFiles(dir, '.yaml'), ...listFiles(dir, '.yml')]) {
    const file = relPath(root, abs);
    const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
    const read = readSource(abs, file);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const v = validateYaml(read.text, consultationSchema, file, 'consultation/schema');
    diagnostics.push(...v.diagnostics);
    docs.push({ id, file, data: v.value, yaml: v.yaml });
  }
  return { docs: docs.sort((a, b) => (a.data?.date ?? '').localeCompare(b.data?.date ?? '') || a.id.localeCompare(b.id)), diagnostics };
}
