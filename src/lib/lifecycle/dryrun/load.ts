import { existsSync } from 'node:fs';
import { readSource } from '../../content/read-source.ts';
import { join } from 'node:path';
import { listFiles, relPath } from '../../content/project.ts';
import type { ParsedYaml } from '../../content/frontmatter.ts';
import { validateYaml } from '../../content/validate.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { SopkitError } from '../../errors.ts';
import { dryRunSchema, type DryRun } from '../../../schemas/dryrun.ts';
import { knownIds } from '../../known-ids.ts';

/** Where dry-run records live, relative to the project root. */
export const dryRunsFolder = 'content/dryruns';

/** One dry-run record, read and validated. */
export interface DryRunDoc {
  /** Id from the file name (`birth-registration-2025`). */
  id: string;
  /** Path relative to the project root. */
  file: string;
  absPath: string;
  /** Validated record; undefined when it has errors. */
  data: DryRun | undefined;
  yaml: ParsedYaml;
  /** Schema and syntax problems, positioned. */
  diagnostics: Diagnostic[];
}

/** Reads one record file. */
export function readDryRun(root: string, absPath: string): DryRunDoc {
  const file = relPath(root, absPath);
  const id = absPath.slice(absPath.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
  // A folder named like a record, a link loop or another encoding: one error at the path, not a crash.
  const read = readSource(absPath, file);
  const v = validateYaml(read.text ?? '', dryRunSchema, file, 'dryrun/schema');
  if (read.text === undefined) return { id, file, absPath, data: undefined, yaml: v.yaml, diagnostics: read.diagnostics };
  return { id, file, absPath, data: v.value, yaml: v.yaml, diagnostics: [...read.diagnostics, ...v.diagnostics] };
}

/** Every record under `content/dryruns/`, sorted by id. */
export function loadDryRuns(root: string): DryRunDoc[] {
  const dir = join(root, dryRunsFolder);
  return [...listFiles(dir, '.yaml'), ...listFiles(dir, '.yml')].sort().map((abs) => readDryRun(root, abs));
}

/**
 * The record with an id, valid, or a one-line error: unknown id (listing the known ones) or a
 * record with errors (pointing at `sopkit check`).
 */
export function loadDryRun(root: string, id: string): DryRunDoc & { data: DryRun } {
  const all = loadDryRuns(root);
  const doc = all.find((d) => d.id === id);
  if (!doc) throw new SopkitError('dryrun/unknown', `no dry run "${id}" in ${dryRunsFolder}/; known: ${knownIds(root, all.map((d) => d.id))}`);
  if (!doc.data) throw new SopkitError('dryrun/invalid', `${doc.diagnostics[0] ? `${doc.file}:${doc.diagnostics[0].line}:${doc.diagnostics[0].column}: ${doc.diagnostics[0].message}` : `${doc.file} has errors`}; run \`sopkit check\``);
  return doc as DryRunDoc & { data: DryRun };
}

/** Absolute path of a record's results file (relative to the record), if it names one. */
export function resultsPath(doc: DryRunDoc): string | undefined {
  const results = doc.data?.results;
  return results ? join(doc.absPath, '..', results) : undefined;
}

/** True when the results file a record names exists. */
export function hasResults(doc: DryRunDoc): boolean {
  const path = resultsPath(doc);
  return path !== undefined && existsSync(path);
}
