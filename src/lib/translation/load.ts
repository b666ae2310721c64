import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ZodType, ZodTypeDef } from 'zod';
import {
  courseTranslationSchema,
  dryRunTranslationSchema,
  glossaryTranslationsSchema,
  parameterTranslationsSchema,
  roleTranslationsSchema,
  workflowLabelsSchema,
  type CourseTranslation,
  type DryRunTranslation,
  type GlossaryTranslation,
  type ParameterTranslation,
  type RoleTranslation,
  type WorkflowLabels,
} from '../../schemas/translation.ts';
import type { SiteConfig } from '../../schemas/site.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { listFiles, loadSop, relPath, strayMarkdown, type SopDoc } from '../content/project.ts';
import { readSource } from '../content/read-source.ts';
import { nameListEntries, validateYaml } from '../content/validate.ts';
import { loadModule, type ModuleDoc } from '../training/modules.ts';
import { translatedLocales } from './locales.ts';
import { translationLayout } from './paths.ts';

/** A translated YAML list (glossary, roles, parameter labels) with its parsed file, for positions. */
export interface TranslatedList<T> {
  file: string;
  entries: T[];
  yaml: ParsedYaml | undefined;
  /** The file is there and did not validate (its errors are reported): its entries are none, not missing. */
  invalid?: boolean;
}

/** The words of one workflow in one language (`workflows/<lang>/<id>.yaml`). */
export interface WorkflowLabelsDoc {
  id: string;
  file: string;
  labels: WorkflowLabels;
  yaml: ParsedYaml;
}

/** The words of one course in one language (`content/<lang>/courses/<id>.yaml`). */
export interface CourseTranslationDoc {
  id: string;
  file: string;
  words: CourseTranslation;
  yaml: ParsedYaml;
}

/** The words of one dry-run record in one language (`content/<lang>/dryruns/<id>.yaml`). */
export interface DryRunTranslationDoc {
  id: string;
  file: string;
  words: DryRunTranslation;
  yaml: ParsedYaml;
}

/** Everything translated into one language. */
export interface LocaleContent {
  lang: string;
  /** `content/<lang>/sops/*.mdx`, loaded as the source SOPs are. */
  sops: SopDoc[];
  /** `content/<lang>/modules/*.mdx`. */
  modules: ModuleDoc[];
  glossary: TranslatedList<GlossaryTranslation>;
  roles: TranslatedList<RoleTranslation>;
  parameters: TranslatedList<ParameterTranslation>;
  workflows: WorkflowLabelsDoc[];
  /** `content/<lang>/courses/*.yaml`: the words of each course. */
  courses: CourseTranslationDoc[];
  /** `content/<lang>/dryruns/*.yaml`: the words of each dry-run record. */
  dryruns: DryRunTranslationDoc[];
  /** Absolute paths of `quizzes/<lang>/*.yaml` (read by the quiz loader). */
  quizzes: string[];
}

/** What an entry of a translated list is, in its messages. */
const NOUN: Record<string, string> = { 'translation/glossary': 'term', 'translation/roles': 'role', 'translation/parameters': 'parameter' };

/** What the source's parameters file alone sets: a country sets each once, for every language. */
const SET_ONCE = new Set(['value', 'unit', 'model', 'currency', 'longerThan', 'above']);

/**
 * "unknown field value" in a translated parameters file says why: a translator who typed the
 * country's value there expected it to take effect in that language.
 */
function settingHere(d: Diagnostic, rel: string): Diagnostic {
  const m = /: unknown field (\w+); remove or rename it$/.exec(d.message);
  if (!m || !SET_ONCE.has(m[1]!)) return d;
  return { ...d, message: `${d.message.slice(0, m.index)}: ${m[1]} is set once, in content/parameters.yaml, for every language; ${rel} gives only the words (label, group, why, source, noun): remove ${m[1]} here` };
}

function loadList<T>(root: string, rel: string, schema: ZodType<T[], ZodTypeDef, unknown>, code: string, out: Diagnostic[]): TranslatedList<T> {
  const abs = join(root, rel);
  if (!existsSync(abs)) return { file: rel, entries: [], yaml: undefined };
  const read = readSource(abs, rel);
  out.push(...read.diagnostics);
  if (read.text === undefined) return { file: rel, entries: [], yaml: undefined };
  const v = validateYaml(read.text, schema, rel, code);
  out.push(...nameListEntries(v.diagnostics, v.yaml.data, NOUN[code] ?? 'entry').map((d) => (code === 'translation/parameters' ? settingHere(d, rel) : d)));
  return { file: rel, entries: v.value ?? [], yaml: v.yaml, ...(v.value ? {} : { invalid: true }) };
}

