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
/** What the YAML parser says when a line is indented out of step with its neighbours. */
const INDENTATION = /^(Nested mappings are not allowed in compact mappings|Implicit keys need to be on a single line|Sequence item without - indicator|All mapping items must start at the same column|Unexpected scalar at node end)/;

/**
 * The parser's words for a mis-indented line ("Nested mappings are not allowed in compact
 * mappings", at the line above the one indented one space too far) made into what to do: the
 * line whose indentation differs from the line before it, named once, with both indentations; a
 * tab at the start of a line said as such. Other errors pass unchanged.
 */
function indentationErrors(yaml: string, firstLine: number, errors: { message: string; at: Position }[]): { message: string; at: Position }[] {
  const lines = yaml.split(/\r?\n/);
  // The column a line's key starts in: "- id: x" has its key at 2, like the "  label:" under it.
  const indent = (text: string) => /^ *(?:- )?/.exec(text)![0].length;
  const content = (l: string) => l.trim() !== '' && !l.trim().startsWith('#');
  const prevContent = (i: number) => lines.slice(0, i).findLast(content);
  // Out of step with the line above: not at its column, unless that line opens a block ("model:").
  const outOfStep = (i: number) => {
    const above = prevContent(i);
    return above !== undefined && indent(lines[i]!) !== indent(above) && !(indent(lines[i]!) > indent(above) && /:\s*(#.*)?$/.test(above));
  };
  const out: { message: string; at: Position }[] = [];
  const said = new Set<number>();
  for (const e of errors) {
    if (!INDENTATION.test(e.message)) {
      out.push(e);
      continue;
    }
    const index = e.at.line - firstLine;
    const here = lines[index] ?? '';
    // The culprit is this line or the next one that holds something, whichever steps out of line.
    let culprit = index;
    const tab = lines.findIndex((l, i) => i >= index - 1 && i <= index + 1 && /^ *\t/.test(l));
    if (tab >= 0) culprit = tab;
    else if (!(here && outOfStep(index))) {
      const next = lines.findIndex((l, i) => i > index && content(l));
      if (next > 0 && outOfStep(next)) culprit = next;
    }
    const line = culprit + firstLine;
    if (said.has(line)) continue;
    said.add(line);
    const text = lines[culprit] ?? '';
    const before = prevContent(culprit);
    // A quote inside a "…" value ends it early: `stem: "he says "now" and leaves"` (the parser
    // blamed the indentation, at column 1).
    const early = /^(\s*(?:- )?(?:[^\s:"#][^:"#]*:\s+)?)"(?:[^"\\]|\\.)*"(?=[^\s#,\]}])/.exec(here);
    if (early) {
      const column = early[0].length;
      out.push({ message: `${e.message.replace(/\.$/, '')}; the " at column ${column} of line ${e.at.line} ends the quoted value early: inside "…" write \\" for a quote mark, or use « » or “ ”, or put the value in single quotes`, at: { line: e.at.line, column } });
      said.add(e.at.line);
      continue;
    }
    const advice = /^ *\t/.test(text)
      ? `line ${line} starts with a tab: YAML indents with spaces only; replace the tab with spaces`
      : before !== undefined && outOfStep(culprit)
        ? `line ${line} has its key at column ${indent(text) + 1} where the line above it has ${indent(before) + 1}: the keys of one entry start in the same column; line them up (or, if the line continues a value, put the value in quotes)`
        : `check the indentation of line ${line} and the lines around it: the keys of one entry start in the same column, and a value holding ": " is put in quotes`;
    out.push({ message: `${e.message.replace(/\.$/, '')}; ${advice}`, at: { line, column: 1 } });
  }
  return out;
}

export function parseYamlWithPositions(yaml: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const errors = indentationErrors(
    yaml,
    firstLine,
    doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, at: toPosition(e.pos[0]) })),
  );
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
