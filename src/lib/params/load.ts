import { existsSync } from 'node:fs';
import { readSource } from '../content/read-source.ts';
import { join } from 'node:path';
import { parametersSchema, type Parameter } from '../../schemas/parameters.ts';
import { siteSchema } from '../../schemas/site.ts';
import { parameterTranslationSchema } from '../../schemas/translation.ts';
import { defaultLocale, translatedLocales } from '../translation/locales.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { nameListEntries, validateYaml } from '../content/validate.ts';
import { parseYamlCached } from '../content/yaml-cache.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ParamCase } from './cases.ts';
import { formatParameter, type CountedParameter, type NounsByLanguage } from './format.ts';

/** Where the parameters live, relative to the project root. */
export const parametersFile = 'content/parameters.yaml'; // = layout.parameters (content/project.ts imports this module)

/** The parameters of a project, validated, with a way to print each one. */
export interface ParameterSet {
  /** In file order, each count with its noun in every language that gives one. */
  list: CountedParameter[];
  /** The parameter with an id. */
  get(id: string): CountedParameter | undefined;
  /** The value with its unit in a language (`30 days`), in a case (`سنتين`), or undefined for an unknown id. */
  text(id: string, lang: string, grammaticalCase?: ParamCase): string | undefined;
}

/** A parameter set over a list (the first entry wins when an id is repeated; the checker reports it). */
export function parameterSet(list: readonly CountedParameter[]): ParameterSet {
  const byId = new Map<string, CountedParameter>();
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
  const set = withNouns(root, last.loaded.set);
  return { ...last.loaded, set, diagnostics: [...read.diagnostics, ...last.loaded.diagnostics] };
}

/** The text of a project file, or undefined when it is absent or unreadable (its own loader reports it). */
function textOf(root: string, rel: string): string | undefined {
  const abs = join(root, rel);
  return existsSync(abs) ? readSource(abs, rel).text?.replace(/^\uFEFF/, '') : undefined;
}

/** The YAML data of a text, or undefined when it does not parse. */
function yamlData(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const parsed = parseYamlCached(text);
  return parsed.errors.length ? undefined : parsed.data;
}

// The last set with nouns made from each parsed set, with the texts it was made from: a check
// loads the parameters for each workflow file and quiz, and the site and translations rarely change.
const lastWithNouns = new WeakMap<ParameterSet, { key: string; set: ParameterSet }>();

/**
 * The set with each count's noun in every language that gives one: the source's `noun` in the
 * pack's language, each translation's from `content/<lang>/parameters.yaml` (an entry that does not
 * validate gives none; the translation loader reports it). Read here, not by the translation
 * loader, so every reader of the values (quizzes, the machines' payload, the check) prints them.
 */
function withNouns(root: string, set: ParameterSet): ParameterSet {
  const siteText = textOf(root, 'content/site.yaml');
  const site = siteSchema.safeParse(yamlData(siteText));
  const config = site.success ? site.data : undefined;
  const files = translatedLocales(config).map(({ code }) => ({ code, text: textOf(root, `content/${code}/parameters.yaml`) }));
  const key = JSON.stringify([siteText, files]);
  const last = lastWithNouns.get(set);
  if (last?.key === key) return last.set;
  const translated = new Map<string, Map<string, NonNullable<Parameter['noun']>>>();
  for (const { code, text } of files) {
    const data = yamlData(text);
    for (const entry of Array.isArray(data) ? data : []) {
      const one = parameterTranslationSchema.safeParse(entry);
      if (!one.success || !one.data.noun) continue;
      const byLang = translated.get(one.data.id) ?? new Map();
      if (!byLang.has(code)) byLang.set(code, one.data.noun);
      translated.set(one.data.id, byLang);
    }
  }
  const made = nounsOn(set, translated, defaultLocale(config));
  lastWithNouns.set(set, { key, set: made });
  return made;
}

/** The set with the nouns of `translated` (id → language → noun) and the source's own, in the source language. */
function nounsOn(set: ParameterSet, translated: ReadonlyMap<string, ReadonlyMap<string, NonNullable<Parameter['noun']>>>, source: string): ParameterSet {
  if (!translated.size && !set.list.some((p) => p.noun)) return set;
  return parameterSet(
    set.list.map((p) => {
      if (p.unit !== 'count') return p;
      const nouns: Record<string, NonNullable<Parameter['noun']>> = Object.fromEntries(translated.get(p.id) ?? []);
      if (p.noun) nouns[source] = p.noun;
      return Object.keys(nouns).length ? { ...p, nouns: nouns as NounsByLanguage } : p;
    }),
  );
}

/**
 * Validates the text of a parameters file (what `loadParameters` reads).
 * @param source The YAML text.
 */
export function parseParameters(source: string): LoadedParameters {
  const text = source.replace(/^\uFEFF/, '');
  const whole = validateYaml(text, parametersSchema, parametersFile, 'params/schema', 1, parseYamlCached);
  // "[0].value: found ..." names the entry by its id: the first entry is not what an author sees.
  const diagnostics = nameListEntries(whole.diagnostics, whole.yaml.data, 'parameter');
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
