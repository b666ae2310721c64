import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import {
  glossarySchema,
  rolesSchema,
  siteSchema,
  sopSchema,
  type GlossaryTerm,
  type Role,
  type SiteConfig,
  type SopFrontmatter,
} from '../../schemas/index.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { loadParameters, type ParameterSet } from '../params/load.ts';
import { substituteDeep, type ParamLookup } from '../params/substitute.ts';
import { noFrontmatterMessage, splitFrontmatter, type ParsedYaml } from './frontmatter.ts';
import { componentUses, mdxErrorDiagnostic, parseMdx, type ComponentUse } from './mdx.ts';
import { isSpecialFile, readSource, specialFiles } from './read-source.ts';
import { numberParagraphs, type Paragraph } from './paragraphs.ts';
import { numberSections, type Section } from './sections.ts';
import { nameListEntries, validateYaml } from './validate.ts';
import { parseYamlCached } from './yaml-cache.ts';
import { loadCourses, type CourseDoc } from '../training/courses.ts';
import { loadModules, type ModuleDoc } from '../training/modules.ts';
import { loadTranslations, type LocaleContent } from '../translation/load.ts';
import { localesOf, type SiteLocale } from '../translation/locales.ts';

/** One SOP source file, parsed and validated. */
export interface SopDoc {
  /** Id from the file name (`birth-registration`). */
  id: string;
  /** Path relative to the project root (`content/sops/birth-registration.mdx`). */
  file: string;
  absPath: string;
  source: string;
  /** Validated frontmatter; undefined when it has errors. */
  data: SopFrontmatter | undefined;
  yaml: ParsedYaml;
  /** Body mdast with positions in file lines; undefined on an MDX syntax error. */
  tree: Root | undefined;
  sections: Section[];
  /** Numbered paragraphs (`§6.2 ¶3`), in document order. */
  paragraphs: Paragraph[];
  uses: ComponentUse[];
}

/** Everything under `content/`, loaded once and shared by the checker, the CLI, the site and the PDFs. */
export interface Project {
  root: string;
  site: SiteConfig | undefined;
  sops: SopDoc[];
  /** Training modules (`content/modules/`). */
  modules: ModuleDoc[];
  /** Courses (`content/courses/`). */
  courses: CourseDoc[];
  glossary: GlossaryTerm[];
  roles: Role[];
  /** The values the country sets (`content/parameters.yaml`), empty when the file is absent. */
  parameters: ParameterSet;
  /** Parsed YAML of the glossary, roles and parameters files, to place messages on their lines. */
  yaml: { glossary?: ParsedYaml; roles?: ParsedYaml; parameters?: ParsedYaml; site?: ParsedYaml };
  /** The languages the site is published in, the source language first (`site.locales`). */
  locales: SiteLocale[];
  /** What is translated into each non-default locale, by language code (`content/<lang>/`...). */
  translations: Record<string, LocaleContent>;
  /** Problems found while loading (syntax and schema). */
  diagnostics: Diagnostic[];
}

/** Paths of the fixed top-level folders, relative to a root. */
export const layout = {
  sops: 'content/sops',
  modules: 'content/modules',
  courses: 'content/courses',
  glossary: 'content/glossary.yaml',
  roles: 'content/roles.yaml',
  parameters: 'content/parameters.yaml',
  site: 'content/site.yaml',
  workflows: 'workflows',
  quizzes: 'quizzes',
} as const;

/** Path relative to the root, with forward slashes (for messages on every OS). */
export function relPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/**
 * Files in a folder with a given ending, sorted by name (so every output is deterministic). A
 * named pipe, socket or device with such a name is left out: reading it would never end
 * (`specialFiles` gives the check's error for it).
 */
export function listFiles(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name.endsWith(ending) && !e.name.startsWith('.') && !e.name.startsWith('_') && (e.isFile() || e.isDirectory() || !isSpecialFile(join(dir, e.name))))
    .map((e) => e.name)
    .sort()
    .map((name) => join(dir, name));
}

