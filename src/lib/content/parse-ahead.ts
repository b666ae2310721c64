import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translationLayout } from '../translation/paths.ts';
import { translatedLocales } from '../translation/locales.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseMdx } from './mdx.ts';
import { isParseCached } from './parse-cache.ts';
import { layout, listFiles, loadSiteConfig } from './project.ts';
import { parseYamlCached } from './yaml-cache.ts';

/** An MDX file the project's load parses, and whether its frontmatter goes through the YAML cache (an SOP's does, a module's does not). */
interface Source {
  file: string;
  yamlCached: boolean;
}

/** The codes of the languages the site translates into, in the order of `content/site.yaml` (none when it cannot be read). */
function translatedCodes(root: string): string[] {
  try {
    return translatedLocales(loadSiteConfig(root).site).map((l) => l.code);
  } catch {
    return [];
  }
}

/**
 * The MDX files `loadProject` parses, in the order it parses them: the SOPs, the training
 * modules, then each translated language's SOPs and modules.
 */
function sourcesInLoadOrder(root: string): Source[] {
  const of = (dir: string, yamlCached: boolean) => listFiles(join(root, dir), '.mdx').map((file) => ({ file, yamlCached }));
  return [
    ...of(layout.sops, true),
    ...of(layout.modules, false),
    ...translatedCodes(root).flatMap((code) => {
      const paths = translationLayout(code);
      return [...of(paths.sops, true), ...of(paths.modules, false)];
    }),
  ];
}

/**
 * Parses the project's MDX files into the parse cache (`.sopkit-cache/mdx/`, and an SOP's
 * frontmatter into `yaml/`), from the last file `loadProject` parses to the first, and stops at
 * the first one whose tree is already there. A build runs it in its PDF worker while the check,
 * in a thread of its own, loads the project, which parses the same files from the first: the
 * check reads back the trees this made and the two meet in the middle, so a cold build's check
 * parses half the pack (a second core was idle while the check ran, and the whole build waits
 * for the check). When nothing changed it stops at the last file. Parsing has no side effect
 * beyond the cache, so a file that cannot be read only ends it early, and an order that differs
 * from the load's only makes it stop sooner. `SOPKIT_ROOT` must name the same root (the parse
 * cache's folder).
 * @param root Project root.
 * @returns How many files it parsed.
 */
export function parseAhead(root: string): number {
  let parsed = 0;
  for (const { file, yamlCached } of sourcesInLoadOrder(root).reverse()) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return parsed;
    }
    const { yaml, body, yamlLine } = splitFrontmatter(source);
    if (isParseCached(body)) return parsed;
    if (yaml && yamlCached) parseYamlCached(yaml, yamlLine);
    parseMdx(body);
    parsed++;
  }
  return parsed;
}