/**
 * Every YAML file of a folder, read and validated: its id (the file name without its ending),
 * path, value and parsed text; a file that cannot be read or does not validate gives its
 * diagnostics and no entry. A byte-order mark (Notepad) is dropped before parsing.
 */
function loadFolder<T>(root: string, dir: string, endings: readonly string[], schema: ZodType<T, ZodTypeDef, unknown>, code: string, out: Diagnostic[]): { id: string; file: string; value: T; yaml: ParsedYaml }[] {
  const docs: { id: string; file: string; value: T; yaml: ParsedYaml }[] = [];
  for (const abs of endings.flatMap((ending) => listFiles(join(root, dir), ending)).sort()) {
    const file = relPath(root, abs);
    const read = readSource(abs, file);
    out.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const v = validateYaml(read.text.replace(/^\uFEFF/, ''), schema, file, code);
    out.push(...v.diagnostics);
    if (v.value) docs.push({ id: basename(abs).replace(/\.ya?ml$/, ''), file, value: v.value, yaml: v.yaml });
  }
  return docs;
}

/**
 * Loads the translations of one language (ARCHITECTURE.md, Formats: translations). Missing
 * files are simply not translated; problems in a file become diagnostics.
 * @param root Project root.
 * @param lang Language code (the folder name).
 */
export function loadLocale(root: string, lang: string): { content: LocaleContent; diagnostics: Diagnostic[] } {
  const paths = translationLayout(lang);
  const diagnostics: Diagnostic[] = [];
  const sops = listFiles(join(root, paths.sops), '.mdx').flatMap((abs) => {
    const loaded = loadSop(root, abs);
    diagnostics.push(...loaded.diagnostics);
    return loaded.doc ? [loaded.doc] : [];
  });
  const modules = listFiles(join(root, paths.modules), '.mdx').flatMap((abs) => {
    const loaded = loadModule(root, abs);
    diagnostics.push(...loaded.diagnostics);
    return loaded.doc ? [loaded.doc] : [];
  });
  diagnostics.push(...strayMarkdown(root, paths.sops), ...strayMarkdown(root, paths.modules));
  const workflows: WorkflowLabelsDoc[] = loadFolder(root, paths.workflows, ['.yaml'], workflowLabelsSchema, 'translation/workflow-labels', diagnostics).map(({ value, ...doc }) => ({ ...doc, labels: value }));
  const courses: CourseTranslationDoc[] = loadFolder(root, paths.courses, ['.yaml'], courseTranslationSchema, 'translation/course', diagnostics).map(({ value, ...doc }) => ({ ...doc, words: value }));
  // `.yml` too, as the records themselves (`loadDryRuns`).
  const dryruns: DryRunTranslationDoc[] = loadFolder(root, paths.dryruns, ['.yaml', '.yml'], dryRunTranslationSchema, 'translation/dryrun', diagnostics).map(({ value, ...doc }) => ({ ...doc, words: value }));
  const content: LocaleContent = {
    lang,
    sops,
    modules,
    glossary: loadList(root, paths.glossary, glossaryTranslationsSchema, 'translation/glossary', diagnostics),
    roles: loadList(root, paths.roles, roleTranslationsSchema, 'translation/roles', diagnostics),
    parameters: loadList(root, paths.parameters, parameterTranslationsSchema, 'translation/parameters', diagnostics),
    workflows,
    courses,
    dryruns,
    quizzes: listFiles(join(root, paths.quizzes), '.yaml'),
  };
  return { content, diagnostics };
}

/**
 * Loads every locale other than the source language.
 * @param root Project root.
 * @param site The site settings (its `locales`).
 */
export function loadTranslations(root: string, site: SiteConfig | undefined): { translations: Record<string, LocaleContent>; diagnostics: Diagnostic[] } {
  const translations: Record<string, LocaleContent> = {};
  const diagnostics: Diagnostic[] = [];
  for (const locale of translatedLocales(site)) {
    const loaded = loadLocale(root, locale.code);
    translations[locale.code] = loaded.content;
    diagnostics.push(...loaded.diagnostics);
  }
  return { translations, diagnostics };
}