/**
 * A warning for each `.md` file in a folder of SOPs (or modules): only `.mdx` files are read, so
 * an SOP saved as `.md` was left out of the site, the PDFs and the check without a word.
 * @param root Project root.
 * @param dir The folder, relative to the root (`content/sops`, `content/fr/sops`).
 */
export function strayMarkdown(root: string, dir: string): Diagnostic[] {
  return listFiles(join(root, dir), '.md').map((abs) => {
    const file = relPath(root, abs);
    const mdx = file.replace(/\.md$/, '.mdx');
    const what = existsSync(`${abs}x`) ? `${mdx} is read instead; delete this copy, or merge it into ${mdx}` : `rename it to ${mdx}`;
    return diagnostic('warning', 'file/not-mdx', file, `only .mdx files are read in ${dir}/, so this file is left out; ${what}`);
  });
}

/**
 * Reads one SOP file: frontmatter validated by `sopSchema`, body parsed and numbered.
 * @param root Project root.
 * @param absPath Absolute path of the `.mdx` file.
 */
export function loadSop(root: string, absPath: string): { doc: SopDoc | undefined; diagnostics: Diagnostic[] } {
  const file = relPath(root, absPath);
  const id = absPath.slice(absPath.lastIndexOf(sep) + 1).replace(/\.mdx$/, '');
  // A folder or a broken link named like an SOP, or a UTF-16 file, is one error and no SOP.
  const read = readSource(absPath, file);
  if (read.text === undefined) return { doc: undefined, diagnostics: read.diagnostics };
  const parsed = parseSop(id, file, absPath, read.text);
  return { doc: parsed.doc, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
}

/**
 * Parses SOP source text as `loadSop` does a file: also for texts that are not on disk (an older
 * version read from git, for `sopkit diff`).
 * @param id The SOP id (the file name without `.mdx`).
 * @param file Path for messages, relative to the project root.
 * @param absPath Absolute path of the file the text belongs to.
 * @param source The text.
 */
export function parseSop(id: string, file: string, absPath: string, source: string): { doc: SopDoc; diagnostics: Diagnostic[] } {
  const { yaml: yamlText, body, yamlLine } = splitFrontmatter(source);
  const diagnostics: Diagnostic[] = [];
  if (!yamlText) {
    diagnostics.push(diagnostic('error', 'sop/frontmatter', file, noFrontmatterMessage(source, 'the SOP fields', 'sopkit new sop <id>')));
  }
  const validated = validateYaml(yamlText, sopSchema, file, 'sop/frontmatter', yamlLine, parseYamlCached);
  diagnostics.push(...(yamlText ? validated.diagnostics : []));
  const data = validated.value;
  if (data && data.id !== id) {
    diagnostics.push(
      diagnostic('error', 'sop/id-mismatch', file, `id: found "${data.id}"; it must equal the file name "${id}"`, validated.yaml.positionOf(['id'])),
    );
  }
  const parsed = parseMdx(body);
  let tree: Root | undefined;
  let sections: Section[] = [];
  let paragraphs: Paragraph[] = [];
  let uses: ComponentUse[] = [];
  if ('error' in parsed) {
    diagnostics.push(mdxErrorDiagnostic(file, parsed.error));
  } else {
    tree = parsed.tree;
    sections = numberSections(tree);
    paragraphs = numberParagraphs(tree);
    uses = componentUses(tree);
  }
  return { doc: { id, file, absPath, source, data, yaml: validated.yaml, tree, sections, paragraphs, uses }, diagnostics };
}

function loadYamlList<T>(root: string, rel: string, schema: Parameters<typeof validateYaml<T[]>>[1], code: string, noun: string) {
  const abs = join(root, rel);
  if (!existsSync(abs)) return { value: [] as T[], diagnostics: [] as Diagnostic[], yaml: undefined };
  const read = readSource(abs, rel);
  if (read.text === undefined) return { value: [] as T[], diagnostics: read.diagnostics, yaml: undefined };
  const v = validateYaml<T[]>(read.text, schema, rel, code, 1, parseYamlCached);
  return { value: v.value ?? [], diagnostics: [...read.diagnostics, ...nameListEntries(v.diagnostics, v.yaml.data, noun)], yaml: v.yaml };
}

/**
 * The site settings (`content/site.yaml`), validated: undefined when the file is missing or
 * invalid (the diagnostics say why).
 * @param root Project root.
 */
export function loadSiteConfig(root: string): { site: SiteConfig | undefined; diagnostics: Diagnostic[]; yaml?: ParsedYaml } {
  const siteFile = join(root, layout.site);
  if (!existsSync(siteFile)) return { site: undefined, diagnostics: [] };
  const read = readSource(siteFile, layout.site);
  if (read.text === undefined) return { site: undefined, diagnostics: read.diagnostics };
  const v = validateYaml(read.text, siteSchema, layout.site, 'site/schema');
  return { site: v.value, diagnostics: [...read.diagnostics, ...v.diagnostics], ...(v.yaml ? { yaml: v.yaml } : {}) };
}

/**
 * Loads every SOP, the glossary, the roles, the parameters and the site settings under a project root.
 * @param root Folder holding `content/`; defaults to the working directory.
 */
export function loadProject(root: string = process.cwd()): Project {
  const absRoot = resolve(root);
  const diagnostics: Diagnostic[] = [];
  const sops: SopDoc[] = [];
  for (const abs of listFiles(join(absRoot, layout.sops), '.mdx')) {
    const { doc, diagnostics: found } = loadSop(absRoot, abs);
    if (doc) sops.push(doc);
    diagnostics.push(...found);
  }
  diagnostics.push(...strayMarkdown(absRoot, layout.sops), ...specialFiles(absRoot));
  const glossary = loadYamlList<GlossaryTerm>(absRoot, layout.glossary, glossarySchema, 'glossary/schema', 'term');
  const roles = loadYamlList<Role>(absRoot, layout.roles, rolesSchema, 'roles/schema', 'role');
  const { site, diagnostics: siteDiagnostics, yaml: siteYaml } = loadSiteConfig(absRoot);
  diagnostics.push(...siteDiagnostics);
  const parameters = loadParameters(absRoot);
  diagnostics.push(...glossary.diagnostics, ...roles.diagnostics, ...parameters.diagnostics);
  const modules = loadModules(absRoot);
  const courses = loadCourses(absRoot);
  diagnostics.push(...modules.diagnostics, ...courses.diagnostics);
  const translations = loadTranslations(absRoot, site);
  diagnostics.push(...translations.diagnostics);
  // A definition may name a country's value (`{param:id}`), worded in the glossary's language:
  // the page, the terms' pop-ups, search and the handbooks' glossary all read it from here.
  const inLanguage = (lang: string): ParamLookup => (id, c) => parameters.set.text(id, lang, c);
  for (const [lang, content] of Object.entries(translations.translations)) content.glossary.entries = substituteDeep(content.glossary.entries, inLanguage(lang));
  return {
    root: absRoot,
    site,
    sops,
    modules: modules.modules,
    courses: courses.courses,
    glossary: substituteDeep(glossary.value, inLanguage(localesOf(site)[0]?.code ?? 'en')),
    roles: roles.value,
    parameters: parameters.set,
    yaml: { glossary: glossary.yaml, roles: roles.yaml, parameters: parameters.yaml, ...(siteYaml ? { site: siteYaml } : {}) },
    locales: localesOf(site),
    translations: translations.translations,
    diagnostics,
  };
}

/** The SOP with an id, if loaded. */
export function getSop(project: Project, id: string): SopDoc | undefined {
  return project.sops.find((s) => s.id === id);
}
