import type { ZodType, ZodTypeAny, ZodTypeDef } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { describeIssue, fieldsAt, listsWithField } from '../zod-messages.ts';
import { parseYamlWithPositions, type ParsedYaml } from './frontmatter.ts';

/** The result of validating YAML against a schema: the value if valid, and every problem. */
export interface Validated<T> {
  value: T | undefined;
  yaml: ParsedYaml;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML and validates it, turning each problem into a positioned one-line diagnostic.
 * @param yamlText The YAML source.
 * @param schema The zod schema.
 * @param file Path of the file, relative to the project root, for messages.
 * @param code Diagnostic code, e.g. `sop/frontmatter`.
 * @param firstLine File line on which the YAML starts.
 * @param parse The YAML parser: `parseYamlWithPositions`, or `parseYamlCached` (`yaml-cache.ts`)
 *   where Node parses the same files at every load.
 */
export function validateYaml<T>(
  yamlText: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  file: string,
  code: string,
  firstLine = 1,
  parse: (yaml: string, firstLine: number) => ParsedYaml = parseYamlWithPositions,
): Validated<T> {
  const yaml = parse(yamlText, firstLine);
  if (yaml.errors.length) {
    return {
      value: undefined,
      yaml,
      diagnostics: yaml.errors.map((e) =>
        diagnostic('error', 'yaml/syntax', file, `YAML syntax: ${e.message}`, e.at),
      ),
    };
  }
  const result = schema.safeParse(yaml.data);
  if (result.success) {
    // A list of plain words takes "a - b" as a value: the over-indented item went missing silently
    // (a course's second trainer printed as part of the first one's name).
    const swallowed = swallowedItems(yamlText, yaml).map((item) =>
      diagnostic('error', code, file, `line ${item.line} starts a "- " item indented more than the item above it (line ${item.above}), so YAML read the two as one value, "${item.value.length > 60 ? `${item.value.slice(0, 57)}...` : item.value}": indent it as the items above`, { line: item.line, column: item.column }),
    );
    return { value: result.data, yaml, diagnostics: swallowed };
  }
  return {
    value: undefined,
    yaml,
    diagnostics: result.error.issues.map((issue) => {
      // An unknown key is reported where it is written, not at the top of its object.
      const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      const message = describeIssue(issue, yaml.data, yaml.sourceOf, (path) => fieldsAt(schema as ZodTypeAny, path), (path, key) => listsWithField(schema as ZodTypeAny, path, key));
      // Only an MDX file has a frontmatter: in site.yaml or a record, an unknown top-level field is the file's.
      const said = /\.mdx?$/.test(file) ? message : message.replace(/^frontmatter: /, '');
      const item = overIndentedItem(yaml, at);
      if (item) return diagnostic('error', code, file, `${said}; line ${item.line} starts a "- " item indented more than the item above it (line ${item.above}), so YAML read the two as one value: indent it as the items above`, { line: item.line, column: item.column });
      return diagnostic('error', code, file, said, yaml.positionOf(at));
    }),
  };
}

/**
 * A list item indented deeper than the one above it (`- a` then `    - b`): YAML reads it as the
 * rest of the item above, one plain value "a - b", and the schema's error pointed at the line
 * above the one to fix. The line of the `- ` inside a value written over several lines without
 * quotes, and the line the value starts on.
 */
function overIndentedItem(yaml: ParsedYaml, path: readonly (string | number)[]): { line: number; column: number; above: number } | undefined {
  const source = yaml.sourceOf(path);
  // A quoted value keeps its "- " as text; one line has no item to blame.
  if (!source || /^["'|>]/.test(source) || !/\n/.test(source)) return undefined;
  const lines = source.split(/\r?\n/);
  const k = lines.findIndex((l, i) => i > 0 && /^\s*- /.test(l));
  if (k < 0) return undefined;
  const start = yaml.positionOf(path);
  return { line: start.line + k, column: /^\s*/.exec(lines[k]!)![0].length + 1, above: start.line + k - 1 };
}

/**
 * Every list item that an over-indented item below it was read into (`overIndentedItem`), in a
 * file that passed its schema. The text is scanned first (a line `- value` and under it a deeper
 * `- `), so a file without one costs no walk of its data and no positions.
 */
function swallowedItems(text: string, yaml: ParsedYaml): { line: number; column: number; above: number; value: string }[] {
  const lines = text.split(/\r?\n/);
  const indent = (l: string) => /^ */.exec(l)![0].length;
  const suspect = lines.some((l, i) => /^ *- +[^\s"'{[|>&*!%@`#-]/.test(l) && /^ +- /.test(lines[i + 1] ?? '') && indent(lines[i + 1]!) > indent(l));
  if (!suspect) return [];
  const out: { line: number; column: number; above: number; value: string }[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (typeof v === 'string') {
          const item = overIndentedItem(yaml, [...path, i]);
          if (item) out.push({ ...item, value: v });
        } else walk(v, [...path, i]);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(yaml.data, []);
  return out;
}

/**
 * The messages of a list file's entries named by their ids: "[0]: unknown field foo" reads
 * "term civil-registration: unknown field foo", "[3].value: ..." reads "parameter x, value: ...".
 * An author counts no entries from zero; an entry with no id keeps its number, counted from one.
 * @param diagnostics The file's diagnostics (others pass unchanged).
 * @param data The parsed file.
 * @param noun What an entry is: "parameter", "term", "role".
 */
export function nameListEntries(diagnostics: readonly Diagnostic[], data: unknown, noun: string): Diagnostic[] {
  const entries = Array.isArray(data) ? (data as unknown[]) : [];
  return diagnostics.map((d) => {
    const match = /^\[(\d+)\](\.|: )?/.exec(d.message);
    if (!match) return d;
    const i = Number(match[1]);
    const id = (entries[i] as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' && id ? `${noun} ${id}` : `${noun} ${i + 1} in the list`;
    const rest = d.message.slice(match[0].length);
    return { ...d, message: match[2] === ': ' ? `${name}: ${rest}` : `${name}, ${rest}` };
  });
}
