import { parseYamlWithPositions, type ParsedYaml } from './frontmatter.ts';
import { cachedParse, type ParserKind } from './parse-cache.ts';

/** YAML data in `.sopkit-cache/yaml/`, by the hash of the text and the `yaml` package's version. */
const YAML_PARSER: ParserKind = { dir: 'yaml', format: 1, packages: ['yaml'] };

/**
 * `parseYamlWithPositions` with the data of YAML without errors cached by the hash of its text
 * (`cachedParse`, in memory and in `.sopkit-cache/yaml/`). Loading a project parses every SOP's
 * frontmatter and `parameters.yaml`, and a build loads it three times (its check, its pages, its
 * PDFs): YAML was 40 % of a load at 300 SOPs. A cached result parses the text again, once, only
 * when a position or a source text is asked for (a diagnostic at a field). Text with errors is
 * parsed every time. Node only (the cache is on disk).
 * @param yaml The YAML text.
 * @param firstLine The file line on which the text starts.
 */
export function parseYamlCached(yaml: string, firstLine = 1): ParsedYaml {
  let parsed: ParsedYaml | undefined;
  const cached = cachedParse(
    yaml,
    () => {
      parsed = parseYamlWithPositions(yaml, firstLine);
      return parsed.errors.length ? undefined : { data: parsed.data };
    },
    YAML_PARSER,
  );
  if (parsed) return parsed;
  if (!cached) return parseYamlWithPositions(yaml, firstLine);
  let full: ParsedYaml | undefined;
  const positions = () => (full ??= parseYamlWithPositions(yaml, firstLine));
  return {
    data: cached.data,
    errors: [],
    sourceOf: (path) => positions().sourceOf(path),
    positionOf: (path) => positions().positionOf(path),
  };
}
