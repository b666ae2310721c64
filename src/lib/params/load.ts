import { existsSync } from 'node:fs';
import { readSource } from '../content/read-source.ts';
import { join } from 'node:path';
import { parametersSchema, type Parameter } from '../../schemas/parameters.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { validateYaml } from '../content/validate.ts';
import { parseYamlCached } from '../content/yaml-cache.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ParamCase } from './cases.ts';
import { formatParameter } from './format.ts';

/** Where the parameters live, relative to the project root. */
export const parametersFile = 'content/parameters.yaml'; // = layout.parameters (content/project.ts imports this module)

/** The parameters of a project, validated, with a way to print each one. */
export interface ParameterSet {
  /** In file order. */
  list: Parameter[];
  /** The parameter with an id. */
  get(id: string): Parameter | undefined;
  /** The value with its unit in a language (`30 days`), in a case (`سنتين`), or undefined for an unknown id. */
  text(id: string, lang: string, grammaticalCase?: ParamCase): string | undefined;
}

/** A parameter set over a list (the first entry wins when an id is repeated; the checker reports it). */
export function parameterSet(list: readonly Parameter[]): ParameterSet {
  const byId = new Map<string, Parameter>();
  for (const p of list) if (!byId.has(p.id)) byId.set(p.id, p);
  return {
    list: [...list],
    get: (id) => byId.get(id),
    text(id, lang, grammaticalCase) {
      const p = byId.get(id);
      return p ? formatParameter(p, lang, grammaticalCase) : undefined;
    },
  };
}

/** What `loadParameters` returns: the set, the YAML (for positions) and the problems found. */
export interface LoadedParameters {
  set: ParameterSet;
  yaml: ParsedYaml | undefined;
  diagnostics: Diagnostic[];
}

// The last parse of each parameters file, with the text it came from: a check reads the file for
// the project, for each workflow file it loads and for each quiz; the text is read every time, so
// an edited file is parsed again, but unchanged it is parsed once.
const lastParsed = new Map<string, { source: string; loaded: LoadedParameters }>();

/**
 * Reads `content/parameters.yaml` (absent: no parameters). Schema problems and repeated ids come
 * back as diagnostics at their line; the valid entries are kept even when another entry is wrong,
 * so one typo does not blank every value in the pack.
 * @param root Project root.
 */
export function loadParameters(root: string): LoadedParameters {
  const abs = join(root, parametersFile);
  if (!existsSync(abs)) return { set: parameterSet([]), yaml: undefined, diagnostics: [] };
  const read = readSource(abs, parametersFile);
  if (read.text === undefined) return { set: parameterSet([]), yaml: undefined, diagnostics: read.diagnostics };
  const source = read.text;
  let last = lastParsed.get(abs);
  if (last?.source !== source) {
    last = { source, loaded: parseParameters(source) };
    lastParsed.set(abs, last);
  }
  return { ...last.loaded, diagnostics: [...read.diagnostics, ...last.loaded.diagnostics] };
}

/**
 * Validates the text of a parameters file (what `loadParameters` reads).
 * @param source The YAML text.
 */
export function parseParameters(source: string): LoadedParameters {
  const text = source.replace(/^\uFEFF/, '');
  const whole = validateYaml(text, parametersSchema, parametersFile, 'params/schema', 1, parseYamlCached);
  // "[0].value: found ..." names the entry by its id: the first entry is not what an author sees.
  const entries = Array.isArray(whole.yaml.data) ? (whole.yaml.data as unknown[]) : [];
  const diagnostics = whole.diagnostics.map((d) => {
    const match = /^\[(\d+)\]\.?/.exec(d.message);
    const id = match ? (entries[Number(match[1])] as { id?: unknown } | null)?.id : undefined;
    return match && typeof id === 'string' && id ? { ...d, message: `parameter ${id}, ${d.message.slice(match[0].length)}` } : d;
  });
  let list = whole.value ?? [];
  if (!whole.value && Array.isArray(whole.yaml.data)) {
    // Keep every entry that is valid on its own.
    list = whole.yaml.data.flatMap((entry) => {
      const one = parametersSchema.element.safeParse(entry);
      return one.success ? [one.data] : [];
    });
  } else if (!whole.value && !whole.yaml.errors.length && whole.yaml.data != null && !Array.isArray(whole.yaml.data)) {
    diagnostics.splice(0, diagnostics.length, diagnostic('error', 'params/schema', parametersFile, 'expected a list of parameters, each starting with "- id:"'));
  }
  const raw = Array.isArray(whole.yaml.data) ? (whole.yaml.data as unknown[]) : [];
  const firstLine = new Map<string, number>();
  raw.forEach((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const at = whole.yaml.positionOf([i, 'id']);
    const earlier = firstLine.get(id);
    if (earlier === undefined) firstLine.set(id, at.line);
    else diagnostics.push(diagnostic('error', 'duplicate-id', parametersFile, `id "${id}" is already used on line ${earlier}; give each parameter its own id`, at));
    // "value: 1.500" is how a fee of one thousand five hundred is written in much of the world;
    // YAML reads 1.5, and every PDF printed a fee a thousand times too small.
    if ((entry as { unit?: unknown }).unit !== 'currency') return;
    for (const path of [[i, 'value'], [i, 'model', 'value']]) {
      const written = whole.yaml.sourceOf(path);
      if (!written || !/^\d{1,3}(\.\d{3})+$/.test(written)) continue;
      const digits = written.replace(/\./g, '');
      const currency = (entry as { currency?: unknown }).currency;
      const unit = typeof currency === 'string' ? ` ${currency}` : '';
      diagnostics.push(diagnostic('warning', 'params/thousands-separator', parametersFile, `${path.slice(1).join('.')}: ${written} reads as ${Number(written)}${unit}, not ${digits}${unit}: write an amount without a thousands separator (${digits}); if ${Number(written)}${unit} is meant, write ${Number(written)}`, whole.yaml.positionOf(path)));
    }
  });
  return { set: parameterSet(list), yaml: whole.yaml, diagnostics };
}
