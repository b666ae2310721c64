import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { parseAhead } from '../../../src/lib/content/parse-ahead.ts';
import { isParseCached } from '../../../src/lib/content/parse-cache.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { useTempSopkitRoot } from './temp-root.ts';

const source = readFileSync(join(import.meta.dirname, '../../fixtures/check/base/content/sops/alpha.mdx'), 'utf8');
let root = '';

/** Six SOP files whose texts no other test parses (the parse cache's memory is per thread). */
function writeSops(): string[] {
  mkdirSync(join(root, 'content/sops'), { recursive: true });
  return ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => {
    // The root in the frontmatter too: the YAML cache's memory outlives a test's folder.
    const text = source.replace(/^id: .*$/m, `id: ${id}\n# ${root}`) + `\nA paragraph only SOP ${id} of ${root} has.\n`;
    writeFileSync(join(root, 'content/sops', `${id}.mdx`), text);
    return splitFrontmatter(text).body;
  });
}
const cachedFiles = (dir: string) => readdirSync(join(root, '.sopkit-cache', dir)).length;

useTempSopkitRoot('sopkit-parse-ahead-', (dir) => (root = dir));

describe('parseAhead', () => {
  it('parses from the last SOP and stops at the first one the other thread has parsed', () => {
    const bodies = writeSops();
    // The check's load, parsing from the first file, has done two when this thread reaches them.
    parseMdx(bodies[0]!);
    parseMdx(bodies[1]!);
    expect(bodies.map((b) => isParseCached(b))).toEqual([true, true, false, false, false, false]);
    expect(parseAhead(root)).toBe(4);
    expect(bodies.map((b) => isParseCached(b))).toEqual([true, true, true, true, true, true]);
    // Its frontmatter too: the four files it parsed.
    expect(cachedFiles('yaml')).toBe(4);
    // Loading the project then finds every tree in the cache: it parses none.
    const project = loadProject(root);
    expect(project.sops.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(cachedFiles('mdx')).toBe(6);
  });

  it('goes through the files in the order the load parses them, backwards: translations and modules first', () => {
    const bodies = writeSops();
    writeFileSync(join(root, 'content/site.yaml'), 'title: Test pack\norganisation: Test registry\ncountry: Testland\nurl: https://example.org\nlanguage: en\nlocales:\n  - { code: en, label: English, default: true }\n  - { code: fr, label: Français }\n');
    mkdirSync(join(root, 'content/modules'), { recursive: true });
    mkdirSync(join(root, 'content/fr/sops'), { recursive: true });
    const moduleText = `---\nid: m1\ntitle: Module ${root}\n---\n\n## Session\n\nA module only this test has.\n`;
    writeFileSync(join(root, 'content/modules/m1.mdx'), moduleText);
    const french = source.replace(/^language: .*$/m, 'language: fr') + `\nUn paragraphe que seul ce test a : ${root}.\n`;
    writeFileSync(join(root, 'content/fr/sops/a.mdx'), french);
    // The load has parsed the six SOPs: the French SOP and the module are left, from the end.
    for (const body of bodies) parseMdx(body);
    expect(parseAhead(root)).toBe(2);
    expect(isParseCached(splitFrontmatter(french).body) && isParseCached(splitFrontmatter(moduleText).body)).toBe(true);
    // A module's frontmatter does not go through the YAML cache (the load reads it directly): the French SOP's did.
    expect(cachedFiles('yaml')).toBe(1);
    // Both edited; the load, which parses the modules before the translations, has reached the
    // module: only the French SOP is left, and this thread starts there.
    writeFileSync(join(root, 'content/fr/sops/a.mdx'), `${french}\nEncore.\n`);
    writeFileSync(join(root, 'content/modules/m1.mdx'), `${moduleText}\nMore.\n`);
    parseMdx(splitFrontmatter(`${moduleText}\nMore.\n`).body);
    expect(parseAhead(root)).toBe(1);
    expect(isParseCached(splitFrontmatter(`${french}\nEncore.\n`).body)).toBe(true);
  });

  it('parses nothing when the last file is already parsed (a build after an edit in the middle)', () => {
    const bodies = writeSops();
    expect(parseAhead(root)).toBe(6);
    writeFileSync(join(root, 'content/sops/c.mdx'), `${readFileSync(join(root, 'content/sops/c.mdx'), 'utf8')}\nAn edit.\n`);
    expect(parseAhead(root)).toBe(0);
    expect(bodies.every((b) => isParseCached(b))).toBe(true);
  });

  it('parses nothing in a project without SOPs', () => {
    expect(parseAhead(root)).toBe(0);
  });
});
