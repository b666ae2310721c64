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
  if (result.success) return { value: result.data, yaml, diagnostics: [] };
  return {
    value: undefined,
    yaml,
    diagnostics: result.error.issues.map((issue) => {
      // An unknown key is reported where it is written, not at the top of its object.
      const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      const message = describeIssue(issue, yaml.data, yaml.sourceOf, (path) => fieldsAt(schema as ZodTypeAny, path), (path, key) => listsWithField(schema as ZodTypeAny, path, key));
      // Only an MDX file has a frontmatter: in site.yaml or a record, an unknown top-level field is the file's.
      return diagnostic('error', code, file, /\.mdx?$/.test(file) ? message : message.replace(/^frontmatter: /, ''), yaml.positionOf(at));
    }),
  };
}
