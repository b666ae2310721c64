import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { evaluationSchema, type Evaluation } from '../../../schemas/evaluation.ts';
import type { ParsedYaml } from '../../content/frontmatter.ts';
import { layout, listFiles, relPath } from '../../content/project.ts';
import { readSource } from '../../content/read-source.ts';
import { validateYaml } from '../../content/validate.ts';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../../diagnostics.ts';
import { SopkitError } from '../../errors.ts';
import { evaluationRules } from './rules.ts';
import { knownIds } from '../../known-ids.ts';

/** Where session evaluation forms live (ARCHITECTURE.md, Formats: evaluation). */
export const evaluationsDir = `${layout.quizzes}/evaluations`;

/** One evaluation form file, parsed and validated against the schema. */
export interface EvaluationDoc {
  /** Id from the file name: `quizzes/evaluations/registry-officers.yaml` → `registry-officers`. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** The form, or undefined when the YAML or the schema rejected it. */
  evaluation: Evaluation | undefined;
  /** The YAML with positions, to report a rule at its line. */
  yaml: ParsedYaml;
  /** YAML syntax and schema problems, and the id check. */
  diagnostics: Diagnostic[];
}

/** Absolute paths of the evaluation files under a root. */
export function evaluationFiles(root: string): string[] {
  const dir = join(root, evaluationsDir);
  return [...listFiles(dir, '.yaml'), ...listFiles(dir, '.yml')].sort();
}

/**
 * Reads and validates one evaluation file.
 * @param root Project root, for the relative path in messages.
 * @param absPath Absolute path of the YAML file.
 */
export function loadEvaluationFile(root: string, absPath: string): EvaluationDoc {
  const file = relPath(root, absPath);
  const id = basename(absPath).replace(/\.ya?ml$/, '');
  // Read as every source is: a folder with the name or bytes that are not UTF-8 are said so.
  const read = readSource(absPath, file);
  const validated = validateYaml((read.text ?? '').replace(/^\uFEFF/, ''), evaluationSchema, file, 'evaluation/schema');
  if (read.text === undefined) return { id, file, evaluation: undefined, yaml: validated.yaml, diagnostics: read.diagnostics };
  const diagnostics = [...read.diagnostics, ...validated.diagnostics];
  if (validated.value && validated.value.id !== id) {
    diagnostics.push(diagnostic('error', 'evaluation/id-mismatch', file, `id: found "${validated.value.id}"; it must equal the file name "${id}"`, validated.yaml.positionOf(['id'])));
  }
  return { id, file, evaluation: validated.value, yaml: validated.yaml, diagnostics };
}

/** Every evaluation form under `quizzes/evaluations/`, in file-name order. */
export function loadEvaluations(root: string): EvaluationDoc[] {
  return evaluationFiles(root).map((abs) => loadEvaluationFile(root, abs));
}

/** Every problem of a form on its own (schema, id, rules), as positioned diagnostics. */
export function evaluationDiagnostics(doc: EvaluationDoc): Diagnostic[] {
  const rules = doc.evaluation ? evaluationRules(doc.evaluation) : [];
  return [...doc.diagnostics, ...rules.map((i) => diagnostic(i.severity, i.code, doc.file, i.message, doc.yaml.positionOf(i.path)))];
}

/**
 * The evaluation form with an id, valid, or one clear error (the first problem, with its line).
 * @param root Project root.
 * @param id Evaluation id.
 */
export function resolveEvaluation(root: string, id: string): EvaluationDoc & { evaluation: Evaluation } {
  const abs = [join(root, evaluationsDir, `${id}.yaml`), join(root, evaluationsDir, `${id}.yml`)].find((p) => existsSync(p));
  if (!abs) {
    const known = evaluationFiles(root).map((f) => basename(f).replace(/\.ya?ml$/, ''));
    throw new SopkitError('evaluation/unknown', `no evaluation form "${id}" in ${evaluationsDir}/; known: ${knownIds(root, known)} (run \`sopkit new evaluation ${id}\`)`);
  }
  const doc = loadEvaluationFile(root, abs);
  const errors = evaluationDiagnostics(doc).filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first || !doc.evaluation) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run \`sopkit check\`)` : '';
    throw new SopkitError('evaluation/invalid', `${first ? formatDiagnostic(first) : `${doc.file}: not a valid evaluation form`}${more}`);
  }
  return { ...doc, evaluation: doc.evaluation };
}

/** The forms the site publishes: every one without errors (`sopkit check` reports the others and stops the build). */
export function publishedEvaluations(root: string): Evaluation[] {
  return loadEvaluations(root).flatMap((doc) => (doc.evaluation && !evaluationDiagnostics(doc).some((d) => d.severity === 'error') ? [doc.evaluation] : []));
}
