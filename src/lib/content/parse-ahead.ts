import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from './frontmatter.ts';
import { parseMdx } from './mdx.ts';
import { isParseCached } from './parse-cache.ts';
import { layout, listFiles } from './project.ts';
import { parseYamlCached } from './yaml-cache.ts';

/**
 * Parses the SOP files into the parse cache (`.sopkit-cache/mdx/` and `yaml/`), from the last file
 * to the first, and stops at the first one whose tree is already there. A build runs it in its
 * PDF worker while the check, in a thread of its own, loads the project, which parses the same
 * files from the first: the check reads back the trees this made and the two meet in the
 * middle, so a cold build's check parses half the pack (a second core was idle while the check
 * ran, and the whole build waits for the check). When nothing changed it stops at the last file.
 * Parsing has no side effect beyond the cache, so a file that cannot be read only ends it early.
 * `SOPKIT_ROOT` must name the same root (the parse cache's folder).
 * @param root Project root.
 * @returns How many files it parsed.
 */
export function parseAhead(root: string): number {
  let parsed = 0;
  for (const abs of listFiles(join(root, layout.sops), '.mdx').reverse()) {
    let source: string;
    try {
      source = readFileSync(abs, 'utf8');
    } catch {
      return parsed;
    }
    const { yaml, body, yamlLine } = splitFrontmatter(source);
    if (isParseCached(body)) return parsed;
    if (yaml) parseYamlCached(yaml, yamlLine);
    parseMdx(body);
    parsed++;
  }
  return parsed;
}
