import { basename, join } from 'node:path';
import type { Root } from 'mdast';
import { moduleSchema, type ModuleFrontmatter } from '../../schemas/module.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { noFrontmatterMessage, splitFrontmatter, type ParsedYaml } from '../content/frontmatter.ts';
import { componentUses, mdxErrorDiagnostic, parseMdx, type ComponentUse } from '../content/mdx.ts';
import { readSource } from '../content/read-source.ts';
import { layout, listFiles, relPath, strayMarkdown } from '../content/project.ts';
import { validateYaml } from '../content/validate.ts';
import { outlineOf, type ModuleOutline } from './outline.ts';

/** One training module source file (`content/modules/<id>.mdx`), parsed and validated. */
export interface ModuleDoc {
  /** Id from the file name. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  absPath: string;
  source: string;
  /** Validated frontmatter; undefined when it has errors. */
  data: ModuleFrontmatter | undefined;
  yaml: ParsedYaml;
  /** Body mdast with positions in file lines; undefined on an MDX syntax error. */
  tree: Root | undefined;
  uses: ComponentUse[];
  /** Sessions, slides, activities, case studies, handouts and job aids, numbered. */
  outline: ModuleOutline;
}

/**
 * Reads one module: frontmatter through `moduleSchema`, body parsed with positions and outlined.
 * @param root Project root.
 * @param absPath Absolute path of the `.mdx` file.
 */
export function loadModule(root: string, absPath: string): { doc: ModuleDoc | undefined; diagnostics: Diagnostic[] } {
  const file = relPath(root, absPath);
  const id = basename(absPath).replace(/\.mdx$/, '');
  // A folder or a broken link named like a module, or a UTF-16 file, is one error and no module.
  const read = readSource(absPath, file);
  if (read.text === undefined) return { doc: undefined, diagnostics: read.diagnostics };
  const source = read.text;
  const { yaml: yamlText, body, yamlLine } = splitFrontmatter(source);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  if (!yamlText) diagnostics.push(diagnostic('error', 'module/frontmatter', file, noFrontmatterMessage(source, 'the module fields', 'sopkit new module <id>')));
  const validated = validateYaml(yamlText, moduleSchema, file, 'module/frontmatter', yamlLine);
  if (yamlText) diagnostics.push(...validated.diagnostics);
  const data = validated.value;
  if (data && data.id !== id) {
    diagnostics.push(diagnostic('error', 'module/id-mismatch', file, `id: found "${data.id}"; it must equal the file name "${id}"`, validated.yaml.positionOf(['id'])));
  }
  const parsed = parseMdx(body);
  let tree: Root | undefined;
  if ('error' in parsed) diagnostics.push(mdxErrorDiagnostic(file, parsed.error));
  else tree = parsed.tree;
  const doc: ModuleDoc = {
    id,
    file,
    absPath,
    source,
    data,
    yaml: validated.yaml,
    tree,
    uses: tree ? componentUses(tree) : [],
    outline: tree ? outlineOf(tree) : { sessions: [], outside: [] },
  };
  return { doc, diagnostics };
}

/** Every module under `content/modules/`, in file-name order, with the problems found loading them. */
export function loadModules(root: string): { modules: ModuleDoc[]; diagnostics: Diagnostic[] } {
  const modules: ModuleDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const abs of listFiles(join(root, layout.modules), '.mdx')) {
    const loaded = loadModule(root, abs);
    if (loaded.doc) modules.push(loaded.doc);
    diagnostics.push(...loaded.diagnostics);
  }
  diagnostics.push(...strayMarkdown(root, layout.modules));
  return { modules, diagnostics };
}
