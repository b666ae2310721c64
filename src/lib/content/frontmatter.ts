import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Alias, type Document, type Node as YamlNode } from 'yaml';
import type { Position } from '../diagnostics.ts';

/** A file split into its YAML frontmatter and its body, with positions kept. */
export interface SplitSource {
  /** The YAML text between the `---` fences ('' when there is none). */
  yaml: string;
  /** The body, with the frontmatter lines blanked so that line numbers stay those of the file. */
  body: string;
  /** Line of the first YAML line in the file (2 when the file starts with `---`). */
  yamlLine: number;
}

/** Splits `---\nyaml\n---\nbody`; the body keeps the file's line numbers. */
export function splitFrontmatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { yaml: '', body: text, yamlLine: 1 };
  const head = match[0];
  const blank = '\n'.repeat(head.split('\n').length - 1);
  return { yaml: match[1] ?? '', body: blank + text.slice(head.length), yamlLine: 2 };
}

/**
 * Why a file has no frontmatter, for its error: a file that opens with `---` and never closes it
 * was told to "start the file with ---", which it does.
 * @param source The file's text.
 * @param fields What the frontmatter holds, for the message ("the SOP fields").
 * @param template The `sopkit new` command that writes a template.
 */
export function noFrontmatterMessage(source: string, fields: string, template: string): string {
  if (/^---[ \t]*\r?\n/.test(source.replace(/^\uFEFF/, ''))) return `the frontmatter opened by --- on line 1 is never closed: add a line with only --- after the last field, before the text`;
  return `no frontmatter: start the file with --- and ${fields} (run \`${template}\` for a template)`;
}

/** Parsed YAML with a way back from a data path to a line and column. */
export interface ParsedYaml {
  data: unknown;
  /** Syntax errors, with positions in the file. */
  errors: { message: string; at: Position }[];
  /** Position of the value at a path (or of its nearest existing parent). */
  positionOf(path: readonly (string | number)[]): Position;
  /** The text the author wrote for the scalar at a path (`1.0`, not the number 1), if any. */
  sourceOf(path: readonly (string | number)[]): string | undefined;
}

/** Most copies aliases may make of one anchor's data: plenty for real files, nothing for a bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * The alias to blame when aliases expand too much: the first one whose anchor holds aliases
 * itself (the nesting that makes a bomb), else the first alias.
 */
function blamedAlias(doc: Document.Parsed): Alias | undefined {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_, node) => void aliases.push(node) });
  const nested = aliases.find((alias) => {
    const target = alias.resolve(doc);
    let holds = false;
    if (target) visit(target as never, { Alias: () => ((holds = true), visit.BREAK) });
    return holds;
  });
  return nested ?? aliases[0];
}

/**
 * Turns the document into data. Aliases that expand past `MAX_ALIAS_COUNT` copies (a "billion
 * laughs" file) and anything else the YAML library refuses become a positioned error.
 */
function toData(doc: Document.Parsed, at: (offset: number) => Position): { data?: unknown; error?: { message: string; at: Position } } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (cause) {
    const alias = /alias count/i.test(String(cause)) ? blamedAlias(doc) : undefined;
    if (alias) {
      return { error: { message: `alias *${alias.source} makes more than ${MAX_ALIAS_COUNT} copies of its data (aliases inside aliases); write the values out instead`, at: at(alias.range?.[0] ?? 0) } };
    }
    return { error: { message: `cannot read the data: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`, at: at(0) } };
  }
}

/**
 * Parses YAML keeping node ranges, so a schema error can be reported at the field's line.
 * (Code that runs in Node and parses the same files again and again uses `parseYamlCached`,
 * `yaml-cache.ts`; this module stays free of Node's modules, as browser scripts reach it.)
 * @param yaml The YAML text.
 * @param firstLine The file line on which the text starts.
 */
export function parseYamlWithPositions(yaml: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? e.message,
    at: toPosition(e.pos[0]),
  }));
  const converted = errors.length ? {} : toData(doc, toPosition);
  if (converted.error) errors.push(converted.error);
  const nodeAt = (path: readonly (string | number)[]): YamlNode | undefined => {
    let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
    for (const key of path) {
      if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as YamlNode | null;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key] as YamlNode | undefined;
      else return undefined;
    }
    return node ?? undefined;
  };
  return {
    data: errors.length ? undefined : converted.data,
    errors,
    sourceOf(path) {
      const node = nodeAt(path);
      if (!isScalar(node) || !node.range) return undefined;
      return yaml.slice(node.range[0], node.range[1]);
    },
    positionOf(path) {
      let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
      let best = node?.range ? toPosition(node.range[0]) : { line: firstLine, column: 1 };
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
          if (!pair) break;
          const keyNode = pair.key as YamlNode;
          if (keyNode.range) best = toPosition(keyNode.range[0]);
          node = pair.value as YamlNode | null;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key] as YamlNode | undefined;
          if (node?.range) best = toPosition(node.range[0]);
          else break;
        } else break;
      }
      return best;
    },
  };
}
