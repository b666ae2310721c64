import type { ZodIssue } from 'zod';

/** Reads the value at a path in plain data, for "found ..." in messages. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The field path as authors write it: `approval.date`, `history[0].version`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

/**
 * One sentence for a zod issue: the field, the value found and what is allowed.
 * @param issue The zod issue.
 * @param data The data that was validated, to quote the value found.
 * @param sourceOf The author's text at a path, so `1.0` is quoted as written rather than as the number 1.
 */
export function describeIssue(
  issue: ZodIssue,
  data: unknown,
  sourceOf: (path: (string | number)[]) => string | undefined = () => undefined,
): string {
  const field = fieldPath(issue.path);
  const written = sourceOf(issue.path);
  const found = written !== undefined && typeof valueAt(data, issue.path) !== 'string' ? written : show(valueAt(data, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return `${field}: missing; required (${issue.expected})`;
      return `${field}: found ${found}; expected ${issue.expected}`;
    case 'invalid_enum_value':
      return `${field}: found ${found}; allowed: ${issue.options.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `${field === '(top level)' ? 'frontmatter' : field}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}; remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'too_small':
      if (issue.type === 'array') return `${field}: found ${found}; needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      return `${field}: found ${found}; must be at least ${String(issue.minimum)} characters`;
    case 'invalid_string':
    case 'custom':
      return `${field}: found ${found}; expected ${issue.message}`;
    default:
      return `${field}: found ${found}; ${issue.message}`;
  }
}
