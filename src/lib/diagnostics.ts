/** A problem found in the sources, with where it is and how bad it is. */
export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line; 1 when the whole file is concerned. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: 'error' | 'warning';
  /** Stable code, e.g. `sop/frontmatter`, `ref/unknown-section`. */
  code: string;
  /** What is wrong and what to do. */
  message: string;
}

/** A source position, as unist gives it. */
export interface Position {
  line: number;
  column: number;
}

/** Builds a diagnostic; the position defaults to the top of the file. */
export function diagnostic(
  severity: Diagnostic['severity'],
  code: string,
  file: string,
  message: string,
  at: Position = { line: 1, column: 1 },
): Diagnostic {
  return { file, line: at.line, column: at.column, severity, code, message };
}

/** Formats one diagnostic as `path:line:col  error  code  message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${d.message}`;
}

/** Sorts by file, then line, then column, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
